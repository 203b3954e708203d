"""An actor's mentions on a time axis with their rounds marked; their network in two rings."""

import datetime
from types import SimpleNamespace

import numpy as np
import pytest

from archive.actors import charts


def participation(day, title="Astana 4"):
    event = SimpleNamespace(start_date=day, title=title, get_absolute_url=lambda: "/rounds/x/")
    return SimpleNamespace(event=event, role="delegation head")


def test_the_chart_has_a_bar_for_every_month_of_the_span():
    chart = charts.mentions_chart({"2016-11": 2, "2017-02": 5}, [])
    assert [bar[4] for bar in chart.bars] == [
        "November 2016",
        "December 2016",
        "January 2017",
        "February 2017",
    ]
    assert chart.peak == 5


def test_rounds_taken_part_in_widen_the_span_and_are_marked():
    chart = charts.mentions_chart({"2017-02": 5}, [participation(datetime.date(2017, 5, 3))])
    assert chart.bars[-1][4] == "May 2017"
    assert [event.title for _, event, _ in chart.rounds] == ["Astana 4"]


def test_year_labels_thin_out_when_the_span_is_long():
    chart = charts.mentions_chart({"2000-01": 1, "2029-12": 1}, [], width=300)
    xs = [float(x) for x, _ in chart.years]
    assert all(b - a >= 36 for a, b in zip(xs, xs[1:], strict=False))


def test_no_mentions_no_chart():
    assert charts.mentions_chart({}, []) is None


def people(n):
    return [(SimpleNamespace(name=f"Person {i}"), 10 - i % 10) for i in range(n)]


def test_the_network_puts_the_most_shared_on_the_inner_ring():
    network = charts.network("centre", people(20), size=500)
    centre = float(network["centre"])

    def distance(node):
        return np.hypot(float(node.x) - centre, float(node.y) - centre)

    inner, outer = network["nodes"][: charts.INNER_RING], network["nodes"][charts.INNER_RING :]
    assert max(map(distance, inner)) < min(map(distance, outer))


def label_box(node, size=10):
    """The box a label of 24 characters at most takes: ~0.6 em a character."""
    width = min(len(node.actor.name), 24) * 0.6 * size
    x, y = float(node.label_x), float(node.label_y)
    left = {"start": x, "end": x - width, "middle": x - width / 2}[node.anchor]
    return left, y - size, left + width, y


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("count", [5, 12, 20])
def test_the_networks_labels_never_overprint_each_other(count):
    named = [(SimpleNamespace(name=f"Syrian Democratic Forces {i}"), 20 - i) for i in range(count)]
    boxes = [label_box(node) for node in charts.network("centre", named)["nodes"]]
    assert not [
        (i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1 :]) if overlap(a, b)
    ]


def test_co_named_actors_are_linked_to_each_other_when_often_together():
    pairs = np.zeros((3, 3), dtype=int)
    pairs[0][1] = pairs[1][0] = 9  # named together in nearly all their articles
    pairs[0][2] = pairs[2][0] = 1  # once
    network = charts.network("centre", [(SimpleNamespace(name=n), 10) for n in "abc"], pairs)
    assert [(a.actor.name, b.actor.name) for a, b, _ in network["links"]] == [("a", "b")]


@pytest.mark.django_db
def test_pair_counts_come_from_the_index(seed_article):
    from archive.actors.profile import articles_naming, co_mention_pairs, co_mentioned
    from archive.models import Actor

    actor = Actor.objects.get(slug="staffan-de-mistura")
    named = articles_naming(actor)
    neighbours = co_mentioned(actor, named.facet_counts())
    pairs = co_mention_pairs(named, neighbours)
    assert pairs.shape == (len(neighbours), len(neighbours))
    assert [int(pairs[i][i]) for i in range(len(neighbours))] == [n for _, n in neighbours]
