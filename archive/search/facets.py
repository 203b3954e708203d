"""The search facets, declared once, and their counts over a whole result set.

Each facet says its URL parameter (also its key in the API), the index field holding its values
(a KEYWORD of slugs, filled by `documents.documents_of`), its label, and how its values
are named and validated. The query builder (`query.filter_query`), the results page, the
django-filter `SearchFilter`, the API and the exports all read `FACETS`: adding a facet is one
entry here and one field in the document. Datasette's facet classes are the model.

Counts: each facet field is read once per segment as a list of (document, value) pairs
(documents can hold several values: an article names several actors); counting a result set
is then one `bincount` over the pairs whose document matched. Whoosh's own `groupedby`
faceting was used first: its overlapping categorizer rebuilt its table on every search, took
0.2-1.5 s a query at 100k articles, and in one case counted 115 documents fewer than matched.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass

import django_filters
import numpy as np

from archive.search import arrays, snapshot
from archive.search.documents import source_key

UNKNOWN_PUBLISHER = "Unknown publisher"


@dataclass(frozen=True)
class Facet:
    param: str  # URL parameter and API key
    field: str  # index field
    label: str
    # (value, name) pairs: all of them, or (given values) those values' at least.
    choices: Callable[..., list[tuple[str, str]]] | None = None  # None: values as they are
    listed: bool = True  # on the results page and in the API
    filtered: bool = True  # a URL parameter narrows the search by it
    newest_first: bool = False  # ordered by value, newest first (years), not by count

    def names(self, values=None) -> dict[str, str]:
        """Display names of `values` (of every value when None)."""
        return dict(self.choices(values)) if self.choices else {}

    def filter(self):
        """The django-filter field validating this facet's URL parameter."""
        if self.choices:
            return django_filters.ChoiceFilter(
                choices=lambda request=None: self.choices(), label=self.label
            )
        return django_filters.CharFilter(label=self.label, max_length=100)


_cache = threading.local()


def per_generation(name: str, compute):
    """Values read from every article (publishers) change only when articles do, and every
    change of an article reaches the index: compute them once per index generation, not once
    per request (a DISTINCT over 100k articles took 0.5 s)."""
    state = snapshot.index_state()
    cached = getattr(_cache, name, None)
    if cached is None or cached[0] != state or state is None:
        cached = (state, compute())
        setattr(_cache, name, cached)
    return cached[1]


def publishers() -> tuple[list[str], bool]:
    """Every publisher name, and whether some article has none (once per index generation)."""
    from archive.models import Article

    def compute():
        # order_by() first: the model's default ordering would join the DISTINCT (100k rows).
        names = Article.objects.order_by("source").values_list("source", flat=True).distinct()
        names = list(names)
        return [name for name in names if name], "" in names

    return per_generation("publishers", compute)


def publisher_choices(values=None):
    """Publishers by facet key; articles without one are filed under "unknown"."""
    names, some_unknown = publishers()
    choices = [(source_key(name), name) for name in names]
    return choices + [(source_key(""), UNKNOWN_PUBLISHER)] if some_unknown else choices


def process_choices(values=None):
    from archive.models import Event

    return Event.Process.choices


def round_choices(values=None):
    from archive.models import Event

    events = Event.objects.all() if values is None else Event.objects.filter(slug__in=values)
    return list(events.values_list("slug", "title"))


def actor_choices(values=None):
    from archive.models import Actor

    actors = Actor.objects.all() if values is None else Actor.objects.filter(slug__in=values)
    return list(actors.values_list("slug", "name"))


def language_choices(values=None):
    from archive.models import Article

    return Article.Language.choices


def year_choices(values=None):
    return [(str(year), str(year)) for year in range(1990, 2100)]


FACETS = [
    Facet("process", "process", "Process", process_choices),
    Facet("round", "round", "Round", round_choices),
    Facet("actor", "actor", "Actor", actor_choices),
    Facet("speaker", "speaker", "Quoted", actor_choices),
    Facet("source", "source_key", "Publisher", publisher_choices),
    Facet("year", "year", "Year", year_choices, newest_first=True),
    Facet("lang", "lang", "Language", language_choices),
    Facet("month", "month", "Month", listed=False, filtered=False),  # the histogram's
]
BY_PARAM = {facet.param: facet for facet in FACETS}
FIELDS = {facet.field for facet in FACETS}


def counts(reader, mask, fields=None) -> dict[str, dict[str, int]]:
    """{index field: {value: count}} over the documents where `mask` is True (only `fields`,
    when given)."""
    result = {}
    for facet in FACETS:
        if fields is not None and facet.field not in fields:
            continue
        if facet.field not in reader.schema:
            result[facet.field] = {}
            continue
        docs, codes, values = arrays.facet_pairs(reader, facet.field)
        tally = np.bincount(codes[mask[docs]], minlength=len(values))
        result[facet.field] = {values[i]: int(tally[i]) for i in np.flatnonzero(tally)}
    return result


def pair_counts(reader, mask, field: str, values: list[str]):
    """How many of the documents where `mask` is True carry each pair of `values` in `field`
    (actors named together in an actor's articles): a values × values matrix, from the same
    cached arrays as the facet counts."""
    docs, codes, names = arrays.facet_pairs(reader, field)
    index = {name: i for i, name in enumerate(names)}
    wanted = np.full(len(names) + 1, -1)
    for column, value in enumerate(values):
        if value in index:
            wanted[index[value]] = column
    chosen = mask[docs] & (wanted[codes] >= 0)
    # Each chosen document's row, numbered in document order without sorting the pairs
    # (np.unique's sort of an actor's ~200k pairs took 11 ms at 100k articles).
    held = docs[chosen]
    present = np.zeros(len(mask), dtype=bool)
    present[held] = True
    row_of = np.cumsum(present) - 1
    rows, columns = np.flatnonzero(present), row_of[held]
    # float32: numpy multiplies integer matrices without BLAS (26 ms for 50k articles × 24
    # actors against 1.5 ms); counts stay exact in float32 up to 16 million.
    incidence = np.zeros((len(rows), len(values)), dtype=np.float32)
    incidence[columns, wanted[codes[chosen]]] = 1
    return np.rint(incidence.T @ incidence).astype(np.int64)
