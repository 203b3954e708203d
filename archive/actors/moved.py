"""Links to an actor by a slug it no longer has (merged away, renamed) lead to it, with a
301, so pages, API calls, exports and saved searches made before keep working."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from archive.actors.lookup import current_slug
from archive.models import Actor

ACTOR_PARAMS = ("actor", "speaker")  # URL parameters that take an actor's slug


def actor_or_redirect(request, slug, view_name):
    """(the actor, None), or (None, a 301 to `view_name` of the actor a former slug leads
    to); Http404 when the slug leads nowhere."""
    actor = Actor.objects.filter(slug=slug).first()
    if actor is not None:
        return actor, None
    now = current_slug(slug)
    if now is None:
        raise Http404(f"No actor is called “{slug}”.")
    query = request.META.get("QUERY_STRING", "")
    url = reverse(view_name, args=[now]) + (f"?{query}" if query else "")
    return None, HttpResponsePermanentRedirect(url)


def with_current_slugs(params):
    """`params` (a QueryDict) with former actor slugs replaced by current ones, or None when
    none needs replacing."""
    changed = None
    for name in ACTOR_PARAMS:
        given = params.get(name)
        if not given or Actor.objects.filter(slug=given).exists():
            continue
        now = current_slug(given)
        if now is not None:
            changed = changed or params.copy()
            changed[name] = now
    return changed


class FormerSlugRedirects:
    """Middleware: a GET whose `actor=` or `speaker=` names a former slug is sent, with a 301,
    to the same URL naming the actor's current slug."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        asked = any(request.GET.get(name) for name in ACTOR_PARAMS)
        if asked and request.method in ("GET", "HEAD") and not request.path.startswith("/admin/"):
            current = with_current_slugs(request.GET)
            if current is not None:
                return HttpResponsePermanentRedirect(f"{request.path}?{current.urlencode()}")
        return self.get_response(request)
