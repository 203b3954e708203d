"""Keep the index in step with curators' edits (admin saves and deletes).

Writes happen after the transaction commits, through an AsyncWriter, so a request never
waits on the index lock. Imports save with bulk_create, which sends no signals, and index
in one batch at the end instead.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def _reindex(article_id):
    from archive.search.index import index_articles_later

    transaction.on_commit(lambda: index_articles_later([article_id]))


def article_saved(sender, instance, **kwargs):
    _reindex(instance.pk)


def article_relations_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and hasattr(instance, "sha256"):
        _reindex(instance.pk)


def connect():
    from archive.models import Article

    post_save.connect(article_saved, sender=Article, dispatch_uid="archive-index-save")
    post_delete.connect(article_saved, sender=Article, dispatch_uid="archive-index-delete")
    m2m_changed.connect(
        article_relations_changed, sender=Article.events.through, dispatch_uid="archive-index-m2m"
    )
