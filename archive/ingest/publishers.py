"""Publishers: one name for each outlet however a record writes it, and the agency a wire
dateline names when a record names none.

Names are compared folded (case, spaces and punctuation aside: "irna", "IRNA", "I.R.N.A.");
the outlets below have one canonical name for their codes, abbreviations and names in other
languages. An outlet not listed keeps the first spelling the archive stored (`Spellings`).
"""

import re
import unicodedata

# Canonical name → the other ways records write it (FA-KES's short codes among them).
PUBLISHERS = {
    "Agence France-Presse": [
        "AFP",
        "Agence France Presse",
        "France-Presse",
        "وكالة الصحافة الفرنسية",
    ],
    "Al Arabiya": ["arabiya", "Al-Arabiya", "العربية"],
    "Al Jazeera": ["Al-Jazeera", "Aljazeera", "الجزيرة"],
    "Al-Ahram": ["ahram", "Al Ahram", "الأهرام"],
    "Al-Alam": ["alalam", "Al Alam", "العالم"],
    "Al-Manar": ["manar", "Al Manar", "المنار"],
    "Anadolu Agency": ["Anadolu", "AA", "الأناضول"],
    "Asharq Al-Awsat": ["asharqalawsat", "Asharq Alawsat", "الشرق الأوسط"],
    "Associated Press": ["AP", "The Associated Press"],
    "Daily Sabah": ["dailysabah"],
    "Etilaf (National Coalition)": ["etilaf"],
    "Interfax": ["Интерфакс", "INTERFAX.RU"],
    "IRNA": ["Islamic Republic News Agency", "إرنا"],
    "Jordan Times": ["jordantimes", "The Jordan Times"],
    "National News Agency (Lebanon)": ["nna"],
    "Reuters": ["Thomson Reuters", "رويترز", "Рейтер"],
    "RIA Novosti": ["РИА Новости", "RIA"],
    "SANA": ["Syrian Arab News Agency", "سانا"],
    "Sputnik": ["Sputnik News", "Спутник", "سبوتنيك"],
    "TASS": ["ITAR-TASS", "ТАСС"],
    "The New Arab (Al-Araby Al-Jadeed)": ["alaraby", "The New Arab", "العربي الجديد"],
    "TRT World": ["trt"],
    "Xinhua": ["Xinhua News Agency", "Синьхуа", "شينخوا"],
}


def folded(name: str) -> str:
    """A name as compared: case, accents, spaces and punctuation aside."""
    name = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in name if c.isalnum())


CANONICAL = {
    folded(written): name
    for name, written_forms in PUBLISHERS.items()
    for written in (name, *written_forms)
}


def publisher_name(written: str) -> str:
    """The outlet's canonical name for a way of writing it; an unknown name as given."""
    written = " ".join(written.split())
    return CANONICAL.get(folded(written), written) if written else ""


# A wire dateline names its agency in brackets after the place and day ("GENEVA, March 14
# (Reuters) -", "Genève, 14 mars (AFP)", "جنيف (رويترز) -"), or after a dash ("НУР-СУЛТАН,
# 10 ноя - Sputnik", "МОСКВА, 3 марта - РИА Новости"): a convention of agency copy in every
# language, read in the text's first lines only.
_AGENCIES = "|".join(
    re.escape(w)
    for w in sorted(
        (w for name, forms in PUBLISHERS.items() for w in (name, *forms) if len(w) > 2),
        key=len,
        reverse=True,
    )
)
DATELINE_AGENCY = re.compile(
    rf"[(\[]\s*(?P<bracketed>{_AGENCIES})\s*[)\]]|\d{{1,2}}\s+\w+\.?\s+[-–—]\s+(?P<dashed>{_AGENCIES})\b"
)
DATELINE_REACH = 200


def from_dateline(text: str) -> str:
    """The agency a text's dateline names, by its canonical name ("" if none)."""
    match = DATELINE_AGENCY.search(text[:DATELINE_REACH])
    return publisher_name(match["bracketed"] or match["dashed"]) if match else ""


class Spellings:
    """The one spelling of each outlet the archive has stored: a record writing a stored
    name in other case or punctuation ("irna" after "IRNA") takes the stored spelling."""

    def __init__(self, stored=()):
        self.by_folded = {}
        for name in stored:
            if name:
                self.by_folded.setdefault(folded(name), name)

    def of(self, name: str) -> str:
        if not name:
            return name
        return self.by_folded.setdefault(folded(name), name)
