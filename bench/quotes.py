"""Direct quotes and their speakers on PolNeAR, US news reports annotated by people.

    .venv/bin/python bench/quotes.py --polnear DIR [--split dev|train] [--misses N]

DIR is a local copy of the PolNeAR repository (networkdynamics/PolNeAR; see the README for how
to get it); the corpus is not part of the project. Only the train and dev splits are read:
the test split is kept for one final measure, as the corpus's authors ask.

Each article's text goes through the import's own cleaning and `archive.actors.attribution`
(the gazetteer is this archive's, so US politicians are names it does not know). A gold
direct quote is a span in quotation marks ("…", “…”, ''…'') of three words or more inside an
annotated content span; its speaker is the annotated source. Prints:

- recall: gold direct quotes found (by their words);
- precision: direct quotes found that lie inside some annotated content;
- named speaker right: among found quotes whose source names someone, the speaker found has
  the same surname (a pronoun source counts for the last named source before it);
- descriptions kept: among found quotes whose source is an indefinite description ("a
  campaign spokesman", "a Clinton delegate", "sources"), the speaker found is not a named
  person. Definite ones ("the president") refer to someone named before, and documents
  ("a press pool report") are no person: neither is measured.
Figures only: no asserts.
"""

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from evidence import norm, setup  # noqa: E402  (bench/ is the script's folder)

GOLD_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"|''(.+?)''")
PRONOUN = re.compile(r"^(?:he|she|they|i|we|it|his|her|him)$", re.I)
NAME_WORDS = re.compile(r"(?:[A-Z][\w'’.-]*\s*)+")
DOCUMENT = re.compile(
    r"\b(?:tweet|transcript|report|statement|ad|account|headline|sign|editorial|column|memo"
    r"|letter|study|poll|survey|website|cable|piece|clip|spot|interview|release|email|post"
    r"|response)s?\b",
    re.I,
)
INDEFINITE = re.compile(r"^(?:a|an|some|another|one|two|three|several|many|other|most|few)\s", re.I)


def read_ann(path: Path):
    """[(content text, source text, source start)] of every attribution in a BRAT file."""
    spans, relations = {}, []
    for line in path.read_text().splitlines():
        if line.startswith("T") and line.count("\t") == 2:
            tid, label_offsets, text = line.split("\t")
            label, offsets = label_offsets.split(" ", 1)
            start = int(re.match(r"\d+", offsets)[0])
            spans[tid] = (label, text, start)
        elif line.startswith("E"):
            relations.append(dict(part.split(":") for part in line.split("\t")[1].split()))
    result = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""), (None, "", 0))
        source = spans.get(relation.get("Source", ""), (None, "", -1))
        result.append((content[1], source[1], source[2] if source[1] else content[2]))
    return result


def kind_of(source: str) -> str:
    """named, pronoun, description (indefinite: "a campaign spokesman", "sources"), definite
    ("the president", which refers to someone named before: not measured) or none."""
    parts = [p.strip() for p in source.split(",") if p.strip()]
    if not parts:
        return "none"
    head = parts[0]
    if PRONOUN.match(head):
        return "pronoun"
    if re.fullmatch(r"said|says|told|added|asked|who|which|that|me|him|her|o", head, re.I):
        return "none"  # an annotation slip
    if re.search(r"(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+(?:\s*\(.*\))?$", head):
        return "named"  # "retired Air Force general Jonas Berg"
    if any(NAME_WORDS.fullmatch(p + " ") and len(p.split()) >= 2 for p in parts[1:]):
        return "named"  # "Another critic, Maria K. Lindqvist"
    if re.search(r"(?:^|[a-z]\s+)(?:de\s+|[A-Z][\w.'’-]+\s+)[A-Z][\w'’-]+(?:\s+of\s+.*)?$", head):
        return "named"  # "undecided voter Anna Berg of Dayton", "de Vries"
    if DOCUMENT.search(head):
        return "document"  # "a press pool report", "an early tweet": not a person
    if re.match(r"^the\s", head, re.I):
        rest = head.split(None, 1)[1] if " " in head else ""
        capitalised = rest and all(w[:1].isupper() for w in rest.split())
        return "named" if capitalised else "definite"
    if INDEFINITE.match(head) and re.search(r"\s[A-Z][\w'’-]+$", head):
        return "named"  # "an angry Hollande"
    if INDEFINITE.match(head) or head[0].islower():
        return "description"
    return "named" if NAME_WORDS.search(head) else "description"


def surname(phrase: str) -> str:
    """The last capitalised word of a phrase's head ("Berg, a campaign surrogate" → berg)."""
    head = re.split(r",|\(|\s+(?:of|at|for|from|who)\s", phrase)[0]
    words = re.findall(r"[A-Z][\w'’-]+", head.replace("’s", "").replace("'s", ""))
    return words[-1].lower() if words else ""


def gold_quotes(annotations):
    """(quote text, source kind, source phrase) of every direct quote annotated."""
    quotes, last_named = [], ""
    for content, source, _ in sorted(annotations, key=lambda a: a[2]):
        kind = kind_of(source)
        if kind == "named":
            last_named = source
        referent = last_named if kind == "pronoun" else source
        for match in GOLD_QUOTE.finditer(content):
            text = next(group for group in match.groups() if group)
            if len(text.split()) >= 3:
                quotes.append((text, kind, referent))
    return quotes


def same_words(a, b):
    a, b = norm(a), norm(b)
    return bool(a and b) and (a[:40] in b or b[:40] in a)


def articles(folder: Path, split: str):
    """(name, text, annotations) of each article of a split, one annotator's file each."""
    texts = folder / "data" / split / "text"
    annotated = folder / "data" / split / "attributions"
    for text_path in sorted(texts.glob("*.txt")):
        anns = sorted(annotated.glob(text_path.stem + "_*.ann"))
        if anns:
            yield text_path.stem, text_path.read_text(), read_ann(anns[0])


def measure(folder: Path, split: str, show_misses: int):
    from archive.actors.attribution import attributed
    from archive.actors.matcher import ActorMatcher
    from archive.ingest.cleaning import clean_body, split_lines
    from archive.models import Actor

    matcher = ActorMatcher.from_database()
    people = set(Actor.objects.filter(kind=Actor.Kind.PERSON).values_list("pk", flat=True))
    tally, misses = Counter(), []
    for name, text, annotations in articles(folder, split):
        body = clean_body(split_lines(text))
        found = [a for a in attributed(body, matcher, people) if a.found.kind == "direct"]
        contents = [norm(content) for content, _, _ in annotations]
        for one in found:
            tally["found"] += 1
            words = norm(one.found.text)[:40]
            inside = any(words and words in c for c in contents)
            tally["found in content"] += inside
            if not inside:
                misses.append(f"{name}: not a quote ({one.speaker.name!r}) “{one.found.text[:70]}”")
        tally["articles"] += 1
        for text_, kind, referent in gold_quotes(annotations):
            tally["gold"] += 1
            match = next((a for a in found if same_words(a.found.text, text_)), None)
            if match is None:
                misses.append(f"{name}: missed ({kind} {referent!r}) “{text_[:70]}”")
                continue
            tally["gold found"] += 1
            speaker = match.speaker
            who = speaker.name
            if kind in ("named", "pronoun") and surname(referent):
                tally[f"{kind} found"] += 1
                right = surname(who) == surname(referent) or (
                    surname(referent) in norm(who).split()
                )
                tally[f"{kind} right"] += right
                if not right:
                    misses.append(f"{name}: speaker {who!r} want {referent!r} “{text_[:50]}”")
            elif kind == "description":
                tally["description found"] += 1
                named = not speaker.anonymous and bool(surname(who)) and who[:1].isupper()
                tally["description kept"] += not named
                if named:
                    misses.append(f"{name}: description {referent!r} given {who!r}")
    return tally, misses


def rate(tally, hit, total):
    return f"{tally[hit]}/{tally[total]} = {100 * tally[hit] / max(tally[total], 1):.1f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, required=True, help="a copy of PolNeAR")
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    setup(tempfile.mkdtemp(prefix="quotes-"))
    tally, misses = measure(args.polnear, args.split, args.misses)
    print(f"PolNeAR {args.split}: {tally['articles']} articles, {tally['gold']} direct quotes")
    for label, hit, total in (
        ("direct-quote recall", "gold found", "gold"),
        ("direct-quote precision", "found in content", "found"),
        ("named speaker right", "named right", "named found"),
        ("pronoun: last named right", "pronoun right", "pronoun found"),
        ("descriptions not given a name", "description kept", "description found"),
    ):
        print(f"{label:34s} {rate(tally, hit, total)}")
    for line in misses[: args.misses]:
        print(line)


if __name__ == "__main__":
    main()
