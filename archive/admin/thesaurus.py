"""Admin for the thesaurus: concepts and their terms in each language."""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Concept, ConceptTerm


class ConceptTermInline(admin.TabularInline):
    model = ConceptTerm
    extra = 2
    fields = ["language", "term"]


@admin.register(Concept)
class ConceptAdmin(SimpleHistoryAdmin):
    """Saving a concept's page (its terms included) moves `Concept.updated`, which tells
    every search process to read the thesaurus again (expansion.thesaurus)."""

    list_display = ["label", "slug", "term_count", "updated"]
    search_fields = ["label", "slug", "terms__term"]
    list_filter = ["terms__language"]
    prepopulated_fields = {"slug": ["label"]}
    inlines = [ConceptTermInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(term_count=Count("terms"))

    @admin.display(description="Terms", ordering="term_count")
    def term_count(self, concept):
        return concept.term_count
