"""Load under change: a served archive of N generated articles, 20 clients, an import and
a stream of curator edits at the same time.

    .venv/bin/python bench/load.py [--articles 100000] [--clients 20] [--seconds 120]

Builds (once, kept under var/bench/load-N/) an archive of N articles imported through the
real pipeline (dates, actors, rounds, quotes, copies, index), serves it with gunicorn as
`make run` does, and drives it with locust (installed into the virtualenv from
bench/requirements.txt when missing): the search page, the JSON API, article, actor and
round pages, the timeline, the article list and exports, for a fixed time, while
`import_articles` adds 2,000 new articles and a curator changes dates and merges nothing
but edits in the admin every second. Prints requests/s, p50/p95/p99 per page type, errors,
worker RSS before and after, and whether index and database agree at the end.

Clients wait --think seconds (uniformly 0.5-1.5 times it) between pages, as people
reading do; `--think 0` sends pages back to back and measures the server's capacity.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import read_rows  # noqa: E402
from tests.live import Curator, Gunicorn, ImportWorker, ScratchArchive  # noqa: E402

BIN = Path(sys.executable).parent
PASSWORD = "bench-curator-1"


def generated(rows, n, seed, first_id):
    """N distinct articles as JSON lines: FA-KES rows, sentences reordered, numbered."""
    import random

    rng = random.Random(seed)
    for i in range(n):
        row = rows[i % len(rows)]
        sentences = row["article_content"].split(". ")
        rng.shuffle(sentences)
        yield {
            "id": f"load-{first_id + i}",
            "title": row["article_title"],
            "text": f"{row['date']} " + ". ".join(sentences) + f" (item {first_id + i})",
            "source": row["source"],
            "date": row["date"],
        }


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")


def build(articles: int) -> ScratchArchive:
    folder = ROOT / "var" / "bench" / f"load-{articles}"
    folder.mkdir(parents=True, exist_ok=True)
    archive = ScratchArchive(folder)
    archive.env.pop("DATABASE_URL", None)  # SQLite, as `make run` serves it
    archive.pg_url = None
    done = folder / "built"
    rows = read_rows()
    if done.exists():
        # As `make run` starts: migrations, then the index current and agreeing.
        archive.manage("migrate", "--noinput", "-v", "0")
        archive.manage("rebuild_index", "--if-stale")
        archive.manage("rebuild_index", "--check", "--repair")
        return archive
    started = time.perf_counter()
    archive.manage("migrate", "--noinput", "-v", "0")
    archive.manage("load_reference")
    corpus = folder / f"articles-{articles}.jsonl"
    write_jsonl(corpus, generated(rows, articles, seed=articles, first_id=0))
    print(f"Importing {articles} articles (once; kept in {folder}) …", flush=True)
    result = archive.manage("import_articles", str(corpus))
    print(result.stdout.strip(), f"({time.perf_counter() - started:.0f} s)", flush=True)
    archive.env["DJANGO_SUPERUSER_PASSWORD"] = PASSWORD
    archive.manage("createsuperuser", "--noinput", "--username", "bench", "--email", "b@x.org")
    done.write_text("ok")
    return archive


def ensure_locust():
    if not (BIN / "locust").exists():
        subprocess.run(
            [BIN / "pip", "install", "--quiet", "-r", ROOT / "bench" / "requirements.txt"],
            check=True,
        )
    return BIN / "locust"


def worker_rss(server) -> list[int]:
    """Resident memory of each gunicorn worker, in MB."""
    children = subprocess.run(
        ["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) // 1024)
    return sizes


def curator_edits(server, archive, stop, counts):
    """A curator changing an article's date in the admin every second."""
    curator = Curator(server.url, "bench", PASSWORD)
    top = archive.scalar("SELECT MAX(id) FROM archive_article")
    n = 0
    while not stop.is_set():
        pk = 1 + (n * 7919) % top
        n += 1
        try:
            curator.edit(f"/admin/archive/article/{pk}/change/", published=f"2017-0{1 + n % 9}-15")
            counts["edits"] += 1
        except Exception as error:  # noqa: BLE001 - counted, the bench goes on
            counts["edit_errors"] += 1
            counts["last_error"] = str(error)[:200]
        stop.wait(1.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="seconds each client waits between pages, on average (0: back to back, "
        "which measures capacity: latency is then clients / throughput)",
    )
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()

    archive = build(args.articles)
    if args.build_only:
        return
    locust = ensure_locust()
    server = Gunicorn(archive, workers=args.workers)
    worker = None
    try:
        # As `make run` serves: the task worker beside gunicorn also writes index edits a web
        # worker's drainer left queued (it gives up after repeated errors, e.g. SQLite busy).
        worker = ImportWorker(archive)
        keys = [
            archive.scalar("SELECT substr(sha256, 1, 12) FROM archive_article WHERE id = ?", pk)
            for pk in (1, args.articles // 2, args.articles - 5)
        ]
        # Warm the workers, as a server that has been up a while is.
        for _ in range(3 * args.workers):
            requests.get(server.url + "/search/?q=Aleppo", timeout=120)
        rss_before = worker_rss(server)
        stop, counts = threading.Event(), {"edits": 0, "edit_errors": 0}
        editor = threading.Thread(target=curator_edits, args=(server, archive, stop, counts))
        editor.start()
        # 2,000 articles the archive does not hold yet (numbered from the clock).
        arriving = archive.folder / "arriving.jsonl"
        first = int(time.time() * 1000)
        write_jsonl(arriving, generated(read_rows(), 2000, seed=first, first_id=first))
        importing = archive.manage_in_background("import_articles", str(arriving))
        prefix = archive.folder / "locust"
        actors, export_query = what_readers_open(archive)
        rows = export_rows(server, export_query)
        print(f"Actors read: {', '.join(actors)}; export {export_query!r}: {rows:,} rows")
        env = {
            **os.environ,
            "LOAD_ARTICLE_KEYS": ",".join(keys),
            "LOAD_ACTORS": ",".join(actors),
            "LOAD_EXPORT_QUERY": export_query,
            "LOAD_THINK": str(args.think),
        }
        started = time.perf_counter()
        subprocess.run(
            [
                locust,
                "-f",
                ROOT / "bench" / "locustfile.py",
                "--headless",
                "--users",
                str(args.clients),
                "--spawn-rate",
                str(args.clients),
                "--run-time",
                f"{args.seconds}s",
                "--host",
                server.url,
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=env,
            check=False,
            capture_output=True,
        )
        elapsed = time.perf_counter() - started
        stop.set()
        editor.join()
        output, _ = importing.communicate(timeout=3600)
        rss_after = worker_rss(server)
        report(prefix, elapsed, counts, output, rss_before, rss_after)
        check = wait_for_agreement(archive)
        print("\nIndex and database:", "agree" if check.returncode == 0 else "DISAGREE")
        print("  " + "\n  ".join(check.stdout.strip().splitlines()[:8]))
    finally:
        if worker is not None:
            worker.stop()
        server.stop()


def what_readers_open(archive) -> tuple[list[str], str]:
    """The actors whose pages the clients read (the five most named, the costliest pages,
    and two named a little) and a search to export: the round with the most articles."""
    named = archive.rows(
        "SELECT a.slug FROM archive_actor a JOIN archive_mention m ON m.actor_id = a.id"
        " GROUP BY a.id ORDER BY count(*) DESC"
    )
    slugs = [slug for (slug,) in named]
    actors = slugs[:5] + slugs[len(slugs) // 2 : len(slugs) // 2 + 2]
    round_slug = archive.scalar(
        "SELECT e.slug FROM archive_event e JOIN archive_article_events ae ON ae.event_id = e.id"
        " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1"
    )
    return actors, f"round:{round_slug}"


def export_rows(server, query) -> int:
    """How many articles the export of `query` holds (the manifest line and header aside)."""
    response = requests.get(server.url + "/search/export.csv", params={"q": query}, timeout=600)
    return max(0, len(response.text.splitlines()) - 2)


def wait_for_agreement(archive, seconds=60):
    """The check, once the curators' last queued edits have had time to be written."""
    deadline = time.monotonic() + seconds
    while True:
        check = archive.manage("rebuild_index", "--check", check=False)
        if check.returncode == 0 or time.monotonic() > deadline:
            return check
        time.sleep(2)


def report(prefix, elapsed, counts, import_output, rss_before, rss_after):
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    print(f"\n{'page':28s} {'requests':>9s} {'errors':>7s} {'p50':>6s} {'p95':>6s} {'p99':>6s}")
    for row in rows:
        print(
            f"{row['Name']:28s} {row['Request Count']:>9s} {row['Failure Count']:>7s} "
            f"{row['50%']:>6s} {row['95%']:>6s} {row['99%']:>6s}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    rate = int(total["Request Count"]) / elapsed
    print(f"\n{rate:.1f} requests/s over {elapsed:.0f} s (latencies in ms)")
    print(f"Curator edits: {counts['edits']} saved, {counts['edit_errors']} failed")
    if counts.get("last_error"):
        print(f"  last edit error: {counts['last_error']}")
    print("Import during the load:", import_output.strip().splitlines()[-1:])
    print(f"Worker RSS MB before: {rss_before}, after: {rss_after}")


if __name__ == "__main__":
    main()
