"""The import: read → hash → clean → date → actors → rounds → save → index.

`run(paths)` is what `manage.py import_articles` calls. It is idempotent: an article whose
SHA-256 (of the raw bytes as received) is already stored is counted as a duplicate and
left alone, so a second run adds and changes nothing.
"""

import hashlib

from django.db import transaction
from tqdm import tqdm

from archive import search
from archive.ingest.actors import ActorMatcher
from archive.ingest.cleaning import clean_body, split_lines
from archive.ingest.dates import guess_date
from archive.ingest.readers import read_paths
from archive.ingest.records import ImportReport, Problem
from archive.ingest.rounds import RoundFinder
from archive.models import Article, Mention

BATCH_SIZE = 500


def build_article(item, sha256: str) -> Article:
    """An unsaved Article from a RawItem: cleaned body, inferred date, provenance."""
    body = clean_body(split_lines(item.text), item.title)
    guess = guess_date(body, item.date_string)
    return Article(
        title=item.title[:500],
        body=body,
        raw_text=item.text,
        sha256=sha256,
        source=item.source[:200],
        url=item.url[:1000],
        published=guess.date,
        date_method=guess.method,
        date_confidence=guess.confidence,
        date_evidence=guess.evidence[:300],
        source_file=item.source_file[:500],
        source_row=item.row,
        external_id=item.external_id[:100],
        decoding_errors=item.decoding_errors,
    )


def save_batch(batch):
    """Save articles with their mentions and rounds in one transaction; return their ids."""
    with transaction.atomic():
        articles = Article.objects.bulk_create([article for article, _, _ in batch])
        mentions = []
        memberships = []
        for article, actor_counts, rounds in batch:
            mentions += [
                Mention(article=article, actor_id=actor_id, count=count)
                for actor_id, count in actor_counts.items()
            ]
            memberships += [
                Article.events.through(article_id=article.pk, event_id=event.pk) for event in rounds
            ]
        Mention.objects.bulk_create(mentions)
        Article.events.through.objects.bulk_create(memberships)
    return [article.pk for article in articles]


def run(paths, progress: bool | None = None) -> ImportReport:
    """Import every article under `paths`; bad records are reported, good ones kept."""
    report = ImportReport()
    matcher = ActorMatcher.from_database()
    rounds = RoundFinder.from_database()
    known = set(Article.objects.values_list("sha256", flat=True))
    batch, added_ids = [], []
    records = tqdm(read_paths(paths), unit=" records", disable=not progress, leave=False)
    for record in records:
        if isinstance(record, Problem):
            report.problems.append(record)
            continue
        sha256 = hashlib.sha256(record.raw_bytes).hexdigest()
        if sha256 in known:
            report.duplicates += 1
            continue
        known.add(sha256)
        report.decoding_errors += record.decoding_errors
        article = build_article(record, sha256)
        text = f"{article.title}\n{article.body}"
        batch.append((article, matcher.count(text), rounds.find(text, article.published)))
        if len(batch) >= BATCH_SIZE:
            added_ids += save_batch(batch)
            batch = []
    if batch:
        added_ids += save_batch(batch)
    report.added = len(added_ids)
    if added_ids:
        search.index_articles(added_ids)
    return report
