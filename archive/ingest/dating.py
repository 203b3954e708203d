"""The publication date of a text, graded: every signal gives candidates, the most confident
wins. From most to least trusted: a dateline the text opens with; the source's metadata (a CSV
column, HTML meta tags); a date in the URL; a weekday with a day and month but no year; for a
text with none of these, the calendar of rounds (`calendar_dates`); explicit dates in the text.
Two signals that agree raise the confidence.
"""

from archive.ingest.calendar_dates import calendar_date, named_round_date
from archive.ingest.dates import (
    CONFIDENCE,
    UNDATED,
    DateGuess,
    find_dateline,
    parse_date,
    reported_dates,
    url_date,
    weekday_date,
    yearless_dateline,
)


def candidates(
    text: str, metadata: str = "", url: str = "", rounds=(), order="MDY", named_round=False
):
    """Every date each signal gives for the publication, most confident first."""
    found = []
    dateline = find_dateline(text)
    if dateline:
        found.append(DateGuess(dateline[1], "dateline", CONFIDENCE["dateline"], dateline[0]))
    meta = parse_date(metadata.strip(), order) if metadata and metadata.strip() else None
    if meta:
        found.append(DateGuess(meta, "metadata", CONFIDENCE["metadata"], metadata.strip()))
    in_url = url_date(url)
    if in_url:
        found.append(DateGuess(in_url[1], "url", CONFIDENCE["url"], in_url[0]))
    if not found:
        for signal in (
            yearless_dateline(text, rounds),
            weekday_date(text, rounds),
            named_round_date(text, rounds) if named_round else None,
            calendar_date(text, rounds),
        ):
            if signal:
                found.append(signal)
    explicit = reported_dates(text)
    if explicit:
        # An article is published on or after the latest date it reports.
        words, day = max(explicit, key=lambda pair: pair[1])
        found.append(DateGuess(day, "text", CONFIDENCE["text"], words))
    return sorted(found, key=lambda guess: -guess.confidence)


def choose(found: list[DateGuess]) -> DateGuess:
    """The most confident candidate; agreement raises it, disagreement lowers it."""
    if not found:
        return UNDATED
    best = found[0]
    others = [g for g in found[1:] if g.method != "text"]
    agreeing = [g for g in others if g.date == best.date]
    if best.method == "dateline" and any(g.method == "metadata" for g in agreeing):
        return DateGuess(best.date, "dateline+metadata", 0.95, best.evidence)
    if agreeing:
        return DateGuess(best.date, best.method, min(0.95, best.confidence + 0.1), best.evidence)
    if others:
        note = "; ".join(f"{g.method} says {g.date}" for g in others)
        return DateGuess(
            best.date, best.method, round(best.confidence - 0.15, 2), f"{best.evidence} ({note})"
        )
    return best


def guess_date(
    text: str, metadata: str = "", metadata_order: str = "MDY", url: str = "", rounds=()
):
    """The publication date for a text: the chosen DateGuess."""
    return choose(candidates(text, metadata, url, rounds, metadata_order))
