from django.core.management.base import BaseCommand

from archive.actors.gazetteer import load_gazetteer
from archive.thesaurus.load import load_thesaurus
from archive.timeline.calendar import load_calendar


class Command(BaseCommand):
    help = (
        "Load the shipped gazetteer of actors, the calendar of rounds and the thesaurus"
        " (safe to re-run)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite rounds already in the database with the shipped calendar.",
        )

    def handle(self, *args, update=False, **options):
        actors, aliases = load_gazetteer()
        created, updated = load_calendar(update=update)
        concepts, terms = load_thesaurus()
        self.stdout.write(
            f"Gazetteer: {actors} actors and {aliases} aliases added. "
            f"Calendar: {created} rounds added, {updated} updated. "
            f"Thesaurus: {concepts} concepts and {terms} terms added."
        )
