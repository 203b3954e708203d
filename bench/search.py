"""Search benchmark: Whoosh (the archive's search core) against SQLite FTS5, same corpus.

    .venv/bin/python bench/search.py [--articles 100000] [--runs 5]

Builds a deterministic corpus of N articles from the FA-KES rows (sentences reordered, words
swapped between articles, dates shifted, so no two are copies), indexes it with the archive's
own schema and documents, then runs ~30 researcher queries warm and prints p50/p95 latency:
the archive's search core alone, with facets, with highlights, with both (warm: posting lists
cached; cold: each query's first run); Whoosh's own searcher.search(); and the same queries on
SQLite FTS5 (bm25 ranking, snippet()). The built index is kept under var/bench/ for the next run.
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

from archive.ingest.decoding import decode  # noqa: E402
from archive.search import arrays  # noqa: E402
from archive.search.index import create_at, open_at  # noqa: E402
from archive.search.query import for_search, parse  # noqa: E402
from archive.search.results import SearchResults, snippet  # noqa: E402
from archive.search.schema import SCHEMA_VERSION  # noqa: E402
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
        return open_at(path), None
    shutil.rmtree(path, ignore_errors=True)
    ix = create_at(path)
    started = time.perf_counter()
    gc.disable()
    writer = ix.writer(limitmb=1024, compound=False)
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


def time_archive(searcher, corpus, runs, with_facets, with_highlights):
    """The archive's search core (SearchResults over the bench index): total, top 20, and
    optionally facet counts and highlighted snippets. Returns (cold, warm samples, medians):
    the first run of each query reads its posting lists from disk, the later ones from the
    archive's posting cache."""
    cold, warm, per_query = [], [], {}
    arrays.clear()
    for text, _, _ in QUERIES:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            results = SearchResults(text, with_facets=with_facets, searcher=searcher)
            results.count()
            top = results.docnums(0, 20)
            if with_facets:
                results.facet_counts()
            if with_highlights:
                words = results.words()
                for docnum in top:
                    article = corpus[int(searcher.stored_fields(docnum)["id"])]
                    snippet(article["body"], words)
                    snippet(article["title"], words, top=1)
            times.append((time.perf_counter() - started) * 1000)
        cold.append(times[0])
        warm += times[1:]
        per_query[text] = statistics.median(times[1:])
    return cold, warm, per_query


def time_whoosh(searcher, runs):
    """Whoosh's own searcher.search(), top 20 and the total, for comparison."""
    samples = []
    for text, _, _ in QUERIES:
        query = for_search(parse(text))
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            len(searcher.search(query, limit=20))
            times.append((time.perf_counter() - started) * 1000)
        samples += times[1:]
    return samples


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
    print(f"\n{len(QUERIES)} queries, top 20 and total, {args.runs - 1} warm runs each; ms")
    print(f"{'engine / options':40s} {'p50':>7s} {'p95':>7s} {'cold p50':>9s} {'cold p95':>9s}")
    slowest = None
    for label, with_facets, with_highlights in [
        ("archive: search core", False, False),
        ("archive: + facets", True, False),
        ("archive: + highlights", False, True),
        ("archive: + facets + highlights", True, True),
    ]:
        cold, warm, per_query = time_archive(
            searcher, corpus, args.runs, with_facets, with_highlights
        )
        print(f"{label:40s} {_figures(warm)} {_figures(cold, 9)}")
        slowest = per_query
    reference = time_whoosh(searcher, args.runs)
    print(f"{'whoosh searcher.search() (reference)':40s} {_figures(reference)}")
    for label, with_snippets in [("fts5: bm25", False), ("fts5: bm25 + snippet()", True)]:
        print(f"{label:40s} {_figures(time_fts5(db, args.runs, with_snippets))}")
    print("\nslowest queries (archive, facets + highlights, warm median ms):")
    for text, ms in sorted(slowest.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {ms:8.1f}  {text}")


def _figures(samples, width=7):
    p50, p95 = percentiles(samples)
    return f"{p50:{width}.1f} {p95:{width}.1f}"


if __name__ == "__main__":
    main()
