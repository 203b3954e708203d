"""A round's dossier beyond its calendar entry: who said what at it, side by side; the actors
most present in its coverage; the rounds held around it; its coverage day by day; and, when
the archive holds nothing on it, the search that would find coverage.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from archive import search
from archive.actors.speakers import UNKNOWN_SPEAKER
from archive.models import Actor, Event
from archive.search.query import QueryError

SPEAKERS_SHOWN = 6  # speakers side by side ...
QUOTES_EACH = 3  # ... and the quotes shown for each
ACTORS_SHOWN = 12
PARALLEL_DAYS = 30  # rounds of other processes this near are "at the same time"
COVERAGE_BEFORE, COVERAGE_AFTER = 3, 7  # days around the round its coverage chart spans
_MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
SEARCH_TERMS = {
    Event.Process.GENEVA: "Geneva",
    Event.Process.ASTANA: "Astana OR Nur-Sultan",
    Event.Process.CONSTITUTIONAL: '"Constitutional Committee"',
    Event.Process.SOCHI: "Sochi",
}


def dates_note_adds(event) -> bool:
    """Whether the calendar's note on the dates says more than the dates printed beside it
    ("Began 29 Jan 2016 (formally 1 Feb)" does; "23–24 Jan 2017" does not)."""
    rest = re.sub(rf"\b(?:{_MONTH_WORDS})\b|\d+|[\W_]+", " ", event.dates_note, flags=re.I)
    return bool(rest.strip())


@dataclass
class SpeakerColumn:
    name: str
    actor: object  # an Actor, or None for a name the gazetteer lacks
    anonymous: bool
    count: int
    quotes: list = field(default_factory=list)


def who_said_what(event) -> list[SpeakerColumn]:
    """The round's most quoted speakers, each with their first quotes, to compare positions.
    A quote printed by several wire copies counts and shows once (the same words); a quote
    whose speaker is unknown is left out."""
    quotes = event.quotes.attributed().exclude(anonymous=True, speaker_name=UNKNOWN_SPEAKER)
    top = (
        quotes.values("speaker_id", "speaker_name", "anonymous")
        .annotate(n=Count("text", distinct=True))
        .order_by("-n", "speaker_name")[: SPEAKERS_SHOWN * 2]
    )
    chosen, seen = [], set()
    actors = Actor.objects.in_bulk([row["speaker_id"] for row in top if row["speaker_id"]])
    for row in top:
        key = row["speaker_id"] or row["speaker_name"]
        if key not in seen and len(chosen) < SPEAKERS_SHOWN:
            seen.add(key)
            chosen.append((actors.get(row["speaker_id"]), row))
    # Each speaker's different quotes, counted in two grouped queries (an actor's under every
    # name the texts give them; a name the gazetteer lacks on its own).
    distinct_texts = Count("text", distinct=True)
    ids = [actor.pk for actor, _ in chosen if actor]
    names = [row["speaker_name"] for actor, row in chosen if not actor]
    counts = dict(
        quotes.filter(speaker_id__in=ids).values_list("speaker_id").annotate(distinct_texts)
    )
    counts.update(
        quotes.filter(speaker__isnull=True, speaker_name__in=names)
        .values_list("speaker_name")
        .annotate(distinct_texts)
    )
    columns = []
    for actor, row in chosen:
        same = (
            quotes.filter(speaker=actor)
            if actor
            else quotes.filter(speaker__isnull=True, speaker_name=row["speaker_name"])
        )
        first = same.select_related("article").order_by("article__published", "pk")
        columns.append(
            SpeakerColumn(
                actor.name if actor else row["speaker_name"],
                actor,
                row["anonymous"],
                counts.get(actor.pk if actor else row["speaker_name"], 0),
                once_each(first[: QUOTES_EACH * WIRE_COPIES]),
            )
        )
    return columns


WIRE_COPIES = 8  # quotes read per speaker to find QUOTES_EACH different ones


def once_each(quotes) -> list:
    """The first QUOTES_EACH quotes with different words (wire copies print the same)."""
    kept, seen = [], set()
    for quote in quotes:
        words = " ".join(quote.text.casefold().split()).strip(' .,“”"«»')
        if words not in seen:
            seen.add(words)
            kept.append(quote)
        if len(kept) == QUOTES_EACH:
            break
    return kept


def most_present(results) -> list[tuple[object, int]]:
    """(actor, articles) for the actors named most in the round's articles (facet counts)."""
    counts = results.facet_counts().get("actor", {})
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:ACTORS_SHOWN]
    actors = Actor.objects.in_bulk([slug for slug, _ in top], field_name="slug")
    return [(actors[slug], n) for slug, n in top if slug in actors]


def parallel_rounds(event) -> list:
    """Rounds of the other processes held within PARALLEL_DAYS of this one."""
    near = datetime.timedelta(days=PARALLEL_DAYS)
    candidates = Event.objects.exclude(process=event.process).filter(
        start_date__lte=event.last_day + near, start_date__gte=event.start_date - near * 3
    )
    return [
        other
        for other in candidates
        if other.start_date <= event.last_day + near and other.last_day >= event.start_date - near
    ]


def coverage_window(event) -> tuple[datetime.date, datetime.date]:
    return (
        event.start_date - datetime.timedelta(days=COVERAGE_BEFORE),
        event.last_day + datetime.timedelta(days=COVERAGE_AFTER),
    )


def coverage_days(event) -> list[dict]:
    """Articles placed in the round, per day from a few days before it to a week after."""
    first, last = coverage_window(event)
    per_day = dict(
        event.articles.filter(published__range=(first, last))
        .values_list("published")
        .annotate(n=Count("pk"))
        .order_by()
    )
    peak = max(per_day.values(), default=0)
    days, day = [], first
    while day <= last:
        n = per_day.get(day, 0)
        days.append(
            {
                "day": day,
                "n": n,
                "during": event.contains(day),
                "height": f"{100 * n / peak:.0f}" if peak else "0",
            }
        )
        day += datetime.timedelta(days=1)
    return days


def coverage_search(event) -> tuple[str, int]:
    """The search that would find coverage of a round the archive has placed nothing in: its
    process's terms in the days around it; and how many articles that search finds now."""
    first, last = coverage_window(event)
    terms = SEARCH_TERMS.get(event.process, event.get_process_display())
    params = {"q": terms, "date_from": first.isoformat(), "date_to": last.isoformat()}
    filters = {"date_from": first, "date_to": last}
    try:
        found = search.search(terms, filters=filters).count()
    except QueryError:
        found = 0
    return reverse("archive:search") + "?" + urlencode(params), found
