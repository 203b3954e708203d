from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from archive.views import pages, rounds, search

archive_patterns = [
    path("", pages.home, name="home"),
    path("search/", search.search_page, name="search"),
    path("articles/", pages.article_list, name="articles"),
    path("articles/<str:key>/", pages.article_detail, name="article"),
    path("actors/", pages.actor_list, name="actors"),
    path("actors/<slug:slug>/", pages.actor_detail, name="actor"),
    path("timeline/", rounds.timeline, name="timeline"),
    path("rounds/<slug:slug>/", rounds.round_detail, name="round"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=static("archive/favicon.svg"))),
    path("", include((archive_patterns, "archive"))),
]
