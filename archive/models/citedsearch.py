"""A search someone cited: its manifest and its result set, to replay and compare later."""

import secrets
import zlib

import numpy as np
from django.db import models
from django.urls import reverse


def _pack(values) -> bytes:
    return zlib.compress(np.asarray(values, dtype="<i8").tobytes())


def _unpack(data) -> list[int]:
    return np.frombuffer(zlib.decompress(bytes(data)), dtype="<i8").tolist()


class CitedSearch(models.Model):
    """Stored when a reader asks to cite a search (never for every request): the manifest,
    the permalink keys of the articles found (as integers) and their publication dates (day
    ordinals, 0 when undated), so the citation's permalink can say what has changed since."""

    key = models.CharField(max_length=16, unique=True, editable=False)
    manifest = models.JSONField()
    ids = models.BinaryField(help_text="Permalink keys found, ascending (zlib, int64).")
    dates = models.BinaryField(help_text="Their publication days (ordinals; 0: undated).")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.key}: {self.manifest.get('search')}"

    def get_absolute_url(self):
        return reverse("archive:cited_search", args=[self.key])

    @classmethod
    def record(cls, manifest: dict, found: dict) -> "CitedSearch":
        """Store a citation of a result set: `found` maps permalink key → day ordinal."""
        ids = sorted(found)
        return cls.objects.create(
            key=secrets.token_hex(6),
            manifest=manifest,
            ids=_pack(ids),
            dates=_pack([found[i] for i in ids]),
        )

    def found(self) -> dict[int, int]:
        return dict(zip(_unpack(self.ids), _unpack(self.dates), strict=True))
