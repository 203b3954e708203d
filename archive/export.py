"""Stream a whole result set as CSV or JSON, in chunks, so 100k rows cost what 1k do."""

import csv
import json

from archive.models import Article

CHUNK_SIZE = 500
COLUMNS = [
    "permalink",
    "title",
    "published",
    "date_method",
    "date_confidence",
    "source",
    "url",
    "language",
    "cluster",
    "rounds",
    "actors",
]
# Asked for with ?with=body,quotes: the text, and the quotes as "speaker: quote".
OPTIONAL_COLUMNS = ["body", "quotes"]


def article_row(article, absolute, extra=()) -> dict:
    """One exported row: what a researcher needs to cite and sort the article; the cluster
    says which rows are copies of one wire story (not independent corroboration)."""
    row = {
        "permalink": absolute(article.get_absolute_url()),
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "date_method": article.date_method,
        "date_confidence": article.date_confidence,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "cluster": article.cluster,
        "rounds": [event.slug for event in article.events.all()],
        "actors": [actor.name for actor in article.actors.all()],
    }
    if "body" in extra:
        row["body"] = article.body
    if "quotes" in extra:
        row["quotes"] = [
            f"{q.speaker.name if q.speaker else q.speaker_name}: {q.text}"
            for q in article.quotes.all()
            if not q.rejected
        ]
    return row


def articles_in_order(ids, extra=()):
    """Articles for an iterable of ids, in that order, loaded CHUNK_SIZE at a time."""
    chunk = []
    for article_id in ids:
        chunk.append(article_id)
        if len(chunk) == CHUNK_SIZE:
            yield from _load(chunk, extra)
            chunk = []
    if chunk:
        yield from _load(chunk, extra)


def _load(ids, extra=()):
    articles = Article.objects.filter(pk__in=ids).defer(
        "raw_text", "raw", "minhash", *(() if "body" in extra else ("body",))
    )
    related = ["actors", "events", *(["quotes__speaker"] if "quotes" in extra else [])]
    by_id = {a.pk: a for a in articles.prefetch_related(*related)}
    return [by_id[i] for i in ids if i in by_id]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP's CSV injection advice:
    a cell starting with = + - @ tab or carriage return is prefixed with a quote)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def csv_stream(columns, rows):
    """Rows (dicts) as CSV lines, lists joined with "; ", every cell spreadsheet-safe."""
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for row in rows:
        cells = [row[c] if not isinstance(row[c], list) else "; ".join(row[c]) for c in columns]
        yield writer.writerow([spreadsheet_safe(cell) for cell in cells])


def json_stream(rows):
    """Rows as one JSON array, written a row at a time."""
    yield "[\n"
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]\n"


def with_manifest_csv(manifest, lines):
    """CSV lines after a manifest as one comment line ("# archive manifest: {…}"): the
    export stays one streamed file, and pandas (`comment="#"`) and R (`comment.char = "#"`)
    skip it. A spreadsheet shows it as the first row."""
    if manifest is not None:
        yield f"# archive manifest: {json.dumps(manifest, ensure_ascii=False)}\r\n"
    yield from lines


def with_manifest_json(manifest, name, chunks):
    """A JSON array as `{"manifest": {…}, "<name>": […]}` (the bare array without one)."""
    if manifest is None:
        yield from chunks
        return
    yield '{"manifest": ' + json.dumps(manifest, ensure_ascii=False) + f',\n"{name}": '
    yield from chunks
    yield "}\n"


def csv_lines(ids, absolute, manifest=None, extra=()):
    """The articles as CSV, the manifest first."""
    columns = COLUMNS + [c for c in OPTIONAL_COLUMNS if c in extra]
    rows = (article_row(a, absolute, extra) for a in articles_in_order(ids, extra))
    return with_manifest_csv(manifest, csv_stream(columns, rows))


def json_chunks(ids, absolute, manifest=None, extra=()):
    """The articles as JSON: `{"manifest": {…}, "articles": […]}`."""
    rows = json_stream(article_row(a, absolute, extra) for a in articles_in_order(ids, extra))
    return with_manifest_json(manifest, "articles", rows)


QUOTE_COLUMNS = ["speaker", "speaker_actor", "anonymous", "verb", "quote", "kind", "via"]
QUOTE_COLUMNS += ["article", "article_title", "published", "round", "confidence", "checked"]


def quote_row(quote, absolute) -> dict:
    """One exported quote: who said it, how, and where to check it."""
    return {
        "speaker": quote.speaker.name if quote.speaker else quote.speaker_name,
        "speaker_actor": quote.speaker.slug if quote.speaker else "",
        "anonymous": quote.anonymous,
        "verb": quote.verb,
        "quote": quote.text,
        "kind": quote.kind,
        "via": quote.via,
        "article": absolute(quote.article.get_absolute_url()),
        "article_title": quote.article.title,
        "published": quote.article.published.isoformat() if quote.article.published else None,
        "round": quote.event.slug if quote.event else "",
        "confidence": quote.confidence,
        "checked": quote.checked,
    }


def quotes_in_order(quotes):
    """The quotes of a queryset, CHUNK_SIZE at a time, without the articles' texts."""
    quotes = quotes.select_related("speaker", "event", "article").defer(
        "article__body", "article__raw_text", "article__raw", "article__minhash"
    )
    return quotes.order_by("article__published", "article_id", "position").iterator(CHUNK_SIZE)
