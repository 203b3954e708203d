"""Citations as files: an article's or a round dossier's, in each format of `archive.citations`."""

import datetime
import json

from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from archive import citations, search
from archive.models import Article, CitedSearch, Event
from archive.models.article import PERMALINK_DIGITS
from archive.search import manifest
from archive.search.request import run_search
from archive.views import rounds

SHOWN = 20  # articles listed under each kind of change


def article_citation(request, key, suffix):
    """An article's citation as a file: Chicago, APA, BibTeX, RIS or CSL-JSON."""
    article = get_object_or_404(Article.objects.by_key(key))
    permalink = request.build_absolute_uri(article.get_absolute_url())
    item = citations.csl_item(article, permalink, datetime.date.today())
    return citation_file(item, suffix, f"archive-{article.key}")


def citation_file(item, suffix, name) -> HttpResponse:
    """One citation as a download, in the format its suffix names."""
    if suffix not in citations.FORMATS:
        raise Http404(f"No citation format {suffix!r}.")
    _, content_type, write = citations.FORMATS[suffix]
    response = HttpResponse(write(item), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return response


def round_citation(request, slug, suffix):
    """A round dossier's citation as a file."""
    event = get_object_or_404(Event, slug=slug)
    articles = search.search(filters={"round": event.slug}).count()
    return citation_file(rounds.round_item(request, event, articles), suffix, f"round-{event.slug}")


def _found(results) -> dict[int, int]:
    """Permalink key (as an integer) → publication day (ordinal; 0 when undated) of every
    hit, as the database holds the articles now."""
    ids = results.ids()
    found = {}
    for start in range(0, len(ids), 5000):
        rows = Article.objects.filter(pk__in=ids[start : start + 5000])
        for sha256, day in rows.values_list("sha256", "published"):
            found[int(sha256[:PERMALINK_DIGITS], 16)] = day.toordinal() if day else 0
    return found


def _articles(keys) -> dict[int, Article]:
    """The articles still in the archive among `keys`, with what a link to each needs."""
    found = {}
    for key in keys:
        article = Article.objects.by_key(f"{key:0{PERMALINK_DIGITS}x}").only("title", "sha256")
        if article := article.first():
            found[key] = article
    return found


@require_POST
def cite_search(request):
    """Store the manifest and result set of the search in the form, and show its permalink."""
    params = request.POST.copy()
    params.pop("csrfmiddlewaretoken", None)
    try:
        results, _ = run_search(params)
    except search.QueryError as error:
        return render(request, "archive/search.html", {"error": str(error)}, status=400)
    cited = CitedSearch.record(manifest.manifest(results, params), _found(results))
    return redirect(cited)


def cited_search(request, key):
    """A cited search replayed now: is the result set the same, and if not, what changed."""
    cited = get_object_or_404(CitedSearch, key=key)
    params = QueryDict(mutable=True)
    params.update(cited.manifest["search"])
    try:
        results, _ = run_search(params)
    except search.QueryError as error:  # the query language changed under the citation
        context = {"cited": cited, "error": error, "manifest_json": json.dumps(cited.manifest)}
        return render(request, "archive/cited_search.html", context)
    now = manifest.manifest(results, params)
    changes = manifest.drift(cited.found(), _found(results))
    articles = _articles([key for keys in changes.values() for key in keys[:SHOWN]])
    context = {
        "cited": cited,
        "now": now,
        "same": now["ids_sha256"] == cited.manifest["ids_sha256"] and not changes["redated"],
        "changes": [
            (label, len(changes[kind]), [articles.get(i) for i in changes[kind][:SHOWN]])
            for kind, label in (
                ("added", "added since"),
                ("removed", "no longer found"),
                ("redated", "re-dated since"),
            )
        ],
        "live_url": reverse("archive:search") + "?" + params.urlencode(),
        "permalink": request.build_absolute_uri(cited.get_absolute_url()),
        "manifest_json": json.dumps(cited.manifest, ensure_ascii=False, indent=2),
    }
    return render(request, "archive/cited_search.html", context)
