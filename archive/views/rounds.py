from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from archive.models import Event
from archive.timeline import layout


def timeline(request):
    """Geneva, Astana and the Constitutional Committee as parallel lanes on one time axis."""
    events = Event.objects.annotate(n=Count("articles")).order_by("start_date", "number", "part")
    counts = {event.pk: event.n for event in events}
    context = {
        "timeline": layout.build(events, counts=counts),
        "lanes": [(name, [e for e in events if e.process == key]) for key, name in layout.LANES],
    }
    return render(request, "archive/timeline.html", context)


def round_detail(request, slug):
    event = get_object_or_404(Event, slug=slug)
    siblings = list(Event.objects.filter(process=event.process))
    position = siblings.index(event)
    context = {
        "event": event,
        "participants": event.participant_set.select_related("actor"),
        "articles": event.articles.order_by("published", "title"),
        "quotes": event.quotes.select_related("speaker", "article").order_by("article__published"),
        "previous": siblings[position - 1] if position > 0 else None,
        "next": siblings[position + 1] if position + 1 < len(siblings) else None,
    }
    return render(request, "archive/round_detail.html", context)
