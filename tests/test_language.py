"""An article's language: by its script, by common words when a Latin text is plainly
English, and by lingua between English and French otherwise."""

from archive.ingest import language

ENGLISH = (
    "The envoy said on Tuesday that the talks in Geneva would resume next week, and that the "
    "delegations of the government and of the opposition had agreed to meet with him for a "
    "third round. French foreign minister Le Drian and the UN envoy de Mistura were in the city."
)
FRENCH = (
    "L'émissaire de l'ONU a annoncé mardi que les pourparlers de Genève reprendraient la semaine "
    "prochaine, et que les délégations du gouvernement et de l'opposition se retrouveraient "
    "pour une troisième session, selon un diplomate."
)


def test_a_plainly_english_text_is_english():
    assert language.detect(ENGLISH) == "en"


def test_an_english_text_naming_french_people_is_english():
    assert language._plainly_english(ENGLISH.lower())


def test_a_french_text_is_french():
    assert language.detect(FRENCH) == "fr"


def test_a_french_text_quoting_english_is_left_to_lingua():
    quoted = FRENCH + (
        " « The talks have to go on and the work of the envoy is to keep them in the room for"
        " the people of Syria, said the minister to the press, and he is with us », a-t-il dit."
    )
    assert not language._plainly_english(quoted.lower())
    assert language.detect(quoted) == "fr"


def test_arabic_and_russian_go_by_their_script():
    assert language.detect("قال المبعوث الأممي إن المحادثات ستستأنف في جنيف الأسبوع المقبل") == "ar"
    assert language.detect("Спецпосланник ООН заявил, что переговоры в Женеве возобновятся") == "ru"
