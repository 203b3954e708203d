from django.db import models
from django.urls import reverse


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

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:actor", args=[self.slug])


class Alias(models.Model):
    """Another way the news writes an actor's name (a transliteration, a surname, an acronym)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    case_sensitive = models.BooleanField(
        default=False, help_text="Match only with this exact case (acronyms such as UN, IS)."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="alias_unique_per_actor")
        ]

    def __str__(self):
        return self.name
