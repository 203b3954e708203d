"""Quotes as data: every quote of an actor, a round or the whole archive, as CSV or JSON."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404

from archive import export
from archive.models import Actor, Event, Quote
from archive.search import manifest


def _quotes(request):
    """The quotes the URL asks for: ?speaker=<actor slug>, ?round=<round slug>, or all."""
    quotes = Quote.objects.attributed()
    if request.GET.get("speaker"):
        quotes = quotes.filter(speaker=get_object_or_404(Actor, slug=request.GET["speaker"]))
    if request.GET.get("round"):
        quotes = quotes.filter(event=get_object_or_404(Event, slug=request.GET["round"]))
    return quotes


def _download(stream, content_type, extension):
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="archive-quotes.{extension}"'
    return response


def _rows(request):
    """The manifest of the quotes asked for, and their rows (streamed)."""
    quotes = _quotes(request)
    summary = manifest.quotes_manifest(quotes, request.GET)
    rows = (export.quote_row(q, request.build_absolute_uri) for q in export.quotes_in_order(quotes))
    return summary, rows


def quotes_csv(request):
    summary, rows = _rows(request)
    lines = export.with_manifest_csv(summary, export.csv_stream(export.QUOTE_COLUMNS, rows))
    return _download(lines, "text/csv; charset=utf-8", "csv")


def quotes_json(request):
    summary, rows = _rows(request)
    chunks = export.with_manifest_json(summary, "quotes", export.json_stream(rows))
    return _download(chunks, "application/json", "json")
