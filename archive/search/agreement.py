"""Does the index hold what the database holds? (`rebuild_index --check [--repair]`)

Every article must be in the index exactly once, nothing else may be, and what search
filters and counts by (date, rounds, processes, actors, speakers, publisher) must be the
database's current values. The database side is read with a few flat queries rather than
by building every article's document: a check of 100k articles then takes seconds.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from archive.search import arrays, snapshot, writes
from archive.search.documents import source_key

COMPARED = ("published", "round", "process", "actor", "speaker", "source_key")


@dataclass
class Report:
    articles: int = 0  # in the database
    documents: int = 0  # live in the index
    missing: list[int] = field(default_factory=list)  # in the database, not in the index
    extra: list[int] = field(default_factory=list)  # in the index, not in the database
    duplicated: list[int] = field(default_factory=list)  # in the index more than once
    stale: dict[int, list[str]] = field(default_factory=dict)  # article → fields that differ
    queued: int = 0  # changes still waiting in the queue

    @property
    def agrees(self) -> bool:
        return not (self.missing or self.extra or self.duplicated or self.stale)

    def to_fix(self) -> list[int]:
        return sorted({*self.missing, *self.extra, *self.duplicated, *self.stale})

    def lines(self, limit=20):
        yield f"{self.articles} articles in the database, {self.documents} in the index."
        if self.queued:
            yield f"{self.queued} changes queued for the index."
        for label, ids in [
            ("missing from the index", self.missing),
            ("in the index but not the database", self.extra),
            ("in the index more than once", self.duplicated),
        ]:
            if ids:
                shown = ", ".join(map(str, ids[:limit]))
                yield f"{len(ids)} {label}: {shown}{' …' if len(ids) > limit else ''}"
        if self.stale:
            yield f"{len(self.stale)} out of date in the index:"
            for pk, fields in list(self.stale.items())[:limit]:
                yield f"  article {pk}: {', '.join(fields)}"


def check() -> Report:
    """Compare the index's latest generation with the database."""
    from archive.models import Article

    snap = snapshot.open_snapshot()
    report = Report(queued=writes.pending())
    live = snap.live
    ids = snap.article_ids[live]
    report.documents = int(live.sum())
    in_index, counts = np.unique(ids, return_counts=True)
    report.duplicated = in_index[counts > 1].tolist()
    stored = set(Article.objects.values_list("pk", flat=True))
    report.articles = len(stored)
    indexed = set(in_index.tolist())
    report.missing = sorted(stored - indexed)
    report.extra = sorted(indexed - stored)
    expected = _database_values()
    found = _index_values(snap)
    for pk in sorted(stored & indexed):
        differ = [name for name in COMPARED if expected[name].get(pk) != found[name].get(pk)]
        if differ:
            report.stale[pk] = differ
    return report


def repair(report: Report) -> int:
    """Write again (or remove) every article the report found wrong; returns how many.
    What was already queued is drained too."""
    writes.queue(report.to_fix())
    return writes.drain_all()


def _database_values() -> dict[str, dict[int, object]]:
    from archive.models import Article, Mention, Quote

    values = {name: defaultdict(set) for name in COMPARED if name != "published"}
    for pk, slug in Mention.objects.values_list("article_id", "actor__slug"):
        values["actor"][pk].add(slug.lower())
    speakers = Quote.objects.attributed().exclude(speaker=None)
    for pk, slug in speakers.values_list("article_id", "speaker__slug"):
        values["speaker"][pk].add(slug.lower())
    through = Article.events.through.objects
    rounds = through.values_list("article_id", "event__slug", "event__process")
    for pk, slug, process in rounds.iterator():
        values["round"][pk].add(slug.lower())
        values["process"][pk].add(process.lower())
    values["published"] = {}
    for pk, published, source in Article.objects.values_list("pk", "published", "source"):
        values["source_key"][pk].add(source_key(source).lower())
        if published:
            values["published"][pk] = datetime.datetime.combine(published, datetime.time())
    return {name: dict(by_article) for name, by_article in values.items()}


def _index_values(snap) -> dict[str, dict[int, object]]:
    reader, live, ids = snap.reader, snap.live, snap.article_ids
    values = {}
    for name in COMPARED:
        if name == "published":
            continue
        docs, codes, names = arrays.facet_pairs(reader, name)
        keep = live[docs]
        by_article = defaultdict(set)
        for doc, code in zip(docs[keep].tolist(), codes[keep].tolist(), strict=True):
            by_article[int(ids[doc])].add(names[code])
        values[name] = dict(by_article)
    field_type = reader.schema["published"]
    dates = arrays.column(reader, "published")
    missing = arrays.missing_value(reader, "published")
    values["published"] = {
        int(ids[doc]): field_type.from_column_value(int(dates[doc]))
        for doc in np.flatnonzero(live & (dates != missing)).tolist()
    }
    return values
