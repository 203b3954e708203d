"""A segment's words are grouped into Whoosh's postings by numpy: the same bytes and order
as one posting at a time."""

import pickle

import numpy as np

from archive.search.bulk_postings import positions_value, positions_values, stable_order


def test_positions_are_encoded_as_whoosh_encodes_them():
    assert positions_value([3, 10, 400]) == b"\x00\x00\x00\x03" + pickle.dumps([3, 7, 390], 2)


def test_many_postings_positions_are_encoded_at_once_byte_for_byte():
    positions = np.array([0, 1, 255, 256, 70_000, 70_001, 5, 9, 300, 66_000, 140_000], np.int64)
    starts, counts = np.array([0, 2, 6]), np.array([2, 4, 5])
    expected = [
        positions_value(positions[s : s + c].tolist()) for s, c in zip(starts, counts, strict=True)
    ]
    assert positions_values(positions, starts, counts) == expected


def test_no_postings_encode_to_nothing():
    assert positions_values(np.zeros(0, np.int64), np.zeros(0, int), np.zeros(0, int)) == []


def test_terms_past_sixteen_bits_keep_a_stable_order():
    numbers = np.array([70_000, 3, 70_000, 65_536, 3, 1 << 20, 65_535], dtype=np.uint32)
    assert stable_order(numbers, 1 << 21).tolist() == np.argsort(numbers, kind="stable").tolist()


def test_few_terms_keep_a_stable_order():
    numbers = np.array([4, 1, 4, 0, 1], dtype=np.uint32)
    assert stable_order(numbers, 5).tolist() == [3, 1, 4, 0, 2]


def test_keyword_fields_give_whooshs_postings_without_its_analysis():
    from archive.search.bulk_analysis import keyword_postings, shortcut_for
    from archive.search.schema import build_schema

    actor = build_schema()["actor"]
    value = "Staffan-de-Mistura,lavrov, Lavrov,,un"
    assert shortcut_for(actor) is keyword_postings
    assert keyword_postings(value) == list(actor.index(value))


def test_id_fields_give_whooshs_postings_without_its_analysis():
    from archive.search.bulk_analysis import id_postings, shortcut_for
    from archive.search.schema import build_schema

    key = build_schema()["key"]
    assert shortcut_for(key) is id_postings
    assert id_postings("3fa9c2e1b0d4") == list(key.index("3fa9c2e1b0d4"))


def test_text_and_date_fields_keep_whooshs_analysis():
    from archive.search.bulk_analysis import shortcut_for
    from archive.search.schema import build_schema

    schema = build_schema()
    assert shortcut_for(schema["published"]) is None
    assert shortcut_for(schema["source"]) is None
