"""Admin for rounds of talks and their participants."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Event, Participant


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 1
    autocomplete_fields = ["actor"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "start_date", "end_date", "place", "held"]
    list_filter = ["process", "held"]
    search_fields = ["title", "slug", "mediator", "place", "outcome"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipantInline]
