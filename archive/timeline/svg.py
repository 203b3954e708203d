"""The timeline's rounds and bars as SVG markup, written here rather than in the template:
Django's template engine took ~95 ms to draw 1,000 rounds (a dozen lookups and filters each),
these format strings take a few milliseconds. Every value is escaped."""

from html import escape

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import mark_safe

OUTCOME_CHARS = 240


def _plural(n: int, word: str) -> str:
    return f"{intcomma(n)} {word}{'' if n == 1 else 's'}"


def bars(lane) -> str:
    """Articles per month under a lane."""
    name = escape(lane.name)
    return mark_safe(
        "".join(
            f'<rect data-a="{bar.a}" data-b="{bar.b}" x="{bar.x}" width="{bar.width}" '
            f'y="{bar.y}" height="{bar.height}"><title>{name}, {bar.month}: '
            f"{_plural(bar.count, 'article')}</title></rect>"
            for bar in lane.bars
        )
    )


def marks(lane) -> str:
    """One link per round: its bar, its label, and its facts for the details panel."""
    out = []
    for mark in lane.marks:
        event = mark.event
        classes = ["round"]
        if not event.held:
            classes.append("not-held")
        if mark.matched is False:
            classes.append("dim")
        elif mark.matched:
            classes.append("hit")
        title, dates = escape(event.title), escape(event.dates_note)
        count = f" ({_plural(mark.articles, 'article')})" if mark.articles else ""
        hidden = "" if mark.label_shown else ' visibility="hidden"'
        outcome = event.outcome
        if len(outcome) > OUTCOME_CHARS:
            outcome = outcome[: OUTCOME_CHARS - 1].rstrip() + "…"
        outcome = escape(outcome)
        out.append(
            f'<a href="{escape(event.get_absolute_url())}" class="{" ".join(classes)}" '
            f'data-a="{mark.a}" data-b="{mark.b}" data-round="{escape(event.slug)}" '
            f'data-title="{title}" data-dates="{dates}" data-place="{escape(event.place)}" '
            f'data-mediator="{escape(event.mediator)}" data-outcome="{outcome}" '
            f'data-articles="{mark.articles}"><title>{title}: {dates}{count}</title>'
            f'<rect x="{mark.x}" y="16" width="{mark.width}" height="18" rx="2"/>'
            f'<text x="{mark.x}" y="46"{hidden}>{escape(mark.label)}</text></a>'
        )
    return mark_safe("".join(out))
