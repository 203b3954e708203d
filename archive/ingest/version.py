"""The importer's version, recorded on every article and run so imports can be audited."""

IMPORTER_VERSION = "2.0"
