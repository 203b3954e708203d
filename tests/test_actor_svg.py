"""The actor page's chart and network are drawn in Python with the markup, escaping and
filters the template engine gave them (the template they replace is kept here to compare)."""

import datetime
from types import SimpleNamespace

import numpy as np
from django.template import Context, Template

from archive.actors import charts, svg

TRICKY = 'Front <"Al-Nusra"> & Co\'s own committee for things'  # escaped, and truncated
CHART_TEMPLATE = """{% load humanize %}<svg viewBox="{{ chart.view_box }}" role="group" aria-label="Articles naming {{ actor.name }} per month, at most {{ chart.peak }} a month, with the rounds they took part in">
    <line class="axis" x1="-3" x2="-3" y1="8" y2="{{ chart.base }}"/>
    {% for y, n in chart.ticks %}<g class="tick"><line x1="-6" x2="-3" y1="{{ y }}" y2="{{ y }}"/><text x="-8" y="{{ y }}" dy="4" text-anchor="end">{{ n|intcomma }}</text></g>{% endfor %}
    <line class="axis" x1="0" x2="{{ chart.width|floatformat:0 }}" y1="{{ chart.base }}" y2="{{ chart.base }}"/>
    {% for x, y, w, h, label, n in chart.bars %}<rect x="{{ x }}" y="{{ y }}" width="{{ w }}" height="{{ h }}"><title>{{ label }}: {{ n }} article{{ n|pluralize }}</title></rect>{% endfor %}
    {% for x, year in chart.years %}<g class="year"><line x1="{{ x }}" x2="{{ x }}" y1="{{ chart.base }}" y2="{{ chart.tick_end }}"/><text x="{{ x }}" y="{{ chart.label_y }}">{{ year }}</text></g>{% endfor %}
    {% for x, event, role in chart.rounds %}<a href="{{ event.get_absolute_url }}"><title>{{ event.title }} ({{ event.start_date|date:"j M Y" }}): {{ role }}</title><path class="round-mark" d="M{{ x }} {{ chart.mark_y }} l-5 9 h10 z"/></a>{% endfor %}
  </svg>"""  # noqa: E501
NETWORK_TEMPLATE = """<svg class="network" viewBox="{{ network.view_box }}" role="group" aria-label="Actors most often named with {{ actor.name }}, and with each other">
  {% for a, b, n in network.links %}<line class="link" x1="{{ a.x }}" y1="{{ a.y }}" x2="{{ b.x }}" y2="{{ b.y }}"><title>{{ a.actor.name }} and {{ b.actor.name }}: named together in {{ n }} of these articles</title></line>{% endfor %}
  {% for node in network.nodes %}<line x1="{{ network.centre }}" y1="{{ network.centre }}" x2="{{ node.x }}" y2="{{ node.y }}" stroke-width="{{ node.width }}"/>{% endfor %}
  <circle class="centre" cx="{{ network.centre }}" cy="{{ network.centre }}" r="9"><title>{{ actor.name }}</title></circle>
  <text class="centre-label" x="{{ network.centre }}" y="{{ network.centre }}" dy="24" text-anchor="middle">{{ actor.name|truncatechars:28 }}</text>
  {% for node in network.nodes %}<a href="{{ node.actor.get_absolute_url }}"><title>{{ node.actor.name }}: {{ node.shared }} shared article{{ node.shared|pluralize }}</title><circle cx="{{ node.x }}" cy="{{ node.y }}" r="6"/><text x="{{ node.label_x }}" y="{{ node.label_y }}" text-anchor="{{ node.anchor }}">{{ node.actor.name|truncatechars:24 }}</text></a>{% endfor %}
</svg>"""  # noqa: E501


def taking_part(day, title):
    event = SimpleNamespace(
        start_date=day, title=title, get_absolute_url=lambda: "/rounds/a&b/?x=<1>"
    )
    return SimpleNamespace(event=event, role='head of "delegation"')


def someone(name, slug):
    return SimpleNamespace(name=name, get_absolute_url=lambda: f"/actors/{slug}/")


def test_the_chart_is_the_markup_the_template_gave():
    months = {f"2016-{m:02d}": m * 1001 for m in range(1, 13)}  # thousands: intcomma
    rounds = [taking_part(datetime.date(2016, 5, 3), "Geneva <3> & more")]
    chart = charts.mentions_chart(months, rounds)
    context = Context({"chart": chart, "actor": SimpleNamespace(name=TRICKY)})
    assert svg.mentions_svg(chart, TRICKY) == Template(CHART_TEMPLATE).render(context)


def test_the_network_is_the_markup_the_template_gave():
    neighbours = [(someone(f"{TRICKY} {i}", f"p{i}"), 12 - i) for i in range(12)]
    pairs = np.full((12, 12), 9)
    network = charts.network(SimpleNamespace(name=TRICKY), neighbours, pairs)
    assert network["links"]
    context = Context({"network": network, "actor": SimpleNamespace(name=TRICKY)})
    assert svg.network_svg(network, TRICKY) == Template(NETWORK_TEMPLATE).render(context)


def test_names_are_escaped_in_the_drawing():
    chart = charts.mentions_chart({"2016-01": 1}, [])
    drawn = svg.mentions_svg(chart, TRICKY)
    assert "&lt;&quot;Al-Nusra&quot;&gt; &amp; Co&#x27;s" in drawn and '<"Al' not in drawn
