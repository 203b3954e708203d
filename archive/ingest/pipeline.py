"""The import: read → hash → clean → date → actors → rounds → copies → save → index.

`run(paths)` is what `manage.py import_articles` calls. It is idempotent: an article whose
SHA-256 (of the raw bytes as received) is already stored is counted as a duplicate and left
alone, so a second run adds and changes nothing, and a curator's corrections survive it.
Every run is recorded as an ImportRun; a dry run reads and reports but saves no article.
"""

import getpass
import hashlib
import itertools

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from archive.actors.attribution import attributed
from archive.actors.matcher import ActorMatcher
from archive.actors.proposals import ProposalCollector, names_after_titles
from archive.ingest import (
    clusters,
    dates,
    dating,
    language,
    merged,
    parallel,
    publishers,
    rows,
    runs,
)
from archive.ingest.cleaning import (
    clean_body,
    headline_from,
    looks_like_paragraph,
    split_lines,
)
from archive.ingest.readers import read_paths
from archive.ingest.records import BuiltArticle, Enriched, ImportReport, Problem, Skipped
from archive.ingest.rounds import RoundFinder, processes_named
from archive.ingest.version import IMPORTER_VERSION
from archive.models import Actor, Article, CopySignature, ImportRun, Mention, Quote, fitted
from archive.search import compaction
from archive.search import writes as search_writes

BATCH_SIZE = 500
LOOKUP_GROUP = 200  # records whose hashes are looked up in the database at once
MAX_PROBLEMS_KEPT = 2000


class Importer:
    """One run's state: what is already stored and the matchers built from the database."""

    def __init__(self, run_record, dry_run=False):
        self.run_record = run_record
        self.dry_run = dry_run
        self.matcher = ActorMatcher.from_database()
        self.actor_slugs = dict(Actor.objects.values_list("pk", "slug"))  # for `merged`
        self.rounds = RoundFinder.from_database()
        self.copies = clusters.ClusterFinder()
        self.seen = set()  # sha256 of the texts read in this run
        self.cluster_of = {}  # sha256 → cluster key given in this run
        self.stored_cluster_changes = {}  # sha256 of a stored article → its new cluster key
        self.pending = {}  # sha256 → unsaved Article of this batch
        self.people = set(Actor.objects.filter(kind=Actor.Kind.PERSON).values_list("pk", flat=True))
        self.proposals = ProposalCollector.from_database()
        self.spellings = publishers.Spellings(
            Article.objects.order_by().values_list("source", flat=True).distinct()
        )

    def is_new(self, sha256) -> bool:
        """Whether a text not stored is new to this run too; it counts as seen now."""
        if sha256 in self.seen:
            return False
        self.seen.add(sha256)
        return True

    @staticmethod
    def stored_among(hashes) -> set[str]:
        """Which of these texts are stored already (asked a group of records at a time: the
        run does not hold every stored hash)."""
        return set(Article.objects.filter(sha256__in=hashes).values_list("sha256", flat=True))

    def saving(self):
        """The batch built so far is being saved: its articles are no longer pending."""
        self.pending.clear()

    @staticmethod
    def title_and_body(item) -> tuple[str, str]:
        """The headline and the cleaned body. A text with no headline line keeps its first
        paragraph in the body (its quotes, names and dateline count), titled by its opening
        sentence; so does a record whose title is empty."""
        if not item.title.strip():
            body = clean_body(split_lines(item.text))
            return headline_from(body), body
        if not looks_like_paragraph(item.title):
            return item.title, clean_body(split_lines(item.text), item.title)
        body = clean_body(split_lines(item.text))
        if " ".join(item.title.split()) not in body:
            body = f"{item.title}\n\n{body}"  # a record whose title field is a paragraph
        return headline_from(item.title), body

    def adopt(self, enriched):
        """An enriched article joins this run: its copies' cluster, its proposals."""
        article = enriched.built.article
        article.cluster = self.place_in_cluster(article.sha256, enriched.minhash)
        article.source = self.spellings.of(article.source)
        self.pending[article.sha256] = article
        for name, context in enriched.proposals:
            self.proposals.add(name, context, article)
        return enriched.built

    def enrich(self, item, sha256):
        """Everything the text alone gives: dates, language, actors, rounds, quotes, the
        signature. Reads no database and changes nothing here, so worker processes run it
        (`parallel.py`)."""
        title, body = self.title_and_body(item)
        text = f"{title}\n{body}" if title not in body else body
        named = processes_named(text)
        # The calendar a text is dated against: the rounds it names outright ("Astana-6"),
        # else every round of the processes it names.
        process_rounds = self.rounds.of_processes(named)
        outright = self.rounds.named_candidates(text)
        calendar = outright or process_rounds
        found = self.date_candidates(item, title, body, calendar, len(outright) == 1)
        guess = dating.choose(found)
        actor_counts = self.matcher.count(text, guess.date)
        # Undated, who takes part can still place the article in a round.
        rounds = self.rounds.find(text, guess.date, named, actor_counts)
        if guess.date is None and len(rounds) == 1:
            # The round an undated text reports on fixes the year of a yearless dateline
            # and the day of "opened today" (a convention of the calendar: the report is
            # written while its round sits), which its whole process left ambiguous.
            found = self.date_candidates(item, title, body, rounds, True)
            guess = dating.choose(found)
        minhash = clusters.signature(body)
        article = Article(
            **fitted(
                Article,
                title=title,
                source=publishers.publisher_name(item.source) or publishers.from_dateline(text),
                url=item.url,
                author=item.author,
                date_evidence=guess.evidence,
                source_file=item.source_file,
                external_id=item.external_id,
            ),
            body=body,
            raw_text=item.text,
            raw=item.raw_bytes,
            sha256=sha256,
            published=guess.date,
            date_method=guess.method,
            date_confidence=guess.confidence,
            date_candidates=[g.as_json() for g in found],
            event_dates=dates.event_dates(body, guess.date, process_rounds),
            language=language.detect(text),
            source_row=item.row,
            record=item.record,
            decoding_errors=item.decoding_errors,
            import_run=None if self.dry_run else self.run_record,
            importer_version=IMPORTER_VERSION,
            minhash=clusters.to_bytes(minhash),
        )
        proposals = list(names_after_titles(body))
        quotes = self.quotes(body, guess.date, rounds[0] if rounds else None, proposals)
        built = BuiltArticle(article, actor_counts, rounds, quotes)
        return Enriched(built, minhash, proposals)

    @staticmethod
    def date_candidates(item, title, body, calendar, one_round_named):
        """Every date the text gives against `calendar` (the rounds it may report on): the
        body first; a headline's date counts only when the body gives none."""
        text = f"{title}\n{body}" if title not in body else body
        return dating.candidates(
            body, item.date_string, item.url, calendar, item.date_order, one_round_named
        ) or dating.candidates(text, "", "", calendar, item.date_order, one_round_named)

    def quotes(self, body, day, event, proposals):
        """Unsaved Quotes of an article body, speakers resolved; unknown speakers are added
        to `proposals`."""
        quotes = []
        for one in attributed(body, self.matcher, self.people, day):
            found, speaker = one.found, one.speaker
            if speaker.actor_id is None and not speaker.anonymous:
                proposals.append((speaker.name, f"{found.who} {found.verb}: {found.text}"))
            quotes.append(
                Quote(
                    **fitted(Quote, speaker_name=speaker.name, via=found.via, verb=found.verb),
                    speaker_id=speaker.actor_id,
                    anonymous=speaker.anonymous,
                    confidence=speaker.confidence,
                    text=found.text,
                    kind=found.kind,
                    event=event,
                    position=found.position,
                )
            )
        return quotes

    def place_in_cluster(self, sha256, minhash) -> str:
        """The cluster key for a new article, joining (or founding) its copies' cluster."""
        copies = {
            copy: self.cluster_of.get(copy, stored)
            for copy, stored in self.copies.copies_of(minhash)
        }
        self.copies.add(sha256, minhash)
        if not copies:
            return ""
        key = next((cluster for cluster in copies.values() if cluster), None) or min(copies)[:16]
        for copy, cluster in copies.items():
            if cluster != key:
                self.cluster_of[copy] = key
                if copy in self.pending:
                    self.pending[copy].cluster = key
                else:
                    self.stored_cluster_changes[copy] = key
        self.cluster_of[sha256] = key
        return key


def save_batch(batch, slugs_at_start=None):
    """Save articles with their mentions, rounds and quotes in one transaction; return ids.
    `slugs_at_start`: every actor's slug when the import began (actors merged away since go
    to the actor kept: `merged.remap`)."""
    with transaction.atomic():
        if slugs_at_start is not None:
            merged.remap(batch, slugs_at_start)
        articles = Article.objects.bulk_create([built.article for built in batch])
        mentions, memberships, quotes = [], [], []
        for built in batch:
            article = built.article
            for quote in built.quotes:
                quote.article = article
            quotes += built.quotes
            mentions += [
                Mention(article=article, actor_id=actor_id, count=count)
                for actor_id, count in built.actor_counts.items()
            ]
            memberships += [
                Article.events.through(article_id=article.pk, event_id=event.pk)
                for event in built.rounds
            ]
        rows.insert(Mention, mentions)
        rows.insert(Article.events.through, memberships)
        rows.insert(Quote, quotes)
        clusters.store_for_lookup(articles)
        ids = [article.pk for article in articles]
        record_imported_state(ids)
        # With the articles: a crash cannot leave them unindexed.
        search_writes.queue(ids, bulk=True)
    return ids


def record_imported_state(ids):
    """Each article's and quote's first history row, "+ imported", so that a curator's first
    correction shows what it replaced."""
    rows.copy_to_history(Article, "id", ids, "imported")
    rows.copy_to_history(Quote, "article_id", ids, "imported")


def save_cluster_changes(changes) -> list[int]:
    """Give stored articles the cluster key a new copy of theirs founded; return their ids."""
    ids = []
    with transaction.atomic():
        for sha256, key in changes.items():
            article = Article.objects.filter(sha256=sha256).only("pk").first()
            if article:
                Article.objects.filter(pk=article.pk).update(cluster=key)
                CopySignature.objects.filter(pk=article.pk).update(cluster=key)
                ids.append(article.pk)
        search_writes.queue(ids, bulk=True)
    return ids


def run(paths, progress=None, dry_run=False, columns=None, user=None, record=None) -> ImportReport:
    """Import every article under `paths`; bad records are reported, good ones kept. The
    ImportRun audit row is `record` when a queued job gives one, else a new one; its counts
    are kept current as batches are saved, so the admin shows a running import's progress."""
    if record is None:
        record = ImportRun(paths="\n".join(map(str, paths)), user=user or _system_user())
    runs.mark_interrupted()  # runs left "running" by a process that died
    record.importer_version = IMPORTER_VERSION
    record.status = ImportRun.Status.RUNNING
    runs.claim(record)
    record.save()
    report = ImportReport(dry_run=dry_run)
    try:
        _import(Importer(record, dry_run), paths, progress, columns, report)
    except BaseException:
        _finish(record, report, ImportRun.Status.FAILED)
        raise
    _finish(record, report, ImportRun.Status.DRY_RUN if dry_run else ImportRun.Status.FINISHED)
    return report


def anything_new(paths, columns=None) -> bool:
    """Whether `paths` hold a record whose text is not stored yet (a quick look: records
    read and hashed, nothing enriched), so a caller can skip a run that would add nothing."""
    hashes = (
        hashlib.sha256(item.raw_bytes).hexdigest()
        for item in read_paths(paths, columns)
        if not isinstance(item, Problem | Skipped)
    )
    while group := list(itertools.islice(hashes, LOOKUP_GROUP)):
        if len(Importer.stored_among(group)) < len(set(group)):
            return True
    return False


def _import(importer, paths, progress, columns, report):
    batch, added_ids = [], []
    records = tqdm(read_paths(paths, columns), unit=" records", disable=not progress, leave=False)
    for read, enriched in parallel.enriched(importer, _new_items(importer, records, report)):
        batch.append(importer.adopt(enriched))
        if len(batch) >= BATCH_SIZE:
            added_ids += _flush(importer, batch)
            batch = []
            _progress(importer.run_record, report, read, len(added_ids))
    added_ids += _flush(importer, batch)
    if importer.dry_run:
        report.added = len(added_ids)
        return
    added_ids += save_cluster_changes(importer.stored_cluster_changes)
    importer.proposals.save()
    report.added = Article.objects.filter(import_run=importer.run_record).count()
    search_writes.drain_all()
    report.rewritten = compaction.compact()  # small segments written anew, once they gather


def _new_items(importer, records, report):
    """(records read so far, item, sha256) of each new article; problems, skipped records
    and texts already stored are counted in `report` and go no further."""
    numbered = enumerate(records, start=1)
    while group := list(itertools.islice(numbered, LOOKUP_GROUP)):
        hashed = []
        report.read = group[-1][0]
        for read, item in group:
            if isinstance(item, Problem):
                report.problems.append(item)
            elif isinstance(item, Skipped):
                report.skipped[item.reason] += 1
            else:
                hashed.append((read, item, hashlib.sha256(item.raw_bytes).hexdigest()))
        stored = importer.stored_among([sha256 for _, _, sha256 in hashed])
        for read, item, sha256 in hashed:
            if sha256 in stored or not importer.is_new(sha256):
                report.duplicates += 1
                continue
            report.decoding_errors += item.decoding_errors
            yield read, item, sha256


def _flush(importer, batch):
    importer.saving()
    if not batch:
        return []
    if importer.dry_run:
        return [None] * len(batch)
    ids = save_batch(batch, importer.actor_slugs)
    importer.copies.saved()
    return ids


def _progress(record, report, read, added):
    """The running import's counts so far, for whoever watches it in the admin."""
    if record.pk is None:
        return
    record.read, record.added, record.duplicates = read, added, report.duplicates
    record.failed = len(report.problems)
    record.save(update_fields=["read", "added", "duplicates", "failed"])


def _finish(record, report, status):
    record.status = status
    record.finished_at = timezone.now()
    record.read = report.read
    record.added = report.added
    record.duplicates = report.duplicates
    record.failed = report.failed
    record.decoding_errors = report.decoding_errors
    record.skipped = dict(report.skipped)
    record.problems = "\n".join(str(p) for p in report.problems[:MAX_PROBLEMS_KEPT])
    record.save()


def _system_user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
