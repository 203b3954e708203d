from pathlib import Path

from django.core.management.base import BaseCommand

from archive import backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database (articles, quotes, curators' edits, the "
        "calendar and gazetteer, users) to one .tar.gz; restore it with restore_archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to write (.tar.gz)")

    def handle(self, *args, path, **options):
        path.parent.mkdir(parents=True, exist_ok=True)
        manifest = backup.write(path)
        counts = manifest["counts"]
        self.stdout.write(
            f"Backup written to {path}: {counts['articles']} articles, {counts['quotes']} "
            f"quotes, {counts['rounds']} rounds (sha256 {manifest['sha256'][:12]}…)."
        )
