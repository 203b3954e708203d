"""Publisher names for the short source codes the FA-KES dataset uses."""

FA_KES_PUBLISHERS = {
    "ahram": "Al-Ahram",
    "alalam": "Al-Alam",
    "alaraby": "The New Arab (Al-Araby Al-Jadeed)",
    "arabiya": "Al Arabiya",
    "asharqalawsat": "Asharq Al-Awsat",
    "dailysabah": "Daily Sabah",
    "etilaf": "Etilaf (National Coalition)",
    "jordantimes": "Jordan Times",
    "manar": "Al-Manar",
    "nna": "National News Agency (Lebanon)",
    "reuters": "Reuters",
    "sana": "SANA",
    "sputnik": "Sputnik",
    "tass": "TASS",
    "trt": "TRT World",
}


def publisher_name(code: str) -> str:
    """The outlet's name for a dataset code; unknown codes are kept as given."""
    return FA_KES_PUBLISHERS.get(code.strip().lower(), code.strip())
