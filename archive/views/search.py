from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render

from archive import search
from archive.forms import SearchForm


def search_page(request):
    """Keyword search. Bad queries get the form back with a message and a 400, never a 500."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": request.GET.get("q", "")}
    if not request.GET.get("q"):
        return render(request, "archive/search.html", context)
    if not form.is_valid():
        context["error"] = " ".join(" ".join(errors) for errors in form.errors.values())
        return render(request, "archive/search.html", context, status=400)
    sort = form.cleaned_data["sort"] or "relevance"
    try:
        results = search.search(form.cleaned_data["q"], sort)
        page = Paginator(results, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    except search.QueryError as error:
        context["error"] = str(error)
        return render(request, "archive/search.html", context, status=400)
    context.update({"page": page, "sort": sort, "sorts": list(search.SORTS)})
    return render(request, "archive/search.html", context)
