from django import forms
from django.conf import settings

from archive.search import SORTS


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=settings.ARCHIVE_MAX_QUERY_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": 'Brahimi, "de-escalation zones", Astana…'}
        ),
    )
    collapse = forms.BooleanField(required=False, label="One hit per wire story")
    sort = forms.ChoiceField(
        choices=[(key, key.capitalize()) for key in SORTS], required=False, initial="relevance"
    )
