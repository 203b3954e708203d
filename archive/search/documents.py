"""What the index holds for one article."""

import datetime

from django.utils.text import slugify

from archive.search.schema import FRENCH_FIELDS


def source_key(source: str) -> str:
    """The facet key of a publisher: "Jordan Times" → "jordan-times"."""
    return slugify(source) or "unknown"


def article_to_document(article) -> dict:
    """The Whoosh document for an Article (prefetch `actors` and `events` for bulk use)."""
    events = list(article.events.all())
    doc = {
        "id": str(article.pk),
        "key": article.key,
        "title": article.title,
        "text": f"{article.title}\n{article.title}\n{article.body}",
        "words": f"{article.title}\n{article.body}",
        "pairs": f"{article.title}\n{article.body}",
        "source": article.source or "",
        "source_key": source_key(article.source),
        "actor": ",".join(actor.slug for actor in article.actors.all()),
        "speaker": ",".join(
            {q.speaker.slug for q in article.quotes.all() if q.speaker and not q.rejected}
        ),
        "round": ",".join(event.slug for event in events),
        "process": ",".join(sorted({event.process for event in events})),
        "lang": article.language or "en",
    }
    if doc["lang"] == "fr":
        for field, french in FRENCH_FIELDS.items():
            doc[french] = doc.pop(field)
    if article.cluster:
        doc["cluster"] = article.cluster
    if article.published:
        doc["published"] = datetime.datetime.combine(article.published, datetime.time())
        doc["year"] = f"{article.published:%Y}"
        doc["month"] = f"{article.published:%Y-%m}"
    return doc
