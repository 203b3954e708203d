"""The words the pipeline reads in Arabic, Russian and French, beside English: one home.

Each rule (dates, rounds, the calendar's "opened today", quotes) reads its words from here,
the English ones and the others together: an article in one language does not contain
another's words, so every text is read with all of them and no rule waits on detection.
"""

import re

# Digits other scripts write: Arabic-Indic (٠-٩) and Persian (۰-۹) to ASCII, one for one.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Letters an Arabic text may write two ways (Persian yeh and kaf, alef with hamza or madda,
# alef maqsura): one for one, so positions in the folded text stay those of the original.
ARABIC_LETTERS = str.maketrans("یکأإآٱى", "يكااااي")


def fold_script(text: str) -> str:
    """Digits to ASCII and Arabic letter variants to one form, keeping every position."""
    return text.translate(DIGITS).translate(ARABIC_LETTERS)


# Month names → month number. dateparser 1.5 reads Egyptian Arabic, Russian and French
# months, but not the Levantine names (كانون الثاني) nor the paired form news agencies
# print ("فبراير/ شباط"), so the names are listed here and the date is built directly.
MONTHS = {
    # Arabic, Levantine and Egyptian (after fold_script: no hamza on alef)
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Russian, genitive and short
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
    "окт": 10, "ноя": 11, "дек": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# "23 كانون الثاني 2017", "23 فبراير/ شباط 2017", "21 декабря 2017", "31 - Octobre - 2019",
# "1er mars 2016": the day, a month name (a second one after a slash), perhaps the year.
FOREIGN_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})(?:er)?\s*-?\s*(?P<month>{_MONTH_WORDS})\.?"
    rf"(?:\s*/\s*(?:{_MONTH_WORDS}))?(?:\s*-?\s*,?\s*(?P<year>\d{{4}}))?(?!\w)",
    re.I,
)

WEEKDAYS = [  # Monday first, as datetime.weekday() counts
    r"Monday|الاثنين|الإثنين|الأثنين|понедельник\w*|lundi",
    r"Tuesday|الثلاثاء|вторник\w*|mardi",
    r"Wednesday|الأربعاء|الاربعاء|сред[аеуы]|mercredi",
    r"Thursday|الخميس|четверг\w*|jeudi",
    r"Friday|الجمعة|пятниц[аеуы]|vendredi",
    r"Saturday|السبت|суббот[аеуы]|samedi",
    r"Sunday|الأحد|الاحد|воскресень[еяю]|dimanche",
]
_FOREIGN_WEEKDAYS = [
    re.compile(rf"(?<!\w)(?:{'|'.join(w.split('|')[1:])})(?!\w)", re.I) for w in WEEKDAYS
]


def weekday_in(text: str) -> int | None:
    """The weekday (0 = Monday) last named in `text` in Arabic, Russian or French."""
    found = [(m.start(), n) for n, p in enumerate(_FOREIGN_WEEKDAYS) for m in p.finditer(text)]
    return max(found)[1] if found else None


_ALL_WEEKDAYS = [re.compile(rf"(?:{w})", re.I) for w in WEEKDAYS]
_ALL_WEEKDAY_WORDS = [re.compile(rf"(?<!\w)(?:{w})(?!\w)", re.I) for w in WEEKDAYS]


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday's name in any of the languages."""
    return next((n for n, p in enumerate(_ALL_WEEKDAYS) if p.fullmatch(word)), None)


def foreign_weekdays(text: str) -> set[int]:
    """Every weekday named in `text` in Arabic, Russian or French."""
    return {n for n, pattern in enumerate(_FOREIGN_WEEKDAYS) if pattern.search(text)}


def foreign_weekday_mentions(text: str) -> list[tuple[int, int]]:
    """(weekday, where) of every weekday named in `text` in Arabic, Russian or French."""
    return [(n, m.start()) for n, p in enumerate(_FOREIGN_WEEKDAYS) for m in p.finditer(text)]


# Words that open or credit a photo caption, whose date is another day than the article's:
# "صورة أرشيفية", "(صورة:", "Фото:", "© Sputnik /", "Photo d'archive", "Crédit photo".
CAPTION_WORDS = (
    r"صورة\s+أرشيفية|صورة\s+ارشيفية|\(صورة|صورة\s*:|تصوير\s*:|أرشيفية\)|"
    r"фото\s*:|фото\s+из\s+архива|архивное\s+фото|©|"
    r"photo\s+d['’]archive|crédit\s+photo|photo\s*/|légende\s*:"
)
TODAY = r"today|اليوم|сегодня|aujourd'hui|aujourd’hui"
YESTERDAY = r"yesterday|أمس|امس|البارحة|вчера|hier"
TOMORROW = r"tomorrow|غدا|غداً|завтра|demain"

# "yesterday (Thursday)", "أمس الاثنين", "вчера, в понедельник", "hier lundi": a weekday
# beside "yesterday" names the day before the writing, not the day of it.
YESTERDAY_WEEKDAY = re.compile(
    rf"(?<!\w)(?:{YESTERDAY})[\s,(]*(?:в\s+|во\s+|يوم\s+)?"
    rf"(?P<weekday>{'|'.join(WEEKDAYS)})(?!\w)",
    re.I,
)


def weekdays_after_yesterday(text: str) -> list[int]:
    """The weekday (0 = Monday) of every "yesterday, <weekday>" in `text`, one per mention."""
    return [weekday_number(m["weekday"]) for m in YESTERDAY_WEEKDAY.finditer(text)]


def weekday_mentions(text: str, weekday: int) -> int:
    """How many times `text` names `weekday`, in any of the languages."""
    return len(_ALL_WEEKDAY_WORDS[weekday].findall(text))


# Verbs saying a round opened or closed, and whether each form is past (written after it).
OPENING_PAST = (
    r"افتتحت|افتتح|افتتاح|انطلقت|انطلق|انطلاق|بدأت|بدأ|استؤنفت|"
    r"открыл\w*|открылся|открылась|начал\w*|стартовал\w*|возобновил\w*|"
    r"(?:ont|a)\s+(?:commencé|débuté|repris)|s'est\s+ouvert\w*|s’est\s+ouvert\w*"
)
OPENING_PRESENT = r"يفتتح|تفتتح|تنطلق|تبدأ|تستأنف|открывается|начинается|s'ouvre\w*|s’ouvre\w*"
CLOSING_PAST = (
    r"اختتمت|اختتم|اختتام|ختام|انتهت|انتهى|завершил\w*|закончил\w*|закрылся|"
    r"(?:ont|a)\s+pris\s+fin|se\s+sont\s+achevés|s'est\s+achevé\w*|s’est\s+achevé\w*"
)
CLOSING_PRESENT = r"تختتم|تنتهي|завершается|заканчивается|s'achève\w*|s’achève\w*"
# Nouns for a round of talks (the calendar's cues must stand near one); the Constitutional
# Committee's sessions open as "the committee" does.
TALKS = (
    r"محادثات|المحادثات|مفاوضات|المفاوضات|الجولة|جولة|مؤتمر|المؤتمر|اجتماع|الاجتماع|اجتماعات|"
    r"أعمال|اعمال|الدورة|دورة|اللجنة|لجنة|للجنة|"
    r"переговор\w*|раунд\w*|встреч\w*|заседани\w*|сесси\w*|конгресс\w*|комитет\w*|"
    r"pourparlers|négociations|réunion|session|conférence|congrès|comité|travaux"
)

# Processes by name in each language (the English names are in archive.ingest.rounds).
PROCESS_WORDS = {
    "geneva": r"جنيف|Женев[аеуы]|Genève|Geneve|Geneva",
    "astana": (
        r"Astana|أستانا|استانا|آستانا|أستانة|استانة|آستانة|Астан[аеуы]|Нур-Султан\w*"
        r"|[Аа]станинск\w*|العاصمة الكازاخستانية|казахстанской столиц\w*"
    ),
    "constitutional": (
        # "للجنة": the preposition لِ before the article drops its alif (ل + اللجنة)
        r"اللجنة الدستورية|للجنة الدستورية|لجنة مناقشة الدستور|[Кк]онституционн\w+ комитет\w*|"
        r"[Cc]omité constitutionnel"
    ),
    "sochi": r"سوتشي|Сочи|Sotchi|Sochi",
}

# Ordinal numbers (first to twenty-second), as a round's number is written.
ORDINALS = {
    "الأولى": 1, "الأول": 1, "الثانية": 2, "الثاني": 2, "الثالثة": 3, "الثالث": 3,
    "الرابعة": 4, "الرابع": 4, "الخامسة": 5, "الخامس": 5, "السادسة": 6, "السادس": 6,
    "السابعة": 7, "السابع": 7, "الثامنة": 8, "الثامن": 8, "التاسعة": 9, "التاسع": 9,
    "العاشرة": 10, "العاشر": 10, "الحادية عشرة": 11, "الحادي عشر": 11,
    "الثانية عشرة": 12, "الثاني عشر": 12, "الثالثة عشرة": 13, "الثالث عشر": 13,
    "الرابعة عشرة": 14, "الرابع عشر": 14, "الخامسة عشرة": 15, "الخامس عشر": 15,
    "السادسة عشرة": 16, "السادس عشر": 16, "السابعة عشرة": 17, "السابع عشر": 17,
    "الثامنة عشرة": 18, "الثامن عشر": 18, "التاسعة عشرة": 19, "التاسع عشر": 19,
    "العشرين": 20, "الحادية والعشرين": 21, "الحادي والعشرين": 21,
    "الثانية والعشرين": 22, "الثاني والعشرين": 22,
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20,
    "двадцать перв": 21, "двадцать втор": 22,
    "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
    "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
    "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13,
    "quatorzième": 14, "quinzième": 15, "seizième": 16, "dix-septième": 17,
    "dix-huitième": 18, "dix-neuvième": 19, "vingtième": 20, "vingt et unième": 21,
    "vingt-deuxième": 22,
}  # fmt: skip
# Rounds are read in folded text (fold_script): "الأولى" is written "الاولي" there.
ORDINALS.update({fold_script(word): n for word, n in list(ORDINALS.items())})
_RUSSIAN_ENDING = r"(?:ый|ий|ой|ая|ья|ое|ье|ого|ьего|ему|ому|ом|ем|ей|ую|ью|ьей|ьего|и|ь)"
_STEMS = {w for w in ORDINALS if re.fullmatch(r"[а-я ]+", w)}


def ordinal_value(word: str) -> int | None:
    """The number an ordinal word in any of the languages stands for."""
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    for stem in sorted(_STEMS, key=len, reverse=True):
        if re.fullmatch(rf"{stem}{_RUSSIAN_ENDING}", word):
            return ORDINALS[stem]
    return None


_ORDINAL_WORDS = "|".join(
    sorted((w for w in ORDINALS if w not in _STEMS), key=len, reverse=True)
    + [rf"{stem}{_RUSSIAN_ENDING}" for stem in sorted(_STEMS, key=len, reverse=True)]
)
# "la quatrième série de pourparlers de Genève", "le deuxième tour de négociations",
# "третий этап переговоров": French and Russian news also count rounds in series and stages.
ROUND_NOUN = (
    r"الجولة|جولة|الدورة|دورة|الاجتماع|اجتماع|اللقاء|раунд\w*|сесси\w*|встреч\w*|"
    r"заседани\w*|этап\w*|round|cycle|session|réunion|série|tour"
)
# Adjectives that may stand between a round's noun and its ordinal (Arabic word order).
ROUND_ADJECTIVES = r"الدولي|الدولية|الرسمي|الرسمية|الجديد|الجديدة"
# "d'Astana", "l'Astana", "بجنيف": an elided article or a clitic run into the name.
_PROCESS_ANY = (
    r"(?:[dl]['’]|[بل])?(?:" + "|".join(f"(?P<{p}>{w})" for p, w in PROCESS_WORDS.items()) + ")"
)
# "الجولة الثامنة من محادثات أستانا", "восьмой раунд переговоров в Астане",
# "le huitième round des pourparlers d'Astana", "la 8e session du Comité constitutionnel".
FOREIGN_ROUND = [
    # Arabic puts adjectives after the noun, the ordinal perhaps after another one:
    # "الاجتماع الدولي العاشر بشأن سوريا في أستانا".
    re.compile(
        rf"(?:{ROUND_NOUN})\s+(?:(?:{ROUND_ADJECTIVES})\s+)?"
        rf"(?P<ordinal>{_ORDINAL_WORDS}|الـ\s?\d{{1,2}})"
        rf"\s+(?:\S+\s+){{0,5}}?(?:{_PROCESS_ANY})",
        re.I,
    ),
    re.compile(
        rf"(?<!\w)(?P<ordinal>{_ORDINAL_WORDS}|\d{{1,2}}(?:e|ème|ᵉ|-?[йгм]\w?))\s+(?:{ROUND_NOUN})"
        rf"\s+(?:\S+\s+){{0,5}}?(?:{_PROCESS_ANY})",
        re.I,
    ),
    # "أستانا 8", "Астана-8", "جنيف 2", "Genève 2", "Genève II"
    re.compile(
        rf"(?:{_PROCESS_ANY})[\s-](?P<number>\d{{1,2}}|(?-i:[IVX]{{1,4}})\b)(?![\d.,])", re.I
    ),
]

# "deux ans après la première session", "since the first round", "منذ الجولة الأولى",
# "после первого раунда": a round named as the point a text looks back to is not the one it
# reports (after fold_script; the words stand right before the round's noun or ordinal).
ROUND_BEHIND = re.compile(
    r"(?:(?<!\w)(?:après|depuis)\s+(?:la|le|l['’])\s*|(?<!\w)(?:после|с\s+момента)\s+"
    r"|(?<!\w)(?:منذ|بعد)\s+)$",
    re.I,
)

# Talks opening, and a round that is new or resumed (after fold_script), for telling apart
# the rounds of one conference (archive.ingest.undated_rounds).
TALKS_OPENING = (
    r"بدات|بدء|بداية|انطلقت|انطلاق|افتتاح|افتتحت|تنطلق|تبدا|"
    r"начал\w*|начин\w*|открыл\w*|открыти\w*|стартова\w*|"
    r"au\s+début|débute\w*|commence\w*|s['’]ouvre\w*|ouverture"
)
ROUND_RESUMING = (
    r"استئناف|استؤنفت|جولة جديدة|الجولة الثانية|الجولة الجديدة|"
    r"возобнов\w*|нов\w+ раунд\w*|втор\w+ раунд\w*|очередн\w+ раунд\w*|"
    r"reprise|reprennent|nouve(?:au|lle)\s+(?:round|session|cycle)|deuxième\s+(?:round|session)"
)

# "according to X" (archive.actors.quotes reads "по его словам", "according to him", apart).
ACCORDING_TO = r"по\s+словам|selon|d['’]après|بحسب|وفقا\s+ل"

# A meeting still to come ("next month", "will be held"), after fold_script.
FUTURE = (
    r"المقبل|المقبلة|القادم|القادمة|سيعقد|ستعقد|ينعقد|تنعقد|"
    r"предстоящ\w*|пройд[её]т|состоится|следующ\w*|поедут|поедет|приедут|приедет|"
    r"планиру\w*|намечен\w*|"
    r"prochain\w*|se\s+tiendra|aura\s+lieu"
)

# A verb or phrase putting what follows in the future ("should end on 15 December", "начнёт
# работу в понедельник, 4 ноября", "ستبدأ يوم الاثنين", "ahead of the talks on 23 February"):
# a date in such a clause is an event to come, not the day the text was written
# (archive.ingest.dates.to_come).
FUTURE_CLAUSE = (
    r"will|would|should|shall|(?:is|are)\s+(?:expected|due|scheduled|set|to)\s+to|"
    r"ahead\s+of|in\s+the\s+run-up\s+to|dans\s+l['’]attente|en\s+prévision|в\s+преддверии|"
    r"استعدادا|تمهيدا|"
    r"و?(?:سيعقد|ستعقد|سيتم|ستبدأ|سيبدأ|ستنطلق|سينطلق|ستستأنف|ستنتهي|سينتهي|ستختتم"
    r"|من\s+المقرر|من\s+المتوقع)|"
    r"начн[её]т|начнут|пройд[её]т|пройдут|состоится|состоятся|будет|будут|долж(?:ен|на|ны|но)|"
    r"завершится|откроется|стартует|возобновятся|возобновится|планиру\w*|намечен\w*|"
    r"devrai\w*|devr(?:a|ont)|sera|seront|aura|auront|reprendr(?:a|ont)|s['’]achèvera|"
    r"prévu\w*|se\s+tiendra|commencera|commenceront|débutera"
)

# Reporting verbs ("said") and sources kept anonymous, in each language. Arabic: the
# perfect, masculine and feminine (قال / قالت), as the verb opens the sentence. Russian: the
# past tense with any ending (заявил, заявила, заявили). French: the passé composé and
# plus-que-parfait, an adverb or the inverted pronoun allowed ("a-t-il déclaré", "avait
# néanmoins indiqué"), the present, and the participles that add a statement ("précisant").
_FRENCH_PARTICIPLES = (
    r"déclaré|affirmé|dit|souligné|ajouté|indiqué|estimé|expliqué|assuré|confirmé|précisé"
    r"|annoncé|insisté|averti|reconnu|répondu|souhaité|espéré|jugé|martelé|lancé|prévenu"
    r"|rappelé|dénoncé|regretté|salué|plaidé|déploré|admis|confié|fait\s+valoir|poursuivi"
    r"|relevé|noté|observé|commenté|réagi|résumé|tranché|conclu|rectifié|corrigé|ironisé"
    r"|enchaîné|renchéri|nuancé|tempéré|glissé|lâché|protesté|objecté|répliqué|rétorqué"
    r"|interrogé|demandé|raconté|détaillé|complété|argué|soutenu|mis\s+en\s+garde"
)
REPORTING_VERBS = (
    r"قال|قالت|أكد|أكدت|اكد|اكدت|أضاف|أضافت|اضاف|اضافت|أوضح|أوضحت|أشار|أشارت|صرح|صرحت|"
    r"أعلن|أعلنت|شدد|شددت|أفاد|أفادت|ذكر|ذكرت|كشف|كشفت|أبلغ|أبلغت|لفت|لفتت|"
    r"تابع|تابعت|أعرب|أعربت|اعرب|اعربت|اعتبر|اعتبرت|رأى|رأت|نفى|نفت|حذر|حذرت|تساءل|تساءلت|"
    r"استطرد|استطردت|ختم|ختمت|لاحظ|لاحظت|"
    r"заявил\w*|сказал\w*|отметил\w*|подчеркнул\w*|добавил\w*|сообщил\w*|уточнил\w*|"
    r"пояснил\w*|признал\w*|заверил\w*|объявил\w*|рассказал\w*|заметил\w*|указал\w*|"
    r"констатировал\w*|напомнил\w*|резюмировал\w*|считает|полагает|говорит|заявляет|"
    r"ответил\w*|возразил\w*|парировал\w*|признался|призналась|посетовал\w*|"
    r"предупредил\w*|выразил\w*|высказал\w*|обратил\w*\s+внимание|акцентировал\w*|"
    r"(?:a|avait|ont|avaient|aurait)(?:-t-(?:il|elle))?\s+(?:\w+\s+)?"
    rf"(?:{_FRENCH_PARTICIPLES})|"
    r"déclare|affirme|souligne|estime|assure|précise|ajoute|indique|explique|"
    r"précisant|affirmant|estimant|soulignant|ajoutant|déclarant|indiquant|expliquant|assurant"
)
ANONYMOUS = r"مصدر|مصادر|источник\w*|une\s+source|des\s+sources|un\s+diplomate|un\s+responsable"
QUOTE_OPEN, QUOTE_CLOSE = '“«„"', '”»“"'

# Who a statement was said to, just after the verb: not the speaker ("a dit aux journalistes
# X", "сказал журналистам X", "قال للصحفيين"). Read before the speaker is taken.
AUDIENCE_AFTER_VERB = re.compile(
    r"^\s*(?:(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|encore|ensuite"
    r"|également|aussi|alors|néanmoins|toutefois|soir|matin)"
    r"|à\s+la\s+presse|aux\s+journalistes|à\s+l['’]AFP|à\s+Reuters|au\s+Monde"
    r"|à\s+\S+|aux?\s+\S+"
    r"|журналистам|репортерам|корреспонденту\s+\S+|агентству\s+\S+|изданию\s+\S+"
    r"|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|также|ранее"
    r"|لل\w+)\s+)+"
)
# Where a speaker phrase after the verb ends: the circumstances said with it (when, where,
# to whom), in each language. French: après, lors de, à l'issue de, devant ...; Russian: the
# prepositions в, на, после, во время, по ...; Arabic: خلال، في، أمام، عقب، بعد، مساء ...
SPEAKER_PHRASE_END = re.compile(
    r"\s(?:après|lors|à\s+l['’]issue|avant|pendant|devant|dans|en\s+marge|depuis|jeudi|lundi"
    r"|mardi|mercredi|vendredi|samedi|dimanche|aux?|à"
    r"|в|во|на|после|перед|по|при|в\s+ходе|журналистам|репортерам|агентству|корреспонденту"
    r"|خلال|في|أمام|امام|عقب|بعد|قبل|لدى|عبر|مساء|صباح|يوم|اليوم|أمس|امس|لل\w+)(?!\w)"
)
# "«…», — приводит ТАСС слова Ивана Петрова", "цитирует "Интерфакс" X", "nous a confié X, cité
# par l'AFP": an agency relaying the words of the person quoted (the agency goes into `via`).
RELAYED = re.compile(
    r"(?:приводит|приводят)\s+(?P<via>\S+(?:\s+\S+)?)\s+слова\s+(?P<who>[^.,;:«»\"]{2,80})"
    r"|цитирует\s+(?P<via2>[«\"]?[^\s«»\"]+[»\"]?)\s+(?P<who2>[^.,;:«»\"]{2,80})"
)
# "Pour Hillary Clinton, «…»", "D'après X, « … »": a speaker given before a comma and the
# quote, with no verb (French news writing).
FOR_SPEAKER = re.compile(r"^(?:Pour|D['’]après|Selon)\s+(?P<who>[^,«\"“]{2,80}),\s*[«\"“]")
# The words that frame a quote rather than report it, in Arabic, Russian and French ("l'a
# qualifié de « … »", "назвал его «…»", "وصف ... بأنه").
FRAMING = r"qualifi\w+\s+de|qualifi\w+\s+d['’]|назвал\w*|وصف|وصفت"
# Phrases before a verb that name no one ("Об этом сообщил X", "Как заявил X"): the speaker
# follows the verb, as the language writes it.
NO_SUBJECT_BEFORE_VERB = re.compile(r"^(?:Об\s+этом|Как|При\s+этом|Ранее|Также|Comme)$")
