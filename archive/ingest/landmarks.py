"""Events of the war a text may react to, with their day: a text that names one as news
was written soon after it. Read only for texts with no date of their own, to tell apart the
rounds of a process they might report on (`undated_rounds.by_landmark`), after every other
cue: a text looking back at the event years later names rounds the window does not hold,
and a cue that leaves no round changes nothing.

Each entry: the day, what happened, how long after it a text still treats it as news, and
how it is written in English, Arabic, Russian and French. Only events named in words no
other event shares are listed (not "Douma": also Russia's parliament).
"""

import datetime
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Landmark:
    day: datetime.date
    what: str
    news_days: int
    pattern: re.Pattern

    def window(self) -> tuple[datetime.date, datetime.date]:
        return self.day, self.day + datetime.timedelta(days=self.news_days)


LANDMARKS = (
    Landmark(
        datetime.date(2016, 3, 14),
        "Russia announces it is withdrawing the main part of its forces from Syria",
        21,
        re.compile(
            r"(?:withdraw\w*|pull\w*\s+out)\s+(?:of\s+)?(?:the\s+)?(?:main\s+part\s+of\s+|"
            r"bulk\s+of\s+|most\s+of\s+)?(?:its\s+|the\s+)?(?:Russian\s+)?(?:main\s+)?"
            r"(?:forces|troops|military\s+contingent)\s+(?:from\s+Syria)"
            r"|Russian\s+(?:troop\s+|military\s+)?(?:withdrawal|pull-?out)"
            r"|вывод\w*\s+(?:основн\w+\s+(?:част\w+\s+)?)?(?:российск\w+\s+)?(?:военн\w+\s+)?"
            r"(?:контингент\w*|группировк\w*|войск)"
            r"|سحب\s+(?:الجزء\s+الأكبر\s+من\s+|معظم\s+|القسم\s+الرئيسي\s+من\s+)?القوات\s+الروسية"
            r"|retrait\s+(?:partiel\s+)?(?:de\s+l'essentiel\s+)?(?:des|du)\s+"
            r"(?:forces|troupes|contingent)\s+(?:militaires?\s+)?russes?",
            re.I,
        ),
    ),
    Landmark(
        datetime.date(2017, 4, 4),
        "the chemical attack on Khan Sheikhoun",
        21,
        re.compile(r"Khan\s+Sh[ae]y?kh?oun|خان\s+شيخون|Хан[- ]Шейхун|Khan\s+Cheikhoun", re.I),
    ),
    Landmark(
        datetime.date(2019, 10, 9),
        "Turkey's offensive into north-east Syria (Operation Peace Spring)",
        21,
        re.compile(r"Peace\s+Spring|نبع\s+السلام|Источник\s+мира|Source\s+de\s+paix", re.I),
    ),
)


def named_in(text: str) -> list[Landmark]:
    return [landmark for landmark in LANDMARKS if landmark.pattern.search(text)]
