"""The curators' admin: articles (dates, rounds), actors (aliases inline) and rounds."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count

from archive.models import Actor, Alias, Article, Event, ImportRun, Mention, Participant

admin.site.site_header = "Syrian peace talks archive: curation"
admin.site.site_title = "Archive curation"
admin.site.index_title = "Articles, actors and rounds"


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["actor"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "date_method", "date_confidence"]
    list_filter = ["date_method", "events__process", "source", "language", "import_run"]
    search_fields = ["title", "body", "sha256", "external_id"]
    date_hierarchy = "published"
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}
    }
    filter_horizontal = ["events"]
    inlines = [MentionInline]
    readonly_fields = [
        "sha256",
        "date_method",
        "date_confidence",
        "date_evidence",
        "date_candidates",
        "event_dates",
        "cluster",
        "source_file",
        "source_row",
        "external_id",
        "record",
        "imported_at",
        "import_run",
        "importer_version",
        "decoding_errors",
        "raw_text",
    ]
    fieldsets = [
        (None, {"fields": ["title", "source", "author", "url", "language", "body", "cluster"]}),
        (
            "Date",
            {
                "fields": [
                    "published",
                    "date_method",
                    "date_confidence",
                    "date_evidence",
                    "date_candidates",
                    "event_dates",
                ],
                "description": "A date you set here is kept as the curator's and wins.",
            },
        ),
        ("Rounds", {"fields": ["events"]}),
        (
            "Provenance",
            {
                "classes": ["collapse"],
                "fields": [
                    "sha256",
                    "source_file",
                    "source_row",
                    "external_id",
                    "record",
                    "imported_at",
                    "import_run",
                    "importer_version",
                    "decoding_errors",
                    "raw_text",
                ],
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        if "published" in form.changed_data:
            obj.date_method = Article.DateMethod.CURATOR
            obj.date_confidence = 1.0 if obj.published else 0.0
            obj.date_evidence = f"set by {request.user.get_username()}"
        super().save_model(request, obj, form, change)


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "alias_count", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline]

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


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 1
    autocomplete_fields = ["actor"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "start_date", "end_date", "place", "held"]
    list_filter = ["process", "held"]
    search_fields = ["title", "slug", "mediator", "place", "outcome"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipantInline]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Bulk imports, for audit: browsable, never edited by hand."""

    list_display = ["started_at", "status", "user", "added", "duplicates", "failed", "paths"]
    list_filter = ["status", "user", "importer_version"]
    search_fields = ["paths", "problems", "user"]
    date_hierarchy = "started_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
