"""What the index holds for one article."""

import datetime


def article_to_document(article) -> dict:
    """The Whoosh document for an Article (prefetch `actors` and `events` for bulk use)."""
    doc = {
        "id": str(article.pk),
        "title": article.title,
        "body": article.body,
        "words": f"{article.title}\n{article.body}",
        "source": article.source or "",
        "actor": ",".join(actor.slug for actor in article.actors.all()),
        "round": ",".join(event.slug for event in article.events.all()),
        "process": ",".join(sorted({event.process for event in article.events.all()})),
    }
    if article.published:
        doc["published"] = datetime.datetime.combine(article.published, datetime.time())
    return doc
