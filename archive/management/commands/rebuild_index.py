import sys

from django.core.management.base import BaseCommand, CommandError

from archive import search
from archive.models import Article
from archive.search import agreement


class Command(BaseCommand):
    help = "Rebuild the Whoosh index from the database, or check (and repair) that the two agree."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only rebuild when the index is missing, of an old schema, or out of count.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Compare the index with the database and print the differences (exit 1 if any).",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="No progress bar (none either off a terminal)."
        )
        parser.add_argument(
            "--repair",
            action="store_true",
            help="With --check: write again what differs (and what is queued), no full rebuild.",
        )

    def handle(self, *args, if_stale=False, check=False, repair=False, quiet=False, **options):
        if repair and not check:
            raise CommandError("--repair goes with --check.")
        if check:
            return self.check_agreement(repair)
        articles = Article.objects.count()
        if if_stale and search.document_count() == articles:
            self.stdout.write(f"Index is current ({articles} articles).")
            return
        indexed = search.rebuild(progress=sys.stderr.isatty() and not quiet)
        self.stdout.write(f"Indexed {indexed} articles.")

    def check_agreement(self, repair):
        if not search.is_current():
            if not repair:
                raise CommandError("The index is missing or of an old schema: rebuild it.")
            self.stdout.write(f"Index rebuilt: {search.rebuild()} articles.")
            return
        report = agreement.check()
        for line in report.lines():
            self.stdout.write(line)
        if repair and (report.queued or not report.agrees):
            written = agreement.repair(report)
            after = agreement.check()
            self.stdout.write(f"Repaired: {written} articles written again.")
            if not after.agrees:
                raise CommandError("\n".join(["Still differs after repair:", *after.lines()]))
        elif not report.agrees:
            raise CommandError("The index and the database differ (fix: --check --repair).")
        self.stdout.write("Index and database agree.")
