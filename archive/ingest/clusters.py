"""Wire-copy clusters: syndicated copies of one story (an AFP wire run by five outlets, a
rewrite on an aggregator) are grouped, so they are not read as independent sources.

Near-duplicates are found with MinHash signatures of word shingles and locality-sensitive
hashing (datasketch); reordered paragraphs, a new headline or added furniture keep most
shingles. Signatures are kept on the article so a later import compares with what is stored.
"""

import re
import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE_WORDS = 5
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets to count as a copy
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme, named so stored signatures stay comparable


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32)


def signature(text: str) -> MinHash:
    # crc32 (C, stable across processes) instead of datasketch's default SHA-1: a third of
    # the import's time went to hashing shingles. The permutations are computed once.
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        scheme=SCHEME,
        hashfunc=zlib.crc32,
        permutations=_TEMPLATE.permutations,
    )
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class ClusterFinder:
    """Holds the signatures of stored articles: `add(key, minhash)` files one, and
    `copies_of(minhash)` returns the keys of the articles a signature is a copy of."""

    def __init__(self):
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures = {}

    @classmethod
    def from_database(cls):
        from archive.models import Article

        finder = cls()
        stored = Article.objects.exclude(minhash=b"").values_list("sha256", "minhash")
        for key, data in stored.iterator(chunk_size=2000):
            finder.add(key, from_bytes(bytes(data)))
        return finder

    def add(self, key, minhash):
        if key not in self.signatures:
            self.lsh.insert(key, minhash)
            self.signatures[key] = minhash

    def copies_of(self, minhash) -> list[str]:
        return [
            key
            for key in self.lsh.query(minhash)
            if self.signatures[key].jaccard(minhash) >= THRESHOLD
        ]
