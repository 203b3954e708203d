"""What an actor's page shows: mentions per year (a sparkline), the actors most often named
with them (a small network) and the rounds they took part in. Numbers only; the template
draws them as SVG."""

import math
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from archive.models import Actor, Article, Mention

NETWORK_SIZE = 10


def mentions_by_year(actor) -> list[tuple[int, int]]:
    """[(year, articles naming the actor)] for every year from the first to the last."""
    rows = dict(
        Article.objects.filter(actors=actor, published__isnull=False)
        .annotate(year=ExtractYear("published"))
        .values_list("year")
        .annotate(n=Count("pk", distinct=True))
        .values_list("year", "n")
    )
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


def co_mentioned(actor, limit=NETWORK_SIZE):
    """[(actor, shared articles)] most often named in the same articles."""
    articles = Mention.objects.filter(actor=actor).values("article_id")
    rows = (
        Mention.objects.filter(article_id__in=articles)
        .exclude(actor=actor)
        .values("actor_id")
        .annotate(n=Count("article_id"))
        .order_by("-n", "actor_id")[:limit]
    )
    actors = Actor.objects.in_bulk([row["actor_id"] for row in rows])
    return [(actors[row["actor_id"]], row["n"]) for row in rows]


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
