from django.contrib import admin
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import include, path, register_converter
from django.utils.functional import lazy
from django.views.generic import RedirectView

from archive.feeds import search_feed
from archive.views import api, cite, health, pages, quotes, rounds, search


class PermalinkKey:
    """An article's permalink key: the first hex digits of its SHA-256 (12 in every link the
    archive prints; up to the whole hash is accepted). Anything else is a 404, not a lookup
    that matches many articles."""

    regex = "[0-9a-fA-F]{12,64}"

    def to_python(self, value):
        return value.lower()

    def to_url(self, value):
        return value


register_converter(PermalinkKey, "permalink")

archive_patterns = [
    path("", pages.home, name="home"),
    path("search/", search.search_page, name="search"),
    path("search/help/", search.search_help, name="search_help"),
    path("search/concepts/", search.concepts, name="concepts"),
    path("search/cite/", cite.cite_search, name="cite_search"),
    path("search/cited/<str:key>/", cite.cited_search, name="cited_search"),
    path("search/feed/", search_feed, name="search_feed"),
    path("search/export.csv", search.export_csv, name="export_csv"),
    path("search/export.json", search.export_json, name="export_json"),
    path("quotes/export.csv", quotes.quotes_csv, name="quotes_csv"),
    path("quotes/export.json", quotes.quotes_json, name="quotes_json"),
    path("articles/", pages.article_list, name="articles"),
    path("articles/undated/", pages.undated, name="undated"),
    path("articles/<permalink:key>/", pages.article_detail, name="article"),
    path(
        "articles/<permalink:key>/cite.<str:suffix>", cite.article_citation, name="article_citation"
    ),
    path("actors/", pages.actor_list, name="actors"),
    path("actors/<slug:slug>/", pages.actor_detail, name="actor"),
    path("timeline/", rounds.timeline, name="timeline"),
    path("rounds/<slug:slug>/", rounds.round_detail, name="round"),
    path("rounds/<slug:slug>/cite.<str:suffix>", cite.round_citation, name="round_citation"),
    path("api/search/", api.api_search, name="api_search"),
    path("api/articles/<permalink:key>/", api.api_article, name="api_article"),
    path("api/actors/<slug:slug>/", api.api_actor, name="api_actor"),
    path("api/events/<slug:slug>/", api.api_event, name="api_event"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    # Lazy: the hashed name is read from the static manifest at the first request, not when
    # the URLconf is imported (a process may import it before collectstatic has run).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("archive/favicon.svg"))),
    path("", include((archive_patterns, "archive"))),
]


def handler404(request, exception=None):
    """JSON for the API, the archive's own page for everything else."""
    if request.path.startswith("/api/"):
        return api.api_not_found(request)
    return render(request, "404.html", status=404)
