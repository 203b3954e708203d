"""Where each round is drawn on the timeline: parallel lanes on one time axis, as SVG numbers.

Pure arithmetic on dates, so the template only places what this module computed.
"""

import datetime
from dataclasses import dataclass, field

LANES = [
    ("geneva", "Geneva"),
    ("astana", "Astana"),
    ("constitutional", "Constitutional Committee"),
    ("sochi", "Sochi congress"),
]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}
MIN_MARK_WIDTH = 8.0


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
    x: float
    width: float
    label: str
    label_y: float
    articles: int = 0


@dataclass
class Lane:
    key: str
    name: str
    y: float
    marks: list = field(default_factory=list)


@dataclass
class Timeline:
    width: float
    height: float
    lane_height: float
    label_width: float
    years: list  # (year, x)
    lanes: list


def build(events, px_per_year=130.0, lane_height=64.0, label_width=190.0, counts=None):
    """Lay out `events` (Event rows); `counts` maps event id → number of articles."""
    events = list(events)
    counts = counts or {}
    if not events:
        return Timeline(label_width, lane_height, lane_height, label_width, [], [])
    first = min(e.start_date for e in events).year
    last = max(e.last_day for e in events).year + 1
    origin = datetime.date(first, 1, 1)

    def x_of(day):
        return label_width + (day - origin).days / 365.25 * px_per_year

    lanes = []
    for index, (key, name) in enumerate(LANES):
        lane = Lane(key, name, 30 + index * lane_height)
        lane_events = [e for e in events if e.process == key]
        for position, event in enumerate(sorted(lane_events, key=lambda e: e.start_date)):
            x = x_of(event.start_date)
            width = max(MIN_MARK_WIDTH, x_of(event.last_day + datetime.timedelta(days=1)) - x)
            # Alternate label rows so close rounds (Astana 2017) do not overprint.
            label_y = lane.y + (14 if position % 2 == 0 else 46)
            mark = Mark(event, x, width, short_label(event), label_y, counts.get(event.pk, 0))
            lane.marks.append(mark)
        if lane.marks:
            lanes.append(lane)
    for index, lane in enumerate(lanes):  # close up lanes left empty
        shift = 30 + index * lane_height - lane.y
        lane.y += shift
        for mark in lane.marks:
            mark.label_y += shift
    years = [(year, x_of(datetime.date(year, 1, 1))) for year in range(first, last + 1)]
    width = x_of(datetime.date(last, 1, 1)) + 20
    height = 30 + len(lanes) * lane_height + 10
    return Timeline(width, height, lane_height, label_width, years, lanes)
