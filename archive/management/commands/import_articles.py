import os
import sys

from django.core.management.base import BaseCommand, CommandError

from archive.ingest import runs
from archive.ingest.jobs import one_import_at_a_time
from archive.ingest.pipeline import anything_new, run
from archive.ingest.readers.tabular import parse_mapping


class Command(BaseCommand):
    help = (
        "Import articles from .txt, .csv (FA-KES or mapped columns), .jsonl, .html and .warc "
        "files, or folders of them. Re-running adds nothing twice (SHA-256 of the raw bytes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report, but save no article."
        )
        parser.add_argument(
            "--columns",
            default="",
            help="CSV column mapping, e.g. title=headline,text=content,date=pubdate,"
            "source=outlet,url=link,id=guid,author=byline",
        )
        parser.add_argument("--user", default="", help="Who runs the import (for the audit).")
        parser.add_argument(
            "--quiet", action="store_true", help="No progress bar (none either off a terminal)."
        )
        parser.add_argument(
            "--if-new",
            action="store_true",
            help="Do nothing (and record no run) when every article is already held.",
        )
        parser.add_argument(
            "--nice",
            type=int,
            default=10,
            help="CPU priority to run at (0: as any process; default 10: a server answering "
            "readers on the same machine goes first, and an idle machine is used all the same).",
        )

    def handle(self, *args, paths, dry_run, columns, user, nice, quiet, if_new, **options):
        """Exit status: 0 when every record was imported (or already held), 2 when some were
        refused (each listed on stderr), 1 when nothing could be imported."""
        if nice > 0:
            os.nice(nice)
        try:
            mapping = parse_mapping(columns)
        except ValueError as error:
            raise CommandError(str(error)) from error
        progress = sys.stderr.isatty() and not quiet
        runs.mark_interrupted()
        if if_new and not anything_new(paths, mapping):
            self.stdout.write("Import: every article is already held; nothing to do.")
            return
        # An import started from the admin may be running: say so, and wait for it.
        with one_import_at_a_time(self.stderr.write):
            report = run(paths, progress=progress, dry_run=dry_run, columns=mapping, user=user)
        for problem in report.problems:
            self.stderr.write(f"skipped {problem}")
        prefix = "Dry run (nothing saved), would import" if dry_run else "Import"
        self.stdout.write(f"{prefix}: {report.summary()}.")
        if report.failed and not report.added and not report.duplicates:
            raise CommandError("Nothing could be imported.")
        if report.failed:
            raise CommandError(f"{report.failed} record(s) refused (listed above).", returncode=2)
