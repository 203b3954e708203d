"""Whoosh 3 posting lists written whole: the blocks and term info `W3PostingsWriter` writes.

Whoosh's writer is handed one posting per call and keeps per-block statistics as it goes
(~5 µs a posting). Here a whole field's postings arrive as arrays, term after term
(`write_lists`, whose per-posting work is numpy's), and each block is encoded in one step,
byte for byte in the form of whoosh3 3.54's `W3PostingsWriter._write_block` and
`W3TermInfo.to_bytes` (the version `bulk.check_whoosh` insists on): a block is the pickled
tuple (gaps between document numbers, weights, values), zlib-compressed from 80 bytes, after
a pickled tuple of its count, last document, top weight, compression and length bytes.
Written by hand because Whoosh has no bulk entry point; `tests/test_bulk_index.py` reads the
result back through Whoosh and compares it with what Whoosh's own writer produced.
"""

import zlib
from functools import partial
from pickle import dumps

import numpy as np
from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long
from whoosh.util.numeric import _length_byte_cache

BLOCK_LIMIT = 128  # W3Codec's default blocklimit
CHUNK_POSTINGS = 65_536
COMPRESSION = 3  # W3Codec's default compression level
_LENGTHS = np.asarray(_length_byte_cache, dtype=np.int64)


def length_bytes(lengths) -> np.ndarray:
    """Whoosh's length_to_byte for an array of field lengths."""
    lengths = np.asarray(lengths, dtype=np.int64)
    found = np.searchsorted(_LENGTHS, lengths, side="left")
    return np.where(lengths >= 106374, 255, found).astype(np.uint8)


def write_lists(postfile, docs, weights, values, bounds, lbytes):
    """Many terms' postings into `postfile`, in order; yields each one's term info bytes.

    The postings of every term laid end to end: docs (uint32) and weights (float32) numpy
    arrays; values(start, end): the values of those postings as Whoosh keeps them in a
    block (a tuple of bytes for positions, one joined string for fixed-size values, None
    for none); bounds: where each term's postings start, and the end; lbytes: each
    document's length byte in the field (0: no length), by document number. Everything
    done per posting (gaps, length bytes, each block's statistics) is done by numpy for many
    terms at once (CHUNK_POSTINGS: the Python numbers the blocks are made of take memory).
    """
    term, terms = 0, len(bounds) - 1
    while term < terms:
        base = int(bounds[term])
        until = int(np.searchsorted(bounds, base + CHUNK_POSTINGS, side="right")) - 1
        until = min(max(until, term + 1), terms)
        end = int(bounds[until])
        yield from _write_terms(
            postfile,
            docs[base:end],
            weights[base:end],
            partial(_shifted, values, base),
            bounds[term : until + 1] - base,
            lbytes,
        )
        term = until


def _shifted(values, base, start, end):
    return values(base + start, base + end)


def _write_terms(postfile, docs, weights, values, bounds, lbytes):
    counts = np.diff(bounds)
    block_counts = (counts + BLOCK_LIMIT - 1) // BLOCK_LIMIT
    first_blocks = np.cumsum(block_counts) - block_counts
    within = np.arange(int(block_counts.sum())) - np.repeat(first_blocks, block_counts)
    starts = np.repeat(bounds[:-1], block_counts) + within * BLOCK_LIMIT
    ends = np.minimum(starts + BLOCK_LIMIT, np.repeat(bounds[1:], block_counts))
    gaps = np.diff(docs.astype(np.int64), prepend=0)
    gaps[starts] = docs[starts]
    lengths = lbytes[docs]
    present = np.where(lengths == 0, 256, lengths.astype(np.int16))
    shortest = np.minimum.reduceat(present, starts)
    shortest[shortest == 256] = 0
    tops, lows = np.maximum.reduceat(weights, starts), np.minimum.reduceat(weights, starts)
    sums = np.add.reduceat(weights.astype(np.float64), starts).tolist()
    longest = np.maximum.reduceat(lengths, starts).tolist()
    gaps, docs_list, weight_list = gaps.tolist(), docs.tolist(), weights.tolist()
    starts, ends, shortest, uniform = (
        starts.tolist(),
        ends.tolist(),
        shortest.tolist(),
        (tops == lows).tolist(),
    )
    tops = tops.tolist()
    block = 0
    for first, last in zip(bounds[:-1].tolist(), (bounds[1:] - 1).tolist(), strict=True):
        start_offset = postfile.tell()
        written = bytearray(WHOOSH3_HEADER_MAGIC)
        total_weight, max_weight, min_length, max_length = 0.0, 0, 0, 0
        while True:
            start, end, top = starts[block], ends[block], tops[block]
            if uniform[block]:
                mini = None if top == 1.0 else top
            else:
                mini = tuple(weight_list[start:end])
            written += _block(
                (tuple(gaps[start:end]), mini, values(start, end)),
                (end - start, docs_list[end - 1], top, shortest[block], longest[block]),
                end > last,
            )
            total_weight += sums[block]
            max_weight = max(max_weight, top)
            if shortest[block] and (not min_length or shortest[block] < min_length):
                min_length = shortest[block]
            max_length = max(max_length, longest[block])
            block += 1
            if end > last:
                break
        postfile.write(bytes(written))
        packed = W3TermInfo._struct.pack(
            False,
            total_weight,
            last - first + 1,
            min_length,
            max_length,
            max_weight,
            docs_list[first],
            docs_list[last],
        )
        yield packed + pack_long(start_offset) + pack_int(len(written))


def _block(contents, facts, final) -> bytes:
    """One block: `contents` (gaps, weights, values) pickled, compressed from 80 bytes,
    after its `facts` (count, last document, top weight, shortest and longest length
    bytes) with the compression used, and its size (negative for a list's last block)."""
    data = dumps(contents, 2)
    compression = COMPRESSION if len(data) >= COMPRESSION_MIN_SIZE else 0
    if compression:
        data = zlib.compress(data, compression)
    count, last, top, shortest, longest = facts
    info = dumps((count, last, top, compression, shortest, longest), 2)
    size = len(info) + len(data)
    return pack_int(-size if final else size) + info + data
