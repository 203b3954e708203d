"""Admin for actors: aliases and roles inline, merge and split, the review queue of names."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from simple_history.admin import SimpleHistoryAdmin

from archive.actors.attribution import context_of
from archive.actors.merge import accept_proposal, merge_actors, split_alias
from archive.models import Actor, ActorProposal, ActorRole, Alias, MergeRecord, Quote


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1


class RoleInline(admin.TabularInline):
    model = ActorRole
    extra = 0
    fields = ["title", "organisation", "start", "end", "title_patterns"]


class ActorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, actor):
        """What a curator tells actors apart by: name, slug and how many articles."""
        articles = getattr(actor, "article_total", None)
        counted = (
            f", {articles} article{'s' if articles != 1 else ''}" if articles is not None else ""
        )
        return f"{actor.name} ({actor.slug}{counted})"


class MergeForm(forms.Form):
    keep = ActorChoiceField(queryset=Actor.objects.none(), widget=forms.RadioSelect)

    def __init__(self, *args, actors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = actors


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "alias_count", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, RoleInline]
    actions = ["merge"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                alias_total=Count("aliases", distinct=True),
                article_total=Count("articles", distinct=True),
            )
        )

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, actor):
        return actor.alias_total

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, actor):
        return actor.article_total

    @admin.action(description="Merge the selected actors into one")
    def merge(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "keep" in request.POST else None, actors=queryset)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = list(queryset.exclude(pk=keep.pk))
            merge_actors(keep, others, user=request.user.get_username())
            names = ", ".join(o.name for o in others)
            self.message_user(request, f"Merged {names} into {keep.name}.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge actors",
            "form": form,
            "actors": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return render(request, "admin/archive/merge_actors.html", context)


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "actor", "case_sensitive"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]
    actions = ["split"]

    @admin.action(description="Split the selected aliases into actors of their own")
    def split(self, request, queryset):
        for alias in queryset.select_related("actor"):
            old = alias.actor.name
            new = split_alias(alias)
            self.message_user(
                request, f"“{new.name}” is now an actor of its own, apart from {old}."
            )


@admin.register(ActorProposal)
class ActorProposalAdmin(admin.ModelAdmin):
    """The review queue: names the import met and the gazetteer does not know."""

    list_display = ["name", "seen", "status", "kind", "actor", "sentence_excerpt"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "sentence"]
    autocomplete_fields = ["actor"]
    readonly_fields = ["normalised", "sentence", "article", "seen"]
    fields = ["name", "kind", "status", "actor", "normalised", "sentence", "article", "seen"]
    actions = ["accept_as_actors", "reject"]

    @admin.display(description="first seen in")
    def sentence_excerpt(self, proposal):
        return proposal.sentence[:120]

    def save_model(self, request, obj, form, change):
        """Choosing an actor makes the name its alias; status "accepted" makes a new actor."""
        super().save_model(request, obj, form, change)
        if obj.status == ActorProposal.Status.ALIAS and obj.actor:
            accept_proposal(obj, as_alias_of=obj.actor)
        elif obj.status == ActorProposal.Status.ACCEPTED and obj.actor is None:
            accept_proposal(obj)

    @admin.action(description="Accept as new actors")
    def accept_as_actors(self, request, queryset):
        for proposal in queryset.filter(status=ActorProposal.Status.PENDING):
            accept_proposal(proposal)
        self.message_user(request, "Accepted.", messages.SUCCESS)

    @admin.action(description="Reject")
    def reject(self, request, queryset):
        queryset.update(status=ActorProposal.Status.REJECTED)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["merged_name", "kept", "merged_by", "merged_at"]
    readonly_fields = ["kept", "merged_name", "merged_slug", "details", "merged_by", "merged_at"]

    def has_add_permission(self, request):
        return False


class ConfidenceFilter(admin.SimpleListFilter):
    """How sure the import was of the speaker, in the bands a curator works through."""

    title = "speaker confidence"
    parameter_name = "confidence"
    BANDS = {
        "unplaced": ("kept as written (below 0.5)", {"confidence__lt": 0.5}),
        "leaning": ("inferred (0.5 to 0.8)", {"confidence__gte": 0.5, "confidence__lt": 0.8}),
        "named": ("named (0.8 and above)", {"confidence__gte": 0.8}),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.BANDS.items()]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value())
        return queryset.filter(**band[1]) if band else queryset


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    """Curators correct a quote's speaker (or mark it no quote); history is kept, and an
    import never revisits an article it already holds, so the correction stays."""

    list_display = [
        "speaker_name",
        "speaker",
        "anonymous",
        "verb",
        "context",
        "article",
        "confidence",
        "checked",
        "rejected",
    ]
    list_filter = [ConfidenceFilter, "checked", "rejected", "kind", "anonymous", "event__process"]
    search_fields = ["text", "speaker_name", "speaker__name"]
    autocomplete_fields = ["speaker", "article", "event"]
    actions = ["mark_checked", "mark_not_a_quote"]
    readonly_fields = ["confidence", "checked", "context"]  # a curator's save sets both
    list_select_related = ["speaker", "article"]
    # The doubtful ones first: unchecked, least sure.
    ordering = ["checked", "confidence", "-id"]

    @admin.display(description="in its article")
    def context(self, quote):
        return context_of(quote.article.body, quote.text, quote.position)

    def save_model(self, request, obj, form, change):
        obj.checked, obj.confidence = True, 1.0
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark as not a quote")
    def mark_not_a_quote(self, request, queryset):
        count = self._update(queryset, rejected=True, checked=True, confidence=1.0)
        self.message_user(
            request,
            f"{self._quotes(count)} marked as not a quote: kept with their history, no longer "
            "shown on pages, in search or in exports.",
            messages.SUCCESS,
        )

    @admin.action(description="The speaker is right (mark as checked)")
    def mark_checked(self, request, queryset):
        count = self._update(queryset, checked=True, confidence=1.0)
        self.message_user(
            request, f"{self._quotes(count)}: speaker marked as checked.", messages.SUCCESS
        )

    @staticmethod
    def _quotes(count) -> str:
        return f"{count} quote{pluralize(count)}"

    @staticmethod
    def _update(queryset, **values) -> int:
        # One save per quote (not queryset.update): history is kept and the index told.
        count = 0
        for quote in queryset:
            for name, value in values.items():
                setattr(quote, name, value)
            quote.save()
            count += 1
        return count

    @admin.display(description="quote")
    def excerpt(self, quote):
        return quote.text[:100]
