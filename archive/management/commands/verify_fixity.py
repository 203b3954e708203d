from django.core.management.base import BaseCommand, CommandError

from archive.ingest.fixity import verify


class Command(BaseCommand):
    help = "Re-hash every article's stored bytes and report any that no longer match."

    def handle(self, *args, **options):
        checked = problems = 0
        for problem in verify():
            checked += 1
            if problem:
                problems += 1
                self.stderr.write(str(problem))
        self.stdout.write(f"Fixity: {checked} articles checked, {problems} mismatched.")
        if problems:
            raise CommandError(f"{problems} article(s) failed the fixity check.")
