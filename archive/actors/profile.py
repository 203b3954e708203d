"""What an actor's page shows: their articles and quotes, mentions by month and the actors most
often named with them (drawn by `archive.actors.charts`).

The counts are the search index's facet counts over the articles naming the actor (the
same numbers `actor:` searches give): counted from cached arrays, they cost milliseconds
where the database's joins took 1-2 s for an actor named in 50k of 100k articles.
"""

from archive import search
from archive.models import Actor

NETWORK_SIZE = 24


def articles_naming(actor):
    """The articles naming `actor`, newest first, with the facet counts the page draws over
    all of them (by month, by co-named actor): one search, from the index's cached arrays."""
    return search.search(
        filters={"actor": actor.slug}, sort="newest", with_facets=("month", "actor")
    )


def latest_quotes(actor, limit=30):
    """The actor's quotes from the newest articles quoting them (the index orders the
    articles; sorting every quote of a much-quoted actor by date took 50 ms at 100k)."""
    from archive.models import Quote

    newest = search.search(filters={"speaker": actor.slug}, sort="newest").ids()[:limit]
    quotes = (
        Quote.objects.attributed()
        .filter(speaker=actor, article_id__in=newest)
        .select_related("article", "event", "speaker")
        .defer("article__body", "article__raw_text", "article__raw", "article__minhash")
    )
    rank = {pk: n for n, pk in enumerate(newest)}
    return sorted(quotes, key=lambda q: (rank[q.article_id], q.position))[:limit]


def article_counts() -> dict[str, int]:
    """Articles naming each actor, by slug, over the whole archive."""
    try:
        return search.search("*", with_facets=("actor",)).facet_counts().get("actor", {})
    except search.QueryError:
        return {}


def co_mentioned(actor, facets, limit=NETWORK_SIZE):
    """[(actor, shared articles)] most often named in the same articles."""
    shared = {slug: n for slug, n in facets.get("actor", {}).items() if slug != actor.slug}
    actors = Actor.objects.in_bulk(list(shared), field_name="slug")
    top = sorted(
        ((actors[slug], n) for slug, n in shared.items() if slug in actors),
        key=lambda pair: (-pair[1], pair[0].name),
    )
    return top[:limit]


def co_mention_pairs(named, neighbours):
    """Articles naming the actor that also name each pair of their co-named actors."""
    return named.pair_counts("actor", [other.slug for other, _ in neighbours])
