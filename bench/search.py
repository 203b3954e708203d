"""Search benchmark: Whoosh (the archive's search core) against SQLite FTS5, same corpus.

    .venv/bin/python bench/search.py [--articles 100000] [--runs 5]

Builds a deterministic corpus of N articles from the FA-KES rows (sentences reordered, words
swapped between articles, dates shifted, so no two are copies), indexes it with the archive's
own schema and documents, then runs ~30 researcher queries warm and prints p50/p95 latency:
search core alone, with facets, with highlights, with both; and the same queries on SQLite
FTS5 (bm25 ranking, snippet()). The built index is kept under var/bench/ for the next run.
"""

import argparse
import csv
import datetime
import gc
import io
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from whoosh import index  # noqa: E402

from archive.ingest.decoding import decode  # noqa: E402
from archive.search import facets  # noqa: E402
from archive.search.query import parse  # noqa: E402
from archive.search.results import snippets, top_hits  # noqa: E402
from archive.search.schema import SCHEMA_VERSION, build_schema  # noqa: E402
from archive.search.weighting import WEIGHTING  # noqa: E402

FAKES = ROOT / "seeds" / "fa-kes" / "fakes.csv"
ACTOR_WORDS = {
    "bashar-al-jaafari": "Jaafari",
    "staffan-de-mistura": "Mistura",
    "sohr": "Observatory",
    "islamic-state": "Islamic State",
    "russia": "Russia",
    "turkey": "Turkey",
}
PROCESSES = {"Geneva": "geneva", "Astana": "astana"}

# (Whoosh query, FTS5 MATCH expression, extra SQL condition for FTS5)
QUERIES = [
    ("Aleppo", "Aleppo", ""),
    ("ceasefire", "ceasefire", ""),
    ('"Syrian Observatory for Human Rights"', '"Syrian Observatory for Human Rights"', ""),
    ('"peace talks"', '"peace talks"', ""),
    ("ceasefire AND Aleppo", "ceasefire AND Aleppo", ""),
    ("Astana OR Geneva", "Astana OR Geneva", ""),
    ("Aleppo NOT Idlib", "Aleppo NOT Idlib", ""),
    ("(Astana OR Geneva) AND talks", "(Astana OR Geneva) AND talks", ""),
    ("negotiat*", "negotiat*", ""),
    ("evacuat*", "evacuat*", ""),
    ("chemical attack Idlib", "chemical AND attack AND Idlib", ""),
    ("title:Aleppo", "title:Aleppo", ""),
    ("title:ceasefire", "title:ceasefire", ""),
    ("Jafari~", "Jaafari", ""),
    ('"ceasefire Aleppo"~10', "NEAR(ceasefire Aleppo, 10)", ""),
    (
        "Aleppo date:[2016-01-01 TO 2016-12-31]",
        "Aleppo",
        "published BETWEEN '2016-01-01' AND '2016-12-31'",
    ),
    ("actor:jaafari", "Jaafari", ""),
    ("source:reuters", "source:reuters", ""),
    ("Russia Turkey Iran", "Russia AND Turkey AND Iran", ""),
    ("airstrikes civilians killed", "airstrikes AND civilians AND killed", ""),
    ('"de-escalation zones"', '"de escalation zones"', ""),
    ("Kerry Lavrov", "Kerry AND Lavrov", ""),
    ("humanitarian aid convoy", "humanitarian AND aid AND convoy", ""),
    ("Hezbollah", "Hezbollah", ""),
    ('"barrel bombs"', '"barrel bombs"', ""),
    ('"Islamic State" Raqqa', '"Islamic State" AND Raqqa', ""),
    ("refugees Lebanon Jordan", "refugees AND Lebanon AND Jordan", ""),
    ("Daraa", "Daraa", ""),
    ("Kurdish Manbij", "Kurdish AND Manbij", ""),
    ("process:astana", "Astana", ""),
]


def read_rows():
    text, _ = decode(FAKES.read_bytes())
    rows = list(csv.DictReader(io.StringIO(text)))
    seen, unique = set(), []
    for row in rows:
        if row["article_content"] not in seen:
            seen.add(row["article_content"])
            unique.append(row)
    return unique


def build_corpus(n):
    """N articles: each a FA-KES row with its sentences shuffled and some words borrowed."""
    rows = read_rows()
    rng = random.Random(20261123)
    vocabulary = [w for row in rows[:200] for w in row["article_content"].split()[:50]]
    start = datetime.date(2011, 3, 1)
    corpus = []
    for i in range(n):
        row = rows[i % len(rows)]
        sentences = row["article_content"].split(". ")
        rng.shuffle(sentences)
        words = ". ".join(sentences).split()
        for _ in range(max(1, len(words) // 40)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        body = " ".join(words)
        day = start + datetime.timedelta(days=(i * 7919) % 2800)
        actors = [slug for slug, word in ACTOR_WORDS.items() if word in body]
        process = [p for word, p in PROCESSES.items() if word in body]
        corpus.append(
            {
                "id": str(i),
                "title": row["article_title"],
                "body": body,
                "source": row["source"],
                "published": day,
                "actors": actors,
                "process": process,
            }
        )
    return corpus


def document(article):
    day = article["published"]
    return {
        "id": article["id"],
        "title": article["title"],
        "text": f"{article['title']}\n{article['title']}\n{article['body']}",
        "words": f"{article['title']}\n{article['body']}",
        "pairs": f"{article['title']}\n{article['body']}",
        "source": article["source"],
        "source_key": article["source"],
        "actor": ",".join(article["actors"]),
        "process": ",".join(article["process"]),
        "published": datetime.datetime.combine(day, datetime.time()),
        "year": f"{day:%Y}",
        "month": f"{day:%Y-%m}",
    }


def build_whoosh(corpus, path):
    marker = path / "COMPLETE"
    if marker.exists() and marker.read_text() == str(len(corpus)):
        return index.open_dir(path), None
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    ix = index.create_in(path, build_schema())
    started = time.perf_counter()
    gc.disable()
    writer = ix.writer(limitmb=1024)
    for article in corpus:
        writer.add_document(**document(article))
    writer.commit()
    gc.enable()
    elapsed = time.perf_counter() - started
    marker.write_text(str(len(corpus)))
    return ix, elapsed


def build_fts5(corpus):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE a USING fts5(title, body, source, published UNINDEXED)")
    started = time.perf_counter()
    db.executemany(
        "INSERT INTO a(rowid, title, body, source, published) VALUES (?, ?, ?, ?, ?)",
        [
            (int(x["id"]), x["title"], x["body"], x["source"], x["published"].isoformat())
            for x in corpus
        ],
    )
    db.commit()
    return db, time.perf_counter() - started


def percentiles(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def time_whoosh(searcher, corpus, runs, with_facets, with_highlights):
    samples, per_query = [], {}
    for text, _, _ in QUERIES:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            query = parse(text)
            results = top_hits(searcher, query, limit=20)
            len(results)
            if with_facets:
                facets.counts(searcher, query)
            if with_highlights:
                for hit in results[0:20]:
                    snippets(hit, corpus[int(hit["id"])]["body"])
            times.append((time.perf_counter() - started) * 1000)
        samples += times[1:]  # the first run warms caches
        per_query[text] = statistics.median(times[1:])
    return samples, per_query


def time_fts5(db, runs, with_snippets):
    samples = []
    column = "snippet(a, 1, '<mark>', '</mark>', '…', 30)" if with_snippets else "rowid"
    for _, match, condition in QUERIES:
        where = f"a MATCH ? {'AND ' + condition if condition else ''}"
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            db.execute(
                f"SELECT {column} FROM a WHERE {where} ORDER BY bm25(a) LIMIT 20", [match]
            ).fetchall()
            db.execute(f"SELECT count(*) FROM a WHERE {where}", [match]).fetchone()
            times.append((time.perf_counter() - started) * 1000)
        samples += times[1:]
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = build_corpus(args.articles)
    print(f"corpus: {len(corpus):,} articles built in {time.perf_counter() - started:.1f} s")
    ix, whoosh_seconds = build_whoosh(
        corpus, ROOT / "var" / "bench" / f"whoosh-{args.articles}-v{SCHEMA_VERSION}"
    )
    if whoosh_seconds:
        print(
            f"whoosh index: {whoosh_seconds:.1f} s ({len(corpus) / whoosh_seconds:,.0f} articles/s)"
        )
    else:
        print("whoosh index: reused from var/bench/")
    db, fts_seconds = build_fts5(corpus)
    print(f"fts5 index:   {fts_seconds:.1f} s ({len(corpus) / fts_seconds:,.0f} articles/s)")

    searcher = ix.searcher(weighting=WEIGHTING)
    print(f"\n{len(QUERIES)} queries, top 20, {args.runs - 1} warm runs each; milliseconds")
    print(f"{'engine / options':38s} {'p50':>8s} {'p95':>8s}")
    slowest = None
    for label, with_facets, with_highlights in [
        ("whoosh: search core", False, False),
        ("whoosh: + facets", True, False),
        ("whoosh: + highlights", False, True),
        ("whoosh: + facets + highlights", True, True),
    ]:
        samples, per_query = time_whoosh(searcher, corpus, args.runs, with_facets, with_highlights)
        p50, p95 = percentiles(samples)
        print(f"{label:38s} {p50:8.1f} {p95:8.1f}")
        slowest = per_query
    for label, with_snippets in [("fts5: bm25", False), ("fts5: bm25 + snippet()", True)]:
        p50, p95 = percentiles(time_fts5(db, args.runs, with_snippets))
        print(f"{label:38s} {p50:8.1f} {p95:8.1f}")
    print("\nslowest queries (whoosh, facets + highlights, median ms):")
    for text, ms in sorted(slowest.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {ms:8.1f}  {text}")


if __name__ == "__main__":
    main()
