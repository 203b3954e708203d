from django.db import models


class CopyBand(models.Model):
    """One band of an article's MinHash signature, hashed: the locality-sensitive hashing
    table wire copies are looked up in (`archive.ingest.clusters`). Kept in the database, not
    in the importing process, so an import's memory does not grow with the archive; derived
    from `Article.minhash`, so backups leave it out and a restore fills it again."""

    article = models.ForeignKey("archive.Article", on_delete=models.CASCADE, related_name="+")
    band = models.PositiveSmallIntegerField()
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["key", "band"], name="copyband_lookup")]

    def __str__(self):
        return f"band {self.band} of article {self.article_id}"
