from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.actors.lookup import name_owner


class Actor(models.Model):
    """A person, organisation, state, armed group or media outlet the news talks about."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        STATE = "state", "State"
        ARMED_GROUP = "armed_group", "Armed group"
        MEDIA = "media", "Media"

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    description = models.TextField(blank=True, help_text="One or two lines: who this is.")

    history = HistoricalRecords()
    # What the search index carries of an actor (articles are reindexed when it changes).
    INDEXED_FIELDS = ("slug",)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """A renamed slug keeps leading here (links, citations, saved searches)."""
        old = None
        if self.pk:
            old = Actor.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        super().save(*args, **kwargs)
        if old and old != self.slug:
            FormerSlug.objects.update_or_create(
                slug=old, defaults={"actor": self, "reason": FormerSlug.Reason.RENAMED}
            )

    def get_absolute_url(self):
        return reverse("archive:actor", args=[self.slug])

    def indexed_article_ids(self) -> set[int]:
        """Articles whose index entry names this actor (as mentioned, or as a speaker)."""
        mentioned = self.mention_set.values_list("article_id", flat=True)
        quoted = self.quotes.values_list("article_id", flat=True)
        return set(mentioned) | set(quoted)

    def clean(self):
        """No two actors may share a name, compared as readers compare them."""
        owner = name_owner(self.name, exclude_actor=self.pk)
        if owner:
            raise ValidationError(
                {"name": f"“{self.name}” is already {owner.name}'s name or alias ({owner.slug})."}
            )


class Alias(models.Model):
    """Another way the news writes an actor's name (a transliteration, a surname, an acronym)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    case_sensitive = models.BooleanField(
        default=False, help_text="Match only with this exact case (acronyms such as UN, IS)."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="alias_unique_per_actor")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """An alias may not already belong to another actor."""
        if self.actor_id:
            owner = name_owner(self.name, exclude_actor=self.actor_id)
            if owner:
                raise ValidationError(
                    {"name": f"“{self.name}” already belongs to {owner.name} ({owner.slug})."}
                )


class ActorRole(models.Model):
    """A title an actor held, and when: "UN Special Envoy for Syria", 2014-07-10 to 2018-12-31.

    `title_patterns` lists how the news writes the title without a name ("the UN envoy"), so
    an article's date can say who was meant."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True, help_text="Empty while the role is held.")
    title_patterns = models.TextField(
        blank=True, help_text="Ways the title is written without a name, one per line."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["actor", "start"]

    def __str__(self):
        return f"{self.title} ({self.start or '?'} – {self.end or 'now'})"

    @property
    def patterns(self):
        return [line.strip() for line in self.title_patterns.splitlines() if line.strip()]

    def held_on(self, day) -> bool:
        return held_between(self.start, self.end, day)


def held_between(start, end, day) -> bool:
    """Whether a role from `start` to `end` (either open) was held on `day`: the one test
    the matcher (which keeps roles as tuples) and ActorRole.held_on share."""
    return (start is None or start <= day) and (end is None or day <= end)


class ActorProposal(models.Model):
    """A name the import met that the gazetteer does not know, waiting for a curator.

    Nothing unknown becomes an actor without review: a curator accepts it as a new actor,
    as an alias of an existing one, or rejects it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted as a new actor"
        ALIAS = "alias", "Accepted as an alias"
        REJECTED = "rejected", "Rejected"

    name = models.CharField(max_length=200)
    normalised = models.CharField(max_length=200, unique=True)
    sentence = models.TextField(help_text="The sentence the name was first seen in.")
    article = models.ForeignKey(
        "archive.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seen = models.PositiveIntegerField(default=1, help_text="Articles it was seen in.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    actor = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For an alias: the actor it belongs to. Set on acceptance.",
    )
    kind = models.CharField(max_length=20, choices=Actor.Kind.choices, default=Actor.Kind.PERSON)

    class Meta:
        ordering = ["status", "-seen", "name"]

    def __str__(self):
        return self.name


class MergeRecord(models.Model):
    """That one actor was merged into another: kept so a merge can be audited and undone."""

    kept = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="merges")
    merged_name = models.CharField(max_length=200)
    merged_slug = models.CharField(max_length=120)
    details = models.JSONField(default=dict, help_text="Aliases, roles, mentions moved.")
    merged_by = models.CharField(max_length=150, blank=True)
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self):
        return f"{self.merged_name} → {self.kept}"


class FormerSlug(models.Model):
    """A slug an actor no longer answers to: merged away into another actor, or renamed.
    Pages, the API, `actor:` queries and saved searches that name it lead to `actor`."""

    class Reason(models.TextChoices):
        MERGED = "merged", "Merged into this actor"
        RENAMED = "renamed", "Renamed"

    slug = models.SlugField(max_length=120, unique=True)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="former_slugs")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    since = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.slug} → {self.actor.slug}"
