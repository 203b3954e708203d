"""The timeline, its filters, the home page, round dossiers and an actor page at scale: server
time per page, with the archive of bench/load.py (N articles) and the calendar grown to
--events rounds.

    .venv/bin/python bench/timeline.py [--articles 100000] [--events 1000] [--repeat 30]

Works on a copy of the load benchmark's database (built once by bench/load.py under
var/bench/load-N/, which this builds if missing) with its search index, adds generated
meetings to reach --events rounds, and times each page through Django's test client (the
whole view and template, no network). Prints the first request's time (cold caches) and
p50/p95 of the rest.
"""

import argparse
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def add_meetings(total: int) -> int:
    """Generated meetings (process "other") spread over the axis, up to `total` rounds."""
    from archive.models import Event

    missing = total - Event.objects.count()
    start = datetime.date(2012, 1, 1)
    meetings = [
        Event(
            slug=f"bench-meeting-{i}",
            process=Event.Process.OTHER,
            number=i + 1,
            title=f"Generated meeting {i + 1}",
            start_date=start + datetime.timedelta(days=5 * i),
            end_date=start + datetime.timedelta(days=5 * i + 2),
            dates_note="generated for the benchmark",
        )
        for i in range(max(missing, 0))
    ]
    Event.objects.bulk_create(meetings)
    return Event.objects.count()


def timed(client, path, repeat):
    first = None
    times = []
    for i in range(repeat + 1):
        began = time.perf_counter()
        response = client.get(path, HTTP_HOST="127.0.0.1")
        elapsed = (time.perf_counter() - began) * 1000
        assert response.status_code == 200, (path, response.status_code)
        if i == 0:
            first = elapsed
        else:
            times.append(elapsed)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return first, statistics.median(times), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from bench.load import build

    archive = build(args.articles)
    source = archive.folder / "var"
    scratch = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    (scratch / "var").mkdir()
    shutil.copy(source / "archive.sqlite3", scratch / "var" / "archive.sqlite3")
    os.environ["ARCHIVE_VAR_DIR"] = str(scratch / "var")
    os.environ["ARCHIVE_INDEX_DIR"] = str(source / "index")  # read, never written here
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from archive.models import Article

    call_command("migrate", verbosity=0)
    rounds = add_meetings(args.events)
    print(f"{Article.objects.count():,} articles, {rounds:,} rounds")
    client = Client()
    pages = [
        "/timeline/",
        "/timeline/?actor=staffan-de-mistura",
        "/timeline/?q=ceasefire",
        "/",
        "/rounds/astana-4/",
        "/rounds/bench-meeting-7/",
        "/actors/staffan-de-mistura/",
        "/actors/bashar-al-assad/",  # named in most articles: the costliest actor page
    ]
    print(f"{'page':40s} {'first':>9s} {'p50':>9s} {'p95':>9s}  (ms, server time)")
    for path in pages:
        first, p50, p95 = timed(client, path, args.repeat)
        print(f"{path:40s} {first:9.1f} {p50:9.1f} {p95:9.1f}")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
