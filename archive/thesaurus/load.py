"""Load the shipped thesaurus (archive/thesaurus/thesaurus.json) into Concept rows.

As with the gazetteer, loading only adds what is missing: a concept a curator relabelled, or
a term a curator removed from a concept that was already loaded, stays as the curator left it.
"""

import json
from pathlib import Path

from django.db import transaction

from archive.models import Article, Concept, ConceptTerm

THESAURUS = Path(__file__).with_name("thesaurus.json")
LANGUAGES = [code for code, _ in Article.Language.choices]


@transaction.atomic
def load_thesaurus(path: Path = THESAURUS) -> tuple[int, int]:
    """Returns (concepts created, terms created). Terms are added to new concepts only."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    concepts_created = terms_created = 0
    for entry in data["concepts"]:
        concept, created = Concept.objects.get_or_create(
            slug=entry["slug"],
            defaults={"label": entry["label"], "note": entry.get("note", "")},
        )
        if not created:
            continue
        concepts_created += 1
        terms = [
            ConceptTerm(concept=concept, language=language, term=term)
            for language in LANGUAGES
            for term in dict.fromkeys(entry.get(language, []))
        ]
        ConceptTerm.objects.bulk_create(terms)
        terms_created += len(terms)
    return concepts_created, terms_created
