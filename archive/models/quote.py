from django.db import models
from simple_history.models import HistoricalRecords


class QuoteQuerySet(models.QuerySet):
    def attributed(self):
        """Quotes as pages, search and exports show them: not those a curator rejected."""
        return self.filter(rejected=False)


class Quote(models.Model):
    """Words attributed to a speaker in an article: a direct quote or reported speech.

    The speaker is a resolved Actor, or (speaker empty) a person the text names but the
    gazetteer does not know yet, or an anonymous source kept as such ("a Western diplomat")."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        REPORTED = "reported", "Reported speech"

    article = models.ForeignKey("archive.Article", on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        "archive.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        db_index=False,  # quote_speaker_shown (below) starts with it: one index, not two
    )
    speaker_name = models.CharField(max_length=300, help_text="The speaker as the text names them.")
    anonymous = models.BooleanField(default=False)
    via = models.CharField(max_length=200, blank=True, help_text="Who relayed it (SANA, AFP).")
    verb = models.CharField(max_length=40)
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    event = models.ForeignKey(
        "archive.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    position = models.PositiveIntegerField(default=0, help_text="Character offset in the body.")
    confidence = models.FloatField(
        default=0.0,
        help_text="How sure the import was of the speaker, 0 to 1 (1: set by a curator).",
    )
    checked = models.BooleanField(
        "checked by a curator",
        default=False,
        help_text="Set when a curator saves the quote: its speaker is the curator's word.",
    )
    rejected = models.BooleanField(
        "not a quote",
        default=False,
        help_text="A curator found this is no quote: it is kept (with its history) but not shown.",
    )

    objects = QuoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "position"]
        indexes = [
            # An actor's page counts their shown quotes and reads those of their newest
            # articles: one index answers both without visiting every quote of a much-quoted
            # actor (25-30 ms each for the most quoted at 100k articles without it).
            models.Index(fields=["speaker", "rejected", "article"], name="quote_speaker_shown"),
        ]

    def __str__(self):
        # The speaker as corrected, when a curator (or the import) resolved one.
        who = self.speaker.name if self.speaker_id else self.speaker_name
        return f"{who}: {self.text[:60]}"
