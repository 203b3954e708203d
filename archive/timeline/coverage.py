"""What the archive holds on each round and process: articles per month under each lane of the
timeline, and the rounds a filter (an actor, some words) keeps.

Both come from the search index's facet counts, so they cost one match over the index, not a
loop over articles; the densities change only when articles do, so they are computed once per
index generation.
"""

from archive import search
from archive.models import Event, Participant
from archive.search.facets import per_generation
from archive.search.query import QueryError


def densities(actor=None, words="") -> dict[str, dict[str, int]]:
    """{process: {"YYYY-MM": articles placed in its rounds that month}}, of the articles
    naming `actor` and containing `words` when a filter is given (a query the index cannot
    run counts nothing)."""

    def compute(filters=None, text=""):
        result = {}
        for process, _ in Event.Process.choices:
            found = search.search(
                text, filters={"process": process, **(filters or {})}, with_facets=("month",)
            )
            result[process] = found.facet_counts().get("month", {})
        return result

    if actor is None and not words:
        return per_generation("timeline_densities", compute)
    try:
        return compute({"actor": actor.slug} if actor else None, words)
    except QueryError:
        return {}


def matching_rounds(actor=None, words="") -> tuple[set[int] | None, str]:
    """The ids of the rounds a filter keeps, or None with no filter; and a message when the
    words cannot be searched. An actor keeps the rounds they took part in and those whose
    articles name or quote them; words keep the rounds whose articles contain them."""
    if actor is None and not words:
        return None, ""
    filters = {"actor": actor.slug} if actor else {}
    try:
        found = search.search(words, filters=filters, with_facets=("round",))
        slugs = set(found.facet_counts().get("round", {}))
    except QueryError as error:
        return set(), str(error)
    kept = set(Event.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    if actor and not words:
        kept |= set(Participant.objects.filter(actor=actor).values_list("event_id", flat=True))
    return kept, ""
