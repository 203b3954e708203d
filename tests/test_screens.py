"""A screened pattern answers exactly as the pattern does, without searching texts that hold
none of its words."""

import re

from archive.screens import Screened, needles

PROCESS = re.compile(r"\bGeneva\b|(?<!\w)(?:Женев[аеуы]|Genève|جنيف)")
TEXTS = [
    "The envoy flew to Geneva on Monday.",
    "Переговоры в Женеве продолжатся.",
    "Les pourparlers de Genève reprennent.",
    "قال المبعوث في جنيف",
    "Talks in Astana ended without a statement.",
    "GenevaConvention is one word here.",
    "",
]


def test_the_needles_of_an_alternation_are_its_names_lower_cased():
    assert needles(PROCESS) == {"geneva", "женев", "genève", "جنيف"}


def test_a_case_insensitive_part_is_compared_lower_cased():
    assert needles(re.compile(r"\b(?i:Constitutional Committee)\b")) == {"constitutional committee"}


def test_a_pattern_opening_with_a_class_has_no_needles():
    assert needles(re.compile(r"\d{4}|Geneva")) is None


def test_a_screened_pattern_finds_what_the_pattern_finds():
    screened = Screened(PROCESS)
    for text in TEXTS:
        assert [m.span() for m in screened.finditer(text)] == [
            m.span() for m in PROCESS.finditer(text)
        ]
        assert bool(screened.search(text)) == bool(PROCESS.search(text))


def test_bounds_are_passed_on():
    text = "Geneva first, then Astana, then Geneva again."
    assert Screened(PROCESS).search(text, 1).start() == PROCESS.search(text, 1).start() == 32


def test_a_text_without_the_names_is_not_searched():
    screened = Screened(PROCESS)
    assert not screened.may_match("Talks in Astana ended.")
    assert screened.may_match("GENEVA, March 3")


def test_a_sequence_is_screened_by_a_group_it_must_pass_through():
    pattern = re.compile(r"(?:\baccording to|(?<!\w)selon)\s+(?P<who>[^,.]{2,40})")
    assert needles(pattern) == {"according to", "selon"}


def test_an_optional_group_does_not_screen():
    assert needles(re.compile(r"\d+(?:\s+Geneva)?")) is None


def test_of_several_groups_the_one_with_fewest_needles_screens():
    pattern = re.compile(r"(said|told|added)\s+(the\s+)?(envoy|mediator)")
    assert needles(pattern) == {"envoy", "mediator"}


def test_a_factored_alternation_matches_the_same_words_as_a_plain_one():
    import re

    from archive.screens import trie_alternation

    words = ["said", "says", "saying", "add", "adds", "added", "pointed out", "Said"]
    text = "he said, she says, saying; add, adds, added, pointed out. Said he. sai saidx"
    plain = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    factored = re.compile(r"\b(?:" + trie_alternation(words) + r")\b")
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]
