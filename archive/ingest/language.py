"""The language an article is written in: lingua's detector over the languages the archive
reads, or the script when the text is too short for it to say."""

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

CODES = {
    Language.ENGLISH: "en",
    Language.ARABIC: "ar",
    Language.RUSSIAN: "ru",
    Language.FRENCH: "fr",
}
SAMPLE_CHARS = 2000  # the start of a text says its language as well as the whole of it


@lru_cache(maxsize=1)
def _detector():
    # Low accuracy mode reads trigrams only: ~0.5 ms an article, ~25 MB, and still certain
    # between four languages of three scripts.
    return LanguageDetectorBuilder.from_languages(*CODES).with_low_accuracy_mode().build()


def by_script(text: str) -> str:
    """The language the letters of `text` point to: Arabic or Cyrillic script, else English."""
    arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    best = max((arabic, "ar"), (cyrillic, "ru"), (latin, "en"))
    return best[1] if best[0] else "en"


def detect(text: str) -> str:
    """ "en", "ar", "ru" or "fr" for an article's title and body."""
    sample = text[:SAMPLE_CHARS]
    found = _detector().detect_language_of(sample) if sample.strip() else None
    return CODES[found] if found else by_script(sample)
