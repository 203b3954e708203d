"""An Atom feed of any search: subscribe to a query and see new articles as they arrive."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive import search
from archive.search.request import Q, run_search

FEED_SIZE = 50


class SearchFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        results, _ = run_search(request.GET, sort="newest")
        query_string = request.GET.urlencode()
        return {
            "results": results,
            "query": request.GET.get(Q, ""),
            "url": reverse("archive:search") + (f"?{query_string}" if query_string else ""),
        }

    def title(self, obj):
        return f"Syrian peace talks archive: {obj['query'] or 'filtered search'}"

    def link(self, obj):
        return obj["url"]

    def subtitle(self, obj):
        return f"The newest articles matching “{obj['query']}”."

    def items(self, obj):
        return [hit.article for hit in obj["results"][0:FEED_SIZE]]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.body[:600]

    def item_pubdate(self, article):
        if article.published:
            return datetime.datetime.combine(article.published, datetime.time(), datetime.UTC)
        return article.imported_at

    def item_updateddate(self, article):
        return article.imported_at

    def item_author_name(self, article):
        return article.source or None


search_feed_view = SearchFeed()


def search_feed(request):
    try:
        return search_feed_view(request)
    except search.QueryError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
