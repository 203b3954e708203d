"""django-filter sets for browsing lists."""

import django_filters
from django.db.models.functions import ExtractYear

from archive.models import Article, Event


def _years(request=None):
    years = (
        Article.objects.dated()
        .annotate(year=ExtractYear("published"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("year")
    )
    return [(year, year) for year in years]


def _sources(request=None):
    sources = Article.objects.exclude(source="").values_list("source", flat=True).distinct()
    return [(source, source) for source in sorted(sources)]


class ArticleFilter(django_filters.FilterSet):
    source = django_filters.ChoiceFilter(choices=_sources, label="Publisher")
    year = django_filters.ChoiceFilter(choices=_years, field_name="published__year", label="Year")
    round = django_filters.ModelChoiceFilter(
        queryset=Event.objects.all(), field_name="events", label="Round"
    )
    date_method = django_filters.ChoiceFilter(
        choices=Article.DateMethod.choices, label="Date found by"
    )

    class Meta:
        model = Article
        fields = ["source", "year", "round", "date_method"]
