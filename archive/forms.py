from django import forms
from django.conf import settings

from archive.search import SORTS

OFF = ("", "0", "false", "off", "no")


def flag_is_on(value) -> bool:
    """A yes/no URL parameter: `collapse=1` (or true, on, yes) asks for it; 0, false, off, no
    or nothing does not (Django's checkbox reads any non-empty text but "false" as on)."""
    return str(value or "").strip().lower() not in OFF


class FlagInput(forms.CheckboxInput):
    def value_from_datadict(self, data, files, name):
        return flag_is_on(data.get(name))


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=settings.ARCHIVE_MAX_QUERY_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": 'Brahimi, "de-escalation zones", Astana…'}
        ),
    )
    collapse = forms.BooleanField(required=False, label="One hit per wire story", widget=FlagInput)
    expand = forms.BooleanField(
        required=False,
        label="Search all languages (each word with its thesaurus terms)",
        widget=FlagInput,
    )
    sort = forms.ChoiceField(
        choices=[(key, key.capitalize()) for key in SORTS], required=False, initial="relevance"
    )


class TimelineFilterForm(forms.Form):
    """The timeline's filters: rounds where an actor took part, spoke or was named; rounds
    whose articles contain some words."""

    actor = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, empty_label="Any actor"
    )
    q = forms.CharField(
        label="Words",
        required=False,
        max_length=settings.ARCHIVE_MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "ceasefire, detainees…"}),
    )

    def __init__(self, *args, **kwargs):
        from archive.models import Actor

        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = Actor.objects.order_by("name")
