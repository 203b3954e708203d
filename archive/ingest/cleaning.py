"""Strip web-page furniture from article text, keeping the article itself.

Furniture is what a scraper picks up around an article: share buttons, "Advertisement",
author boxes, comment prompts, site navigation and photo captions repeated by galleries.
The raw text is kept apart (Article.raw_text); only the cleaned body is shown and indexed.
"""

import re

from archive.ingest.dates import is_date_line

# Lines that are furniture whatever they stand next to (matched against the whole line).
FURNITURE_LINES = [
    r"share",
    r"share this( article)?",
    r"advertisement",
    r"follow me:?",
    r"select page",
    r"media id: ?\d+",
    r"updated on",
    r"sort by",
    r"add a comment",
    r"add your comment",
    r"comments?( \(\d+\))?",
    r"leave a (comment|reply)",
    r"post a comment",
    r"there are no comments yet\..*",
    r"be proactive\W+use the .flag as inappropriate. link.*",
    r"latest posts by .*\(see all\)",
    r"middle-east arab news opinion \| asharq al-awsat",
    r"get short url",
]
FURNITURE = re.compile(r"^\s*(?:" + "|".join(FURNITURE_LINES) + r")\s*$", re.IGNORECASE)

# An author box runs from one of these lines to the end of the text.
AUTHOR_BOX_START = re.compile(r"^\s*(follow me:?|latest posts by .*|about the author)\s*$", re.I)
AUTHOR_BOX_MAX_LINES = 10

# A list of other stories beside the article starts with one of these lines; its headlines
# follow, each short and without a full stop, until the article's own prose resumes.
RELATED_START = re.compile(
    r"^\s*(?:related(?: (?:articles?|stories|news|content|coverage))?|most (?:read|popular|viewed)"
    r"|more (?:from|on|in|stories)\b.*|read (?:more|also)|don'?t miss|you (?:may|might) also like"
    r"|recommended(?: for you)?|popular(?: now)?|trending(?: now)?|top stories|latest news"
    r"|editor'?s picks?|see also|also read)\s*:?\s*$",
    re.I,
)
HEADLINE_WORDS = 16  # a line of a related list is a headline: this many words at most

# "Headline | SITE NAME English Archive 2005 -2017": the site's name after the bar.
TITLE_SITE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+\|\s+(?P<site>[^|]{3,})$")


def split_lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def is_furniture(line: str) -> bool:
    return bool(FURNITURE.match(line))


def drop_author_box(lines: list[str]) -> list[str]:
    """Cut a trailing author box ("Follow me:", a bio, "Latest posts by ...")."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    tail = content[-AUTHOR_BOX_MAX_LINES:]
    for i in tail:
        if AUTHOR_BOX_START.match(lines[i]):
            return lines[:i]
    return lines


def drop_related_lists(lines: list[str]) -> list[str]:
    """Cut "Related" / "Most read" / "More from …" lists of other stories: their headlines
    name other actors, days and quotes than the article's."""
    kept, in_list = [], False
    for line in lines:
        words = len(line.split())
        if RELATED_START.match(line):
            in_list = True
            continue
        headline = words <= HEADLINE_WORDS and not line.rstrip().endswith((".", "!", "?", "”", '"'))
        if in_list and (words == 0 or headline):
            continue
        in_list = False
        kept.append(line)
    return kept


# Wire copy stored hard-wrapped ("… John Kerry\nsaid."): lines this long that stop
# mid-sentence, in a text made mostly of them, are one paragraph.
WRAPPED_LINE = (35, 90)
WRAPPED_SHARE = 0.5
MIN_WRAPPED_LINES = 8
SENTENCE_ENDS = (".", "!", "?", '"', "”", ":", "…")


def _wrapped(line: str) -> bool:
    low, high = WRAPPED_LINE
    return low <= len(line.strip()) <= high and not line.rstrip().endswith(SENTENCE_ENDS)


def unwrap(lines: list[str]) -> list[str]:
    """Hard-wrapped text joined back into paragraphs: a line that stops mid-sentence runs
    on into the next. Texts not wrapped this way are returned as they are."""
    content = [line for line in lines if line.strip()]
    wrapped = sum(_wrapped(line) for line in content)
    if len(content) < MIN_WRAPPED_LINES or wrapped < WRAPPED_SHARE * len(content):
        return lines
    joined, previous = [], ""
    for line in lines:
        runs_on = _wrapped(previous) or (
            # "… to ...\nbring this", and a quote closed on a comma: its attribution follows
            previous.strip() and line[:1].islower() or previous.rstrip().endswith((',"', ",”"))
        )
        if joined and line.strip() and runs_on:
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
        previous = line
    return joined


PARAGRAPH_WORDS = 24  # a "headline" longer than this is the text's first paragraph
SENTENCE_WORDS = 12  # ... and one this long that ends on a full stop


def looks_like_paragraph(title: str) -> bool:
    """Whether the line taken for a headline is a paragraph: a text with no headline line."""
    words = len(title.split())
    ends_sentence = title.rstrip().endswith((".", "。", "؟", "!"))
    return words > PARAGRAPH_WORDS or (ends_sentence and words > SENTENCE_WORDS)


HEADLINE_WORDS = 20  # a title made from a first paragraph stops after this many words


def headline_from(paragraph: str) -> str:
    """A title for a text with no headline line: its first sentence, cut short if long."""
    sentence = re.split(r"(?<=[.!?؟。])\s+", paragraph.strip(), maxsplit=1)[0]
    words = sentence.split()
    if len(words) <= HEADLINE_WORDS:
        return " ".join(words)
    return " ".join(words[:HEADLINE_WORDS]).rstrip(",;:،") + "…"


def _headline(line: str) -> str:
    match = TITLE_SITE_SUFFIX.match(line)
    return match["title"].strip() if match else line


def split_title(text: str) -> tuple[str, str, list[str]]:
    """Find the headline: the first non-empty line that is neither furniture nor a date
    stamp (a page's "13:08 GMT 14 March 2017" stays in the body, where dates are read).

    Returns (title, site named in the title, remaining lines).
    """
    lines = split_lines(text)
    for i, line in enumerate(lines):
        if line.strip() and not is_furniture(line) and not is_date_line(line):
            match = TITLE_SITE_SUFFIX.match(line.strip())
            site = match["site"].strip() if match else ""
            return _headline(line.strip()), site, lines[:i] + lines[i + 1 :]
    return "", "", []


def clean_body(lines: list[str], title: str = "") -> str:
    """Paragraphs of the article without furniture, repeated lines or a repeated headline."""
    seen = {title.strip().casefold()} if title else set()
    kept = []
    for line in drop_related_lists(drop_author_box(unwrap(lines))):
        text = " ".join(line.split())
        if not text or is_furniture(text):
            continue
        key = text.casefold()
        if (
            key in seen or _headline(text).casefold() in seen
        ):  # repeated captions, the headline printed twice
            continue
        seen.add(key)
        kept.append(text)
    return "\n\n".join(kept)
