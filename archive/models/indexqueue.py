from django.db import models


class IndexQueue(models.Model):
    """An article whose search-index entry must be written again (or removed).

    Rows are added in the same transaction as the change that calls for them, and deleted
    once the index has committed the article: a change that reached the database cannot
    be lost from search, whatever process dies in between (see `archive.search.writes`).
    Not a foreign key: a deleted article is queued so that the index forgets it too.
    """

    article_id = models.BigIntegerField()
    queued_at = models.DateTimeField(auto_now_add=True)
    bulk = models.BooleanField(
        default=False,
        help_text="Queued by a bulk job (an import), which writes it itself; web workers "
        "write only curators' changes.",
    )

    class Meta:
        verbose_name = "index queue entry"
        verbose_name_plural = "index queue"

    def __str__(self):
        return f"article {self.article_id} (queued {self.queued_at:%Y-%m-%d %H:%M:%S})"
