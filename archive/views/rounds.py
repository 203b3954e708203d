import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from archive import citations, search
from archive.forms import TimelineFilterForm
from archive.models import Event
from archive.timeline import coverage, layout


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
    drawing = layout.build(events, counts, coverage.densities(), matched)
    context = {
        "timeline": drawing,
        "form": form,
        "filtered": matched is not None,
        "matched": matched or set(),
        "matched_count": len(matched or ()),
        "message": message or query_error,
        "lanes": [(name, [e for e in events if e.process == key]) for key, name in layout.LANES],
    }
    status = 400 if context["message"] else 200
    return render(request, "archive/timeline.html", context, status=status)


QUOTES_SHOWN = 30


def round_detail(request, slug):
    event = get_object_or_404(Event, slug=slug)
    siblings = list(Event.objects.filter(process=event.process))
    position = siblings.index(event)
    # A page of the round's articles at a time, oldest first, from the index (the same
    # list and count as `round:` searches); every article and quote at once grew with the
    # archive (270 articles and their quotes on one page at 100k).
    placed = search.search(filters={"round": event.slug}, sort="oldest")
    page = Paginator(placed, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    quotes = (
        event.quotes.attributed()
        .select_related("speaker", "article")
        .order_by("article__published")
    )
    context = {
        "event": event,
        "participants": event.participant_set.select_related("actor"),
        "page": page,
        "articles": [hit.article for hit in page.object_list],
        "quotes": quotes.defer("article__body", "article__raw_text", "article__raw")[:QUOTES_SHOWN],
        "quote_count": quotes.count(),
        "previous": siblings[position - 1] if position > 0 else None,
        "next": siblings[position + 1] if position + 1 < len(siblings) else None,
        "citations": citations.rendered(round_item(request, event, page.paginator.count)),
    }
    return render(request, "archive/round_detail.html", context)


def round_item(request, event, articles):
    permalink = request.build_absolute_uri(event.get_absolute_url())
    return citations.round_item(event, permalink, datetime.date.today(), articles)
