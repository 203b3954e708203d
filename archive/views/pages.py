import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, render

from archive import citations, search
from archive.actors import charts, profile, svg
from archive.actors.moved import actor_or_redirect
from archive.filters import ArticleFilter
from archive.forms import SearchForm, flag_is_on
from archive.models import Actor, Article, Event
from archive.search import facets
from archive.timeline import coverage, layout

COPIES_SHOWN = 10  # the rest of a wire story's copies are one search away


def home(request):
    """The rounds at a glance, the latest rounds and what was said at them, then the latest
    reports on the talks."""
    first, last = Article.objects.date_span()
    span = {"first": first, "last": last}
    events = Event.objects.annotate(n=Count("articles")).order_by("start_date", "number", "part")
    covered = [e for e in events if e.n and e.start_date <= datetime.date.today()][::-1][:5]
    quoted = next((e for e in covered if e.quotes.attributed().exists()), None)
    placed = Article.events.through.objects.filter(article_id=OuterRef("pk"))
    context = {
        "form": SearchForm(),
        "article_count": Article.objects.count(),
        "undated_count": Article.objects.filter(published__isnull=True).count(),
        "source_count": len(facets.publishers()[0]),  # kept per index generation
        "actor_count": Actor.objects.count(),
        "round_count": len(events),
        "span": span,
        "timeline": layout.build(events, {e.pk: e.n for e in events}, coverage.densities()),
        "latest_rounds": covered,
        "quoted_round": quoted,
        "quotes": quoted.quotes.attributed()
        .select_related("speaker", "article")
        .order_by("-article__published")[:4]
        if quoted
        else [],
        "latest": Article.objects.dated()
        .filter(Exists(placed))
        .defer("raw", "raw_text", "minhash", "date_candidates")
        .order_by("-published", "-pk")[:8],
    }
    return render(request, "archive/home.html", context)


def undated(request):
    """Articles no signal could date, for curators to fix in the admin."""
    articles = Article.objects.filter(published__isnull=True).order_by("title")
    page = Paginator(articles, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "archive/undated.html", {"page": page})


def article_list(request):
    filterset = ArticleFilter(request.GET, queryset=Article.objects.listed())
    if not filterset.is_valid():  # a value no filter knows: say so, never list everything
        context = {"filter": filterset, "errors": filter_errors(filterset)}
        return render(request, "archive/article_list.html", context, status=400)
    page = Paginator(filterset.qs, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "archive/article_list.html", {"filter": filterset, "page": page})


def filter_errors(filterset) -> list[str]:
    """A filter set's errors as sentences naming the filter and the value given."""
    form = filterset.form
    return [
        f"{form.fields[name].label}: “{form.data.get(name)}” is not one of the choices."
        for name in form.errors
        if name in form.fields
    ]


def copies_listed(article) -> dict:
    """The first COPIES_SHOWN other copies of the article's wire story, and how many copies
    the story has (this one included) when they do not all fit."""
    copies = Article.objects.copies_of(article)
    shown = list(copies[: COPIES_SHOWN + 1])
    more = len(shown) > COPIES_SHOWN
    return {"copies": shown[:COPIES_SHOWN], "cluster_size": copies.count() + 1 if more else None}


def article_detail(request, key):
    article = get_object_or_404(Article.objects.by_key(key))
    mentions = article.mention_set.select_related("actor").order_by("-count", "actor__name")
    query = request.GET.get("q", "")
    expand = flag_is_on(request.GET.get("expand"))  # the search came with its thesaurus terms
    marked = search.mark_terms(article.body, query, article.language, expand) if query else None
    context = {
        "article": article,
        "query": query,
        "expand": expand,
        "marked_body": marked,
        "mentions": mentions,
        "rounds": article.events.all(),
        "quotes": article.quotes.attributed().select_related("speaker"),
        **copies_listed(article),
        "permalink": request.build_absolute_uri(article.get_absolute_url()),
    }
    item = citations.csl_item(article, context["permalink"], datetime.date.today())
    context["citations"] = citations.rendered(item)
    context["cited_date"] = citations.citable_date(article)
    context["date_hint"] = citations.date_hint(article)
    return render(request, "archive/article_detail.html", context)


def actor_list(request):
    actors = list(Actor.objects.order_by("kind", "name"))
    counted = profile.article_counts()  # from the index: a COUNT join took 0.12 s at 100k
    for actor in actors:
        actor.n = counted.get(actor.slug, 0)
    return render(request, "archive/actor_list.html", {"actors": actors})


def actor_detail(request, slug):
    actor, moved = actor_or_redirect(request, slug, "archive:actor")
    if moved:
        return moved
    # Listed, counted and profiled from one search of the index: the database's joins
    # (a DISTINCT list, mentions per year, co-mentions) took ~2 s for a common actor at 100k.
    named = profile.articles_naming(actor)
    page = Paginator(named, settings.ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    facets = named.facet_counts()
    participations = list(
        actor.participant_set.select_related("event").order_by("event__start_date")
    )
    neighbours = profile.co_mentioned(actor, facets)
    pairs = profile.co_mention_pairs(named, neighbours) if neighbours else None
    context = {
        "actor": actor,
        "aliases": actor.aliases.all(),
        "titles": actor.roles.all(),
        "participations": participations,
        "chart": charts.mentions_chart(facets.get("month", {}), participations),
        "network": charts.network(actor, neighbours, pairs),
        "quotes": profile.latest_quotes(actor),
        "quote_count": actor.quotes.attributed().count(),
        "page": page,
        "articles": [hit.article for hit in page.object_list],
    }
    if context["chart"]:
        context["chart_svg"] = svg.mentions_svg(context["chart"], actor.name)
    if context["network"]:
        context["network_svg"] = svg.network_svg(context["network"], actor.name)
    return render(request, "archive/actor_detail.html", context)
