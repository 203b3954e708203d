"""Fixity: re-hash the bytes stored for each article and compare with the recorded SHA-256."""

import hashlib
from dataclasses import dataclass

from archive.ingest.decoding import decode
from archive.ingest.readers import raw_is_text
from archive.models import Article


@dataclass
class FixityProblem:
    article_id: int
    key: str
    reason: str

    def __str__(self):
        return f"article {self.key} (id {self.article_id}): {self.reason}"


def verify(chunk_size=2000):
    """Yield (checked count, FixityProblem or None) for every article, streaming."""
    fields = ("pk", "sha256", "raw", "raw_text", "source_file")
    articles = Article.objects.only(*fields).order_by("pk")
    for article in articles.iterator(chunk_size=chunk_size):
        raw = bytes(article.raw or b"")
        if not raw:
            yield FixityProblem(article.pk, article.key, "raw bytes not kept (imported before 2.0)")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest != article.sha256:
            yield FixityProblem(
                article.pk, article.key, f"bytes hash to {digest}, not {article.sha256}"
            )
        elif raw_is_text(article.source_file) and decode(raw)[0] != article.raw_text:
            # (HTML, JSON lines and WARC records keep the whole record: their text was
            # extracted from it, so only the hash can be checked.)
            yield FixityProblem(article.pk, article.key, "raw text differs from the stored bytes")
        else:
            yield None
