"""Where each round is drawn on the timeline: parallel lanes on one time axis, as SVG numbers.

Pure arithmetic on dates, so the template only places what this module computed. Every drawn
thing also carries its days from the axis's origin (`a`, `b`), from which `timeline.js`
redraws it at any zoom; without JavaScript the drawing is the whole axis at `width` units.
"""

import datetime
from dataclasses import dataclass, field

from archive.timeline import svg

LANES = [
    ("geneva", "Geneva"),
    ("astana", "Astana"),
    ("constitutional", "Constitutional Committee"),
    ("sochi", "Sochi and other"),
]
LANE_OF = {key: key for key, _ in LANES} | {"other": "sochi"}  # process → lane


def in_lane(events, key) -> list:
    return [event for event in events if LANE_OF.get(event.process) == key]


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}
MIN_MARK_WIDTH = 3.0  # units: a one-day round stays visible on the whole axis
DENSITY_HEIGHT = 16  # the bars of articles per month under each lane ...
# ... standing on this line of the lane: its name at 0-14 (fixed while the axis moves), the
# rounds at 16-34 and their labels under them, then the bars (see _timeline.html).
DENSITY_BASE = 68


def short_label(event) -> str:
    """ "II.1" for Geneva II round 1, "4" for Astana 4, "S" for the Sochi congress."""
    if event.process == "geneva":
        roman = ROMAN.get(event.number, str(event.number))
        return f"{roman}.{event.part}" if event.part else roman
    if event.process == "sochi":
        return "S"
    return str(event.number)


@dataclass
class Mark:
    event: object
    x: str
    width: str
    a: int  # days from the origin to the first day
    b: int  # ... to the day after the last
    label: str
    articles: int = 0
    matched: bool | None = None  # None: no filter; else whether the filter keeps the round
    label_shown: bool = True  # at the whole-axis width (timeline.js decides at other zooms)


@dataclass
class Bar:
    """Articles in one month under a lane."""

    x: str
    width: str
    a: int
    b: int
    y: str
    height: str
    month: str
    count: int


@dataclass
class Lane:
    key: str
    name: str
    y: float
    marks: list = field(default_factory=list)
    bars: list = field(default_factory=list)

    @property
    def marks_svg(self) -> str:
        return svg.marks(self)

    @property
    def bars_svg(self) -> str:
        return svg.bars(self)


@dataclass
class Timeline:
    width: float
    height: float
    lane_height: float
    origin: datetime.date
    days: int  # the axis's length in days
    years: list  # (year, x, a)
    lanes: list


def build(events, counts=None, densities=None, matched=None, today=None, width=1000.0):
    """Lay out `events` (Event rows) from January of the first round's year to the end of
    this year. `counts`: event id → articles placed in it; `densities`: process → {"YYYY-MM":
    articles}; `matched`: the event ids a filter keeps (None: no filter)."""
    events = list(events)
    counts, densities = counts or {}, densities or {}
    today = today or datetime.date.today()
    first = min((e.start_date for e in events), default=today).year
    origin = datetime.date(first, 1, 1)
    end = datetime.date(max(today.year, *(e.last_day.year for e in events)) + 1, 1, 1)
    days = (end - origin).days
    scale = width / days

    def span(start, stop):
        a, b = (start - origin).days, (stop - origin).days
        return _n(a * scale), _n(max(MIN_MARK_WIDTH, (b - a) * scale)), a, b

    lane_height = DENSITY_BASE + 10
    lanes = []
    for index, (key, name) in enumerate(LANES):
        lane = Lane(key, name, 22 + index * lane_height)
        for event in sorted(in_lane(events, key), key=lambda e: e.start_date):
            x, w, a, b = span(event.start_date, event.last_day + datetime.timedelta(days=1))
            keep = None if matched is None else event.pk in matched
            lane.marks.append(
                Mark(event, x, w, a, b, short_label(event), counts.get(event.pk, 0), keep)
            )
        _hide_crowded_labels(lane.marks)
        lane.bars = _bars(_lane_months(densities, key), span)
        lanes.append(lane)
    years = []
    for year in range(first, end.year):
        a = (datetime.date(year, 1, 1) - origin).days
        years.append((year, _n(a * scale), a))
    height = 22 + len(lanes) * lane_height
    return Timeline(width, height, lane_height, origin, days, years, lanes)


def _lane_months(densities, key) -> dict:
    months = {}
    for process, counts in densities.items():
        if LANE_OF.get(process) == key:
            for month, n in counts.items():
                months[month] = months.get(month, 0) + n
    return months


LABEL_CHAR_WIDTH = 6.5  # units per character of a round's label (10 px type)


def _hide_crowded_labels(marks):
    """Labels that would run into the one before them are left out (never overprinted)."""
    free_from = float("-inf")
    for mark in marks:
        x = float(mark.x)
        mark.label_shown = x >= free_from
        if mark.label_shown:
            free_from = x + len(mark.label) * LABEL_CHAR_WIDTH + 4


def _bars(months: dict, span) -> list[Bar]:
    """One bar per month with articles, its height relative to the lane's busiest month."""
    busiest = max(months.values(), default=0)
    bars = []
    for month, count in sorted(months.items()):
        try:
            year, number = (int(part) for part in month.split("-"))
        except ValueError:
            continue
        start = datetime.date(year, number, 1)
        stop = datetime.date(year + number // 12, number % 12 + 1, 1)
        x, w, a, b = span(start, stop)
        height = max(1.5, DENSITY_HEIGHT * count / busiest)
        bars.append(Bar(x, w, a, b, _n(DENSITY_BASE - height), _n(height), month, count))
    return bars


def _n(value: float) -> str:
    """A coordinate as the SVG is written (Django's floatformat over ~1,000 numbers costs
    milliseconds a page)."""
    return f"{value:.1f}"
