"""Quotes as data: every quote of an actor, a round or the whole archive, as CSV or JSON."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404

from archive import export
from archive.models import Actor, Event, Quote


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


def quotes_csv(request):
    rows = (export.quote_row(q, request.build_absolute_uri) for q in _quotes_in(request))
    return _download(
        export.csv_stream(export.QUOTE_COLUMNS, rows), "text/csv; charset=utf-8", "csv"
    )


def quotes_json(request):
    rows = (export.quote_row(q, request.build_absolute_uri) for q in _quotes_in(request))
    return _download(export.json_stream(rows), "application/json", "json")


def _quotes_in(request):
    return export.quotes_in_order(_quotes(request))
