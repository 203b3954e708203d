"""Import benchmark: articles per second (dedup, dates, actors, rounds, copies, indexing all on)
and peak memory, for generated CSV and JSONL files of 10k and 100k articles; then the index
rebuilt from that database (`rebuild_index`), and SQLite FTS5 indexing the same articles,
so the ratio is on one line.

    .venv/bin/python bench/ingest.py [--sizes 10000,100000] [--formats csv,jsonl]
                                     [--task-workers 0,1,2,4]

Each import runs in a fresh process against a fresh SQLite database and index under
var/bench/, so figures do not depend on what the archive already holds. Peak memory is the
importing process's and its largest worker's. "importer/s" is articles per second of the
importing process's own CPU: the most a fan-out over any number of task workers could give,
since that process alone reads, deduplicates, saves and indexes.
"""

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.live: the scratch archive, Redis and its workers
FAKES = ROOT / "seeds" / "fa-kes" / "fakes.csv"
CHILD = """
import json, resource, sys, time
import django
django.setup()
from django.core.management import call_command
from archive.ingest import pipeline
call_command("migrate", verbosity=0)
call_command("load_reference", stdout=open("/dev/null", "w"))
index_seconds = 0.0
drain_all = pipeline.search_writes.drain_all
def timed(*args, **kwargs):
    global index_seconds
    started = time.perf_counter()
    drain_all(*args, **kwargs)
    index_seconds += time.perf_counter() - started
pipeline.search_writes.drain_all = timed
before = resource.getrusage(resource.RUSAGE_SELF)
started = time.perf_counter()
report = pipeline.run([sys.argv[1]])
total = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF)
peak = own.ru_maxrss / 1024
cpu = own.ru_utime + own.ru_stime - before.ru_utime - before.ru_stime
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
from archive.search import writes
started = time.perf_counter()
rebuilt = writes.rebuild()
rebuild_seconds = time.perf_counter() - started
import sqlite3
from archive.models import Article
fts = sqlite3.connect(":memory:")
fts.execute("CREATE VIRTUAL TABLE a USING fts5(title, body, source)")
rows = Article.objects.values_list("pk", "title", "body", "source").iterator(chunk_size=2000)
rows = list(rows)
started = time.perf_counter()
fts.executemany("INSERT INTO a(rowid, title, body, source) VALUES (?, ?, ?, ?)", rows)
fts.commit()
fts_seconds = time.perf_counter() - started
print(json.dumps({"added": report.added, "failed": report.failed, "seconds": total,
                  "index_seconds": index_seconds, "cpu_seconds": cpu, "peak_mb": peak,
                  "worker_peak_mb": workers,
                  "rebuilt": rebuilt, "rebuild_seconds": rebuild_seconds,
                  "fts_seconds": fts_seconds}))
"""


def read_rows():
    text = FAKES.read_bytes().decode("utf-8", "replace")
    return list(csv.DictReader(text.splitlines()))


def perturbed(rows, n):
    """N distinct articles: FA-KES rows with shuffled sentences and a serial number."""
    rng = random.Random(n)
    for i in range(n):
        row = dict(rows[i % len(rows)])
        sentences = row["article_content"].split(". ")
        rng.shuffle(sentences)
        row["article_content"] = f"{row['date']} " + ". ".join(sentences) + f" (copy {i})"
        row["unit_id"] = str(i)
        yield row


def write_files(n, folder):
    rows = read_rows()
    csv_path, jsonl_path = folder / f"articles-{n}.csv", folder / f"articles-{n}.jsonl"
    with open(csv_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(perturbed(rows, n))
    with open(jsonl_path, "w", encoding="utf-8") as out:
        for row in perturbed(rows, n):
            record = {
                "id": row["unit_id"],
                "title": row["article_title"],
                "text": row["article_content"],
                "source": row["source"],
                "date": row["date"],
            }
            out.write(json.dumps(record) + "\n")
    return csv_path, jsonl_path


def measure(path, task_workers=0):
    """One import of `path` into a fresh archive; with `task_workers`, its enrichment fanned
    out over that many `enrich_worker` processes and a Redis of its own (fanout.py)."""
    from tests.live import EnrichWorker, Redis, ScratchArchive

    with tempfile.TemporaryDirectory(dir=ROOT / "var" / "bench") as folder:
        archive = ScratchArchive(Path(folder))
        archive.env.pop("DATABASE_URL", None)
        archive.env.pop("ARCHIVE_INDEX_DIR", None)
        started = []
        try:
            if task_workers:
                started.append(Redis(archive))
                started += [EnrichWorker(archive, started[0], f"w{i}") for i in range(task_workers)]
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)],
                cwd=ROOT,
                env=archive.env,
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            for process in reversed(started):
                process.stop()
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--formats", default="csv,jsonl", help="which generated files to import")
    parser.add_argument(
        "--task-workers",
        default="0",
        help="comma-separated counts of enrich_worker processes to fan out over (0: this "
        "machine's cores, forked)",
    )
    args = parser.parse_args()
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    columns = (
        "file",
        "workers",
        "added",
        "art/s",
        "w/o index",
        "index s",
        "importer/s",
        "peak MB",
        "worker MB",
        "rebuild/s",
        "fts5/s",
    )
    widths = (24, 7, 8, 7, 10, 8, 10, 8, 10, 10, 8)
    heads = zip(columns, widths, strict=True)
    print(" ".join(f"{c:{'<' if i == 0 else '>'}{w}s}" for i, (c, w) in enumerate(heads)))
    for n in map(int, args.sizes.split(",")):
        for path in write_files(n, folder):
            if path.suffix.lstrip(".") not in args.formats.split(","):
                continue
            for workers in map(int, args.task_workers.split(",")):
                result = measure(path, workers)
                rate = result["added"] / result["seconds"]
                without = result["added"] / max(result["seconds"] - result["index_seconds"], 1e-9)
                rebuild = result["rebuilt"] / result["rebuild_seconds"]
                fts = result["added"] / result["fts_seconds"]
                print(
                    f"{path.name:24s} {workers or 'forked':>7} {result['added']:8d} {rate:7.0f} "
                    f"{without:10.0f} {result['index_seconds']:8.1f} "
                    f"{result['added'] / result['cpu_seconds']:10.0f} {result['peak_mb']:8.0f} "
                    f"{result['worker_peak_mb']:10.0f} {rebuild:10.0f} {fts:8.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
