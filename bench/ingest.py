"""Import benchmark: articles per second (dedup, dates, actors, rounds, copies, indexing all on)
and peak memory, for generated CSV and JSONL files of 10k and 100k articles; then the index
rebuilt from that database (`rebuild_index`), and SQLite FTS5 indexing the same articles,
so the ratio is on one line.

    .venv/bin/python bench/ingest.py [--sizes 10000,100000] [--formats csv,jsonl]

Each import runs in a fresh process against a fresh SQLite database and index under
var/bench/, so figures do not depend on what the archive already holds. Peak memory is the
importing process's and its largest worker's.
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
started = time.perf_counter()
report = pipeline.run([sys.argv[1]])
total = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
                  "index_seconds": index_seconds, "peak_mb": peak, "worker_peak_mb": workers,
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


def measure(path):
    with tempfile.TemporaryDirectory(dir=ROOT / "var" / "bench") as var:
        env = {**os.environ, "ARCHIVE_VAR_DIR": var, "DJANGO_SETTINGS_MODULE": "archive.settings"}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--formats", default="csv,jsonl", help="which generated files to import")
    args = parser.parse_args()
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    columns = (
        "file",
        "added",
        "art/s",
        "w/o index",
        "index s",
        "peak MB",
        "worker MB",
        "rebuild/s",
        "fts5/s",
    )
    print("{:24s} {:>8s} {:>7s} {:>10s} {:>8s} {:>8s} {:>10s} {:>10s} {:>8s}".format(*columns))
    for n in map(int, args.sizes.split(",")):
        for path in write_files(n, folder):
            if path.suffix.lstrip(".") not in args.formats.split(","):
                continue
            result = measure(path)
            rate = result["added"] / result["seconds"]
            without = result["added"] / max(result["seconds"] - result["index_seconds"], 1e-9)
            rebuild = result["rebuilt"] / result["rebuild_seconds"]
            fts = result["added"] / result["fts_seconds"]
            print(
                f"{path.name:24s} {result['added']:8d} {rate:7.0f} {without:10.0f} "
                f"{result['index_seconds']:8.1f} {result['peak_mb']:8.0f} "
                f"{result['worker_peak_mb']:10.0f} {rebuild:10.0f} {fts:8.0f}"
            )


if __name__ == "__main__":
    main()
