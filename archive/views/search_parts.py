"""What the results page shows around the hits: facet links and the month histogram.

Pure presentation of counts from `SearchResults.facet_counts()`, facet by facet of the registry
(`archive.search.facets.FACETS`); every link is the current URL with one parameter changed, so
the whole search state stays in the URL.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.http import QueryDict

from archive.actors.charts import axis_ticks
from archive.search.facets import FACETS
from archive.search.request import url_with

FACET_SIZE = 10


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    active: bool


@dataclass
class Bar:
    month: str
    count: int
    x: str  # SVG coordinates, already written out
    y: str
    height: str
    url: str
    label: str


def facet_lists(counts: dict, params: QueryDict) -> list:
    """[(title, parameter, [FacetValue])] for each listed facet that has values."""
    lists = []
    for facet in FACETS:
        values = {v: n for v, n in counts.get(facet.field, {}).items() if v}
        if not facet.listed or not values:
            continue
        top = sorted(values.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        if facet.newest_first:
            top.sort(reverse=True)
        names = facet.names([v for v, _ in top])
        active = params.get(facet.param, "")
        entries = [
            FacetValue(
                names.get(value, value),
                count,
                url_with(params, **{facet.param: None if value == active else value}),
                value == active,
            )
            for value, count in top
        ]
        lists.append((facet.label, facet.param, entries))
    return lists


def _months(first: str, last: str):
    year, month = map(int, first.split("-"))
    while f"{year:04d}-{month:02d}" <= last:
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def histogram(month_counts: dict, params: QueryDict, width=960.0, height=90.0) -> dict | None:
    """Bars of hits per month; each bar's link narrows the date range to its month."""
    counts = {m: n for m, n in month_counts.items() if m}
    if not counts:
        return None
    months = list(_months(min(counts), max(counts)))
    peak = max(counts.values())
    step = width / len(months)
    bars = []
    for i, month in enumerate(months):
        year, number = map(int, month.split("-"))
        last_day = calendar.monthrange(year, number)[1]
        count = counts.get(month, 0)
        bar_height = height * count / peak
        bars.append(
            # Written out here: Django's floatformat and localisation of ~600 numbers cost
            # 15-20 ms a page.
            Bar(
                month,
                count,
                f"{i * step:.2f}",
                f"{height - bar_height:.2f}",
                f"{bar_height:.2f}",
                url_with(
                    params,
                    date_from=f"{month}-01",
                    date_to=f"{month}-{last_day:02d}",
                ),
                datetime.date(year, number, 1).strftime("%B %Y"),
            )
        )
    # Labels sit under the drawing in HTML, placed in percent of its width: text inside an
    # SVG stretched to the page's width would be stretched with it.
    # A phone's width holds about eight labels: every month for half a year, the quarters
    # for two years, the years beyond.
    if len(bars) <= 24:
        every = 1 if len(bars) <= 6 else 3
        labels = [
            (bar, f"{calendar.month_abbr[int(bar.month[5:])]} {bar.month[2:4]}")
            for bar in bars
            if (int(bar.month[5:]) - 1) % every == 0 or bar is bars[0]
        ]
    else:
        labels = [(b, b.month[:4]) for b in bars if b.month.endswith("-01") or b is bars[0]]
    labels = [(f"{100 * float(bar.x) / width:.2f}", text) for bar, text in labels]
    return {
        "bars": bars,
        "width": f"{width:.0f}",
        "height": f"{height:.0f}",
        "bar_width": f"{max(step - 1, 1):.2f}",
        "years": labels,
        "peak": peak,
        "ticks": axis_ticks(peak)[::-1],  # top to bottom
    }
