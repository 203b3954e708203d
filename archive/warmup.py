"""Warm a web worker before it takes requests: the first request a fresh worker served cost
~1.5 s (modules imported on first use, the index snapshot opened, per-generation arrays
read, templates compiled, the Russian dictionaries loaded), and every worker restarted by
gunicorn's `max_requests` paid it again on some reader's request.

Each page type is requested once, in-process, through Django's test client: the same code
paths a reader's request runs, without a socket. Nothing is written; a page that fails is
logged and passed over (a worker with an empty database still starts).
"""

import logging
import time

from django.conf import settings
from django.urls import reverse

log = logging.getLogger(__name__)


MOST_NAMED = 3  # their pages cost the most: the actors named in the most articles


def most_named(n: int) -> list[str]:
    """The slugs of the `n` actors named in the most articles (the index's facet counts)."""
    from archive.actors.profile import article_counts

    counts = article_counts()
    return sorted(counts, key=lambda slug: (-counts[slug], slug))[:n]


def paths() -> list[str]:
    """One URL of each page type, on what the archive holds now."""
    from archive.models import Actor, Article, Event

    found = ["/", "/search/?q=talks", "/search/?q=переговоры&expand=1", "/timeline/", "/actors/"]
    article = Article.objects.only("sha256").order_by("-pk").first()
    if article:
        found.append(article.get_absolute_url())
    found += [reverse("archive:actor", args=[slug]) for slug in most_named(MOST_NAMED)] or [
        actor.get_absolute_url() for actor in Actor.objects.only("slug").order_by("pk")[:1]
    ]
    event = Event.objects.only("slug").order_by("-start_date").first()
    if event:
        found.append(event.get_absolute_url())
    return found


def warm() -> dict[str, int | str]:
    """Request each page type once: {url: status, or the error it raised}."""
    from django.test import Client

    started = time.monotonic()
    hosts = [host for host in settings.ALLOWED_HOSTS if host and "*" not in host]
    client = Client(HTTP_HOST=hosts[0] if hosts else "localhost")
    try:
        urls = paths()
    except Exception as error:  # noqa: BLE001 - no database or index yet: /healthz says so
        log.warning("warm-up skipped: %s", error)
        return {}
    statuses = {}
    for url in urls:
        try:
            statuses[url] = client.get(url).status_code
        except Exception as error:  # noqa: BLE001 - a warm-up never stops a worker starting
            log.exception("warm-up of %s failed", url)
            statuses[url] = type(error).__name__
    log.info("warmed %d pages in %.2f s", len(statuses), time.monotonic() - started)
    return statuses
