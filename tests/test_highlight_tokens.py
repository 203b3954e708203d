"""The highlighter's own tokens are the ones Whoosh's analyzers give, and its passages the
ones Whoosh's highlighter makes from those."""

import csv
import random

import pytest
from whoosh import highlight as whoosh_highlight

from archive.search import highlight
from tests.conftest import FAKES_CSV

OWN_TEXTS = [
    "Les négociations de Genève ont repris lundi; l'opposition a présenté ses propositions.",
    "Переговоры в Астане продолжились во вторник, сообщили делегации.",
    "استؤنفت المحادثات في جنيف يوم الاثنين بحضور الوفدين.",
    "A ceasefire in Aleppo held as talks, talking and the talk went on. Is it? A b c.",
    "U.N. envoy's talks: 'ceasefire' (Aleppo) -- ceasefires; ceasefire-monitoring.",
]
QUERIES = ["ceasefire Aleppo", "talks", "négociations opposition", "переговоры", "المحادثات"]


def fakes_texts(count=60):
    text = FAKES_CSV.read_bytes().decode("utf-8", "replace")
    rows = [row["article_content"] for row in csv.DictReader(text.splitlines())]
    return [row for row in rows if row.strip()][:count]


def whooshs_tokens(text, words, language):
    analyzer = highlight.ANALYZERS.get(language, highlight.ANALYZER)
    for token in analyzer(text, chars=True, positions=True, mode="index", removestops=False):
        token.matched = token.text in words
        yield token


def described(tokens):
    return [(t.pos, t.startchar, t.endchar, t.text, t.matched) for t in tokens]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("query", QUERIES)
def test_tokens_are_whooshs_analyzers(language, query):
    words = highlight.query_words(highlight.parse(query))
    for text in OWN_TEXTS + fakes_texts(20):
        ours = described(highlight._matched(text, words, language))
        assert ours == described(whooshs_tokens(text, words, language))


def whooshs_fragments(text, words, language):
    fragmenter = highlight.WholeWordsFragmenter(
        maxchars=highlight.MAX_CHARS, surround=highlight.SURROUND
    )
    found = fragmenter.fragment_tokens(text, whooshs_tokens(text, words, language))
    best = whoosh_highlight.top_fragments(
        found, 3, whoosh_highlight.BasicFragmentScorer(), whoosh_highlight.FIRST
    )
    return highlight.EscapingFormatter()(text, best)


@pytest.mark.parametrize("query", ["ceasefire Aleppo", "talks", "Russia", "rebels Idlib"])
def test_passages_are_whooshs_when_only_tokens_near_a_match_are_read(query):
    """Long texts with matches far apart: the tokens left out change no passage."""
    words = highlight.query_words(highlight.parse(query))
    texts = fakes_texts()
    rng = random.Random(query)
    long_texts = [" ".join(rng.sample(texts, 6)) for _ in range(10)]
    for text in texts + long_texts + OWN_TEXTS:
        assert highlight.fragments(text, words) == whooshs_fragments(text, words, "en")


@pytest.mark.parametrize("seed", range(20))
def test_the_tokens_near_a_match_are_those_within_reach_of_one(seed):
    """Every token starting within `near` characters of a hit, either side, and no other:
    found a hit at a time by bisection, as testing each token against every hit finds them."""
    rng = random.Random(seed)
    starts = sorted(rng.sample(range(5000), rng.randint(0, 400)))
    hits = sorted(rng.choices(range(5000), k=rng.randint(1, 12)))
    near = rng.choice([0, 5, 80, 330, 6000])
    within = [i for i, s in enumerate(starts) if any(abs(s - hit) <= near for hit in hits)]
    assert highlight._near(hits, starts, near) == within
