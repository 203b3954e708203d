"""The search page, its exports and its help page."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render

from archive import export, search
from archive.filters import SearchFilter, source_key_choices
from archive.forms import SearchForm
from archive.search import page as search_page_parts


def asks_for_search(request) -> bool:
    """Whether the URL holds a query or a filter (else the page shows help, the API a 400)."""
    return any(request.GET.get(key) for key in ("q", *SearchFilter.base_filters))


def run_search(request, with_facets=False):
    """Validate the URL's query and filters and build the results, or raise QueryError."""
    form = SearchForm(request.GET)
    filters = SearchFilter(request.GET)
    if not form.is_valid() or not filters.is_valid():
        errors = list(form.errors.values()) + list(filters.errors.values())
        raise search.QueryError(" ".join(" ".join(e) for e in errors))
    results = search.search(
        form.cleaned_data["q"],
        form.cleaned_data["sort"] or "relevance",
        filters.search_filters(),
        with_facets=with_facets,
        collapse=form.cleaned_data["collapse"],
    )
    return results, filters


def search_page(request):
    """Keyword search with facets and a histogram. Bad queries get a message and a 400."""
    context = {"query": request.GET.get("q", ""), "sort": request.GET.get("sort", "relevance")}
    if not asks_for_search(request):
        return render(request, "archive/search.html", context)
    try:
        results, filters = run_search(request, with_facets=True)
        page = Paginator(results, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    except search.QueryError as error:
        context["error"] = str(error)
        return render(request, "archive/search.html", context, status=400)
    counts = results.facet_counts()
    suggestion = results.suggestion()
    url_with = search_page_parts.url_with
    source_names = dict(source_key_choices())
    context.update(
        {
            "page": page,
            "filters": filters,
            "facets": search_page_parts.facet_lists(counts, request.GET, source_names),
            "histogram": search_page_parts.histogram(counts.get("month", {}), request.GET),
            "suggestion": suggestion,
            "suggestion_url": url_with(request.GET, q=suggestion) if suggestion else "",
            "active_filters": [
                (name, filters.filters[name].label, value, url_with(request.GET, **{name: None}))
                for name, value in request.GET.items()
                if name in SearchFilter.base_filters and value
            ],
            "query_string": request.GET.urlencode(),
            "collapse": bool(request.GET.get("collapse")),
            "collapse_url": url_with(
                request.GET, collapse=None if request.GET.get("collapse") else "1"
            ),
        }
    )
    return render(request, "archive/search.html", context)


def search_help(request):
    return render(request, "archive/search_help.html")


def _export(request, lines, content_type, extension):
    try:
        results, _ = run_search(request)
    except search.QueryError as error:
        return render(request, "archive/search.html", {"error": str(error)}, status=400)
    response = StreamingHttpResponse(
        lines(results.ids(), request.build_absolute_uri), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="archive-search.{extension}"'
    return response


def export_csv(request):
    return _export(request, export.csv_lines, "text/csv; charset=utf-8", "csv")


def export_json(request):
    return _export(request, export.json_chunks, "application/json", "json")
