"""An Atom feed of any search: subscribe to a query and see new articles as they arrive."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive import search
from archive.search import manifest
from archive.search.request import Q, run_search

FEED_SIZE = 50
MANIFEST_NS = "https://syrian-peace-talks-archive.example/ns/manifest"


class ManifestAtomFeed(Atom1Feed):
    """Atom with the result set's manifest (total, SHA-256 of the ids, archive state) as
    elements of the archive's own namespace, which feed readers pass over."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:archive": MANIFEST_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        manifest = self.feed["manifest"]
        handler.addQuickElement("archive:total", str(manifest["total"]))
        handler.addQuickElement("archive:ids-sha256", manifest["ids_sha256"])
        handler.addQuickElement("archive:created", manifest["created"])
        generation = manifest["archive"]["index_generation"]
        handler.addQuickElement("archive:index-generation", str(generation))


class SearchFeed(Feed):
    feed_type = ManifestAtomFeed

    def get_object(self, request):
        results, _ = run_search(request.GET, sort="newest")
        query_string = request.GET.urlencode()
        return {
            "results": results,
            "manifest": manifest.manifest(results, request.GET),
            "query": request.GET.get(Q, ""),
            "url": reverse("archive:search") + (f"?{query_string}" if query_string else ""),
            "feed_url": reverse("archive:search_feed")
            + (f"?{query_string}" if query_string else ""),
        }

    def feed_extra_kwargs(self, obj):
        return {"manifest": obj["manifest"]}

    def title(self, obj):
        return f"Syrian peace talks archive: {obj['query'] or 'filtered search'}"

    def link(self, obj):
        return obj["url"]

    def feed_url(self, obj):
        """rel="self": this feed with its query (Django's default, the path, drops it)."""
        return obj["feed_url"]

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
