"""The thesaurus: the talks' vocabulary in the archive's four languages.

`thesaurus.json` ships one entry per concept (ceasefire, detainees, guarantor states, the
Constitutional Committee, the places of the war...) with its terms in English, Arabic,
Russian and French; `load_reference` loads it into `Concept` and `ConceptTerm` rows, which
curators edit in the admin. Search reads the rows (archive/search/expansion.py): `concept:`
in a query, or the "search all languages" switch, looks a word up in every language.
"""
