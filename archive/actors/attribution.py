"""Quotes with their speakers: what the import stores for an article body.

`archive.actors.quotes` finds each quote and the phrase naming its speaker;
`archive.actors.speakers` resolves the phrase within the article. A phrase the resolver
cannot place still keeps its quote, with the speaker as written and a low confidence, so a
curator sees it in the review queue rather than losing it.
"""

import re
from dataclasses import dataclass

from archive import languages
from archive.actors.quotes import ARABIC, FoundQuote, find_quotes
from archive.actors.speakers import (
    NAME,
    RUSSIAN_NAME,
    UNKNOWN_SPEAKER,
    Speaker,
    SpeakerResolver,
    subject,
)

UNPLACED_CONFIDENCE = 0.3  # a speaker kept as written: the lowest, reviewed first
# Who puts questions in an interview or a press conference: their words are not quotes.
QUESTIONER = re.compile(
    r"^(?:a|an|the|one|another)\s+(?:\w+\s+)?(?:reporter|journalist|questioner|interviewer"
    r"|moderator)s?$|^(?:журналист|корреспондент)\w*$|^(?:un|le|une|la)\s+journaliste$",
    re.I,
)
# Phrases that name no one at all: the quote is kept, its speaker unknown.
NOBODY = re.compile(r"^(?:it|they|this|that|there|we|you|i)?$", re.I)


@dataclass
class Attributed:
    found: FoundQuote
    speaker: Speaker


def as_written(found: FoundQuote) -> Speaker:
    """The speaker of a quote the resolver could not place: the last personal name in the
    phrase's subject (for the review queue), else the phrase itself kept as an unnamed
    source ("a campaign aide"), or UNKNOWN_SPEAKER when it names no one."""
    phrase = " ".join(subject(found.who).split())[:300] if found.who.strip() else ""
    if NOBODY.match(phrase):
        return Speaker(None, UNKNOWN_SPEAKER, True, UNPLACED_CONFIDENCE)
    names = [m.group(0) for m in NAME.finditer(phrase)]
    names += [m.group(0) for m in RUSSIAN_NAME.finditer(phrase) if " " in m.group(0)]
    if names:
        return Speaker(None, names[-1], False, UNPLACED_CONFIDENCE)
    if ARABIC.search(phrase):  # no capitals to tell a name by: unnamed only when it says so
        anonymous = bool(re.search(languages.ANONYMOUS, phrase))
        return Speaker(None, phrase, anonymous, UNPLACED_CONFIDENCE)
    return Speaker(None, phrase, True, UNPLACED_CONFIDENCE)


def attributed(body: str, matcher, people, day=None) -> list[Attributed]:
    """Every quote of `body` once, in order, each with its speaker."""
    resolver = SpeakerResolver(matcher, people, day, body)
    result, seen = [], set()
    for found in find_quotes(body):
        if QUESTIONER.search(subject(found.who)):
            continue  # a reporter's question is not a statement of anyone quoted
        speaker = resolver.resolve_quote(found) or as_written(found)
        words = " ".join(found.text.split()).strip(' .,“”"«»').casefold()
        if not words or words in seen:
            continue  # the same words again (a paragraph printed twice)
        seen.add(words)
        result.append(Attributed(found, speaker))
    return result


CONTEXT_CHARS = 160  # on each side of the quote, cut at a word


def context_of(body: str, text: str, position: int = 0) -> str:
    """The words around a quote in its article, for a curator checking its speaker: the
    quote's own words where the body has them (from `position` on), with up to
    CONTEXT_CHARS on each side, cut at word boundaries."""
    start = body.find(text[:40], max(position - 5, 0)) if text else -1
    if start < 0:
        start = body.find(text[:40]) if text else -1
    if start < 0:
        start = position
    end = start + len(text)
    before = body[max(start - CONTEXT_CHARS, 0) : start]
    after = body[end : end + CONTEXT_CHARS]
    before = before.split(" ", 1)[-1] if start > CONTEXT_CHARS else before
    after = after.rsplit(" ", 1)[0] if len(body) > end + CONTEXT_CHARS else after
    prefix = "… " if start > CONTEXT_CHARS else ""
    suffix = " …" if len(body) > end + CONTEXT_CHARS else ""
    return f"{prefix}{before}{body[start:end]}{after}{suffix}".replace("\n", " ¶ ")
