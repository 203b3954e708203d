import sys

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.pipeline import run


class Command(BaseCommand):
    help = (
        "Import articles from folders of .txt files and FA-KES-style CSV files. "
        "Re-running adds nothing twice (articles are deduplicated by SHA-256)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")

    def handle(self, *args, paths, **options):
        report = run(paths, progress=sys.stderr.isatty())
        for problem in report.problems:
            self.stderr.write(f"skipped {problem}")
        self.stdout.write(f"Import: {report.summary()}.")
        if report.failed and not report.added and not report.duplicates:
            raise CommandError("Nothing could be imported.")
