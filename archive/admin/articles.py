"""Admin for articles (dates, rounds, mentions) and import runs."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from archive.admin.forms import ImportRunForm
from archive.ingest import jobs
from archive.ingest.version import IMPORTER_VERSION
from archive.models import Article, ImportRun, Mention

DATE_FIELDS = [
    "published",
    "date_method",
    "date_confidence",
    "date_evidence",
    "date_signals",
    "events_reported",
]
PROVENANCE_FIELDS = [
    "sha256",
    "source_file",
    "source_row",
    "external_id",
    "record_provenance",
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

    @admin.display(description="Date signals")
    def date_signals(self, article):
        """Each date a signal gave, as a list: the date, from what, how sure, the words."""
        return _listed(
            article.date_candidates,
            lambda c: format_html(
                "{} from {} ({}){}",
                c.get("date") or "no date",
                c.get("method", "?"),
                f"{c.get('confidence', 0):.2f}",
                format_html(": “{}”", c["evidence"]) if c.get("evidence") else "",
            ),
        )

    @admin.display(description="Events reported")
    def events_reported(self, article):
        return _listed(
            article.event_dates,
            lambda e: format_html("{} (“{}”)", e.get("date", "?"), e.get("words", "")),
        )

    @admin.display(description="Record")
    def record_provenance(self, article):
        return _listed(article.provenance, lambda pair: format_html("{}: {}", *pair))

    def save_model(self, request, obj, form, change):
        if "published" in form.changed_data:
            obj.date_method = Article.DateMethod.CURATOR
            obj.date_confidence = 1.0 if obj.published else 0.0
            obj.date_evidence = f"set by {request.user.get_username()}"
        super().save_model(request, obj, form, change)


def _listed(items, line):
    """Items as an HTML list, each by `line` (escaped by format_html); "-" for none."""
    if not items:
        return "-"
    return format_html(
        '<ul style="margin: 0; padding-left: 1.1em">{}</ul>',
        format_html_join("", "<li>{}</li>", ((line(item),) for item in items)),
    )


RUN_FIELDS = [
    "status",
    "source_given",
    "user",
    "started_at",
    "finished_at",
    "read",
    "added",
    "duplicates",
    "failed",
    "skipped",
    "decoding_errors",
    "refused",
    "importer_version",
    "process",
]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Imports, for audit, and a form to start one in the background: a file uploaded or a
    path on the server, run by the worker; the list shows each run's progress as it goes."""

    form = ImportRunForm
    list_display = [
        "started_at",
        "status",
        "user",
        "read",
        "added",
        "duplicates",
        "failed",
        "source_given",
    ]
    list_filter = ["status", "user", "importer_version"]
    search_fields = ["paths", "problems", "user"]
    date_hierarchy = "started_at"
    change_list_template = "admin/archive/importrun/change_list.html"

    @admin.display(description="File or path")
    def source_given(self, run):
        return run.upload.name if run.upload else run.paths

    def get_fields(self, request, obj=None):
        return ["upload", "paths"] if obj is None else RUN_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else RUN_FIELDS

    @admin.display(description="Refused records (file:line: reason)")
    def refused(self, run):
        if not run.problems:
            return "None"
        return format_html("<pre>{}</pre>", run.problems)

    @admin.display(description="Process")
    def process(self, run):
        return f"{run.pid} on {run.host}" if run.pid else "-"

    def has_change_permission(self, request, obj=None):
        return False  # an audit row: never edited by hand

    def save_model(self, request, obj, form, change):
        obj.user = request.user.get_username()
        obj.status = ImportRun.Status.QUEUED
        obj.importer_version = IMPORTER_VERSION
        super().save_model(request, obj, form, change)
        if obj.upload:
            obj.paths = obj.upload.name
            obj.save(update_fields=["paths"])
        jobs.queue(obj)

    def changelist_view(self, request, extra_context=None):
        active = ImportRun.objects.filter(
            status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING]
        ).exists()
        return super().changelist_view(request, {**(extra_context or {}), "refresh": active})
