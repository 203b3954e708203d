from django.db import models
from simple_history.models import HistoricalRecords

from archive.models.article import Article


class Concept(models.Model):
    """One idea of the talks' vocabulary (a ceasefire, detainees, the guarantor states) with
    its words in each language: a search may ask for all of them (archive/search/expansion.py)."""

    slug = models.SlugField(max_length=80, unique=True)
    label = models.CharField(max_length=120, help_text="Its name on pages, in English.")
    note = models.TextField(blank=True, help_text="What the concept covers, for curators.")
    # Every change here or to a term (saved through the concept's page) moves this, and the
    # search's copy of the thesaurus is read again (expansion.thesaurus).
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label


class ConceptTerm(models.Model):
    """A word or phrase that names a concept in one language, as news writes it."""

    concept = models.ForeignKey(Concept, related_name="terms", on_delete=models.CASCADE)
    language = models.CharField(max_length=8, choices=Article.Language.choices)
    term = models.CharField(max_length=120)

    class Meta:
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "language", "term"], name="unique_term")
        ]

    def __str__(self):
        return f"{self.term} ({self.language})"
