"""Evidence on articles the archive has never seen: dates, rounds, speakers, actors.

    .venv/bin/python bench/evidence.py [PATH ...]

Imports each set (default: ../shared/corpora/devset and devset-multilingual when present) into
a scratch database and index, then compares what the import inferred with the set's key.json
and prints, per article and in total:

- date: the publication day exact, among articles whose text carries a date signal (and how
  many were dated wrong, in all);
- round: the round the article reports on;
- speakers: each keyed direct quote found (by its first words) and its speaker right
  (precision over the keyed quotes the import found, recall over all the key's);
- anonymous: keyed anonymous quotes kept anonymous;
- actors: mention recall against the key's actors (any listed name counts), and the share of
  the actors found that the key lists (the key lists the principal actors only, so this is a
  floor for precision, not precision).

Then the same date measure on FA-KES with its date column withheld (the text alone must find
the day the metadata gives), and on the seeds. Figures only: no asserts.
"""

import argparse
import csv
import io
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpora"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


def setup(folder):
    os.environ["ARCHIVE_VAR_DIR"] = str(folder)
    os.environ["ARCHIVE_INDEX_DIR"] = str(Path(folder) / "index")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=io.StringIO())


def round_slug(name):
    """The calendar's slug for a key's round name (None: a meeting the calendar lacks)."""
    if not name:
        return None
    if m := re.fullmatch(r"Geneva ([IVX]+)(?: round (\d))?", name):
        number = ROMAN[m[1]]
        return f"geneva-{number}-{m[2]}" if m[2] else f"geneva-{number}"
    if m := re.fullmatch(r"Astana (\d+)", name):
        return f"astana-{m[1]}"
    if m := re.fullmatch(r"Constitutional Committee session (\d+)", name):
        return f"constitutional-{m[1]}"
    if name.startswith("Sochi"):
        return "sochi-congress"
    return None


def resolve(names):
    from archive.actors.lookup import actor_slugs

    for name in names:
        slugs = actor_slugs(name)
        if slugs:
            return slugs[0]
    return None


def norm(text):
    return re.sub(r"\W+", " ", text.lower()).strip()


class Tally(Counter):
    def rate(self, hit, total):
        return f"{self[hit]}/{self[total]} = {100 * self[hit] / max(self[total], 1):.0f}%"


def measure_set(path: Path, tally: Tally, verbose: bool):
    from archive.ingest import pipeline
    from archive.models import Article

    key = json.loads((path / "key.json").read_text())
    pipeline.run([path / "articles"])
    rows = []
    for name, expected in sorted(key.items()):
        if name.startswith("_"):
            continue
        article = Article.objects.filter(source_file__endswith=name).first()
        if article is None:
            rows.append(f"{name}: not imported")
            continue
        language = expected.get("language", "en")
        notes = []
        # Dates
        days = set(expected["dates"])
        got = article.published.isoformat() if article.published else None
        if expected.get("date_in_text"):
            tally[f"{language} date signal"] += 1
            tally[f"{language} date exact"] += got in days
        tally[f"{language} articles"] += 1
        tally[f"{language} date wrong"] += bool(got and got not in days)
        tally[f"{language} date any exact"] += got in days
        notes.append(f"date {got or '-'} {'ok' if got in days else 'want ' + '/'.join(days)}")
        # Round
        want = round_slug(expected.get("round"))
        placed = {e.slug for e in article.events.all()}
        tally[f"{language} round total"] += 1
        right = placed == ({want} if want else set())
        tally[f"{language} round right"] += right
        notes.append(f"round {','.join(placed) or '-'} {'ok' if right else 'want ' + str(want)}")
        # Speakers
        quotes = list(article.quotes.select_related("speaker"))
        for keyed in expected.get("speakers", []):
            start = norm(keyed["quote_start"])[:40]
            match = next((q for q in quotes if start and start in norm(q.text)), None)
            anonymous = keyed["speaker"] == "ANON"
            tally[f"{language} quotes keyed"] += 1
            tally[f"{language} anon keyed"] += anonymous
            if match is None:
                notes.append(f"quote missed: {keyed['speaker']} «{keyed['quote_start'][:30]}»")
                continue
            tally[f"{language} quotes attributed"] += 1
            if anonymous:
                ok = match.anonymous
                tally[f"{language} anon kept"] += ok
            else:
                want_slug = resolve([keyed["speaker"]])
                # A name the gazetteer lacks counts under another transliteration too
                # ("Munzer" for the key's "Monzer").
                ok = (match.speaker and match.speaker.slug == want_slug) or (
                    not match.speaker
                    and not match.anonymous
                    and fuzz.ratio(norm(match.speaker_name), norm(keyed["speaker"])) >= 85
                )
            tally[f"{language} quotes right"] += bool(ok)
            if not ok:
                who = match.speaker.name if match.speaker else match.speaker_name
                notes.append(f"speaker {who!r} want {keyed['speaker']!r}")
        # Actors
        expected_actors = {resolve(names) for names in expected.get("actors", [])} - {None}
        found = {a.slug for a in article.actors.all()}
        tally[f"{language} actors expected"] += len(expected_actors)
        tally[f"{language} actors found"] += len(found)
        tally[f"{language} actors right"] += len(found & expected_actors)
        missing = expected_actors - found
        if missing:
            notes.append(f"actors missed: {', '.join(sorted(missing))}")
        rows.append(f"{name}: " + "; ".join(notes))
    if verbose:
        print("\n".join(rows))
    return key


def print_totals(tally, languages):
    print(f"\n{'measure':34s} " + " ".join(f"{lang:>18s}" for lang in languages))
    lines = [
        ("publication day exact (signal)", "date exact", "date signal"),
        ("publication day exact (all)", "date any exact", "articles"),
        ("dated wrong (all)", "date wrong", "articles"),
        ("round", "round right", "round total"),
        ("speakers: precision", "quotes right", "quotes attributed"),
        ("speakers: recall", "quotes right", "quotes keyed"),
        ("anonymous kept anonymous", "anon kept", "anon keyed"),
        ("actors: recall", "actors right", "actors expected"),
        ("actors: found that the key lists", "actors right", "actors found"),
    ]
    for label, hit, total in lines:
        cells = [tally.rate(f"{lang} {hit}", f"{lang} {total}") for lang in languages]
        print(f"{label:34s} " + " ".join(f"{cell:>18s}" for cell in cells))


def fakes_dates_from_text():
    """FA-KES with its date column withheld: does the text alone give the metadata's day?"""
    from archive.ingest.decoding import decode
    from archive.ingest.pipeline import run
    from archive.models import Article

    text, _ = decode((ROOT / "seeds" / "fa-kes" / "fakes.csv").read_bytes())
    rows = list(csv.DictReader(io.StringIO(text)))
    withheld = Path(tempfile.mkdtemp()) / "fakes-undated.jsonl"
    with open(withheld, "w") as out:
        for row in rows:
            record = {"id": f"fakes-{row['unit_id']}", "title": row["article_title"]}
            record.update(text=row["article_content"], source=row["source"])
            out.write(json.dumps(record) + "\n")
    run([withheld])
    from archive.ingest.dates import parse_date

    tally = Counter()
    for row in rows:
        article = Article.objects.filter(external_id=f"fakes-{row['unit_id']}").first()
        want = parse_date(row["date"], "MDY")
        if article is None or want is None:
            continue
        tally["total"] += 1
        tally["exact"] += article.published == want
        tally["wrong"] += bool(article.published and article.published != want)
        tally["dated"] += bool(article.published)
        if article.published and abs((article.published - want).days) > 3:
            tally["far"] += 1  # the text's own date is far from the column's: an event date
    n = max(tally["total"], 1)
    exact, wrong = 100 * tally["exact"] / n, 100 * tally["wrong"] / n
    dated = max(tally["dated"], 1)
    print(
        f"\nFA-KES, date column withheld: day exact {tally['exact']}/{tally['total']}"
        f" = {exact:.0f}%, wrong {tally['wrong']} ({wrong:.0f}%)"
        f"\n  of the {tally['dated']} the text dates: {tally['exact']} agree with the column"
        f" ({100 * tally['exact'] / dated:.0f}%); {tally['far']} differ by more than 3 days"
        " (the text's own dateline against the column's day)"
    )


# English words for concepts of the talks: with "Search all languages" each should also find
# the Arabic, Russian and French reports on it (the thesaurus's work, measured on unseen text).
CONCEPT_QUERIES = [
    "ceasefire",
    "detainees",
    "constitutional committee",
    "constitution",
    "refugees",
    "guarantors",
    "de-escalation zones",
    "political transition",
    "final statement",
    "humanitarian aid",
    "terrorism",
    "delegation",
    "agenda",
    "special envoy",
    "direct talks",
    "boycott",
]


def concept_searches(verbose: bool):
    """Hits by language for each English concept query, as typed and in all languages."""
    from archive.search.results import SearchResults

    print("\nthesaurus: English queries, hits by language as typed -> in all languages")
    for text in CONCEPT_QUERIES:
        typed = SearchResults(text, with_facets=["lang"]).facet_counts().get("lang", {})
        wide = SearchResults(text, with_facets=["lang"], all_languages=True)
        counts = wide.facet_counts().get("lang", {})
        cells = "  ".join(
            f"{lang} {typed.get(lang, 0)}->{counts.get(lang, 0)}"
            for lang in ("en", "ar", "ru", "fr")
        )
        print(f"  {text:28s} {cells}")
        if verbose:
            found = [
                Path(hit.article.source_file).name
                for hit in wide[0 : wide.count()]
                if hit.article.language != "en"
            ]
            print(f"  {'':28s} {' '.join(sorted(found))}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--quiet", action="store_true", help="totals only")
    parser.add_argument("--no-fakes", action="store_true")
    args = parser.parse_args()
    paths = args.paths or [
        p for p in (SHARED / "devset", SHARED / "devset-multilingual") if p.exists()
    ]
    setup(tempfile.mkdtemp(prefix="evidence-"))
    tally = Tally()
    languages = set()
    for path in paths:
        print(f"\n== {path}")
        key = measure_set(path, tally, not args.quiet)
        languages |= {v.get("language", "en") for k, v in key.items() if not k.startswith("_")}
    print_totals(tally, sorted(languages))
    concept_searches(not args.quiet)
    if not args.no_fakes:
        fakes_dates_from_text()


if __name__ == "__main__":
    main()
