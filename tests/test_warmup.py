"""A web worker requests each page type once before it serves (archive/warmup.py)."""

import pytest

from archive import warmup

pytestmark = pytest.mark.django_db


def test_the_warm_up_requests_one_page_of_each_type_and_each_answers():
    statuses = warmup.warm()
    kinds = {url.split("/")[1] for url in statuses}
    assert {"", "search", "timeline", "actors", "articles", "rounds"} <= kinds
    assert set(statuses.values()) == {200}


def test_a_page_that_fails_is_recorded_and_the_others_still_warm(monkeypatch):
    monkeypatch.setattr(warmup, "paths", lambda: ["/no-such-page/", "/"])
    assert warmup.warm() == {"/no-such-page/": 404, "/": 200}


def test_the_pages_of_the_most_named_actors_are_warmed():
    from django.db.models import Count

    from archive.models import Actor

    by_articles = Actor.objects.annotate(n=Count("mention")).order_by("-n", "slug")
    expected = [actor.slug for actor in by_articles[: warmup.MOST_NAMED]]
    assert warmup.most_named(warmup.MOST_NAMED) == expected
    assert all(f"/actors/{slug}/" in warmup.paths() for slug in expected)
