"""Who said it: a quote's speaker phrase resolved within its article. In the order tried
(`SpeakerResolver._resolve`):
1. a gazetteer person named anywhere in the phrase, the last one named;
2. "he"/"she" (Arabic, Russian, French alike): the last speaker, or a person named since;
3. "the statement said", "the tweet said": whoever the text said issued it;
4. an actor whose name ends the phrase ("the Syrian Observatory for Human Rights");
5. an organisation the gazetteer lacks, by the acronym ending the phrase ("news agency IRNA");
6. a description: "a Western diplomat" is anonymous, kept as such; "the official" is the
   earlier speaker described with the same noun; "the minister" the person who last spoke;
   "the ministry" the last ministry the text named;
7. a capitalised personal name the gazetteer does not know (kept as written, for review);
8. a bare surname: the person named in full earlier in the article;
9. any other actor named as the subject (a state, an organisation).
"It said" right after an organisation spoke is that organisation; a phrase naming nobody
("During a press briefing", "It" otherwise) gives no speaker at all.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from archive.actors.names import LEADING_TITLES
from archive.actors.titles import BODIES, HONORIFICS, PERSON_TITLES, UNNAMED_PEOPLE, alternation

PRONOUNS = {"he", "she", "il", "elle", "он", "она"}  # English, French, Russian
ANONYMITY = re.compile(r"not (?:want|wish) to be (?:identified|named)|anonymity|unnamed", re.I)
HEAD_NOUNS = re.compile(rf"\b({alternation([*PERSON_TITLES, *UNNAMED_PEOPLE, *BODIES])})s?\b", re.I)
# English personal names as the news writes them: capitalised words, with Mc/Mac/O'/D'
# ("McTavish", "O'Neill"), hyphens ("Holtz-Berger"), middle initials ("Maria K. Lindqvist",
# "J.R. Okafor"), the Arabic particles ("al-Assad", "Abu", "bin"). Two words at least,
# or one after an abbreviated title ("Mr. Berg", "Sen. Lindqvist").
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-zà-ÿ'’]+(?:-[A-Za-z][a-zà-ÿ'’]+)?"
_NAME_PART = rf"(?:{_NAME_WORD}|[A-Z]\.(?:[A-Z]\.)?|al-[A-Z][a-z'’]+|de|bin|Abu|Abou|Abdel)"
HONORIFIC = re.compile(rf"^(?:{alternation(HONORIFICS)})\.\s+")
_NAME_LAST = rf"(?:{_NAME_WORD}|al-[A-Z][a-z'’]+)"
NAME = re.compile(
    r"(?<![\w-])(?!(?:It|He|She|They|We|The|This|That|In|On|At|But|And|As|If)\b)"
    rf"(?:(?:{alternation(HONORIFICS)})\.\s+(?:{_NAME_PART}\s+){{0,3}}{_NAME_LAST}"
    rf"|(?:{_NAME_WORD}|Abu|Abou|Abdel)(?:\s+{_NAME_PART}){{0,4}}\s+{_NAME_LAST})"
)
ACRONYM_AT_END = re.compile(r"(?<![\w.-])([A-Z]{2,6})$")
DOCUMENT = re.compile(
    r"(?:the|that|this)\s+(?:\w+\s+)?(tweet|statement|communiqu[eé]|letter|message|post)",
    re.I,
)
PERSON_NOUNS = {*PERSON_TITLES, *UNNAMED_PEOPLE}
# "the office of UN envoy X", "the delegation of X": a body a person's name qualifies.
BODY_OF = re.compile(
    r"^(?:the\s+)?(?:press\s+)?(?:office|ministry|mission|embassy|delegation|team)\s+of\b", re.I
)
NOT_NAME_AFTER = re.compile(r"\b(?:at|in|of|from|the|to|for|by|with)\s+$")
# "HNC spokesman Munzer Makhous": a name a title introduces (the review queue reads it too).
TITLE_THEN_NAME = re.compile(
    rf"\b(?:{alternation(PERSON_TITLES)})\s+(?P<name>" + NAME.pattern + ")"
)


@dataclass
class Speaker:
    actor_id: int | None
    name: str
    anonymous: bool
    confidence: float = 0.9  # how sure the attribution is (see CONFIDENCE)


# How sure each way of finding a speaker is: a name in the attribution itself is surest;
# a pronoun or a definite description leans on what came before.
CONFIDENCE = {
    "named": 0.9,  # a gazetteer person named in the attribution
    "named_at_end": 0.85,  # an actor's name ends the attribution ("the Observatory said")
    "surname": 0.85,  # a surname, the full name given earlier
    "new_name": 0.75,  # a personal name the gazetteer does not know yet
    "actor": 0.7,  # an organisation or a state as the subject
    "anonymous": 0.8,  # an anonymous source kept anonymous
    "continued": 0.85,  # times the earlier speaker's: "he said" after a named speaker
    "same_description": 0.7,  # "the official" after "a senior official"
    "last_named": 0.6,  # "he said" with no speaker before: the person last named
    "title_to_person": 0.55,  # "the minister said": the last named person who spoke
    "next_paragraph": 0.65,  # a paragraph of quote after the one attributing it
}


NAME_AT_END = re.compile(rf"(?:{NAME.pattern})$")
# Words opening a description rather than a name: "a", "the", "one Trump confidant",
# "another senior official", "two diplomats".
DETERMINERS = r"a|an|the|one|another|some|two|three|several|many|other"
# A description opening with a person's title: "the opposition spokesman …", "le
# négociateur en chef …".
TITLE_OPENING = re.compile(
    rf"^(?:the|le|la|l['’])\s*(?:\S+\s+){{0,2}}(?:{alternation(PERSON_TITLES)})\b", re.I
)
LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|yet)\s+(?=\S)", re.I)
CLAUSE_OPENING = re.compile(
    r"^(?:In|At|On|From|After|Before|During|Since|Speaking|But|And|However|Meanwhile|Later"
    r"|Earlier|Then|Yet|Still|Also|While|When|Even|Although|Though|Because|Asked|Now|If|As"
    r"|Like|Unlike|With|Without|Despite|Until|Once|Instead"
    # French and Russian: where, when, after what
    r"|En|Lors|Après|Avant|Pendant|Dans|À|Au|Aux|Par|Selon|Depuis|Interrogée?"
    r"|В|Во|На|После|По|При|Перед|Во\s+время)\b"
)


@lru_cache(maxsize=4096)
def subject(phrase: str) -> str:
    """The part of a speaker phrase naming the speaker, by preference: the last
    comma-separated part that opens with a name ("Khattar Abou Diab, a lecturer at …" →
    "Khattar Abou Diab"), a pronoun, the last description ("…, the source"), the last part
    with a capitalised word in it. Pieces of the sentence that run into the attribution
    ("are on the agenda, the source said") come last."""
    segments = [
        LEADING_CONJUNCTION.sub("", s.strip())
        for s in phrase.split(",")
        if s.strip() and not re.match(r"^(?:who|which|whose|that)\b", s.strip(), re.I)
    ]
    segments = [s for s in segments if s] or [phrase.strip()]
    ranked = []
    for order, segment in enumerate(segments):
        # "le négociateur en chef Jean Dupont", "the group's spokesman Ali Said"
        ends_with_name = TITLE_OPENING.match(segment) and (
            (name := NAME_AT_END.search(segment)) and not GOVERNED.search(segment[: name.start()])
        )
        opens_with_name = re.match(r"^[A-Z]", segment) and not re.match(
            rf"^(?:{DETERMINERS})\s", segment, re.I
        )
        if (opens_with_name and NAME.search(segment) or ends_with_name) and not (
            CLAUSE_OPENING.match(segment)
        ):
            # a personal name ("Senator Maria Lindqvist, Democrat of Ohio", "le
            # négociateur en chef Jean Dupont")
            rank = 4
        elif re.match(rf"^(?:{DETERMINERS})\s+[a-z]", segment, re.I):
            rank = 2  # a description
        elif CLAUSE_OPENING.match(segment):
            rank = 1  # "In Geneva", "Speaking to reporters": where or when, not who
        elif segment.lower() in PRONOUNS or re.match(r"^[A-Z]", segment):
            rank = 3  # a name (or a pronoun)
        elif re.search(r"\b[A-Z]", segment):
            rank = 1  # a clause with a name in it ("with United Nations mediator …")
        elif _head_noun(segment) and len(segment.split()) <= HEAD_REACH:
            rank = 2  # a description with no article ("diplomatic sources")
        else:
            rank = 0
        # Names: the first wins (an apposition follows its name: "Jonas Berg, a
        # 61-year-old teacher from Dayton, Ohio"); otherwise the last.
        ranked.append((rank, -order if rank == 4 else order, segment))
    return _core(max(ranked)[2])


# "He also", "He then went on", "To which she": the pronoun is the subject.
PRONOUN_OPENING = re.compile(
    r"^(?:(?:to\s+which|and|but|so|then|as)\s+)?(he|she|il|elle|он|она)\b(?!['’])", re.I
)
# "Meanwhile Trump", "When Clinton": an opening word before the name.
OPENER_BEFORE_NAME = re.compile(r"^(?:Meanwhile|When|While|Then|But|And|So|Also|Later)\s+(?=[A-Z])")


def _core(segment: str) -> str:
    """The speaker a chosen part of the phrase turns on: its pronoun, or its name without
    an opening word."""
    pronoun = PRONOUN_OPENING.match(segment)
    if pronoun:
        return pronoun[1].lower()
    return OPENER_BEFORE_NAME.sub("", segment)


def _less_sure(speaker: Speaker, confidence: float) -> Speaker:
    return replace(speaker, confidence=round(min(speaker.confidence, confidence), 2))


HEAD_REACH = 6  # words before the head noun of a description, at most


@lru_cache(maxsize=4096)
def _head_noun(phrase):
    """The noun a description turns on ("a Western diplomat" → diplomat), within its first
    words: a clause that only mentions people further on ("a direct meeting between the
    negotiators could …") describes no speaker."""
    match = HEAD_NOUNS.search(phrase)
    if not match or len(phrase[: match.start()].split()) >= HEAD_REACH:
        return None
    return match[1].lower()


# After a name, what makes it a modifier rather than the head of its phrase: a possessive,
# or a common noun ("Kerry campaign aide", "Lavrov ministry").
MODIFIES = re.compile(
    r"^(?:['’]s?\b|\s+(?!(?:and|or|who|also|further|then|later|again|earlier|once|now|still"
    r"|too|however|himself|herself|had|has|have|was|is|were|would|will|could|should|did"
    r"|does|may|might|must|on|in|at|to|for|with|from|by|during|after|before|\w+ly)\b)[a-z]{3,})"
)
# Before a name, words that put it inside a phrase about someone else.
GOVERNED = re.compile(
    r"(?<!\w)(?:of|to|for|at|with|from|by|whom|under|against|than|about|like|a|an"
    r"|de|du|des|d['’]|sur|au|aux|pour|avec|contre|par|chez|entre"
    r"|о|об|с|со|к|для|против|у|от|из)\s*"
    r"(?:the\s+|l['’]\s*|la\s+|le\s+)?(?:[A-ZА-ЯЁ][\w.'’-]*\s+){0,4}$"
)


def heads(phrase: str, start: int, end: int) -> bool:
    """Whether the name at phrase[start:end] heads the phrase (is the speaker) rather than
    qualifying its head. Convention of English news writing: the source of a quote is the
    head noun of the source phrase; "a Clinton delegate" is a delegate, "a former Obama
    official" an official, "an aide to Senator Warren" an aide."""
    if MODIFIES.match(phrase[end:]):
        return False
    return not GOVERNED.search(phrase[:start])


# A name opening its sentence, perhaps after a few title words: the sentence's subject.
SUBJECT_POSITION = re.compile(
    r"(?:^|[.!?][”\"]?\s+|\n)\s*(?:the\s+)?(?:[^,.\n]{3,80},\s+)?"
    rf"(?:(?:[A-Z][\w.'’-]*|{alternation(PERSON_TITLES)})\s+){{0,5}}$"
)


_PARTICLE = re.compile(r"^(?:[A-Z]\.(?:[A-Z]\.)?|al-\S+|de|bin|ibn|Abu|Abou|Abdel|van|von|da|di)$")


def name_at_end(run: str) -> str:
    """The personal name a run of capitalised words ends with. Convention of English news
    writing: titles and offices come before the name ("Senate Majority Leader Anna
    Holtz-Berger", "County Recorder Jonas Berg"), and a name is a given name,
    perhaps initials or particles, and a surname ("Maria K. Lindqvist", "Khattar Abou Diab")."""
    words = run.split()
    if len(words) <= 2 or HONORIFIC.match(run):
        return run
    kept = [words[-1]]
    for word in reversed(words[:-1]):
        kept.insert(0, word)
        if not _PARTICLE.match(word):
            break
    return " ".join(kept)


# Nouns for a source that stays anonymous even when definite ("the source said").
SOURCES = {"source", "sources", "مصدر", "مصادر", "источник", "источники", "источника"}
# A quote whose attribution names no one is kept under this speaker (anonymous).
UNKNOWN_SPEAKER = "speaker not identified"
# A Russian name as written: one to three capitalised Cyrillic words ("Петров").
RUSSIAN_NAME = re.compile(r"[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+){0,2}")


# A sentence's subject when it is a name: capitalised words opening the sentence (perhaps
# after an opening clause and its comma), then a lowercase verb.
SENTENCE_SUBJECT = re.compile(
    r"(?:^|[.!?][”\"]?\s+|\n)(?:[A-Z][^,.\n]{0,80},\s+)?"
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+(?=[a-z])"
)
NOT_SUBJECTS = {"The", "It", "He", "She", "They", "We", "I", "This", "That", "There", "But"}


class SpeakerResolver:
    """Resolves speaker phrases within one article, remembering who spoke before."""

    def __init__(self, matcher, person_ids, day=None, body=""):
        self.matcher = matcher
        self.person_ids = person_ids
        self.day = day
        self.body = body  # the article's text, for people named before a quote
        self.history: list[tuple[str, Speaker, int]] = []  # (phrase, speaker, position)
        self._named: dict[str, list] = {}  # text → the gazetteer's references in it

    def _names_in(self, text) -> list[tuple[int, int, int]]:
        """`matcher.find(text, day)`, once per text in the article: several rules read the
        same phrase, and the text before a quote, for the actors it names (not to be
        changed by the caller)."""
        found = self._named.get(text)
        if found is None:
            found = self._named[text] = self.matcher.find(text, self.day)
        return found

    def resolve_quote(self, found) -> Speaker | None:
        """The speaker of a FoundQuote; a paragraph with no attribution of its own, less sure."""
        speaker = self.resolve(found.who, found.position)
        if speaker and found.continues:
            return _less_sure(speaker, CONFIDENCE["next_paragraph"])
        return speaker

    def resolve(self, phrase: str, position: int | None = None) -> Speaker | None:
        """The speaker, or None for a phrase too vague to attribute ("It also", a pronoun
        with nobody named before it, a fragment that names no one)."""
        self.before = self.body[:position] if position is not None else ""
        vague = re.match(r"^(?:it|they|this|that|there)\b", subject(phrase), re.I)
        if vague and not self._known_person(phrase):
            speaker = self._it(subject(phrase))
        else:
            speaker = self._resolve(phrase)
        if speaker is not None:
            self.history.append((phrase, speaker, position or 0))
        return speaker

    def _resolve(self, phrase):
        main = subject(phrase)
        return (
            self._known_person(phrase)
            or self._pronoun(main)
            or self._document(main)
            or self._known_name_at_end(main)
            or self._acronym(main)
            or self._described(main, phrase)
            or self._unknown_name(main)
            or self._surname(main)
            or self._known_actor(main)
            or self._description(main, phrase)
        )

    def _it(self, main):
        """ "it said" right after an organisation spoke ("the ministry said in a statement"):
        that organisation; otherwise "it" names nobody."""
        if main.lower() != "it" or not self.history:
            return None
        last = self.history[-1][1]
        if last.anonymous or last.actor_id is None or last.actor_id in self.person_ids:
            return None
        return _less_sure(last, CONFIDENCE["continued"])

    def _known_person(self, phrase):
        """A gazetteer person heading a part of the phrase, the last part first; but "the
        office of envoy X" is the office, not X, and a name that only qualifies the head
        ("a Clinton delegate", "Assad's envoy", "a chief of staff to President Lindqvist") is
        not the speaker."""
        segments = [s.strip() for s in phrase.split(",") if s.strip()] or [phrase]
        for segment in reversed(segments):
            if CLAUSE_OPENING.match(segment):
                continue  # "Interrogé sur le rôle de X, il a …": not who
            found = self._names_in(segment)
            if BODY_OF.match(segment) and found and found[0][2] not in self.person_ids:
                return Speaker(found[0][2], segment, False, CONFIDENCE["named_at_end"])
            people = [
                actor
                for start, end, actor in found
                if actor in self.person_ids and heads(segment, start, end)
            ]
            if people:
                return Speaker(people[-1], segment, False, CONFIDENCE["named"])
        return None

    def _pronoun(self, main):
        """ "he said": the current speaker of the passage (the last who was not anonymous),
        unless a person has been made the subject of a sentence since ("Mr. Berg, a
        planner, disagrees."); with no speaker yet, the last person named before the quote.
        A pronoun is never a speaker's name."""
        if main.lower() not in PRONOUNS:
            return None
        spoke = next(
            ((sp, at) for _, sp, at in reversed(self.history) if self._is_person(sp)), None
        )
        named = self._last_person_named()
        subject_ = self._last_subject()
        if subject_ and (spoke is None or subject_[1] > self._sentence_end(spoke[1])):
            if not named or not named[2] or subject_[1] >= named[1]:
                return subject_[0]  # "Berg sounded doubtful …" then "he told the host"
        if named and (spoke is None or named[1] > self._sentence_end(spoke[1]) and named[2]):
            return named[0]
        unnamed = self._unnamed_just_before(named)
        if unnamed:
            return unnamed
        if spoke:
            return _less_sure(spoke[0], CONFIDENCE["continued"] * spoke[0].confidence)
        names = [m.group(0) for m in NAME.finditer(self.before)]
        return (
            Speaker(None, name_at_end(names[-1]), False, CONFIDENCE["last_named"])
            if names
            else None
        )

    def _last_subject(self):
        """(Speaker, where) for the last person who opens a sentence before the quote, after
        any opening clause ("In a radio interview, Berg sounded doubtful …"): a gazetteer
        person, a personal name, or a surname named in full earlier."""
        for match in reversed(list(SENTENCE_SUBJECT.finditer(self.before))):
            words = match["name"]
            if CLAUSE_OPENING.match(words) or words in NOT_SUBJECTS:
                continue
            people = [a for _, _, a in self._names_in(words) if a in self.person_ids]
            if people:
                return Speaker(people[-1], words, False, CONFIDENCE["last_named"]), match.end()
            if NAME.fullmatch(words):
                name = name_at_end(words)
                return Speaker(None, name, False, CONFIDENCE["last_named"]), match.end()
            surname = self._surname(words)
            if surname:
                return _less_sure(surname, CONFIDENCE["last_named"]), match.end()
        return None

    def _unnamed_just_before(self, named):
        """An unnamed speaker ("a Western diplomat said") who spoke in the sentence or the
        paragraph just before, with no one named since: "he added" goes on in that voice."""
        if not self.history:
            return None
        _, last, at = self.history[-1]
        if not last.anonymous or last.name == UNKNOWN_SPEAKER:
            return None
        if named and named[1] > at:
            return None
        between = self.body[self._sentence_end(at) : len(self.before)]
        if between.count("\n") > 1 or len(between) > 400:
            return None
        return _less_sure(last, CONFIDENCE["continued"] * last.confidence)

    def _document(self, main):
        """ "the statement said", "the tweet said": whoever the text last said issued one
        ("In a tweet, the HNC said …")."""
        match = DOCUMENT.fullmatch(main)
        if not match:
            return None
        noun = match[1].lower()
        for _, earlier, at in reversed(self.history):
            if noun in self.body[at : self._sentence_end(at)].lower():
                return _less_sure(earlier, CONFIDENCE["same_description"])
        return None

    def _is_person(self, speaker) -> bool:
        """A known person, or a name the gazetteer lacks that reads as a person's."""
        if speaker.anonymous:
            return False
        if speaker.actor_id is None:
            return bool(NAME.fullmatch(speaker.name) or RUSSIAN_NAME.fullmatch(speaker.name))
        return speaker.actor_id in self.person_ids

    def _last_person_named(self):
        """(Speaker, where, as a sentence's subject) for the last person named before the
        quote: a gazetteer person, or a name a title introduces ("HNC spokesman Munzer
        Makhous")."""
        people = [
            (Speaker(a, self.before[start:end], False, CONFIDENCE["last_named"]), end, start)
            for start, end, a in self._names_in(self.before)
            if a in self.person_ids
        ]
        people += [
            (
                Speaker(None, name_at_end(m["name"]), False, CONFIDENCE["last_named"]),
                m.end(),
                m.start(),
            )
            for m in TITLE_THEN_NAME.finditer(self.before)
        ]
        if not people:
            return None
        speaker, end, start = max(people, key=lambda named: named[1])
        return speaker, end, bool(SUBJECT_POSITION.search(self.before[:start]))

    def _sentence_end(self, position) -> int:
        """Where the sentence at `position` ends, past the quote it may open with."""
        if self.body[position : position + 1] in ("“", '"'):
            closing = re.compile(r"[”\"]").search(self.body, position + 1)
            position = closing.end() if closing else position
        ends = [
            i for i in (self.body.find(". ", position), self.body.find("\n", position)) if i >= 0
        ]
        return min(ends) if ends else len(self.body)

    def _surname(self, main):
        """ "Alloush said", "Mr. Berg said": the person named in full earlier in the
        article."""
        main = HONORIFIC.sub("", main)
        if not re.fullmatch(r"[A-Z][\w'’-]+", main):
            return None
        for match in reversed(list(NAME.finditer(self.before))):
            if match.group(0).split()[-1] == main:
                known = self._known_person(match.group(0))
                found = known or Speaker(None, match.group(0), False)
                return _less_sure(found, CONFIDENCE["surname"])
        return None

    def _known_name_at_end(self, main):
        """ "the Syrian Observatory for Human Rights": the phrase ends with a known name."""
        named = self._names_in(main)
        if named and named[-1][1] >= len(main.rstrip(" .")) - 1:
            return Speaker(named[-1][2], main, False, CONFIDENCE["named_at_end"])
        return None

    def _described(self, main, phrase):
        """ "a senior US official", "Human Rights group": a description, not a name."""
        described = re.search(rf"\b(?:{DETERMINERS})\s+[^,]*$", main, re.I)
        if described and _head_noun(described.group(0)):
            return self._description(described.group(0), phrase)
        last_word = main.lower().split()[-1].rstrip("s") if main.split() else ""
        if _head_noun(main) and last_word in {"group", "monitor", *PERSON_NOUNS}:
            return self._description(main, phrase)
        return None

    def _unknown_name(self, main):
        """A capitalised personal name the gazetteer does not know ("Dina Badawy"), the last
        one in the phrase, without the titles before it ("Kazakh Deputy Foreign Minister
        Kanat Tumysh" → "Kanat Tumysh")."""
        for match in reversed(list(NAME.finditer(main))):
            if NOT_NAME_AFTER.search(main[: match.start()]):
                continue
            name = name_at_end(LEADING_TITLES.sub("", match.group(0)).strip())
            if len(name.split()) >= 2:
                return Speaker(None, name, False, CONFIDENCE["new_name"])
            if HONORIFIC.match(match.group(0)):  # "Mr. Berg": named in full before?
                return self._surname(name) or Speaker(None, name, False, CONFIDENCE["new_name"])
        return None

    def _acronym(self, main):
        """ "the Iranian state news agency IRNA": an organisation the gazetteer does not know,
        named by the acronym the phrase ends with (kept as written, for review)."""
        match = ACRONYM_AT_END.search(main)
        if _head_noun(main) in PERSON_NOUNS:
            return None  # "a spokesman for the XYZ" is a person, unnamed
        return Speaker(None, match[1], False, CONFIDENCE["actor"]) if match else None

    def _known_actor(self, main):
        """Any other gazetteer actor named as the subject (an organisation, a state)."""
        actors = [actor for _, _, actor in self._names_in(main)]
        if actors and not re.match(rf"^(?:{DETERMINERS})\s", main, re.I):
            return Speaker(actors[-1], main, False, CONFIDENCE["actor"])
        return None

    def _last_body_named(self, head):
        """ "the ministry said": the last organisation named before the quote whose name ends
        with that noun ("Saudi Arabia's foreign ministry on Friday welcomed …")."""
        for start, end, actor in reversed(self._names_in(self.before)):
            written = self.before[start:end].lower()
            if actor not in self.person_ids and written.rstrip("s").endswith(head):
                return Speaker(actor, self.before[start:end], False, CONFIDENCE["same_description"])
        return None

    def _introduced_unnamed(self, head):
        """(description, where) of the last "a/an …<head>" in the text before the quote:
        the unnamed person or body a later "the <head>" refers back to."""
        pattern = rf"\b(?:a|an)\s+(?:[\w'’-]+\s+){{0,4}}?{head}s?\b"
        matches = list(re.finditer(pattern, self.before, re.I))
        return (matches[-1].group(0), matches[-1].start()) if matches else None

    def _description(self, description, phrase):
        """An anonymous source ("a Western diplomat") or a described organisation ("the
        ministry"); a phrase with no such noun names nobody ("During a press briefing")."""
        head = _head_noun(description)
        if head is None:
            return None
        # English and French say "the"/"le"; Arabic joins its article to the noun
        # ("المبعوث"); Russian has none: its bare title refers back as "the minister" does.
        definite = re.match(r"^(?:but\s+|and\s+)?(?:the|le|la|l['’])\s?", description, re.I)
        definite = definite or re.match(r"[а-яёА-ЯЁ]|(?:و|ف)?ال", description)
        if definite and head:
            for earlier_phrase, earlier, _ in reversed(self.history):
                if _head_noun(earlier_phrase) == head:
                    return _less_sure(earlier, CONFIDENCE["same_description"])
            introduced = self._introduced_unnamed(head)
            # "the minister", "the diplomat": the last named person who spoke, unless an
            # unnamed one ("a senior delegate") was introduced since; "the source" never is.
            if head not in SOURCES and not ANONYMITY.search(phrase):
                for _, earlier, at in reversed(self.history):
                    if self._is_person(earlier):
                        if introduced and introduced[1] > at:
                            break
                        return _less_sure(earlier, CONFIDENCE["title_to_person"])
            if introduced:
                return Speaker(None, introduced[0], True, CONFIDENCE["same_description"])
            if head in BODIES and (named := self._last_body_named(head)):
                return named
        label = re.split(r",|\s+(?:who|echoed|which|published)\b", description)[0].strip()
        return Speaker(None, label[:300], True, CONFIDENCE["anonymous"])
