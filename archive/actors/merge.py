"""Merge actors that are one person, split out an alias that was not, accept a proposed name.

Each runs in one transaction, keeps a record, and queues the articles it touches for the
index (`archive.search.writes.reindex`, in the same transaction).
"""

from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from archive import search
from archive.actors.matcher import ActorMatcher
from archive.actors.names import normalise_name
from archive.models import (
    Actor,
    ActorProposal,
    ActorRole,
    Alias,
    Article,
    FormerSlug,
    Mention,
    MergeRecord,
    Participant,
    Quote,
)
from archive.search.writes import reindex


@transaction.atomic
def merge_actors(keep: Actor, others, user: str = "") -> list[MergeRecord]:
    """Fold `others` into `keep`: mentions, aliases, roles, quotes and participations move
    over, each other's name becomes an alias, and a MergeRecord is kept per merged actor."""
    records, touched = [], []
    for other in others:
        if other.pk == keep.pk:
            continue
        details = {"mentions": 0, "aliases": [], "roles": 0, "quotes": 0, "participations": 0}
        for mention in Mention.objects.filter(actor=other):
            touched.append(mention.article_id)
            existing = Mention.objects.filter(actor=keep, article_id=mention.article_id)
            if existing.exists():
                existing.update(count=F("count") + mention.count)
                mention.delete()
            else:
                mention.actor = keep
                mention.save(update_fields=["actor"])
            details["mentions"] += 1
        kept_aliases = {normalise_name(n) for n in keep.aliases.values_list("name", flat=True)}
        kept_aliases.add(normalise_name(keep.name))
        for name in [other.name, *other.aliases.values_list("name", flat=True)]:
            if normalise_name(name) not in kept_aliases:
                Alias.objects.create(actor=keep, name=name)
                kept_aliases.add(normalise_name(name))
                details["aliases"].append(name)
        details["roles"] = ActorRole.objects.filter(actor=other).update(actor=keep)
        quotes = Quote.objects.filter(speaker=other)
        touched += list(quotes.values_list("article_id", flat=True))
        details["quotes"] = quotes.update(speaker=keep)
        for participant in Participant.objects.filter(actor=other):
            if not Participant.objects.filter(
                event=participant.event, actor=keep, role=participant.role
            ).exists():
                participant.actor = keep
                participant.save(update_fields=["actor"])
                details["participations"] += 1
        ActorProposal.objects.filter(actor=other).update(actor=keep)
        # The merged-away slug, and those it had itself replaced, lead to the actor kept.
        FormerSlug.objects.filter(actor=other).update(actor=keep)
        FormerSlug.objects.update_or_create(
            slug=other.slug, defaults={"actor": keep, "reason": FormerSlug.Reason.MERGED}
        )
        records.append(
            MergeRecord.objects.create(
                kept=keep,
                merged_name=other.name,
                merged_slug=other.slug,
                details=details,
                merged_by=user,
            )
        )
        other.delete()
    reindex(touched)
    return records


def _unique_slug(name):
    base = slugify(name)[:100] or "actor"
    slug, n = base, 1
    while Actor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def split_alias(alias: Alias, kind: str | None = None) -> Actor:
    """Make a wrongly merged alias an actor of its own, and count its mentions anew."""
    old = alias.actor
    new = Actor.objects.create(
        slug=_unique_slug(alias.name),
        name=alias.name,
        kind=kind or old.kind,
        description=f"Split from {old.name}.",
    )
    alias.delete()
    matcher = ActorMatcher.from_database()
    touched = []
    for article in old.articles.all():
        counts = matcher.count(f"{article.title}\n{article.body}", article.published)
        for actor in (old, new):
            Mention.objects.filter(article=article, actor=actor).delete()
            if counts.get(actor.pk):
                Mention.objects.create(article=article, actor=actor, count=counts[actor.pk])
        touched.append(article.pk)
    Quote.objects.filter(speaker=old, speaker_name__iexact=new.name).update(speaker=new)
    reindex(touched)
    return new


@transaction.atomic
def accept_proposal(proposal: ActorProposal, as_alias_of: Actor | None = None) -> Actor:
    """A reviewed name becomes a new actor, or an alias of an existing one."""
    if as_alias_of is not None:
        Alias.objects.get_or_create(actor=as_alias_of, name=proposal.name)
        proposal.status, proposal.actor = ActorProposal.Status.ALIAS, as_alias_of
        actor = as_alias_of
    else:
        actor = Actor.objects.create(
            slug=_unique_slug(proposal.name), name=proposal.name, kind=proposal.kind
        )
        proposal.status, proposal.actor = ActorProposal.Status.ACCEPTED, actor
    proposal.save()
    quotes = Quote.objects.filter(speaker__isnull=True, anonymous=False, speaker_name=proposal.name)
    quoted = set(quotes.values_list("article_id", flat=True))
    quotes.update(speaker=actor)
    linked = count_mentions(actor, _articles_naming(proposal) | quoted)
    reindex(linked | quoted)
    return actor


def _articles_naming(proposal) -> set[int]:
    """Articles that may name the proposal: the one it was first seen in, and those the
    index finds for the name as a phrase (the matcher then counts real mentions)."""
    found = {proposal.article_id} if proposal.article_id else set()
    phrase = " ".join(proposal.name.replace('"', " ").split())
    try:
        found |= set(search.search(f'"{phrase}"').ids())
    except search.QueryError:
        pass
    return found


def count_mentions(actor: Actor, article_ids) -> set[int]:
    """Count `actor`'s mentions (by every name it now has) in these articles and record
    them; returns the articles that name it."""
    matcher = ActorMatcher.from_database()
    naming = set()
    for article in Article.objects.filter(pk__in=article_ids).only("title", "body", "published"):
        count = matcher.count(f"{article.title}\n{article.body}", article.published).get(actor.pk)
        if count:
            Mention.objects.update_or_create(
                article=article, actor=actor, defaults={"count": count}
            )
            naming.add(article.pk)
    return naming
