"""A search as a URL asks for it: the query-string names, their validation, the results.

The search page, its exports, the JSON API and the Atom feed all read a search from the URL
here, so the four agree on what a URL means.
"""

from django.http import QueryDict

from archive.actors.moved import with_current_slugs
from archive.filters import SearchFilter
from archive.forms import SearchForm
from archive.search.query import QueryError
from archive.search.results import search

Q, PAGE, SORT, COLLAPSE, EXPAND = "q", "page", "sort", "collapse", "expand"


def asks_for_search(params: QueryDict) -> bool:
    """Whether the URL holds a query or a filter (else the page shows help, the API a 400)."""
    return any(params.get(key) for key in (Q, *SearchFilter.base_filters))


def run_search(params: QueryDict, with_facets=False, sort=None):
    """Validate the URL's query and filters and build the results (sorted by `sort` when
    given, else as the URL asks), or raise QueryError with a message for the reader."""
    params = with_current_slugs(params) or params  # a saved search naming a merged actor
    form = SearchForm(params)
    filters = SearchFilter(params)
    if not form.is_valid() or not filters.is_valid():
        errors = list(form.errors.values()) + list(filters.errors.values())
        raise QueryError(" ".join(" ".join(e) for e in errors))
    results = search(
        form.cleaned_data[Q],
        sort or form.cleaned_data[SORT] or "relevance",
        filters.search_filters(),
        with_facets=with_facets,
        collapse=form.cleaned_data[COLLAPSE],
        all_languages=form.cleaned_data[EXPAND],
    )
    return results, filters


def url_with(params: QueryDict, **changes) -> str:
    """The current query string with `changes` applied (None removes); back to page 1."""
    query = params.copy()
    query.pop(PAGE, None)
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return "?" + query.urlencode()
