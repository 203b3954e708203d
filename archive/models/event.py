import datetime
import functools

from django.db import models
from django.urls import get_script_prefix, reverse
from simple_history.models import HistoricalRecords


@functools.cache
def _round_url_pattern(script_prefix: str) -> str:
    return reverse("archive:round", args=["SLUG"])


class Event(models.Model):
    """One round of talks (Geneva, Astana, the Constitutional Committee) or a congress."""

    class Process(models.TextChoices):
        GENEVA = "geneva", "Geneva"
        ASTANA = "astana", "Astana"
        CONSTITUTIONAL = "constitutional", "Constitutional Committee"
        SOCHI = "sochi", "Sochi"
        OTHER = "other", "Other"

    slug = models.SlugField(max_length=60, unique=True)
    process = models.CharField(max_length=20, choices=Process.choices)
    number = models.PositiveSmallIntegerField(help_text="Conference, round or session number.")
    part = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Round within a conference (Geneva II round 2)."
    )
    title = models.CharField(max_length=200)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Empty when unconfirmed.")
    dates_note = models.CharField(max_length=300, blank=True, help_text="The dates as sourced.")
    held = models.BooleanField(default=True, help_text="False for rounds scheduled but not held.")
    place = models.CharField(max_length=200, blank=True)
    mediator = models.CharField(max_length=300, blank=True)
    delegation_heads = models.TextField(blank=True, help_text="As sourced; 'Unconfirmed' kept.")
    outcome = models.TextField(blank=True)
    sources = models.TextField(blank=True, help_text="One source URL per line.")
    participants = models.ManyToManyField(
        "archive.Actor", through="archive.Participant", related_name="events", blank=True
    )

    history = HistoricalRecords()
    # What the search index carries of a round (articles are reindexed when it changes).
    INDEXED_FIELDS = ("slug", "process")

    class Meta:
        ordering = ["start_date", "process", "number", "part"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # reverse() once per script prefix: pages list up to 1,000 rounds (~15 µs each).
        return _round_url_pattern(get_script_prefix()).replace("SLUG", self.slug)

    def indexed_article_ids(self) -> set[int]:
        return set(self.articles.values_list("pk", flat=True))

    @property
    def last_day(self):
        """The end date, or the start date where the end is unconfirmed."""
        return self.end_date or self.start_date

    @property
    def source_urls(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]

    def contains(self, day: datetime.date, grace_days: int = 0) -> bool:
        """Whether `day` falls within the round, or at most `grace_days` after it."""
        return self.start_date <= day <= self.last_day + datetime.timedelta(days=grace_days)


class Participant(models.Model):
    """An actor's part in a round: mediator, delegation head, guarantor envoy, observer."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE)
    actor = models.ForeignKey("archive.Actor", on_delete=models.CASCADE)
    role = models.CharField(max_length=120)

    class Meta:
        ordering = ["event", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "actor", "role"], name="participant_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.actor} ({self.role})"
