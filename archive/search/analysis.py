"""Text analysis for every language the archive holds, chosen word by word by its script.

An Arabic word is normalised (diacritics and tatweel dropped; alef, ya, ta marbuta and the
Persian letters written one way) and stemmed by Whoosh's ISRI stemmer, so مفاوضات finds
المفاوضات; a Cyrillic word is first brought to its dictionary form by pymorphy3 (Russian
inflects surnames and place names as nouns: Лаврова, Лаврову, Лавровым are Лавров, and Snowball
alone cuts the nominative -ов but keeps it in the other cases) and then stemmed by Whoosh's
Snowball Russian stemmer with ё read as е, so переговоры finds переговорах; a Latin word loses
its accents (Genève, Geneve) and is stemmed by Porter2. The script decides because the query
decides nothing else: a query in Russian is analysed the Russian way whatever the article
around it, and an unfielded query reaches every language.

Latin script does not tell French from English, so French articles are written to fields of
their own (`title_fr`, `text_fr`, `pairs_fr`, analysed by `french_analyzer`: Whoosh's Snowball
French stemmer, elided articles dropped, accents folded after stemming) and a query word is
looked up both ways (`query.py`): "syriennes" finds "syrien", "négociations" finds "négocier".
"""

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import (
    STOP_WORDS,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.lang import stemmer_for_language
from whoosh.lang.porter2 import stem as english_stem

from archive import languages

# Words with Arabic diacritics (not \w in Python) and tatweel stay whole.
TOKENS = re.compile(r"[\w\u064B-\u065F\u0670\*]+(?:\.?[\w\u064B-\u065F\u0670\*]+)*")
ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # harakat, superscript alef, tatweel
# The letters every rule folds, and for search also ta marbuta as ha (مفاوضة, مفاوضه).
ARABIC_LETTERS = {**languages.ARABIC_LETTERS, ord("ة"): "ه"}
ARABIC_STOPWORDS = frozenset("في من على إلى الى عن مع أن ان إن التي الذي هذا هذه و".split())
RUSSIAN_STOPWORDS = frozenset("и в во на с со по к о об из за что как это не".split())
FRENCH_STOPWORDS = frozenset(
    "le la les des du de un une et en au aux que qui est à ce il elle ne pas se sa son ses"
    " par pour sur dans ou où".split()
)
# What is left of an elided word once the tokenizer splits at the apostrophe (l'opposition).
FRENCH_ELISIONS = frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu".split())
STOPWORDS = STOP_WORDS | ARABIC_STOPWORDS | RUSSIAN_STOPWORDS | FRENCH_STOPWORDS

_russian = stemmer_for_language("ru")
_french = stemmer_for_language("fr")
_arabic = stemmer_for_language("ar")


def _without_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(word: str) -> str:
    """One written form per word: Arabic letter variants and marks, ё, Latin accents."""
    if ARABIC.search(word):
        return ARABIC_MARKS.sub("", word).translate(ARABIC_LETTERS)
    if CYRILLIC.search(word):
        return word.replace("ё", "е")
    return _without_accents(word)


@lru_cache(maxsize=1)
def _russian_morphology():
    """pymorphy3's analyser (its dictionaries load in ~0.1 s, once per process, on the
    first Cyrillic word)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def russian_lemma(word: str) -> str:
    """The dictionary form of a lower-cased Russian word by its likeliest reading (a word
    the dictionary lacks is guessed from its ending, as pymorphy3 does)."""
    return _russian_morphology().parse(word)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of a lower-cased word, by the stemmer of its script."""
    word = normalise(word)
    if ARABIC.search(word):
        return _arabic(word)
    if CYRILLIC.search(word):
        return _russian(russian_lemma(word))
    return english_stem(word)


@lru_cache(maxsize=200_000)
def french_stem(word: str) -> str:
    """The stem of a lower-cased word of a French article: Snowball French reads the accents
    (é, è tell endings apart), so they are folded after stemming, not before."""
    if ARABIC.search(word) or CYRILLIC.search(word):
        return stem(word)
    return _without_accents(_french(word))


class Normaliser(Filter):
    """Writes each token the one way `normalise` does (for the unstemmed fields)."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = normalise(token.text)
            yield token


def stemmed_analyzer():
    """Tokens lower-cased, stop words out, stemmed by script (the stem cache is `stem`'s)."""
    return StemmingAnalyzer(expression=TOKENS, stoplist=STOPWORDS, stemfn=stem, cachesize=0)


def french_analyzer():
    """As `stemmed_analyzer`, for the fields of French articles."""
    stoplist = STOPWORDS | FRENCH_ELISIONS
    return StemmingAnalyzer(expression=TOKENS, stoplist=stoplist, stemfn=french_stem, cachesize=0)


def words_analyzer():
    """Tokens lower-cased and normalised but not stemmed: prefixes, fuzzy terms, spelling."""
    return (
        RegexTokenizer(TOKENS)
        | LowercaseFilter()
        | StopFilter(stoplist=STOPWORDS, minsize=2)
        | Normaliser()
    )
