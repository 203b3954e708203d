"""Admin for articles (dates, rounds, mentions) and import runs."""

from django import forms
from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Article, ImportRun, Mention

DATE_FIELDS = [
    "published",
    "date_method",
    "date_confidence",
    "date_evidence",
    "date_candidates",
    "event_dates",
]
PROVENANCE_FIELDS = [
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
]


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["actor"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
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
        *(field for field in DATE_FIELDS if field != "published"),
        "cluster",
        *PROVENANCE_FIELDS,
    ]
    fieldsets = [
        (None, {"fields": ["title", "source", "author", "url", "language", "body", "cluster"]}),
        (
            "Date",
            {
                "fields": DATE_FIELDS,
                "description": "A date you set here is kept as the curator's and wins.",
            },
        ),
        ("Rounds", {"fields": ["events"]}),
        ("Provenance", {"classes": ["collapse"], "fields": PROVENANCE_FIELDS}),
    ]

    def save_model(self, request, obj, form, change):
        if "published" in form.changed_data:
            obj.date_method = Article.DateMethod.CURATOR
            obj.date_confidence = 1.0 if obj.published else 0.0
            obj.date_evidence = f"set by {request.user.get_username()}"
        super().save_model(request, obj, form, change)


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
