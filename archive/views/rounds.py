import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from archive import citations, search
from archive.forms import TimelineFilterForm
from archive.models import Event
from archive.timeline import coverage, dossier, layout


def timeline(request):
    """Geneva, Astana, the Constitutional Committee and Sochi as lanes on one time axis, with
    the archive's coverage under each; an actor or some words light up the rounds they match."""
    form = TimelineFilterForm(request.GET)
    actor, words, message = None, "", ""
    if form.is_valid():
        actor, words = form.cleaned_data["actor"], form.cleaned_data["q"]
    else:
        message = " ".join(" ".join(errors) for errors in form.errors.values())
    matched, query_error = coverage.matching_rounds(actor, words)
    events = Event.objects.annotate(n=Count("articles")).order_by("start_date", "number", "part")
    counts = {event.pk: event.n for event in events}
    drawing = layout.build(events, counts, coverage.densities(actor, words), matched)
    context = {
        "timeline": drawing,
        "form": form,
        "filtered": matched is not None,
        "matched": matched or set(),
        "matched_count": len(matched or ()),
        "message": message or query_error,
        "lanes": [(name, layout.in_lane(events, key)) for key, name in layout.LANES],
    }
    status = 400 if context["message"] else 200
    return render(request, "archive/timeline.html", context, status=status)


def round_detail(request, slug):
    """A round's dossier: the calendar's facts, who said what, who was most present, the
    rounds around it, its coverage day by day and the archive's articles on it."""
    event = get_object_or_404(Event, slug=slug)
    siblings = list(Event.objects.filter(process=event.process))
    position = siblings.index(event)
    # A page of the round's articles at a time, oldest first, wire copies collapsed, from the
    # index (the same list and count as `round:` searches; every article at once grew with
    # the archive).
    # One match: the list collapses wire copies, the facet counts still count every copy
    # (the round's own count is how many articles are placed in it).
    placed = search.search(
        filters={"round": event.slug}, sort="oldest", collapse=True, with_facets=("actor", "round")
    )
    page = Paginator(placed, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    total = placed.facet_counts().get("round", {}).get(event.slug, 0)
    context = {
        "event": event,
        "dates_note_adds": dossier.dates_note_adds(event),
        "participants": event.participant_set.select_related("actor").order_by(
            "role", "actor__name"
        ),
        "page": page,
        "article_count": total,
        "articles": [hit.article for hit in page.object_list],
        "speakers": dossier.who_said_what(event),
        "quote_count": event.quotes.attributed().count(),
        "present": dossier.most_present(placed) if total else [],
        "coverage": dossier.coverage_days(event) if total else [],
        "find_coverage": None if total else dossier.coverage_search(event),
        "parallel": dossier.parallel_rounds(event),
        "previous": siblings[position - 1] if position > 0 else None,
        "next": siblings[position + 1] if position + 1 < len(siblings) else None,
        "citations": citations.rendered(round_item(request, event, total)),
    }
    return render(request, "archive/round_detail.html", context)


def round_item(request, event, articles):
    permalink = request.build_absolute_uri(event.get_absolute_url())
    return citations.round_item(event, permalink, datetime.date.today(), articles)
