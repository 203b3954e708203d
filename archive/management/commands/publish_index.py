from pathlib import Path

from django.core.management.base import BaseCommand

from archive.search.publish import publish


class Command(BaseCommand):
    help = (
        "Publish the index's latest generation to DEST/generations/ and point DEST/current at "
        "it, for read-only web nodes (ARCHIVE_INDEX_DIR=DEST/current, ARCHIVE_INDEX_READ_ONLY=1)."
    )

    def add_arguments(self, parser):
        parser.add_argument("dest", type=Path)

    def handle(self, *args, dest, **options):
        self.stdout.write(f"Published {publish(dest)}.")
