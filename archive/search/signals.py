"""Keep the index in step with curators' edits: every model whose values an indexed
article carries queues the articles it touches (`writes.reindex`).

Imports save with bulk_create, which sends no signals, and queue their articles themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from archive.search.writes import reindex


def article_saved(sender, instance, **kwargs):
    reindex([instance.pk])


def article_rounds_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        # From an article (its rounds changed) or from a round (its articles changed).
        reindex((pk_set or []) if reverse else [instance.pk])


def part_saved(sender, instance, **kwargs):
    """A mention or a quote: its article carries the actor's or speaker's slug."""
    reindex([instance.article_id])


def remember_indexed(sender, instance, **kwargs):
    """Before an actor or a round is saved, note the values its articles are indexed by
    (not while fixtures load: `raw`, a restore, which rebuilds the index after)."""
    if instance.pk and not kwargs.get("raw"):
        old = sender.objects.filter(pk=instance.pk).values(*sender.INDEXED_FIELDS).first()
        instance._indexed_before = old


def owner_saved(sender, instance, created, **kwargs):
    """An actor or a round renamed (slug) or moved (process): reindex its articles."""
    old = getattr(instance, "_indexed_before", None)
    if old and any(getattr(instance, f) != old[f] for f in sender.INDEXED_FIELDS):
        reindex(instance.indexed_article_ids())


def owner_deleted(sender, instance, **kwargs):
    """An actor or a round about to go: its articles lose its slug (quotes' speakers are
    cleared by SET_NULL, which sends no signal of its own)."""
    reindex(instance.indexed_article_ids())


def connect():
    from archive.models import Actor, Article, Event, Mention, Quote

    post_save.connect(article_saved, sender=Article, dispatch_uid="archive-index-save")
    post_delete.connect(article_saved, sender=Article, dispatch_uid="archive-index-delete")
    m2m_changed.connect(
        article_rounds_changed, sender=Article.events.through, dispatch_uid="archive-index-m2m"
    )
    for model in (Mention, Quote):
        for signal in (post_save, post_delete):
            signal.connect(part_saved, sender=model, dispatch_uid=f"archive-index-{model}")
    for model in (Actor, Event):
        pre_save.connect(remember_indexed, sender=model, dispatch_uid=f"archive-slug-{model}")
        post_save.connect(owner_saved, sender=model, dispatch_uid=f"archive-index-{model}")
        pre_delete.connect(owner_deleted, sender=model, dispatch_uid=f"archive-gone-{model}")
