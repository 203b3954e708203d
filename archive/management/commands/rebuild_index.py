from django.core.management.base import BaseCommand

from archive import search
from archive.models import Article


class Command(BaseCommand):
    help = "Rebuild the Whoosh index from the database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only rebuild when the index is missing, of an old schema, or out of count.",
        )

    def handle(self, *args, if_stale=False, **options):
        articles = Article.objects.count()
        if if_stale and search.document_count() == articles:
            self.stdout.write(f"Index is current ({articles} articles).")
            return
        indexed = search.rebuild()
        self.stdout.write(f"Indexed {indexed} articles.")
