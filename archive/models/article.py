from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

#: Length of the hash prefix used in permalinks; 12 hex digits stay unique far past 100k articles.
PERMALINK_DIGITS = 12


class ArticleQuerySet(models.QuerySet):
    def by_key(self, key: str):
        """Articles whose SHA-256 starts with `key`, as a range the unique index can serve."""
        key = key.lower()
        return self.filter(sha256__gte=key, sha256__lt=key + "g")

    def dated(self):
        return self.filter(published__isnull=False)

    def listed(self):
        """Without the stored bytes and texts a list of titles never shows (a page of 20
        sorted with them took 80 ms at 100k articles)."""
        return self.defer("raw", "raw_text", "body", "minhash", "date_candidates")

    def copies_of(self, article):
        """The other articles of `article`'s cluster of wire copies, oldest first, as a list
        shows them (a story reprinted 600 times must not load 600 bodies)."""
        if not article.cluster:
            return self.none()
        others = self.filter(cluster=article.cluster).exclude(pk=article.pk)
        return others.only("sha256", "title", "source", "published").order_by("published", "pk")

    def date_span(self):
        """(first, last) publication date, or (None, None): two lookups of the date index
        (SQLite reads every row for MIN and MAX asked together)."""
        dated = self.dated().values_list("published", flat=True)
        return dated.order_by("published").first(), dated.order_by("-published").first()


class Article(models.Model):
    """A news article as imported: cleaned text for reading, raw text and hash for evidence."""

    class DateMethod(models.TextChoices):
        CURATOR = "curator", "Set by a curator"
        DATELINE_AND_METADATA = "dateline+metadata", "Dateline, agreeing with the source's metadata"
        DATELINE = "dateline", "Dateline at the top of the article"
        METADATA = "metadata", "Date given by the source file"
        URL = "url", "Date in the article's URL"
        WEEKDAY = "weekday", "Weekday and day in the text, year from the calendar"
        CALENDAR = "calendar", "Round dates and weekdays named in the text"
        TEXT = "text", "Explicit date in the text"
        UNDATED = "undated", "Undated"

    title = models.CharField(max_length=500)
    body = models.TextField(help_text="Text without page furniture, as shown and indexed.")
    raw_text = models.TextField(help_text="The text exactly as received (decoded).")
    raw = models.BinaryField(
        default=bytes, help_text="The bytes exactly as received; the SHA-256 is theirs."
    )
    sha256 = models.CharField(
        "SHA-256", max_length=64, unique=True, help_text="Hash of the raw bytes as received."
    )
    source = models.CharField("publisher", max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    date_method = models.CharField(
        max_length=20, choices=DateMethod.choices, default=DateMethod.UNDATED
    )
    date_confidence = models.FloatField(default=0.0, help_text="0 (a guess) to 1 (certain).")
    date_evidence = models.CharField(
        max_length=300, blank=True, help_text="The words the date was read from."
    )
    date_candidates = models.JSONField(
        default=list, blank=True, help_text="Every date each signal gave, with its confidence."
    )
    event_dates = models.JSONField(
        default=list, blank=True, help_text="Dates of events the text reports (not publication)."
    )

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        ARABIC = "ar", "Arabic"
        RUSSIAN = "ru", "Russian"
        FRENCH = "fr", "French"

    language = models.CharField(
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text="Detected at import (archive/ingest/language.py); correct it here.",
    )
    source_file = models.CharField(max_length=500)
    source_row = models.PositiveIntegerField(
        null=True, blank=True, help_text="Row in a CSV file (1 = first data row)."
    )
    external_id = models.CharField(max_length=100, blank=True, help_text="The source's own id.")
    record = models.JSONField(
        default=dict, blank=True, help_text="Where in the file: WARC record id, target URI, …"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    import_run = models.ForeignKey(
        "archive.ImportRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    importer_version = models.CharField(max_length=20, blank=True)
    cluster = models.CharField(  # indexed first in `article_copies_order`
        max_length=64,
        blank=True,
        help_text="Near-duplicate copies of one wire story share this key.",
    )
    minhash = models.BinaryField(default=bytes, help_text="Signature for near-duplicate search.")
    author = models.CharField(max_length=300, blank=True)
    decoding_errors = models.PositiveIntegerField(
        default=0, help_text="Bytes that were not valid UTF-8 and were decoded by a fallback."
    )
    actors = models.ManyToManyField(
        "archive.Actor", through="archive.Mention", related_name="articles", blank=True
    )
    events = models.ManyToManyField(
        "archive.Event", related_name="articles", blank=True, verbose_name="rounds"
    )

    objects = ArticleQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["raw", "raw_text", "minhash"])

    class Meta:
        ordering = ["-published", "title"]
        # The list's order, read from an index rather than sorted (80 ms at 100k articles).
        indexes = [
            models.Index(fields=["-published", "title"], name="article_listing_order"),
            # A story's copies, oldest first, read from the index (a cluster of 600 copies
            # sorted from the table's rows took 8-16 ms on the article page at 100k).
            models.Index(fields=["cluster", "published", "id"], name="article_copies_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.key])

    @property
    def key(self):
        """The permalink key: the first digits of the content hash."""
        return self.sha256[:PERMALINK_DIGITS]

    @property
    def provenance(self) -> list[tuple[str, str]]:
        """(label, value) of what the reader kept of where the record came from."""
        from archive.ingest.records import PROVENANCE_LABELS, provenance_label

        # In the readers' order (PostgreSQL's jsonb keeps keys sorted, SQLite as written).
        rank = {key: i for i, key in enumerate(PROVENANCE_LABELS)}
        keys = sorted(self.record or {}, key=lambda key: (rank.get(key, len(rank)), key))
        return [(provenance_label(key), self.record[key]) for key in keys]

    @property
    def original_url(self) -> str:
        """The source's address when it is a web address (http or https); "" otherwise. A
        `javascript:` or `data:` URL a file carried is kept as evidence but never a link."""
        url = (self.url or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else ""


class Mention(models.Model):
    """That an article names an actor, and how many times."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    actor = models.ForeignKey("archive.Actor", on_delete=models.CASCADE)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "actor"], name="mention_unique")]

    def __str__(self):
        return f"{self.actor} ×{self.count}"
