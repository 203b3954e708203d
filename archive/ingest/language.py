"""The language an article is written in. The script decides between Arabic, Russian and
Latin; lingua's detector tells English from French (and decides when scripts are mixed).
The script is counted by regular expressions first because lingua's detection is the
costliest step of an import after the database (~0.8 ms an article over four languages)."""

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

CODES = {
    Language.ENGLISH: "en",
    Language.ARABIC: "ar",
    Language.RUSSIAN: "ru",
    Language.FRENCH: "fr",
}
SAMPLE_CHARS = 2000  # the start of a text says its language as well as the whole of it
LATIN_SAMPLE_CHARS = 600  # enough for lingua to tell English from French
ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")
CLEAR_MAJORITY = 0.8  # share of a text's letters in one script that settles its language
# English's commonest words, and words French writes often but English texts (which name Le
# Drian and de Mistura) do not: a Latin sample with many of the first and none of the second
# is English without asking lingua (~0.3 ms a text, the import's costliest step per article).
ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|in|that|was|with|for|said|is|has|on|by)\b")
FRENCH_WORDS = re.compile(
    r"\b(?:les|des|et|du|une|est|dans|pour|sur|aux|qui|que|avec|été|il|elle|ont|selon)\b"
)
PLAINLY_ENGLISH = 12  # English words in a sample without French ones


@lru_cache(maxsize=1)
def _detector():
    # Low accuracy mode reads trigrams only: ~0.5 ms an article, ~25 MB, and still certain
    # between four languages of three scripts.
    return LanguageDetectorBuilder.from_languages(*CODES).with_low_accuracy_mode().build()


def _letters(text: str) -> list[tuple[int, str]]:
    return [
        (len(ARABIC.findall(text)), "ar"),
        (len(CYRILLIC.findall(text)), "ru"),
        (len(LATIN.findall(text)), "en"),
    ]


def by_script(text: str) -> str:
    """The language the letters of `text` point to: Arabic or Cyrillic script, else English."""
    best = max(_letters(text))
    return best[1] if best[0] else "en"


def detect(text: str) -> str:
    """ "en", "ar", "ru" or "fr" for an article's title and body."""
    sample = text[:SAMPLE_CHARS]
    letters = _letters(sample)
    count, script = max(letters)
    if count and count >= CLEAR_MAJORITY * sum(n for n, _ in letters) and script != "en":
        return script
    if script == "en":
        sample = sample[:LATIN_SAMPLE_CHARS]
        if _plainly_english(sample.lower()):
            return "en"
    found = _detector().detect_language_of(sample) if sample.strip() else None
    return CODES[found] if found else by_script(sample)


def _plainly_english(sample: str) -> bool:
    return len(ENGLISH_WORDS.findall(sample)) >= PLAINLY_ENGLISH and not FRENCH_WORDS.search(sample)
