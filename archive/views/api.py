"""A read-only JSON API mirroring the pages: search, articles, actors, rounds."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from archive import search
from archive.actors.moved import actor_or_redirect
from archive.export import article_row
from archive.models import Article, Event
from archive.search import manifest
from archive.search.facets import FACETS
from archive.search.request import PAGE, Q, asks_for_search, run_search, url_with


def _error(message, status):
    return JsonResponse({"error": message}, status=status)


def api_search(request):
    """Hits (with snippets), total, facets and the next page's URL."""
    if not asks_for_search(request.GET):
        return _error("Give a query with ?q= (or a filter such as ?round=astana-4).", 400)
    try:
        results, _ = run_search(request.GET, with_facets=True)
        paginator = Paginator(results, settings.ARCHIVE_PAGE_SIZE)
        page = paginator.page(request.GET.get(PAGE) or 1)
    except search.QueryError as error:
        return _error(str(error), 400)
    except PageNotAnInteger:
        return _error("The page must be a whole number (page=2).", 400)
    except (EmptyPage, ValueError) as error:
        return _error(f"No such page ({error}).", 404)
    absolute = request.build_absolute_uri
    hits = []
    for hit in page.object_list:
        row = article_row(hit.article, absolute)
        row.update({"id": hit.article.key, "score": hit.score, "snippet": hit.snippet})
        hits.append(row)
    counts = results.facet_counts()
    facets = {
        facet.param: {k: v for k, v in counts.get(facet.field, {}).items() if k}
        for facet in FACETS
        if facet.listed
    }
    next_url = (
        absolute(request.path + url_with(request.GET, **{PAGE: str(page.next_page_number())}))
        if page.has_next()
        else None
    )
    return JsonResponse(
        {
            "query": request.GET.get(Q, ""),
            "total": paginator.count,
            "page": page.number,
            "next": next_url,
            "hits": hits,
            "facets": facets,
            # The thesaurus concepts the query was widened by (`concept:`, `expand=1`).
            "also_searched": [concept.as_dict() for concept in results.concepts],
            # What was bounded: fuzzy edits, a pattern's words, the time budget.
            "notes": results.notes,
            "cut_short": results.cut_short,
            "manifest": manifest.manifest(results, request.GET),
        }
    )


def api_article(request, key):
    article = get_object_or_404(Article.objects.by_key(key))
    data = article_row(article, request.build_absolute_uri)
    data.update(
        {
            "id": article.key,
            "sha256": article.sha256,
            "date_confidence": article.date_confidence,
            "date_evidence": article.date_evidence,
            "body": article.body,
            "provenance": {
                "file": article.source_file,
                "row": article.source_row,
                "external_id": article.external_id,
                "imported_at": article.imported_at.isoformat(),
            },
            "rounds": [
                {
                    "id": e.slug,
                    "title": e.title,
                    "api": request.build_absolute_uri(reverse("archive:api_event", args=[e.slug])),
                }
                for e in article.events.all()
            ],
            "actors": [
                {"id": m.actor.slug, "name": m.actor.name, "count": m.count}
                for m in article.mention_set.select_related("actor")
            ],
        }
    )
    return JsonResponse(data)


def api_actor(request, slug):
    actor, moved = actor_or_redirect(request, slug, "archive:api_actor")
    if moved:
        return moved
    return JsonResponse(
        {
            "id": actor.slug,
            "name": actor.name,
            "kind": actor.kind,
            "description": actor.description,
            "aliases": list(actor.aliases.values_list("name", flat=True)),
            "roles": [
                {"round": p.event.slug, "role": p.role}
                for p in actor.participant_set.select_related("event")
            ],
            "titles": [
                {
                    "title": r.title,
                    "start": r.start and r.start.isoformat(),
                    "end": r.end and r.end.isoformat(),
                }
                for r in actor.roles.all()
            ],
            "articles": actor.articles.count(),
            "quotes": actor.quotes.attributed().count(),
            "url": request.build_absolute_uri(actor.get_absolute_url()),
        }
    )


def api_event(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return JsonResponse(
        {
            "id": event.slug,
            "process": event.process,
            "title": event.title,
            "start_date": event.start_date.isoformat(),
            "end_date": event.end_date.isoformat() if event.end_date else None,
            "dates_note": event.dates_note,
            "held": event.held,
            "place": event.place,
            "mediator": event.mediator,
            "delegation_heads": event.delegation_heads,
            "outcome": event.outcome,
            "sources": event.source_urls,
            "participants": [
                {"actor": p.actor.slug, "name": p.actor.name, "role": p.role}
                for p in event.participant_set.select_related("actor")
            ],
            "articles": [
                request.build_absolute_uri(a.get_absolute_url()) for a in event.articles.all()
            ],
            "url": request.build_absolute_uri(event.get_absolute_url()),
        }
    )


def api_not_found(request, exception=None):
    return _error("Not found.", 404)
