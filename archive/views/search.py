"""The search page, its exports and its help page."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render

from archive import export, search
from archive.filters import SearchFilter
from archive.search import manifest
from archive.search.request import (
    COLLAPSE,
    EXPAND,
    PAGE,
    SORT,
    Q,
    asks_for_search,
    run_search,
    url_with,
)
from archive.views.search_parts import facet_lists, histogram


def search_page(request):
    """Keyword search with facets and a histogram. Bad queries get a message and a 400."""
    params = request.GET
    context = {"query": params.get(Q, ""), "sort": params.get(SORT, "relevance")}
    if not asks_for_search(params):
        return render(request, "archive/search.html", context)
    try:
        results, filters = run_search(params, with_facets=True)
        page = Paginator(results, settings.ARCHIVE_PAGE_SIZE).get_page(params.get(PAGE))
    except search.QueryError as error:
        context["error"] = str(error)
        return render(request, "archive/search.html", context, status=400)
    counts = results.facet_counts()
    suggestion = results.suggestion()
    context.update(
        {
            "manifest": manifest.manifest(results, params),
            "page": page,
            "filters": filters,
            "facets": facet_lists(counts, params),
            "histogram": histogram(counts.get("month", {}), params),
            "suggestion": suggestion,
            "suggestion_url": url_with(params, **{Q: suggestion}) if suggestion else "",
            "active_filters": [
                (name, filters.filters[name].label, value, url_with(params, **{name: None}))
                for name, value in params.items()
                if name in SearchFilter.base_filters and value
            ],
            "query_string": params.urlencode(),
            "collapse": results.collapse,
            "collapse_url": url_with(params, **{COLLAPSE: None if results.collapse else "1"}),
            "notes": results.notes,
            "cut_short": results.cut_short,
            "search_seconds": settings.ARCHIVE_SEARCH_SECONDS,
            "expand": results.all_languages,
            "expand_url": url_with(params, **{EXPAND: None if results.all_languages else "1"}),
            "also_searched": [
                (concept, concept.by_language().items()) for concept in results.concepts
            ],
        }
    )
    return render(request, "archive/search.html", context)


def search_help(request):
    return render(request, "archive/search_help.html")


def concepts(request):
    """The thesaurus: each concept with its terms by language, each a search."""
    from archive.models import Article, Concept

    languages = Article.Language.choices
    rows = []
    for concept in Concept.objects.prefetch_related("terms"):
        by_language = {code: [] for code, _ in languages}
        for term in concept.terms.all():
            by_language.setdefault(term.language, []).append(term.term)
        rows.append((concept, [(code, by_language[code]) for code, _ in languages]))
    context = {"rows": rows, "languages": languages}
    return render(request, "archive/concepts.html", context)


def _export(request, lines, content_type, extension):
    try:
        results, _ = run_search(request.GET)
        summary = manifest.manifest(results, request.GET)
    except search.QueryError as error:
        return render(request, "archive/search.html", {"error": str(error)}, status=400)
    extra = {part for part in request.GET.get("with", "").split(",") if part}
    extra &= set(export.OPTIONAL_COLUMNS)
    response = StreamingHttpResponse(
        lines(results.ids(), request.build_absolute_uri, summary, extra),
        content_type=content_type,
    )
    response["X-Archive-Result-SHA256"] = summary["ids_sha256"]
    response["Content-Disposition"] = f'attachment; filename="archive-search.{extension}"'
    return response


def export_csv(request):
    return _export(request, export.csv_lines, "text/csv; charset=utf-8", "csv")


def export_json(request):
    return _export(request, export.json_chunks, "application/json", "json")
