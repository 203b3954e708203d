"""An actor's page drawn: their mentions month by month on a time axis, with the rounds they took
part in marked under it; and the actors named with them as a network in two rings, linked to
each other as well as to the centre. Numbers only (coordinates as strings); `svg.py` draws.
"""

import datetime
import math
from dataclasses import dataclass, field

INNER_RING = 8  # the most shared actors sit nearest the centre
LABEL_ROOM = 120  # units beside the drawing for the labels of the outer ring


def _n(value: float) -> str:
    return f"{value:.1f}"


def _months(first: str, last: str):
    year, month = map(int, first.split("-"))
    while f"{year:04d}-{month:02d}" <= last:
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass
class MentionsChart:
    width: float
    height: float
    base: int  # the axis line's y; under it the year ticks, their labels, the round marks
    peak: int
    tick_end: int = 0
    label_y: int = 0
    mark_y: int = 0
    bars: list = field(default_factory=list)  # (x, y, width, height, month label, n)
    years: list = field(default_factory=list)  # (x, year)
    rounds: list = field(default_factory=list)  # (x, event, role)
    ticks: list = field(default_factory=list)  # (y, count) on the vertical axis
    view_box: str = ""


AXIS_ROOM = 30  # units left of the bars for the vertical axis's numbers


def axis_ticks(peak: int) -> list[int]:
    """Whole numbers for a count axis from 0 to `peak`: the ends, and the middle when it is
    a whole number apart from both."""
    middle = peak // 2
    return [0, middle, peak] if 0 < middle < peak and peak % 2 == 0 else [0, peak]


def mentions_chart(month_counts: dict, participations, width=640.0, height=150.0):
    """Articles naming the actor per month from the first month to the last (rounds they took
    part in widen the span), bars on a year axis, each such round a mark under the axis."""
    counts = {m: n for m, n in month_counts.items() if m}
    taken = [(p.event.start_date.strftime("%Y-%m"), p) for p in participations]
    span = list(counts) + [month for month, _ in taken]
    if not counts:
        return None
    months = list(_months(min(span), max(span)))
    base = int(height - 34)
    step = width / len(months)
    peak = max(counts.values())
    chart = MentionsChart(width, height, base, peak, base + 4, base + 15, base + 19)
    chart.view_box = f"{-AXIS_ROOM:.0f} 0 {width + AXIS_ROOM:.0f} {height:.0f}"
    chart.ticks = [(_n(base - (base - 8) * n / peak), n) for n in axis_ticks(peak)]
    position = {month: i * step for i, month in enumerate(months)}
    for month in months:
        n = counts.get(month, 0)
        bar = (base - 8) * n / peak
        label = datetime.date(*map(int, month.split("-")), 1).strftime("%B %Y")
        chart.bars.append(
            (_n(position[month]), _n(base - bar), _n(max(step - 1, 1)), _n(bar), label, n)
        )
    every = max(1, math.ceil(36 / (step * 12)))  # a year label needs ~36 px
    for month in months:
        year = int(month[:4])
        if month.endswith("-01") and year % every == 0 or month == months[0]:
            chart.years.append((_n(position[month]), year))
    if len(chart.years) > 1 and float(chart.years[1][0]) - float(chart.years[0][0]) < 36:
        del chart.years[0]  # the span's first month, too near the first January labelled
    for month, participation in taken:
        chart.rounds.append(
            (_n(position[month] + step / 2), participation.event, participation.role)
        )
    return chart


@dataclass
class Node:
    actor: object
    x: str
    y: str
    shared: int
    width: str  # of the edge to the centre
    label_x: str
    label_y: str
    anchor: str  # text-anchor: labels point away from the centre


def network(actor, neighbours, pairs=None, size=540.0):
    """The actor in the centre; the co-named actors on two rings (the most shared nearest);
    edges to the centre by articles shared, and between two co-named actors when they are
    named together in at least a third of the fewer articles either shares with the centre."""
    if not neighbours:
        return None
    centre = size / 2
    peak = max(n for _, n in neighbours)
    nodes = []
    rings = [neighbours[:INNER_RING], neighbours[INNER_RING:]]
    for ring, members in enumerate(rings):
        radius = size * (0.22 if ring == 0 else 0.38)
        for i, (other, shared) in enumerate(members):
            angle = 2 * math.pi * (i + 0.5 * ring) / len(members) - math.pi / 2
            cos, sin = math.cos(angle), math.sin(angle)
            x, y = centre + radius * cos, centre + radius * sin
            # Labels point away from the centre. Only the inner ring's top and bottom nodes,
            # alone at their height, are labelled centred above or below: on the outer ring
            # two nodes sit side by side there and centred labels would overprint.
            alone = ring == 0 and abs(cos) < 0.3
            anchor = "middle" if alone else "start" if cos >= 0 else "end"
            label_x = {"start": x + 9, "end": x - 9, "middle": x}[anchor]
            label_y = y + (16 if sin >= 0 else -9) if anchor == "middle" else y + 4
            width = 1 + 5 * shared / peak
            nodes.append(
                Node(other, _n(x), _n(y), shared, _n(width), _n(label_x), _n(label_y), anchor)
            )
    links = []
    if pairs is not None:
        for i, a in enumerate(nodes):
            for j in range(i + 1, len(nodes)):
                together = int(pairs[i][j])
                if together and together * 3 >= min(a.shared, nodes[j].shared):
                    links.append((a, nodes[j], together))
    margin = LABEL_ROOM  # labels run outwards past the outer ring
    view_box = f"{-margin:.0f} 0 {size + 2 * margin:.0f} {size:.0f}"
    return {"view_box": view_box, "centre": _n(centre), "nodes": nodes, "links": links}
