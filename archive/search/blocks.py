"""Whoosh 3 posting lists written whole: the blocks and term info `W3PostingsWriter` writes.

Whoosh's writer is handed one posting per call and keeps per-block statistics as it goes
(~5 µs a posting). Here a term's postings arrive as arrays and each block is encoded in one
step, byte for byte in the form of whoosh3 3.54's `W3PostingsWriter._write_block` and
`W3TermInfo.to_bytes` (the version `bulk.check_whoosh` insists on): a block is the pickled
tuple (gaps between document numbers, weights, values), zlib-compressed from 80 bytes, after
a pickled tuple of its count, last document, top weight, compression and length bytes.
Written by hand because Whoosh has no bulk entry point; `tests/test_bulk_index.py` reads the
result back through Whoosh and compares it with what Whoosh's own writer produced.
"""

import zlib
from pickle import dumps

import numpy as np
from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long
from whoosh.util.numeric import _length_byte_cache

BLOCK_LIMIT = 128  # W3Codec's default blocklimit
COMPRESSION = 3  # W3Codec's default compression level
_LENGTHS = np.asarray(_length_byte_cache, dtype=np.int64)


def length_bytes(lengths) -> np.ndarray:
    """Whoosh's length_to_byte for an array of field lengths."""
    lengths = np.asarray(lengths, dtype=np.int64)
    found = np.searchsorted(_LENGTHS, lengths, side="left")
    return np.where(lengths >= 106374, 255, found).astype(np.uint8)


def _mini_weights(weights: list[float]):
    first = weights[0]
    if first == 1.0 and all(w == 1.0 for w in weights):
        return None
    if all(w == first for w in weights):
        return first
    return tuple(weights)


def write_list(postfile, docs: np.ndarray, weights: np.ndarray, values, lbytes: np.ndarray):
    """One term's postings into `postfile`; returns the term info's bytes.

    docs: uint32 document numbers, ascending; weights: float32; values(start, end): the
    values of those postings as Whoosh keeps them in a block (a tuple of bytes for
    positions, one joined string for fixed-size values, None for none); lbytes: each
    posting's document's length byte in the field (0: no length).
    """
    start_offset = postfile.tell()
    postfile.write(WHOOSH3_HEADER_MAGIC)
    count = len(docs)
    total_weight, max_weight = 0.0, 0
    for start in range(0, count, BLOCK_LIMIT):
        end = min(start + BLOCK_LIMIT, count)
        ids = docs[start:end].tolist()
        block_weights = weights[start:end].tolist()
        gaps = [ids[0], *(b - a for a, b in zip(ids, ids[1:], strict=False))]
        data = dumps((tuple(gaps), _mini_weights(block_weights), values(start, end)), 2)
        compression = COMPRESSION if len(data) >= COMPRESSION_MIN_SIZE else 0
        if compression:
            data = zlib.compress(data, compression)
        block_max = max(0, max(block_weights))
        lengths = lbytes[start:end]
        present = lengths[lengths > 0]
        info = dumps(
            (
                end - start,
                ids[-1],
                block_max,
                compression,
                int(present.min()) if len(present) else 0,
                int(lengths.max()),
            ),
            2,
        )
        size = len(info) + len(data)
        postfile.write(pack_int(-size if end == count else size))
        postfile.write(info)
        postfile.write(data)
        total_weight += sum(block_weights)
        max_weight = max(max_weight, block_max)
    present = lbytes[lbytes > 0]
    packed = W3TermInfo._struct.pack(
        False,
        total_weight,
        count,
        int(present.min()) if len(present) else 0,
        int(lbytes.max()),
        max_weight,
        int(docs[0]),
        int(docs[-1]),
    )
    return packed + pack_long(start_offset) + pack_int(postfile.tell() - start_offset)
