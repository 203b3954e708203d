"""Compare names the way a reader does: case, diacritics, apostrophes and al-/el- don't count.

>>> normalise_name("Bashar al-Ja'afari") == normalise_name("Bashar Jaafari")
True
"""

import re
import unicodedata

from archive.languages import ARABIC_LETTERS

# "President Donald Trump", "Interior Minister Mohammed Shaar", "Kazakh Deputy Foreign
# Minister Kanat Tumysh": the name without its title (proposals and speakers both strip it).
LEADING_TITLES = re.compile(
    r"^(?:(?:President|Prime|Deputy|Foreign|Interior|Defence|Defense|Minister|Governor|General"
    r"|Colonel|Lieutenant|Brigadier|Major|Captain|Dr|Sheikh|Mr|Mrs|Ms|Rep|Sen|Gov|Prof|Lt|Gen|Col|Representative|King|Prince|Emir|Senator"
    r"|Secretary|Spokesman|Spokeswoman|Ambassador|Envoy|Russian|Syrian|Iranian|Turkish|American"
    r"|Kazakh|Saudi|Qatari|Jordanian|Lebanese|Iraqi|Egyptian|French|British|German|Chinese|UN"
    r"|Special|Chief|Head|Senior|Vice|Affairs|Ministry|Office|[A-Z][a-z]+"
    r"(?=\s+Governor))\.?\s+)+"
)
APOSTROPHES = re.compile(r"['’‘`ʼʻ]")
ARTICLE_PREFIX = re.compile(r"\b(?:al|el)[-\s](?=\w)")
NON_WORD = re.compile(r"[^\w]+")


def fold_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def normalise_name(name: str) -> str:
    """A key for comparing names: "Sedat Önal" → "sedat onal", "al-Ja'afari" → "jaafari"."""
    text = fold_diacritics(name).casefold()
    text = APOSTROPHES.sub("", text)
    text = ARTICLE_PREFIX.sub("", text)
    return " ".join(NON_WORD.sub(" ", text).split())


GLUABLE_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)[-\s](\w)")


def name_variants(name: str) -> list[str]:
    """The spellings of a name the news also uses: the Arabic article run into the word or
    written "el-" ("Hadi al-Bahra" → "Hadi Albahra", "Hadi el-Bahra"), and an apostrophe
    dropped ("al-Ja'afari" → "al-Jaafari")."""
    variants = {name}
    if GLUABLE_ARTICLE.search(name):
        variants.add(GLUABLE_ARTICLE.sub(lambda m: m[1].capitalize() + m[2].lower(), name))
        variants.add(GLUABLE_ARTICLE.sub(lambda m: "el-" + m[2], name))
    variants |= {APOSTROPHES.sub("", v) for v in variants}
    return sorted(variants)


# Russian names decline: "Лавров", "Лаврова", "Лавровым"; "де Мистура", "де Мистуры". A
# word's stem (without a final vowel, й or ь) takes any of these endings.
RUSSIAN_ENDINGS = r"(?:а|я|у|ю|ом|ем|ым|им|е|и|ы|ой|ей|ою|ь|й|ов|ев)?"
CYRILLIC = re.compile(r"[а-яё]", re.I)


def inflected_pattern(folded_name: str) -> str:
    """A regular expression for a folded Russian name in any case: each word's stem and
    any case ending ("лавров" → "лавров(?:а|у|ым|…)?")."""
    words = []
    for word in folded_name.split():
        stem = re.sub(r"[аяоеиыйь]$", "", word) if len(word) > 3 else word
        words.append(re.escape(stem) + (RUSSIAN_ENDINGS if len(word) > 3 else ""))
    return r"\s+".join(words)


# Arabic writes "and", "in", "to", "for", "as" and "the" joined to the next word:
# "ولافروف" (and Lavrov), "بجنيف" (in Geneva), "لدي ميستورا" (to de Mistura).
ARABIC_CLITICS = r"(?:[وفبلك]|ال|وال|بال|لل|فال)?"


def _fold_table() -> dict[int, str]:
    """One character for one: accents dropped, apostrophes unified, hyphens as spaces."""
    table = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base.isascii() and base != chr(code):
            table[code] = base.lower()
    table[ord("ı")] = "i"
    for quote in "’‘`ʼʻ":
        table[ord(quote)] = "'"
    for dash in "-‐‑‒–—":
        table[ord(dash)] = " "
    # Arabic letters written two ways (hamza on alef, Persian yeh and kaf, alef maqsura) and
    # Russian ё: one form each.
    table.update(ARABIC_LETTERS)
    table[ord("ё")] = "е"
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case, accents and dash/apostrophe variants folded, keeping (nearly always) the
    length, so a match in the folded text points at the same words in the original."""
    return text.lower().translate(FOLD)
