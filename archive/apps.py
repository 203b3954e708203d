from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Syrian peace talks archive"

    def ready(self):
        # Keep the Whoosh index current when curators edit articles in the admin.
        from archive.ingest import clusters
        from archive.search import signals

        signals.connect()
        # A curator's new cluster key reaches what the copy lookup reads.
        clusters.connect()
