"""The nouns that stand for people and bodies in news text: one list for every rule.

The matcher ("the rebel spokesman Yehya al-Aridi" → one reference), the review queue
("spokesman Salem al-Meslet" → a proposed name) and the speaker resolver ("the official
said" → the official named before; "a Western diplomat" → an anonymous source) all read
their nouns from here, so a new title is added once.
"""

# Titles people hold: before a name they introduce it; alone ("the envoy") they refer to it.
PERSON_TITLES = (
    "spokesman spokeswoman spokesperson negotiator envoy minister ambassador mediator "
    "coordinator commander chief president leader director official adviser advisor delegate"
    # Arabic, Russian and French: envoy, negotiator, spokesman, minister, head
    " المبعوث المفاوض المتحدث الوزير رئيس ممثل "
    "посланник спецпосланник переговорщик министр представитель глава "
    "envoyé émissaire négociateur ministre porte-parole"
).split()
# Unnamed people a quote may come from, never a named person by themselves.
UNNAMED_PEOPLE = (
    "source diplomat analyst expert lecturer member activist resident witness officer aide "
    "confidant strategist operative staffer supporter voter lawmaker insider friend ally "
    "person consultant observer participant"
)
UNNAMED_PEOPLE = (
    UNNAMED_PEOPLE.split()
    + (
        # Arabic, Russian and French: a source, sources, officials, a diplomat
        "مصدر مصادر مسؤول مسؤولون مسئول مسئولون دبلوماسي "
        "источник источники источника дипломат чиновник собеседник "
        "diplomate responsable"
    ).split()
)
# Abbreviated titles written with a stop before a name ("Sen. Maria Lindqvist", "Mr. Berg",
# "Lt. Gen. Jonas Berg"): the stop ends no sentence, and a title with a surname is a name.
HONORIFICS = "Mr Mrs Ms Dr Rep Sen Gov Prof Gen Col Lt Sgt Capt Maj Adm Rev St Jr Sr Amb".split()
# Months as English news abbreviates them ("Sept. 11"): their stop ends no sentence either.
ABBREVIATED_MONTHS = "Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec".split()

# Bodies that speak as one ("the ministry said", "the Observatory said").
BODIES = (
    "group monitor observatory ministry office agency committee council government army "
    "coalition delegation television media"
).split()


# Other ways the news writes a role's title: "Russia's top diplomat" is its foreign minister.
TITLE_SYNONYMS = {"foreign minister": ("top diplomat", "chief diplomat")}


def title_variants(pattern: str) -> list[str]:
    """A role's written form and its synonyms: "Iranian foreign minister" → "Iranian top
    diplomat", "top Iranian diplomat", "Iranian chief diplomat", "chief Iranian diplomat"."""
    variants = [pattern]
    for title, synonyms in TITLE_SYNONYMS.items():
        index = pattern.lower().find(title)
        if index < 0:
            continue
        before, after = pattern[:index], pattern[index + len(title) :]
        for synonym in synonyms:
            variants.append(f"{before}{synonym}{after}")
            adjective = before.strip()
            if adjective and "'" not in adjective and " " not in adjective:
                first, noun = synonym.split()
                variants.append(f"{first} {adjective} {noun}{after}")
    return variants


def alternation(nouns) -> str:
    """A regular-expression alternation of `nouns`, longest first."""
    return "|".join(sorted(set(nouns), key=len, reverse=True))
