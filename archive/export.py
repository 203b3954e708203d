"""Stream a whole result set as CSV or JSON, in chunks, so 100k rows cost what 1k do."""

import csv
import json

from archive.models import Article

CHUNK_SIZE = 500
COLUMNS = ["permalink", "title", "published", "date_method", "source", "url", "rounds", "actors"]


def article_row(article, absolute) -> dict:
    """One exported row: what a researcher needs to cite and sort the article."""
    return {
        "permalink": absolute(article.get_absolute_url()),
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "date_method": article.date_method,
        "source": article.source,
        "url": article.url,
        "rounds": [event.slug for event in article.events.all()],
        "actors": [actor.name for actor in article.actors.all()],
    }


def articles_in_order(ids):
    """Articles for an iterable of ids, in that order, loaded CHUNK_SIZE at a time."""
    chunk = []
    for article_id in ids:
        chunk.append(article_id)
        if len(chunk) == CHUNK_SIZE:
            yield from _load(chunk)
            chunk = []
    if chunk:
        yield from _load(chunk)


def _load(ids):
    articles = Article.objects.filter(pk__in=ids).defer("raw_text", "body")
    by_id = {a.pk: a for a in articles.prefetch_related("actors", "events")}
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


def csv_lines(ids, absolute):
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    for article in articles_in_order(ids):
        row = article_row(article, absolute)
        row["rounds"] = "; ".join(row["rounds"])
        row["actors"] = "; ".join(row["actors"])
        yield writer.writerow([spreadsheet_safe(row[column]) for column in COLUMNS])


def json_chunks(ids, absolute):
    yield "[\n"
    first = True
    for article in articles_in_order(ids):
        yield ("" if first else ",\n") + json.dumps(
            article_row(article, absolute), ensure_ascii=False
        )
        first = False
    yield "\n]\n"
