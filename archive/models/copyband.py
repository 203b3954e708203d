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


class CopySignature(models.Model):
    """What the copy lookup reads of an article whose bands match: its hash, cluster and
    signature, in a narrow table of its own. Read from the article's row, SQLite walks the
    overflow pages of its body and raw texts to reach them: half the lookup's time with a
    story stored 170 times. `cluster` follows the article's (`clusters.follow_cluster`);
    derived like the bands, so backups leave it out and a restore fills it again."""

    article = models.OneToOneField(
        "archive.Article", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    sha256 = models.CharField(max_length=64)
    cluster = models.CharField(max_length=64, blank=True)
    minhash = models.BinaryField()

    def __str__(self):
        return f"signature of article {self.article_id}"
