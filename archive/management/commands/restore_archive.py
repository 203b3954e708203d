import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive import backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_archive into an empty instance (after migrate; "
        "--replace over a fresh one's seeds), rebuild the search index from it and check both."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file (.tar.gz)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the articles the database holds (a fresh make run's seeds) with the "
            "backup; nothing changes unless all of it loads",
        )

    def handle(self, *args, path, replace=False, **options):
        stages, started = [], time.monotonic()

        def done(stage):
            nonlocal started
            stages.append(f"{stage} {time.monotonic() - started:.0f} s")
            started = time.monotonic()

        try:
            manifest = backup.restore(path, replace=replace)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        done("load")
        call_command("rebuild_index", "--quiet", stdout=self.stdout)
        done("index")
        call_command("rebuild_index", "--check", stdout=self.stdout)
        done("check")
        call_command("verify_fixity", stdout=self.stdout)
        done("fixity")
        counts = manifest["counts"]
        self.stdout.write(
            f"Restored {path} (written {manifest['written']}): {counts['articles']} articles, "
            f"{counts['quotes']} quotes, {counts['rounds']} rounds; index rebuilt "
            f"({', '.join(stages)})."
        )
