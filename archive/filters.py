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


def _process_choices(request=None):
    return Event.Process.choices


def _round_choices(request=None):
    return list(Event.objects.values_list("slug", "title"))


def _actor_choices(request=None):
    from archive.models import Actor

    return list(Actor.objects.values_list("slug", "name"))


def source_key_choices(request=None):
    from archive.search import source_key

    return [(source_key(source), source) for source, _ in _sources()]


class SearchFilter(django_filters.FilterSet):
    """The facet filters of /search/. Only its form is used: it validates the URL's
    parameters, and the search module turns them into a Whoosh filter."""

    process = django_filters.ChoiceFilter(choices=_process_choices, label="Process")
    round = django_filters.ChoiceFilter(choices=_round_choices, label="Round")
    actor = django_filters.ChoiceFilter(choices=_actor_choices, label="Actor")
    source = django_filters.ChoiceFilter(choices=source_key_choices, label="Publisher")
    year = django_filters.NumberFilter(label="Year", min_value=1900, max_value=2100)
    date_from = django_filters.DateFilter(label="From")
    date_to = django_filters.DateFilter(label="To")

    class Meta:
        model = Article
        fields = []

    def search_filters(self) -> dict:
        """Cleaned filters keyed by index field (call after `is_valid()`)."""
        data = {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "")}
        if "source" in data:
            data["source_key"] = data.pop("source")
        return data
