"""What an actor's page shows: mentions per year (a sparkline), the actors most often named
with them (a small network) and the rounds they took part in. Numbers only; the template
draws them as SVG.

The counts are the search index's facet counts over the articles naming the actor (the
same numbers `actor:` searches give): counted from cached arrays, they cost milliseconds
where the database's joins took 1-2 s for an actor named in 50k of 100k articles.
"""

import math
from dataclasses import dataclass

from archive import search
from archive.models import Actor

NETWORK_SIZE = 10


def articles_naming(actor):
    """The articles naming `actor`, newest first, with facet counts over all of them (by
    year, by co-named actor, …): one search, read from the index's cached arrays."""
    return search.search(filters={"actor": actor.slug}, sort="newest", with_facets=True)


def latest_quotes(actor, limit=30):
    """The actor's quotes from the newest articles quoting them (the index orders the
    articles; sorting every quote of a much-quoted actor by date took 50 ms at 100k)."""
    from archive.models import Quote

    newest = search.search(filters={"speaker": actor.slug}, sort="newest").ids()[:limit]
    quotes = (
        Quote.objects.attributed()
        .filter(speaker=actor, article_id__in=newest)
        .select_related("article", "event", "speaker")
        .defer("article__body", "article__raw_text", "article__raw", "article__minhash")
    )
    rank = {pk: n for n, pk in enumerate(newest)}
    return sorted(quotes, key=lambda q: (rank[q.article_id], q.position))[:limit]


def article_counts() -> dict[str, int]:
    """Articles naming each actor, by slug, over the whole archive."""
    try:
        return search.search("*", with_facets=True).facet_counts().get("actor", {})
    except search.QueryError:
        return {}


def mentions_by_year(facets) -> list[tuple[int, int]]:
    """[(year, articles naming the actor)] for every year from the first to the last."""
    rows = {int(year): n for year, n in facets.get("year", {}).items() if year}
    if not rows:
        return []
    return [(year, rows.get(year, 0)) for year in range(min(rows), max(rows) + 1)]


def sparkline(series, width=240.0, height=40.0) -> dict | None:
    if not series:
        return None
    peak = max(n for _, n in series) or 1
    step = width / max(len(series) - 1, 1)
    points = [(i * step, height - 2 - (height - 4) * n / peak) for i, (_, n) in enumerate(series)]
    return {
        "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
        "dots": [(x, y, year, n) for (x, y), (year, n) in zip(points, series, strict=True)],
        "width": width,
        "height": height,
        "first": series[0][0],
        "last": series[-1][0],
        "peak": peak,
    }


def co_mentioned(actor, facets, limit=NETWORK_SIZE):
    """[(actor, shared articles)] most often named in the same articles."""
    shared = {slug: n for slug, n in facets.get("actor", {}).items() if slug != actor.slug}
    actors = Actor.objects.in_bulk(list(shared), field_name="slug")
    top = sorted(
        ((actors[slug], n) for slug, n in shared.items() if slug in actors),
        key=lambda pair: (-pair[1], pair[0].name),
    )
    return top[:limit]


@dataclass
class Node:
    actor: object
    x: float
    y: float
    shared: int
    width: float  # of the edge to the centre


def network(actor, neighbours, size=320.0):
    """The actor in the centre, the co-mentioned actors on a circle, edges by shared count."""
    if not neighbours:
        return None
    centre = size / 2
    radius = size / 2 - 50
    peak = max(n for _, n in neighbours)
    nodes = []
    for i, (other, shared) in enumerate(neighbours):
        angle = 2 * math.pi * i / len(neighbours) - math.pi / 2
        x = centre + radius * math.cos(angle)
        y = centre + radius * math.sin(angle)
        nodes.append(Node(other, x, y, shared, 1 + 5 * shared / peak))
    return {"size": size, "centre": centre, "nodes": nodes, "actor": actor}
