"""Search benchmark: Whoosh (the archive's search core) against SQLite FTS5, same corpus.

    .venv/bin/python bench/search.py [--articles 100000] [--runs 5] [--foreign 0.2]

Builds a deterministic corpus of N articles from the FA-KES rows (sentences reordered, words
swapped between articles, dates shifted, so no two are copies), a fifth of them (--foreign)
built the same way from the Arabic, Russian and French development set when it lies beside
the checkout (../shared/corpora/devset-multilingual), indexes it with the archive's
own schema and documents, then runs ~30 researcher queries warm and prints p50/p95 latency:
the archive's search core alone, with facets, with highlights, with both (warm: posting lists
cached; cold: each query's first run); Whoosh's own searcher.search(); and the same queries on
SQLite FTS5 (bm25 ranking, snippet()). The built index is kept under var/bench/ for the next run.
Then the worst queries (fuzzy terms with many edits, leading wildcards), bounded by
archive/search/patterns.py and the time budget. Then the thesaurus ("Search all languages"):
what widening a query costs (parsing with the concepts' terms against parsing as typed) and
the same queries searched both ways.
"""

import argparse
import csv
import datetime
import gc
import hashlib
import io
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from archive.ingest.decoding import decode  # noqa: E402
from archive.search import arrays  # noqa: E402
from archive.search.bulk import BulkWriter  # noqa: E402
from archive.search.index import WRITER_OPTIONS, create_at, open_at  # noqa: E402
from archive.search.query import for_search, parse, parse_widened  # noqa: E402
from archive.search.results import SearchResults, snippet  # noqa: E402
from archive.search.schema import FRENCH_FIELDS, SCHEMA_VERSION  # noqa: E402
from archive.search.weighting import WEIGHTING  # noqa: E402

FAKES = ROOT / "seeds" / "fa-kes" / "fakes.csv"
# Arabic, Russian and French text for the multilingual share of the corpus: the development
# set's articles, read where they lie (never copied into the project).
FOREIGN = ROOT.parent / "shared" / "corpora" / "devset-multilingual" / "articles"
SENTENCE = re.compile(r"(?<=[.!?؟])\s+")
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
    ("مفاوضات", "مفاوضات", ""),
    ("переговоры", "переговоры", ""),
    ("négociations", "négociations", ""),
    ("(Astana OR أستانا OR Астана) lang:ar", "أستانا", ""),
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


def foreign_rows():
    """(language, title, text) of the multilingual development set, when it is present."""
    if not FOREIGN.exists():
        return []
    rows = []
    for path in sorted(FOREIGN.glob("*.txt")):
        title, _, text = path.read_text().strip().partition("\n")
        if text.strip():
            rows.append((path.name[:2], title, text))
    return rows


def build_corpus(n, foreign_share=0.2):
    """N articles: each a FA-KES row with its sentences shuffled and some words borrowed; a
    `foreign_share` of them built the same way from Arabic, Russian and French articles."""
    rows = read_rows()
    foreign = foreign_rows() if foreign_share else []
    every = round(1 / foreign_share) if foreign else 0
    rng = random.Random(20261123)
    vocabulary = [w for row in rows[:200] for w in row["article_content"].split()[:50]]
    start = datetime.date(2011, 3, 1)
    corpus = []
    for i in range(n):
        if every and i % every == 0:
            corpus.append(_foreign_article(i, foreign[(i // every) % len(foreign)], rng, start))
            continue
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
                "lang": "en",
            }
        )
    return corpus


def _foreign_article(i, row, rng, start):
    language, title, text = row
    sentences = SENTENCE.split(text)
    rng.shuffle(sentences)
    words = " ".join(sentences).split() or title.split()
    for _ in range(max(1, len(words) // 40)):
        words[rng.randrange(len(words))] = rng.choice(words)
    return {
        "id": str(i),
        "title": title,
        "body": " ".join(words),
        "source": f"{language} outlet",
        "published": start + datetime.timedelta(days=(i * 7919) % 2800),
        "actors": [],
        "process": [],
        "lang": language,
    }


def document(article):
    day = article["published"]
    doc = {
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
        "lang": article["lang"],
    }
    if doc["lang"] == "fr":  # as archive.search.documents does
        for field, french in FRENCH_FIELDS.items():
            doc[french] = doc.pop(field)
    return doc


def writer_version(kind) -> str:
    """A fingerprint of the bulk writer's code, so an index it wrote before a change to it is
    not reused (Whoosh's own writer is pinned)."""
    if kind != "bulk":
        return ""
    search = ROOT / "archive" / "search"
    modules = ("bulk.py", "bulk_postings.py", "bulk_analysis.py", "blocks.py", "analysis.py")
    source = b"".join((search / module).read_bytes() for module in modules)
    return "-" + hashlib.sha256(source).hexdigest()[:8]


def build_whoosh(corpus, path, writer_kind="bulk"):
    marker = path / "COMPLETE"
    if marker.exists() and marker.read_text() == str(len(corpus)):
        return open_at(path), None
    shutil.rmtree(path, ignore_errors=True)
    ix = create_at(path)
    started = time.perf_counter()
    gc.disable()
    if writer_kind == "bulk":
        writer = BulkWriter(ix, **WRITER_OPTIONS)
    else:
        writer = ix.writer(limitmb=1024, compound=False)
    for article in corpus:
        writer.add_document(**document(article))
    writer.commit()
    gc.enable()
    elapsed = time.perf_counter() - started
    marker.write_text(str(len(corpus)))
    return ix, elapsed


def agreeing_queries(first, second) -> int:
    """Queries whose top 100 (id, score) Whoosh's own search gives alike on both indexes
    (ties ordered by id: equal scores come out segment by segment)."""
    same = 0
    with first.searcher(weighting=WEIGHTING) as a, second.searcher(weighting=WEIGHTING) as b:
        for text, _, _ in QUERIES:
            query = for_search(parse(text))
            found = [
                sorted((-round(hit.score, 6), hit["id"]) for hit in s.search(query, limit=100))
                for s in (a, b)
            ]
            same += found[0] == found[1]
    return same


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


# Queries that once held a worker for a minute (issue 27): each must stay under 1 s.
WORST_QUERIES = [
    "ceasefire~99",
    "*a* OR *e* OR *i* OR *o* OR *u*",
    "*a*",
    "a*",
    "Jafari~2",
    "*zzq*",
]


def time_worst(searcher, runs):
    """Cold (nothing read yet) and warm ms of each worst query, facets and the first page's
    snippets included, and whether the time budget cut it short."""
    rows = []
    for text in WORST_QUERIES:
        arrays.clear()
        times, cut = [], False
        for _ in range(runs):
            started = time.perf_counter()
            results = SearchResults(text, with_facets=True, searcher=searcher)
            results.count()
            results.facet_counts()
            results.docnums(0, 20)
            results.words()
            times.append((time.perf_counter() - started) * 1000)
            cut = cut or results.cut_short
        rows.append((text, times[0], statistics.median(times[1:]), cut, len(results.notes)))
    return rows


# Words a researcher reading one language would widen to the others (expand=1).
CONCEPT_QUERIES = [
    "ceasefire",
    "detainees",
    "constitutional committee",
    "refugees return",
    "sanctions",
    "guarantors",
    "humanitarian aid Aleppo",
    '"de-escalation zones"',
    "political transition",
    "memorandum",
    "перемирие",
    "المعتقلين",
    "cessez-le-feu",
]


def time_expansion(searcher, runs):
    """Per concept query: the parse with the thesaurus against the parse as typed (the
    expansion's own cost), and the search core with facets both ways (what the wider query
    costs to match). Also the hits by language each way, from the first run."""
    from archive.thesaurus.load import load_thesaurus

    load_thesaurus()  # adds only what is missing
    parse_widened("warm", all_languages=True)  # the thesaurus, read once per process
    widen, typed_search, wide_search, languages = [], [], [], {}
    for text in CONCEPT_QUERIES:
        for _ in range(runs):
            started = time.perf_counter()
            parse(text)
            typed = time.perf_counter() - started
            started = time.perf_counter()
            parse_widened(text, all_languages=True)
            widen.append((time.perf_counter() - started - typed) * 1000)
        for all_languages, samples in ((False, typed_search), (True, wide_search)):
            for run in range(runs):
                started = time.perf_counter()
                results = SearchResults(
                    text, with_facets=True, searcher=searcher, all_languages=all_languages
                )
                results.count()
                results.docnums(0, 20)
                counts = results.facet_counts()
                if run:
                    samples.append((time.perf_counter() - started) * 1000)
                else:
                    languages[text, all_languages] = counts.get("lang", {})
    return widen, typed_search, wide_search, languages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--foreign", type=float, default=0.2, help="share of Arabic, Russian, French articles"
    )
    parser.add_argument(
        "--writers",
        default="bulk",
        help="index written by the archive's bulk writer, Whoosh's own, or both (bulk,whoosh):"
        " searches run on the first; with both, their answers are compared",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = build_corpus(args.articles, args.foreign)
    languages = Counter(article["lang"] for article in corpus)
    print(
        f"corpus: {len(corpus):,} articles built in {time.perf_counter() - started:.1f} s"
        f" ({', '.join(f'{n:,} {lang}' for lang, n in languages.most_common())})"
    )
    share = f"-f{round(args.foreign * 100)}" if languages.keys() != {"en"} else ""
    indexes = {}
    for kind in args.writers.split(","):
        name = f"whoosh-{args.articles}{share}-v{SCHEMA_VERSION}-{kind}{writer_version(kind)}"
        indexes[kind], seconds = build_whoosh(corpus, ROOT / "var" / "bench" / name, kind)
        if seconds:
            rate = len(corpus) / seconds
            print(f"index, {kind} writer: {seconds:.1f} s ({rate:,.0f} articles/s)")
        else:
            print(f"index, {kind} writer: reused from var/bench/")
    if len(indexes) > 1:
        same = agreeing_queries(*indexes.values())
        writers = " and ".join(indexes)
        print(f"same hits and scores, {writers} writers: {same}/{len(QUERIES)} queries")
    ix = next(iter(indexes.values()))
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

    print("\nworst queries (bounded patterns, time budget); ms")
    print(f"{'query':36s} {'cold':>8s} {'warm':>8s}  cut short  notes")
    for text, cold, warm, cut, notes in time_worst(searcher, args.runs):
        print(f"{text:36s} {cold:8.1f} {warm:8.1f}  {'yes' if cut else 'no':9s}  {notes}")

    widen, typed, wide, languages = time_expansion(searcher, args.runs)
    print(f"\nthesaurus, {len(CONCEPT_QUERIES)} queries, {args.runs} runs each; ms")
    print(f"{'':40s} {'p50':>7s} {'p95':>7s}")
    print(f"{'expansion (parse widened - as typed)':40s} {_figures(widen)}")
    print(f"{'search core + facets, as typed':40s} {_figures(typed)}")
    print(f"{'search core + facets, all languages':40s} {_figures(wide)}")
    print("hits by language, as typed -> all languages:")
    for text in CONCEPT_QUERIES:
        before, after = languages[text, False], languages[text, True]
        shown = ", ".join(
            f"{lang} {before.get(lang, 0):,}->{after.get(lang, 0):,}" for lang in sorted(after)
        )
        print(f"  {text:32s} {shown}")


def _figures(samples, width=7):
    p50, p95 = percentiles(samples)
    return f"{p50:{width}.1f} {p95:{width}.1f}"


if __name__ == "__main__":
    main()
