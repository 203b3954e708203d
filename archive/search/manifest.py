"""What a result set was: its manifest, and what has changed in it since.

A manifest names the search (query, filters, sort), when it ran, how many articles it found,
the state of the archive (the last finished import, the index generation) and a SHA-256 of the
matching articles' permalink keys in ascending order: the set, whatever the ranking, so a
citation can be checked years later ("is it still the same 214 articles?"). Keys, not database
ids: a key is the start of the SHA-256 of the article's text as received, so the same articles
give the same hash in any database they are imported into, after any rebuild of the index.
The hash costs one sort of the keys (a millisecond at 100k hits). Manifests go with every
results page, API answer, feed and export; they are stored (`CitedSearch`) only when someone
cites a search.
"""

import datetime
import hashlib

import numpy as np
from django.utils import timezone

from archive.models.article import PERMALINK_DIGITS
from archive.search import snapshot
from archive.search.facets import FACETS

SEARCH_PARAMS = ("q", "sort", "collapse", "expand", "date_from", "date_to")
FLAGS = ("collapse", "expand")


def keys_sha256(keys) -> str:
    """SHA-256 of the permalink keys (as integers), ascending, as little-endian int64."""
    ordered = np.sort(np.asarray(keys, dtype="<i8"))
    return hashlib.sha256(ordered.tobytes()).hexdigest()


def search_of(params) -> dict:
    """The parameters that define a search (not the page shown, nor the output format)."""
    from archive.forms import flag_is_on

    names = (*SEARCH_PARAMS, *(facet.param for facet in FACETS if facet.filtered))
    given = {name: params.get(name) for name in names if params.get(name)}
    for flag in FLAGS:
        if not flag_is_on(given.get(flag)):
            given.pop(flag, None)  # collapse=0 is the same search as none
    return given


def archive_state() -> dict:
    from archive.models import ImportRun

    last = ImportRun.objects.filter(status=ImportRun.Status.FINISHED).order_by("-pk").first()
    generation = snapshot.index_state()
    return {
        "last_import": last.pk if last else None,
        "last_import_finished": last.finished_at.isoformat() if last and last.finished_at else None,
        "index_generation": generation[0] if generation else None,
    }


def manifest(results, params, when: datetime.datetime | None = None) -> dict:
    """The manifest of a result set."""
    keys = results.keys()
    return {
        "search": search_of(params),
        "created": (when or timezone.now()).isoformat(timespec="seconds"),
        "total": len(keys),
        "archive": archive_state(),
        "ids_sha256": keys_sha256(keys),
    }


def quotes_manifest(quotes, params, when: datetime.datetime | None = None) -> dict:
    """The manifest of a quote export: what it asked for (speaker, round), when, how many
    quotes, the archive's state, and a SHA-256 of each quote's place (its article's key and
    its position in the text), sorted: like an article key, the same in any database."""
    places = sorted(
        f"{sha256[:PERMALINK_DIGITS]}:{position}"
        for sha256, position in quotes.values_list("article__sha256", "position")
    )
    return {
        "quotes": {name: params[name] for name in ("speaker", "round") if params.get(name)},
        "created": (when or timezone.now()).isoformat(timespec="seconds"),
        "total": len(places),
        "archive": archive_state(),
        "places_sha256": hashlib.sha256("\n".join(places).encode()).hexdigest(),
    }


def drift(before: dict, now: dict) -> dict:
    """What changed between a cited result set and the same search now (each a map of
    article key → publication day): articles added, removed, and re-dated (still found,
    under another publication date)."""
    cited, current = set(before), set(now)
    return {
        "added": sorted(current - cited),
        "removed": sorted(cited - current),
        "redated": sorted(i for i in cited & current if before[i] != now[i]),
    }
