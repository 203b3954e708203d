"""Wire-copy clusters: syndicated copies of one story (an AFP wire run by five outlets, a
rewrite on an aggregator) are grouped, so they are not read as independent sources.

Near-duplicates are found with MinHash signatures of word shingles (datasketch) and
locality-sensitive hashing; reordered paragraphs, a new headline or added furniture keep most
shingles. Signatures are kept on the article, and the hashing's bands in the database
(`CopyBand`), so a later import compares with what is stored without holding it all in
memory: datasketch's MinHashLSH keeps its buckets in the process (or Redis/Cassandra), and
held every stored article's bands and signature (~800 MB at 100k articles).
"""

import functools
import hashlib
import itertools
import re
import zlib
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
from django.db import connection

NUM_PERM = 64
SHINGLE_WORDS = 5
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets to count as a copy
# Bands of rows of the signature: datasketch's own choice for this threshold and size
# (MinHashLSH(threshold=0.5, num_perm=64) splits it into 14 bands of 4).
BANDS, ROWS = 14, 4
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    # Each run of SHINGLE_WORDS words, joined: zip of the word list shifted 0…4 places.
    runs = zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)
    return set(map(str.encode, map(" ".join, runs)))


SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme, named so stored signatures stay comparable


if TYPE_CHECKING:
    from datasketch import LeanMinHash, MinHash


@functools.cache
def _datasketch():
    """datasketch, imported when a signature is first made or read: the package imports
    scipy, 0.35 s of the start of every process (web workers, every command) otherwise."""
    import datasketch

    return datasketch


@functools.cache
def _permutations():
    template = _datasketch().MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32
    )
    return template.permutations


def signature(text: str) -> "MinHash":
    # crc32 (C, stable across processes) instead of datasketch's default SHA-1: a third of
    # the import's time went to hashing shingles. The permutations are computed once.
    minhash = _datasketch().MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        scheme=SCHEME,
        hashfunc=zlib.crc32,
        permutations=_permutations(),
    )
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> "LeanMinHash":
    return _datasketch().LeanMinHash(
        seed=SEED, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME
    )


def band_keys(minhash) -> list[tuple[int, int]]:
    """(band, key) for each band of a signature: the key is a 64-bit hash of its rows."""
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return [
        (band, _key(values[band * ROWS : (band + 1) * ROWS].tobytes())) for band in range(BANDS)
    ]


def _key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def store_for_lookup(articles, chunk=2000):
    """The bands and signatures of these saved articles (pk, sha256, cluster, minhash),
    written by plain statements (Django's bulk_create spends ~30 µs building each of an
    article's 14 band rows)."""
    articles = iter(articles)
    while part := list(itertools.islice(articles, chunk)):
        signed = [article for article in part if article.minhash]
        bands = [
            (article.pk, band, key)
            for article in signed
            for band, key in band_keys(from_bytes(bytes(article.minhash)))
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO archive_copyband (article_id, band, key) VALUES (%s, %s, %s)", bands
            )
            cursor.executemany(
                "INSERT INTO archive_copysignature (article_id, sha256, cluster, minhash)"
                " VALUES (%s, %s, %s, %s)",
                [(a.pk, a.sha256, a.cluster, bytes(a.minhash)) for a in signed],
            )


def follow_cluster(sender, instance, raw=False, **kwargs):
    """An article saved (a curator's edit) gives its signature its cluster key; a later
    copy joins the cluster as the curator left it. Loaded fixtures (`raw`) are a restore,
    which writes the signatures afresh."""
    from archive.models import CopySignature

    if not raw:
        CopySignature.objects.filter(pk=instance.pk).exclude(cluster=instance.cluster).update(
            cluster=instance.cluster
        )


def connect():
    from django.db.models.signals import post_save

    from archive.models import Article

    post_save.connect(follow_cluster, sender=Article, dispatch_uid="clusters.follow_cluster")


_STORED_COPIES = (
    "SELECT sha256, cluster, minhash FROM archive_copysignature WHERE article_id IN"
    " (SELECT article_id FROM archive_copyband WHERE key IN ({}))"
)


class ClusterFinder:
    """Finds the copies of a signature among stored articles (their bands in the database)
    and this run's unsaved ones (held here until `saved`)."""

    def __init__(self):
        self.unsaved = {}  # sha256 → signature
        self.unsaved_bands = defaultdict(list)  # (band, key) → sha256s

    def add(self, key, minhash):
        if key not in self.unsaved:
            self.unsaved[key] = minhash
            for band in band_keys(minhash):
                self.unsaved_bands[band].append(key)

    def saved(self):
        """The unsaved articles were saved with their bands: the database answers for them."""
        self.unsaved.clear()
        self.unsaved_bands.clear()

    def copies_of(self, minhash) -> list[tuple[str, str]]:
        """(sha256, stored cluster key or "") of the articles `minhash` is a copy of."""
        bands = band_keys(minhash)
        # A key is a 64-bit hash of one band: the same key in two bands does not happen.
        # A plain statement: building the ORM's query cost more than running it.
        with connection.cursor() as cursor:
            cursor.execute(
                _STORED_COPIES.format(", ".join(["%s"] * len(bands))), [k for _, k in bands]
            )
            found = dict(_similar(cursor.fetchall(), minhash))
        for band in bands:
            for key in self.unsaved_bands.get(band, ()):
                if key not in found and self.unsaved[key].jaccard(minhash) >= THRESHOLD:
                    found[key] = ""
        return sorted(found.items())


def _similar(stored, minhash):
    """(sha256, cluster) of the stored (sha256, cluster, signature bytes) rows at least
    THRESHOLD similar to `minhash`: datasketch's Jaccard estimate (the share of equal hash
    values), for every row in one numpy step. A story syndicated many times has hundreds of
    stored copies, and a LeanMinHash each cost ~10 µs."""
    if not stored:
        return []
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    matrix = np.frombuffer(b"".join(bytes(data) for _, _, data in stored), dtype=np.uint64)
    equal = np.count_nonzero(matrix.reshape(len(stored), len(values)) == values, axis=1)
    similar = (equal / np.float64(len(values)) >= THRESHOLD).tolist()
    return [(sha256, cluster) for (sha256, cluster, _), s in zip(stored, similar, strict=True) if s]
