"""Actors merged away while an import runs.

An import reads the gazetteer once, at its start; a curator may merge two actors while it
runs, and the actor merged away is deleted. Its mentions and quotes, still to be saved, then
go to the actor kept (found by the merged actor's former slug, `FormerSlug`), so the import
neither fails on a missing actor nor loses what it found. An actor deleted outright loses
its mentions; its quotes keep the speaker's name as written.
"""

from archive.models import Actor, FormerSlug


def current_actors(referenced: set[int], slugs_at_start: dict[int, str]) -> dict[int, int | None]:
    """Each referenced actor id → the id to save now (itself, the actor it was merged into,
    or None when it is gone)."""
    existing = set(Actor.objects.filter(pk__in=referenced).values_list("pk", flat=True))
    now = {actor_id: actor_id for actor_id in existing}
    gone = {slugs_at_start[i]: i for i in referenced - existing if i in slugs_at_start}
    for slug, kept in FormerSlug.objects.filter(slug__in=gone).values_list("slug", "actor_id"):
        now[gone[slug]] = kept
    return {actor_id: now.get(actor_id) for actor_id in referenced}


def remap(batch, slugs_at_start: dict[int, str]) -> None:
    """Point the batch's mentions and quotes at the actors as they stand now."""
    referenced = {a for built in batch for a in built.actor_counts}
    referenced |= {q.speaker_id for built in batch for q in built.quotes if q.speaker_id}
    now = current_actors(referenced, slugs_at_start)
    if all(now[a] == a for a in referenced):
        return
    for built in batch:
        counts = {}
        for actor_id, count in built.actor_counts.items():
            if now[actor_id] is not None:
                counts[now[actor_id]] = counts.get(now[actor_id], 0) + count
        built.actor_counts = counts
        for quote in built.quotes:
            if quote.speaker_id:
                quote.speaker_id = now[quote.speaker_id]
