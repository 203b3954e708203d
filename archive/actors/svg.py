"""The actor page's drawings as SVG markup: the month-by-month chart and the network of actors
named together (their geometry: `charts.py`).

Written in Python rather than in the template: a common actor's chart and network hold some
2,400 values, and Django's template engine resolving, localising and escaping each one took
~25 ms of the page at 100k articles. Every value is escaped here as the template escaped it,
with the same filters, so the page's HTML is the same byte for byte (`tests/test_actor_svg.py`
compares with the template this replaced).
"""

import html

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import date, floatformat, pluralize, truncatechars
from django.utils.safestring import SafeString, mark_safe


def _e(value) -> str:
    """What the template engine's autoescaping gives for a value not marked safe (Django's
    `escape` is `html.escape` of its text, behind a slower lazy-string wrapper)."""
    return html.escape(str(value))


def mentions_svg(chart, actor_name: str) -> SafeString:
    """The chart of `charts.mentions_chart`: bars per month, the count axis, the years and
    the rounds the actor took part in."""
    base = _e(chart.base)
    parts = [
        f'<svg viewBox="{_e(chart.view_box)}" role="group" aria-label="Articles naming '
        f"{_e(actor_name)} per month, at most {_e(chart.peak)} a month, with the rounds they "
        'took part in">\n    '
        f'<line class="axis" x1="-3" x2="-3" y1="8" y2="{base}"/>\n    ',
    ]
    parts += [
        f'<g class="tick"><line x1="-6" x2="-3" y1="{_e(y)}" y2="{_e(y)}"/><text x="-8" '
        f'y="{_e(y)}" dy="4" text-anchor="end">{_e(intcomma(n))}</text></g>'
        for y, n in chart.ticks
    ]
    parts.append(
        f'\n    <line class="axis" x1="0" x2="{_e(floatformat(chart.width, 0))}" y1="{base}" '
        f'y2="{base}"/>\n    '
    )
    parts += [
        f'<rect x="{_e(x)}" y="{_e(y)}" width="{_e(w)}" height="{_e(h)}"><title>{_e(label)}: '
        f"{_e(n)} article{pluralize(n)}</title></rect>"
        for x, y, w, h, label, n in chart.bars
    ]
    parts.append("\n    ")
    parts += [
        f'<g class="year"><line x1="{_e(x)}" x2="{_e(x)}" y1="{base}" '
        f'y2="{_e(chart.tick_end)}"/><text x="{_e(x)}" y="{_e(chart.label_y)}">{_e(year)}'
        "</text></g>"
        for x, year in chart.years
    ]
    parts.append("\n    ")
    parts += [
        f'<a href="{_e(event.get_absolute_url())}"><title>{_e(event.title)} '
        f'({_e(date(event.start_date, "j M Y"))}): {_e(role)}</title><path class="round-mark" '
        f'd="M{_e(x)} {_e(chart.mark_y)} l-5 9 h10 z"/></a>'
        for x, event, role in chart.rounds
    ]
    parts.append("\n  </svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every value above is escaped)


def network_svg(network: dict, actor_name: str) -> SafeString:
    """The network of `charts.network`: the actor in the centre, the co-named actors on two
    rings, their links to the centre and to each other."""
    centre = _e(network["centre"])
    parts = [
        f'<svg class="network" viewBox="{_e(network["view_box"])}" role="group" '
        f'aria-label="Actors most often named with {_e(actor_name)}, and with each other">\n  ',
    ]
    parts += [
        f'<line class="link" x1="{_e(a.x)}" y1="{_e(a.y)}" x2="{_e(b.x)}" y2="{_e(b.y)}">'
        f"<title>{_e(a.actor.name)} and {_e(b.actor.name)}: named together in {_e(n)} of "
        "these articles</title></line>"
        for a, b, n in network["links"]
    ]
    parts.append("\n  ")
    parts += [
        f'<line x1="{centre}" y1="{centre}" x2="{_e(node.x)}" y2="{_e(node.y)}" '
        f'stroke-width="{_e(node.width)}"/>'
        for node in network["nodes"]
    ]
    parts.append(
        f'\n  <circle class="centre" cx="{centre}" cy="{centre}" r="9"><title>{_e(actor_name)}'
        f'</title></circle>\n  <text class="centre-label" x="{centre}" y="{centre}" dy="24" '
        f'text-anchor="middle">{_e(truncatechars(actor_name, 28))}</text>\n  '
    )
    parts += [
        f'<a href="{_e(node.actor.get_absolute_url())}"><title>{_e(node.actor.name)}: '
        f"{_e(node.shared)} shared article{pluralize(node.shared)}</title><circle "
        f'cx="{_e(node.x)}" cy="{_e(node.y)}" r="6"/><text x="{_e(node.label_x)}" '
        f'y="{_e(node.label_y)}" text-anchor="{_e(node.anchor)}">'
        f"{_e(truncatechars(node.actor.name, 24))}</text></a>"
        for node in network["nodes"]
    ]
    parts.append("\n</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every value above is escaped)
