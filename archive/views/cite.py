"""Citations as files: an article's or a round dossier's, in each format of `archive.citations`."""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from archive import citations, search
from archive.models import Article, Event
from archive.views import rounds


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
