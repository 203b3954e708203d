"""The admin's form to start an import: a file uploaded, or a path on the server inside the
folders a deployment allows (ARCHIVE_IMPORT_DIRS), never both, never an unknown format."""

from pathlib import Path

from django import forms
from django.conf import settings

from archive.ingest.readers import READERS, reader_for
from archive.models import ImportRun


def _inside(path: Path, folders) -> bool:
    return any(path == folder or folder in path.parents for folder in folders)


def _links_under(path: Path):
    """Every symbolic link inside a folder (links to folders are not walked into)."""
    if not path.is_dir():
        return
    for entry in path.rglob("*"):
        if entry.is_symlink():
            yield entry


class ImportRunForm(forms.ModelForm):
    class Meta:
        model = ImportRun
        fields = ["upload", "paths"]
        labels = {"upload": "File to import", "paths": "Or a file or folder on the server"}
        help_texts = {
            "upload": "One of: " + ", ".join(sorted(READERS)) + ".",
            "paths": "Inside one of: "
            + ", ".join(str(folder) for folder in settings.ARCHIVE_IMPORT_DIRS)
            + ".",
        }
        widgets = {"paths": forms.TextInput(attrs={"size": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "paths" in self.fields:  # the add form; a run's own page shows it read-only
            self.fields["paths"].required = False  # one of the two is asked for in clean()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and reader_for(Path(upload.name)) is None:
            raise forms.ValidationError(
                f"“{upload.name}” is not a format the archive reads ({', '.join(sorted(READERS))})."
            )
        return upload

    def clean_paths(self):
        given = self.cleaned_data.get("paths", "").strip()
        if not given:
            return given
        allowed = [Path(folder).resolve() for folder in settings.ARCHIVE_IMPORT_DIRS]
        refused = forms.ValidationError(
            "Imports read only inside " + ", ".join(map(str, allowed)) + "."
        )
        try:
            path = Path(given).resolve()
            if not _inside(path, allowed):
                raise refused
            if not path.exists():
                raise forms.ValidationError(f"{path} does not exist on the server.")
            # A link inside an allowed folder may point anywhere: every file read must lie
            # inside one too.
            for link in _links_under(path):
                if not _inside(link.resolve(), allowed):
                    raise forms.ValidationError(
                        f"{link} leads outside the folders imports may read; remove the link "
                        "or copy the file in."
                    )
        except OSError as error:  # a name too long for the file system, a loop of links
            raise forms.ValidationError(f"The path cannot be read ({error.strerror}).") from error
        return str(path)

    def clean(self):
        cleaned = super().clean()
        if self.has_error("upload") or self.has_error("paths"):
            return cleaned  # the field's own message says what is wrong
        if cleaned.get("upload") and cleaned.get("paths"):
            raise forms.ValidationError("Give a file to upload or a path on the server, not both.")
        if not cleaned.get("upload") and not cleaned.get("paths"):
            raise forms.ValidationError("Give a file to upload or a path on the server.")
        return cleaned
