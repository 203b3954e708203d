"""Queries widened by the thesaurus: a word looked up in every language the archive holds.

A researcher who reads one language finds only that language's reports: `ceasefire` does not
find وقف إطلاق النار, перемирие or cessez-le-feu. The thesaurus (archive/thesaurus/) lists each
concept's terms in four languages. Each term is analysed here as the index analyses text (by
script for `text`, the French way for `text_fr`), so a query's word or phrase meets a term by
its stems ("ceasefires" is "ceasefire", Лаврова is Лавров), and a concept is searched as the
OR of all its terms, each an exact phrase:

- `concept:ceasefire` (a concept's slug, or any of its terms: `concept:перемирие`) searches
  every term of that concept;
- with the "search all languages" switch (`expand=1`), every word or phrase of the query that
  is a term of a concept is searched with the concept's other terms; the rest of the query is
  left as typed, and an unexpanded query is exactly the query it was before.

The results say what was added ("also searched: …").
"""

import threading
from dataclasses import dataclass

from whoosh import query as wq

from archive.search.schema import FRENCH_FIELDS, build_schema

SCHEMA = build_schema()
FIELD = "text"
CONCEPT_FIELD = "concept"
_ORDER = {code: n for n, code in enumerate(("en", "ar", "ru", "fr"))}


class UnknownConcept(ValueError):
    """`concept:` names no concept of the thesaurus."""


@dataclass(frozen=True)
class Concept:
    slug: str
    label: str
    terms: tuple[tuple[str, str], ...]  # (language, term), as curators wrote them
    query: wq.Query  # every term, in the fields its language is indexed in

    def by_language(self) -> dict[str, list[str]]:
        """Terms by language, in the archive's order of languages (en, ar, ru, fr)."""
        terms = {}
        for language, term in sorted(self.terms, key=lambda pair: _ORDER.get(pair[0], 99)):
            terms.setdefault(language, []).append(term)
        return terms

    def as_dict(self) -> dict:
        return {"concept": self.slug, "label": self.label, "terms": self.by_language()}


def _words(field: str, text: str) -> tuple[str, ...]:
    return tuple(SCHEMA[field].process_text(text, mode="query"))


def _as_query(field: str, words: tuple[str, ...]):
    return wq.Term(field, words[0]) if len(words) == 1 else wq.Phrase(field, list(words))


class Thesaurus:
    """Concepts by slug and by the stems of each of their terms."""

    def __init__(self, rows):
        self.by_slug: dict[str, Concept] = {}
        self.by_words: dict[tuple[str, ...], list[Concept]] = {}
        for slug, label, terms in rows:
            queries = {}
            keys = set()
            for language, term in terms:
                # French articles are indexed in fields of their own (analysis.py).
                field = FRENCH_FIELDS[FIELD] if language == "fr" else FIELD
                words = _words(field, term)
                if words:
                    queries.setdefault((field, words), _as_query(field, words))
                if key := _words(FIELD, term):
                    keys.add(key)
            if not queries:
                continue
            concept = Concept(slug, label, tuple(terms), wq.Or(list(queries.values())))
            self.by_slug[slug] = concept
            for key in keys:
                self.by_words.setdefault(key, []).append(concept)
        self.longest = max((len(key) for key in self.by_words), default=0)

    def named(self, name: str) -> list[Concept]:
        """The concepts `concept:name` means: the one with that slug, else those having
        `name` as a term in any language."""
        if concept := self.by_slug.get(name.lower()):
            return [concept]
        return self.by_words.get(_words(FIELD, name), [])


_loaded = threading.local()


def thesaurus() -> Thesaurus:
    """The thesaurus as the database holds it now: read again only when a concept or a term
    changed (one small aggregate query a search that uses it)."""
    from django.db.models import Count, Max

    from archive.models import Concept as ConceptRow
    from archive.models import ConceptTerm

    state = (
        tuple(ConceptRow.objects.aggregate(n=Count("id"), at=Max("updated")).values()),
        ConceptTerm.objects.count(),
    )
    cached = getattr(_loaded, "thesaurus", None)
    if cached is None or cached[0] != state:
        terms = {}
        for concept_id, language, term in ConceptTerm.objects.values_list(
            "concept_id", "language", "term"
        ).order_by("concept_id", "language", "id"):
            terms.setdefault(concept_id, []).append((language, term))
        rows = [
            (slug, label, terms.get(pk, []))
            for pk, slug, label in ConceptRow.objects.values_list("pk", "slug", "label")
        ]
        cached = _loaded.thesaurus = (state, Thesaurus(rows))
    return cached[1]


def _widened(node, concepts: list[Concept]):
    return wq.Or([node, *(concept.query for concept in concepts)])


def _words_of(node) -> tuple[str, ...] | None:
    """The stems of a word or an exact phrase of the default field, else None."""
    if getattr(node, "fieldname", None) != FIELD or node.boost != 1:
        return None
    if isinstance(node, wq.Term):
        return (node.text,)
    if isinstance(node, wq.Phrase) and node.slop == 1:
        return tuple(node.words)
    return None


class Expansion:
    """Rewrites one parsed query; `searched` lists the concepts it added, in query order."""

    def __init__(self, everywhere: bool):
        self.everywhere = everywhere
        self.searched: list[Concept] = []
        self._thesaurus = None

    @property
    def thesaurus(self) -> Thesaurus:
        if self._thesaurus is None:
            self._thesaurus = thesaurus()
        return self._thesaurus

    def _note(self, concepts):
        for concept in concepts:
            if concept not in self.searched:
                self.searched.append(concept)
        return concepts

    def apply(self, node):
        if getattr(node, "fieldname", None) == CONCEPT_FIELD:
            name = node.text if isinstance(node, wq.Term) else " ".join(node.words)
            concepts = self._note(self.thesaurus.named(name))
            if not concepts:
                raise UnknownConcept(name)
            return wq.Or([concept.query for concept in concepts])
        if not self.everywhere:
            return node.apply(self.apply)
        if (words := _words_of(node)) is not None:
            concepts = self._note(self.thesaurus.by_words.get(words, []))
            return _widened(node, concepts) if concepts else node
        if isinstance(node, wq.And):
            return wq.And(self._runs(list(node.subqueries)), boost=node.boost)
        return node.apply(self.apply)

    def _runs(self, children):
        """Children of an AND, with each run of plain words that is a multi-word term
        ("constitutional committee" typed without quotes) widened as one."""
        out, i = [], 0
        while i < len(children):
            for length in range(min(self.thesaurus.longest, len(children) - i), 1, -1):
                run = children[i : i + length]
                if not all(isinstance(child, wq.Term) for child in run):
                    continue
                words = tuple(_words_of(child) for child in run)
                if None in words:
                    continue
                concepts = self.thesaurus.by_words.get(tuple(w[0] for w in words), [])
                if concepts:
                    out.append(_widened(wq.And(run), self._note(concepts)))
                    i += length
                    break
            else:
                out.append(self.apply(children[i]))
                i += 1
        return out
