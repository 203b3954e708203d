"""Quotes in an article, each with the phrase naming its speaker as written.

Sentence by sentence: a reporting verb ("said", "told AFP", "added", "quoted ... as saying")
and either a direct quote around it (“…,” X said / X said: “…”) or the reported clause
after it (X said that …). `archive.actors.speakers` resolves the phrases to actors.
"""

import bisect
import re
from dataclasses import dataclass

from archive import languages
from archive.actors.titles import (
    ABBREVIATED_MONTHS,
    BODIES,
    HONORIFICS,
    UNNAMED_PEOPLE,
    alternation,
)
from archive.screens import Screened, trie_alternation

VERB_WORDS = (
    "said says told telling added adds stressed warned insisted noted explained declared "
    "reiterated stated saying asked urged announced confirmed shouted emphasised emphasized "
    "underlined argued commented acknowledged admitted cautioned remarked affirmed "
    "wrote tweeted claimed vowed pledged recalled revealed indicated pointed_out reported "
    "replied replies responded responds writes joked jokes quipped continued "
    "continues tells notes observed observes conceded countered asserted predicted "
    "complained boasted testified posted states explains argues recalls "
    "adds warns insists asks concluded wondered Said"
)
VERB_WORDS = frozenset(word.replace("_", " ") for word in VERB_WORDS.split())
VERBS = trie_alternation(VERB_WORDS)  # factored: this alternation is tried at every position
# English verbs, then Arabic, Russian and French ones (archive.languages); an Arabic verb
# may carry "and" or "so" joined to it ("وأضاف").
VERB = re.compile(rf"\b({VERBS})\b|(?<!\w)(?:و|ف)?({languages.REPORTING_VERBS})(?!\w)")
# Searched in every sentence: screened (`archive.screens`), the sentences holding none of
# their words are not searched.
QUOTED_AS_SAYING = Screened(re.compile(r"\bquoted\s+(?P<who>.+?)\s+as\s+saying\b"))
# A quote may run past the sentence split ("“I don’t know about that. Certainly not …”").
# “…”, "…", «…», „…“
QUOTE = re.compile(r"[“\"«„](?P<text>[^”\"»“]{3,}?)(?:[”\"»“]|$)")
# Not after an abbreviation: "U.S. Secretary of State John Kerry", "Mr. Pedersen", "W. Bush",
# "Sen. Lindqvist", "Sept. 11".
_ABBREVIATION = r"(?<!\b[A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)" + "".join(
    rf"(?<!\b{word}\.)" for word in (*HONORIFICS, *ABBREVIATED_MONTHS)
)
# A question or exclamation closing a quotation ends no sentence when its attribution
# follows: “Why not?” Clinton said. (Convention of English news writing.)
_ATTRIBUTION_FOLLOWS = rf"(?!\s+[^.!?“”\"\n]{{0,60}}?\b(?:{VERBS})\b)"
SENTENCE_END = re.compile(
    rf"(?<=[.!?]){_ABBREVIATION}(?:[”\"»]{_ATTRIBUTION_FOLLOWS})?\s+(?=[“\"«A-ZА-ЯЁ(\u0600-\u06FF])"
)
# Speaker words: anything but sentence punctuation and quotes, or the stop of an abbreviation.
_WHO_CHAR = (
    r"(?:[^.;:“”\"«»\n]|(?<=\b[A-Z])\." + "".join(rf"|(?<=\b{w})\." for w in HONORIFICS) + ")"
)
TIME_WORDS = re.compile(
    r"^(?:on\s+)?(?:(?:late|early|earlier|last|this)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|evening)\b",
    re.I,
)
AUDIENCE = re.compile(
    r"^(?:told|telling)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.()-]*)*|reporters|press"
    r"|journalists|a news conference)(?:\s+\([A-Z]+\))?\s*"
)


ACCORDING_TO = Screened(
    re.compile(
        r"(?<!\w)[Пп]о\s+(?P<pronoun>его|её|ее|их)\s+словам"
        rf"|(?:\baccording to|(?<!\w)(?:{languages.ACCORDING_TO}))"
        r"\s+(?P<who>[^,.;:“”\"«»]{2,120})"
    )
)
# "Как сообщили в постпредстве, …", "Comme l'a déclaré le ministre, …": the verb first,
# its speaker after it up to the comma, the statement after that.
AS_VERB_SAID = re.compile(
    rf"^(?:Как|Comme)\s+(?:l['’]\s*)?(?P<verb>{languages.REPORTING_VERBS})\s+"
    r"(?P<who>[^,«\"“]{2,100}),\s*(?P<rest>.+)$"
)
# The speaker after the verb: "said Sergey Lavrov, Russia's foreign minister".
INVERTED = re.compile(
    r"\s+(?P<who>(?:[A-ZА-ЯЁ]|M\.\s|the\s|a\s|an\s|one\s|another\s|some\s|two\s|le\s|la\s|une?\s"
    rf"|(?:{alternation(UNNAMED_PEOPLE)})\b){_WHO_CHAR}{{1,120}})"
)
# Arabic puts the verb first: "وقال المبعوث الأممي إن …", "وأضاف عنان: …".
ARABIC_SPEAKER = re.compile(
    r"^\s*(?P<who>[^:«\"“،.]{2,100}?)\s*(?:(?<!\w)(?:إن|أن|ان)(?:ها|ه|هم)?(?!\w)|:|،|«|\"|“)"
)
ARABIC = re.compile(r"[\u0600-\u06FF]")
# "…، والتي أكدت مصادر من المعارضة أنها …": a verb opening a relative or joined clause, its
# subject after it as Arabic writes (the words before it are not the speaker).
ARABIC_CLAUSE_BEFORE_VERB = re.compile(r"(?<!\w)(?:و|ف)?(?:التي|الذي|الذين|حيث|كما)\s*$")
INVERTED_THEN_PARTICIPLE = re.compile(
    r"\s+(?P<who>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+)){0,3}),?\s+"
    r"(?:adding|saying|noting|stressing|warning)\b"
)
# "He hoped …", "S'il a loué …", "Elle a salué …", "Он назвал …"
PRONOUN_SUBJECT = re.compile(
    r"^(?:S['’])?(He|She|[Ii]l|[Ee]lle|Он|Она)\s+(?:also\s+|a\s+)?(\w+ed|\w+s|\w+é|\w+л[аи]?)\b"
)
# Words quoted inside a sentence that frames them rather than reports them: "Ban urges all
# sides to seize 'historic' opportunity", "State media described the attack as a
# “massacre”", "Iran calls on Riyadh 'to stop increasing tension'". The subject said them.
FRAMING = Screened(
    re.compile(
        r"\b(?:urg(?:es|ing)|call(?:s|ed|ing)\s+(?:on|for|upon)|describ(?:es|ed|ing)"
        r"|dubb(?:ed|ing)|dubs|brand(?:s|ed)|term(?:s|ed)|hail(?:s|ed)|denounc(?:es|ed)"
        r"|condemn(?:s|ed)|accus(?:es|ed)|welcom(?:es|ed))\b"
    )
)
# A short quoted fragment, in double or single quotes (a single quote opening a word, so
# that "Syria's" is not one).
FRAGMENT = re.compile(r"(?:[“\"]|(?<!\w)[‘'])(?P<text>[^”\"’'\n]{3,120}?)[”\"’'](?!\w)")
FRAMING_SUBJECT_WORDS = 8  # a longer run before the verb is a clause, not a subject
CONTINUED = "he"  # a quote attributed by a participle alone continues the last speaker


@dataclass
class FoundQuote:
    who: str  # the speaker phrase as written
    verb: str
    text: str
    kind: str  # "direct" or "reported"
    position: int
    via: str = ""
    continues: bool = False  # no attribution of its own: the speaker before goes on


def sentences(body: str):
    """(offset, sentence) for every sentence of every paragraph."""
    offset = 0
    for paragraph in body.split("\n"):
        start = 0
        for part in SENTENCE_END.split(paragraph):
            index = paragraph.find(part, start)
            yield offset + max(index, 0), part.strip()
            start = max(index, 0) + len(part)
        offset += len(paragraph) + 1


def verb_outside_quotes(sentence: str):
    """The first reporting verb that is not part of a quote ("“The envoy told them …,”
    Dujarric said" → said)."""
    quoted = [m.span() for m in QUOTE.finditer(sentence)]
    for match in VERB.finditer(sentence):
        if not any(start <= match.start() < end for start, end in quoted):
            return match
    return None


def verb_word(match) -> str:
    """The reporting verb a VERB match found, in whichever language."""
    return match[1] or match[2]


def _clean_who(who: str) -> str:
    """The speaker phrase without punctuation around it or a French conjunction elided
    onto its pronoun ("S'il a salué …", "Qu'elle a …")."""
    who = who.strip(' ,;:—–-“”"').strip()
    return re.sub(r"^(?:S|Qu|Lorsqu|Puisqu)['’](?=il|elle)", "", who)


def _reported_content(rest: str) -> str:
    rest = AUDIENCE.sub("", rest)
    rest = TIME_WORDS.sub("", rest.strip()).strip(" ,")
    rest = re.sub(r"^(?:on\s+\w+\s+)?that\s+", "", rest)
    return rest.strip()


# A quote of several sentences ("A. B") and the attribution after it, in the same paragraph:
# “A. B,” Dujarric said. / «A. B», — сказала Иванова (the verb first, as Russian and French
# write it). The quotation is read first, then its attribution from where it closes:
# one pass over the text, where a single pattern tried every opening mark against every
# closing one.
QUOTATION = re.compile(r"[“\"«„](?P<text>[^”\"»“\n]{3,})[”\"»“]")
SEVERAL_SENTENCES = re.compile(r"[.!?;:]\s*\S")
# Text between two marks that opens with an attribution ("…, the UN official concluded. …").
ATTRIBUTION_INSIDE = re.compile(
    rf"^[\s,]*[^.!?“”\"]{{0,80}}?\b(?:{VERBS})\b[^.!?“”\"]{{0,40}}[.!?]"
)
ATTRIBUTION_AFTER = re.compile(
    rf"[ \t]*,?[ \t]*(?P<who>{_WHO_CHAR}{{1,80}}?)\s+(?P<verb>{VERBS})\b"
)
VERB_FIRST_AFTER = re.compile(
    r"[ \t]*,?[ \t]*[—–-]?[ \t]*"
    rf"(?P<verb>{languages.REPORTING_VERBS}|приводит|приводят|цитирует)"
    r"(?P<after>\s+(?:M\.\s+)?[^;:“”\"«»\n]{1,120})"
)


def long_quotes(body: str) -> list[tuple[FoundQuote, int]]:
    """Quotes running over several sentences, attributed after their end (the sentence
    by sentence reading sees only their last sentence), with where each attribution ends."""
    found, position = [], 0
    while quotation := QUOTATION.search(body, position):
        # A straight mark both opens and closes: when this pair is no attributed quotation,
        # its closing mark may open the next one (a mark missing earlier shifted the pairs).
        position = quotation.end() - (body[quotation.end() - 1] == '"')
        if ATTRIBUTION_INSIDE.match(quotation["text"]):
            continue  # “…,” the official said. “…: paired across an attribution
        if not SEVERAL_SENTENCES.search(quotation["text"]):
            continue
        text, start, end = quotation["text"].strip(" ,"), quotation.start(), quotation.end()
        after = ATTRIBUTION_AFTER.match(body, end)
        if after:
            who = _clean_who(after["who"])
            if who and not VERB.search(who):
                found.append((FoundQuote(who, after["verb"], text, "direct", start), after.end()))
                position = after.end()
                continue
        after = VERB_FIRST_AFTER.match(body, end)
        if after:
            verb, via = after["verb"], ""
            relayed = languages.RELAYED.match(verb + after["after"])
            if relayed:
                who, via = relayed_by(relayed)
            else:
                who = speaker_after_verb(after["after"], verb)
            who = _clean_who(who)
            if who and who != CONTINUED and not VERB.search(who):
                found.append(
                    (FoundQuote(who, verb, text, "direct", start, via.strip()), after.end())
                )
                position = after.end()
    return found


# Two apostrophes (LexisNexis and New York Times exports: ''…'') and TeX's ``…'' stand for
# double quotation marks; read as " with a space after, so every offset stays the same.
DOUBLED_MARKS = re.compile(r"''|``")


def find_quotes(body: str) -> list[FoundQuote]:
    """Every quote and reported statement in a cleaned article body, in order."""
    body = DOUBLED_MARKS.sub('" ', body)
    found = attributed_quotes(body)
    found += quotes_beside_attributed(body, found)
    found += continued_paragraphs(body, found)
    found = [q for q in found if q.kind != "direct" or is_quoted_speech(q.text)]
    return sorted(found, key=lambda quote: quote.position)


# Text between two quotation marks that is an attribution, not words spoken: marks paired
# wrongly around "…,” said X, head of policy. “…".
_ATTRIBUTION_TEXT = re.compile(rf"^\s*(?:['’]\s*)?(?:{VERBS})\b")


def is_quoted_speech(text: str) -> bool:
    """Whether words in quotation marks are speech: not the title of a show, book or song
    ("Evening Report", "The Long Road Home"), nor an attribution
    caught between two quotes."""
    words = text.strip(" ,.")
    if _ATTRIBUTION_TEXT.match(words) or not words:
        return False
    return not (len(words.split()) <= 6 and _title_of_a_work(words))


def _title_of_a_work(text: str) -> bool:
    """ "The Long Road Home", "War and Peace": every word capitalised but the small ones."""
    words = [w for w in text.split() if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "with", "at", "by"}


def quotes_beside_attributed(body: str, found: list[FoundQuote]) -> list[FoundQuote]:
    """Quoted words with no attribution of their own in a paragraph where a speaker is
    named. Convention of news writing: a quotation split around its attribution ("“A,” Reed
    said. “B.”") goes on in the same voice, and a partial quote inside reported speech ("X
    said that the process “is open and fair”") is that speaker's. The words go to the
    speaker attributed last before them in the paragraph (or first after them, when the
    paragraph opens with them). Two words count inside the attributed sentence; elsewhere
    three (a shorter quote is a scare quote or a title)."""
    added = []
    within = _by_position(found)
    for start, end, paragraph in paragraphs(body):
        own = within(start, end)
        if not own:
            continue
        # A reported statement that is little more than the quote is the same statement.
        taken = [" ".join(q.text.split()) for q in own]
        reported = [(q, t) for q, t in zip(own, taken, strict=True) if q.kind == "reported"]
        taken = [t for q, t in zip(own, taken, strict=True) if q.kind == "direct"]
        for match in QUOTE.finditer(paragraph):
            text = match["text"].strip(" ,")
            words = " ".join(text.split())
            if not words or any(words in t or t in words for t in taken if t):
                continue
            same = [q for q, t in reported if words in t and len(words) >= 0.7 * len(t)]
            if same:  # the statement is the quote: read it as one
                same[0].kind, same[0].text = "direct", text
                taken.append(words)
                continue
            position = start + match.start()
            before = [q for q in own if q.position <= position]
            speaker = before[-1] if before else own[0]
            same_sentence = _same_sentence(body, speaker.position, position)
            needed = 2 if same_sentence else 3
            if len(text.split()) < needed or _title_of_a_work(text):
                continue
            added.append(FoundQuote(speaker.who, speaker.verb, text, "direct", position))
            taken.append(words)
    return added


def _by_position(found: list[FoundQuote]):
    """`within(start, end)`: the quotes found between two offsets, in order, by bisection
    (a scan per paragraph made a long text's quotes cost their number squared)."""
    ordered = sorted(found, key=lambda q: q.position)
    positions = [q.position for q in ordered]

    def within(start: int, end: int) -> list[FoundQuote]:
        return ordered[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]

    return within


def _same_sentence(body: str, a: int, b: int) -> bool:
    """Whether no sentence ends between offsets a and b."""
    low, high = sorted((a, b))
    return not SENTENCE_END.search(body[low:high])


def paragraphs(body: str):
    """(start, end, text) of every non-empty paragraph."""
    offset = 0
    for paragraph in body.split("\n"):
        if paragraph.strip():
            yield offset, offset + len(paragraph), paragraph
        offset += len(paragraph) + 1


OPENS_WITH_QUOTE = re.compile(r"^\s*[“\"]")


def continued_paragraphs(body: str, found: list[FoundQuote]) -> list[FoundQuote]:
    """Paragraphs that are all quote and carry no attribution, after a paragraph that ends on
    one: "Annan said further talks would follow." then “Today the …”; "Hariri said:" then
    the words. The speaker goes on, over as many such paragraphs as follow."""
    added = []
    previous, last = None, None  # the paragraph before; its last quote, if at its end
    within = _by_position(found)
    for start, end, text in paragraphs(body):
        own = within(start, end)
        if own:
            previous, last = (start, end, text), own[-1]
            last = last if last.position >= _last_sentence_start(start, text) else None
            continue
        said_colon = previous and _colon_attribution(previous[2])
        if last and OPENS_WITH_QUOTE.match(text) or said_colon:
            who, verb = (last.who, last.verb) if last else said_colon
            words = text.strip().strip('“”"').strip()
            last = FoundQuote(who, verb, words, "direct", start, continues=True)
            added.append(last)
        else:
            last = None
        previous = (start, end, text)
    return added


def _last_sentence_start(start: int, paragraph: str) -> int:
    return start + max(offset for offset, _ in sentences(paragraph))


def _colon_attribution(paragraph: str) -> tuple[str, str] | None:
    """ "Nasr al-Hariri of the HNC said:": (speaker phrase, verb) of a paragraph ending on
    a colon after a reporting verb, the words following in the next paragraph."""
    if not paragraph.rstrip().endswith(":"):
        return None
    last_sentence = max(sentences(paragraph))[1]
    verb = VERB.search(last_sentence)
    if not verb or last_sentence[verb.end() :].strip() != ":":
        return None
    who = _clean_who(last_sentence[: verb.start()])
    return (who, verb_word(verb)) if who else None


# Where a speaker phrase stops: punctuation, but not the stop of "M." or an initial.
PHRASE_BREAK = re.compile(r"[;:,“”\"«»\n]|(?<!\bM)(?<!\bMme)(?<!\b[A-ZА-ЯЁ])\.")


def relayed_by(match) -> tuple[str, str]:
    """(speaker, agency) of a languages.RELAYED match: "приводит ТАСС слова X"."""
    return (match["who"] or match["who2"]).strip(), match["via"] or match["via2"]


# English wire copy closes a statement with its source and no comma: "… were killed in the
# strikes, says a UK-based monitoring group" is written "… in the strikes says a UK-based
# monitoring group." The source after the verb is a description ending in a body or a person
# kept unnamed ("a monitoring group", "the ministry", "a Western diplomat", "rebel sources"),
# or a name (capitalised words), and nothing follows it in the sentence.
NAME_PARTICLES = r"(?:de|al|el|bin|ibn|van|von|la|le|da|di|du)"  # "Staffan de Mistura"
_SOURCE_NOUN = alternation([*BODIES, *UNNAMED_PEOPLE, "spokesman", "spokeswoman", "official"])
_NOT_A_NAME = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
SOURCE_CLOSING = re.compile(
    rf"^\s+(?P<who>(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,5}}(?:{_SOURCE_NOUN})s?"
    rf"|{_NOT_A_NAME}(?:[A-Z][\w'’.-]*\s+|{NAME_PARTICLES}\s+){{0,5}}[A-Z][\w'’-]+)"
    r"\s*[.!]?\s*$"
)
CLOSING_VERBS = {"says", "said"}
SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|it|we|I|you)$", re.I)


def speaker_after_verb(after: str, word: str) -> str:
    """The speaker written after the verb, as a quote's attribution inverts it: "“…,” said
    Sergey Lavrov", "«…», — сказал журналистам Иван Петров в кулуарах", "« … », a dit aux
    journalistes Jean Dupont après …". Conventions: an audience may come first
    (dropped), the circumstances after the name end it; in Russian and French the subject
    always follows (any words); an English participle ("telling reporters") continues
    the one speaking."""
    if word == "telling":
        return CONTINUED
    if word not in VERB_WORDS:
        after = languages.AUDIENCE_AFTER_VERB.sub("", after, count=1)
        phrase = PHRASE_BREAK.split(after.strip(), maxsplit=1)[0]
        phrase = languages.SPEAKER_PHRASE_END.split(" " + phrase, maxsplit=1)[0].strip()
        return phrase if 1 <= len(phrase.split()) <= 8 else CONTINUED
    inverted = INVERTED.match(after)
    return inverted["who"] if inverted else CONTINUED


def _arabic_subject_follows(after: str) -> bool:
    """Whether a speaker is named after an Arabic verb ("أكدت مصادر من المعارضة أن"), not
    only a preposition with a pronoun ("أكد فيها أن": said in it) or the words themselves."""
    speaker = ARABIC_SPEAKER.match(after)
    return bool(speaker) and not re.fullmatch(r"(?:في|ل|عن|على|ب)(?:ها|ه|هم)", speaker["who"])


# "إن", "أن", "أنه", "إنها": the particle opening the reported clause, perhaps with the
# pronoun of the one speaking already ("وأضاف أنه …": he added that he …).
_ARABIC_THAT = r"\s*(?:(?:إن|أن|ان|بأن)(?:ها|ه|هم|هما)?(?!\w)|:)"
# Words between the speaker and the quote that only introduce it: "أعرب عن «…»".
_ARABIC_LEAD_IN = {"", "عن", "بأن", "أن", "إن", "ان", "ب", "قائلا", "قائلاً", "بالقول"}


def _arabic_statement(sentence, verb, word, offset) -> FoundQuote:
    """ "وقال المبعوث الأممي إن …", "وأضاف: «…»", "وأعرب بيدرسن، عن «…»": the speaker after
    the verb (none: the one speaking already), the circumstances after the speaker
    ("للصحفيين في جنيف") left out, then a quote or the reported clause."""
    after = sentence[verb.end() :]
    speaker = ARABIC_SPEAKER.match(after)
    if re.match(_ARABIC_THAT, after) or not speaker:
        who, rest = CONTINUED, re.sub(f"^{_ARABIC_THAT}", "", after)
    else:
        who, rest = speaker["who"], after[speaker.end() :]
        who = languages.SPEAKER_PHRASE_END.split(" " + who, maxsplit=1)[0].strip() or CONTINUED
    quote = QUOTE.search(rest)
    if quote and rest[: quote.start()].strip(" :،") in _ARABIC_LEAD_IN:
        return FoundQuote(_clean_who(who), word, quote["text"].strip(" ,،"), "direct", offset)
    return FoundQuote(_clean_who(who), word, rest.strip(" :،."), "reported", offset)


def _framed_quote(sentence: str) -> tuple[str, str, str] | None:
    """(speaker phrase, verb, words) of a quoted fragment after a framing verb whose subject
    opens the sentence ("Iran calls on Riyadh 'to stop increasing tension'")."""
    framing = FRAMING.search(sentence)
    fragment = framing and FRAGMENT.search(sentence, framing.end())
    if not fragment:
        return None
    who = _clean_who(sentence[: framing.start()])
    if not who or len(who.split()) > FRAMING_SUBJECT_WORDS or not re.match(r"[A-Z]", who):
        return None
    return who, framing[0], fragment["text"].strip(" ,")


def attributed_quotes(body: str) -> list[FoundQuote]:
    """The quotes and statements that carry their own attribution."""
    long = long_quotes(body)
    spans = [(quote.position, end) for quote, end in long]
    found = [quote for quote, _ in long]
    for offset, sentence in sentences(body):
        if any(start <= offset < end for start, end in spans):
            continue  # part of a long quote, attributed as a whole
        as_saying = QUOTED_AS_SAYING.search(sentence)
        if as_saying:
            before = sentence[: as_saying.start()]
            content, _, via = before.rpartition(",")
            found.append(
                FoundQuote(
                    as_saying["who"], "quoted", content.strip(), "reported", offset, via.strip()
                )
            )
            continue
        as_said = AS_VERB_SAID.match(sentence)
        if as_said:
            quote = QUOTE.search(as_said["rest"])
            kind, text = ("direct", quote["text"]) if quote else ("reported", as_said["rest"])
            found.append(FoundQuote(as_said["who"].strip(), as_said["verb"], text, kind, offset))
            continue
        verb = verb_outside_quotes(sentence)
        according = ACCORDING_TO.search(sentence)
        quote = QUOTE.search(sentence)
        if according and quote and not verb:
            # “…,” according to a source close to the talks; "по его словам": he said.
            who = (according["who"] or "").strip()
            if according["pronoun"]:
                who = "он" if according["pronoun"] in ("его", "их") else "она"
            found.append(
                FoundQuote(who, "according to", quote["text"].strip(" ,"), "direct", offset)
            )
            continue
        for_speaker = languages.FOR_SPEAKER.match(sentence)
        if for_speaker and quote and not verb:
            # "Pour Jean Dupont, « les discussions avancent »."
            text = quote["text"].strip(" ,")
            found.append(FoundQuote(for_speaker["who"], "pour", text, "direct", offset))
            continue
        relayed = languages.RELAYED.search(sentence)
        if relayed and quote and quote.end() <= relayed.start():
            # "«…», — приводит ТАСС слова Ивана Петрова": the agency relays, the person spoke.
            who, via = relayed_by(relayed)
            text = quote["text"].strip(" ,")
            found.append(FoundQuote(who.strip(), "приводит", text, "direct", offset, via))
            continue
        pronoun_subject = PRONOUN_SUBJECT.match(sentence)
        if not verb and quote and pronoun_subject and quote.start() > pronoun_subject.end():
            # "He hoped the talks would go on “with all due care”.": the words of the person
            # the sentence is about (continuing the last speaker, as "he said" would).
            text = quote["text"].strip(" ,")
            found.append(FoundQuote(pronoun_subject[1], pronoun_subject[2], text, "direct", offset))
            continue
        framed = None if verb else _framed_quote(sentence)
        if framed:
            found.append(FoundQuote(*framed, "direct", offset))
            continue
        if not verb or re.search(r"\bwhich\s+$", sentence[: verb.start()]):
            continue
        word = verb_word(verb)
        if quote and quote.end() <= verb.start():
            # The speaker stands between the verb and the last quote before it.
            last = [m for m in QUOTE.finditer(sentence) if m.end() <= verb.start()][-1]
            who = sentence[last.end() : verb.start()]
            inverted = word not in VERB_WORDS and who.rstrip().endswith(",")
            if not _clean_who(who) or inverted:
                # “…,” said Sergey Lavrov, the minister. / “…,” telling reporters …: the
                # speaker follows the verb, or (a participle) is the one speaking already.
                # French and Russian invert after a clause too: « … » si …, a déclaré X.
                after = speaker_after_verb(sentence[verb.end() :], word)
                who = after if after != CONTINUED or not _clean_who(who) else who
            if len(who) < 160 and "“" not in who:
                found.append(
                    FoundQuote(
                        _clean_who(who),
                        word,
                        quote["text"].strip(" ,"),
                        "direct",
                        offset + quote.start(),
                    )
                )
                continue
        rest = sentence[verb.end() :]
        later_quote = QUOTE.search(rest)
        inverted = INVERTED_THEN_PARTICIPLE.match(rest)
        if inverted and later_quote and sentence[: verb.start()].rstrip().endswith(","):
            # "…, said Zarif, adding: “…”": the speaker after the verb, the quote after him.
            text = later_quote["text"].strip(" ,")
            found.append(FoundQuote(inverted["who"], word, text, "direct", offset))
            continue
        if ARABIC.search(word) and (
            not _clean_who(sentence[: verb.start()])
            or ARABIC_CLAUSE_BEFORE_VERB.search(sentence[: verb.start()])
            and _arabic_subject_follows(sentence[verb.end() :])
        ):
            found.append(_arabic_statement(sentence, verb, word, offset))
            continue
        who = _clean_who(sentence[: verb.start()])
        if languages.NO_SUBJECT_BEFORE_VERB.match(who):
            # "Об этом сообщил X", "Как заявил X, …": the subject follows the verb.
            who = speaker_after_verb(rest, word)
            if later_quote and who != CONTINUED:
                text = later_quote["text"].strip(" ,")
                found.append(FoundQuote(who, word, text, "direct", offset))
            continue
        if not who or len(who) > 200:
            continue
        lead_in = rest[: later_quote.start()].strip() if later_quote else ""
        if later_quote and (not lead_in.strip(" ,:") or lead_in.endswith(("that", ":", ","))):
            # "X said: “…”", "X telling reporters in Geneva that “…”"
            text = later_quote["text"].strip(" ,")
            found.append(FoundQuote(who, word, text, "direct", offset))
            continue
        before = sentence[: verb.start()].rstrip()
        if word not in VERB_WORDS and before.endswith(",") and len(before.split()) >= 3:
            # Russian and French put the speaker after the verb that closes a statement:
            # "…, сообщил министр Иван Петров", "…, a indiqué X".
            speaker = speaker_after_verb(rest, word)
            if speaker != CONTINUED:
                found.append(FoundQuote(speaker, word, before.rstrip(","), "reported", offset))
                continue
        closing = SOURCE_CLOSING.match(rest) if word in CLOSING_VERBS else None
        if (
            closing
            and not before.endswith(",")
            and len(before.split()) >= 6
            and not SUBJECT_PRONOUN.search(before)
        ):
            # "… in the strikes says a UK-based monitoring group.": the source closes it.
            found.append(FoundQuote(closing["who"], word, before, "reported", offset))
            continue
        content = _reported_content(
            sentence[verb.start() :] if word in ("told", "telling") else rest
        )
        statement, _, speaker = who.rpartition(",")
        trailing = len(content.split()) <= 5 and len(statement.split()) >= 6
        # Russian sets "что" off with a comma: "Он подчеркнул, что …" opens the statement.
        closes = rest.lstrip().startswith(",") and not re.match(r"\s*,\s*(?:что|чтобы)\b", rest)
        if closes or len(content.split()) < 3 or trailing:
            # "..., the Observatory said on Friday.": the statement precedes its speaker.
            if statement and len(statement.split()) >= 3:
                found.append(
                    FoundQuote(_clean_who(speaker), word, statement.strip(), "reported", offset)
                )
            continue
        found.append(FoundQuote(who, word, content.rstrip("."), "reported", offset))
    return found
