"""Literal screens: a regular expression is searched only in texts holding one of its words.

Python's `re` tries a pattern that opens with a word boundary or an alternation of names at
every position of a text: ~70 µs for a 5 kB article, even when none of the names is in it
(most texts, for most patterns). Every match of such a pattern contains one of a few literal
strings that can be read off the pattern itself, and `str.__contains__` looks for those far
faster, so a text holding none of them is answered without the regular expression. Written
here because no library screens `re` patterns: the `regex` module and Aho–Corasick packages
would each need every pattern rewritten in their own terms.
"""

import re
from re import _constants as sre
from re import _parser  # the parser re.compile itself uses (Python 3.11+)

MIN_NEEDLE = 3  # shorter strings are in nearly every text: no screen is better
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


class Screened:
    """A compiled pattern with `search` and `finditer` that look for its needles first.
    A pattern whose needles cannot be read (one alternative opens with a class) is searched
    as it is."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needles = needles(pattern)

    def may_match(self, text: str) -> bool:
        if self.needles is None:
            return True
        lowered = text.lower()
        return any(needle in lowered for needle in self.needles)

    def search(self, text: str, *bounds):
        return self.pattern.search(text, *bounds) if self.may_match(text) else None

    def finditer(self, text: str, *bounds):
        return self.pattern.finditer(text, *bounds) if self.may_match(text) else iter(())


def needles(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings, lower-cased, one of which the lower-cased text of every match of `pattern`
    contains; None when they cannot be read off the pattern. (Ignoring case, `re` also
    matches "s" with the long s and "k" with the Kelvin sign, which no news text writes.)"""
    found = _needles(_parser.parse(pattern.pattern, pattern.flags).data)
    return None if found is None else frozenset(needle.lower() for needle in found)


def _needles(ops) -> set[str] | None:
    """The longest run of literal characters a sequence must match; else the needles of a
    group or alternation it must pass through (each alternative's), the fewest found."""
    best = run = ""
    for op, value in ops:
        run = run + chr(value) if op is sre.LITERAL else ""
        best = max(best, run, key=len)
    if len(best) >= MIN_NEEDLE:
        return {best}
    readable = [found for op, value in ops if (found := _group_needles(op, value)) is not None]
    return min(readable, key=len) if readable else None


def _group_needles(op, value) -> set[str] | None:
    """The needles of one element of a sequence matched exactly once: an alternation (a
    needle of each alternative) or a group."""
    if op is sre.BRANCH:
        found = set()
        for alternative in value[1]:
            alternative_needles = _needles(alternative)
            if alternative_needles is None:
                return None
            found |= alternative_needles
        return found
    if op is sre.SUBPATTERN:
        return _needles(value[3])  # (group, flags added, flags removed, pattern)
    return None


def trie_alternation(words) -> str:
    """A regular expression matching any of `words` (literal strings), with their common
    prefixes factored out ("said|says|stated" → "s(?:a(?:id|ys)|tated)"). Python's `re`
    tries the alternatives of a plain alternation one by one at every position; factored,
    it reads each character once. Longer words are tried first, as in a sorted alternation."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _from_tree(tree)


def _from_tree(node) -> str:
    ends = "" in node
    branches = [re.escape(char) + _from_tree(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body
