"""The README cannot drift from the code: every command, environment setting, query field
and page a reader can use is named in it (Datasette checks its plugin hooks the same way)."""

import re
from pathlib import Path

import pytest

from archive.search.facets import FACETS
from archive.search.query import FIELD_ALIASES
from archive.urls import archive_patterns

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
COMMANDS = sorted(
    p.stem for p in (ROOT / "archive/management/commands").glob("*.py") if p.stem != "__init__"
)
SETTINGS_SOURCES = [ROOT / "archive/settings.py", ROOT / "archive/wsgi.py"]
ENVIRONMENT = sorted(
    {
        name
        for path in SETTINGS_SOURCES
        for name in re.findall(
            r"os\.environ(?:\.get|\.setdefault)?[\[(]\"(\w+)\"", path.read_text()
        )
        if name != "DJANGO_SETTINGS_MODULE"
    }
)
QUERY_FIELDS = sorted(
    {"title", "actor", "speaker", "source", "round", "process", "date"}
    | {facet.param for facet in FACETS if facet.filtered and facet.param != "source"}
    | set(FIELD_ALIASES) - {"text", "published"}
)


def test_the_lists_checked_are_not_empty():
    assert len(COMMANDS) >= 4 and len(ENVIRONMENT) >= 5 and len(QUERY_FIELDS) >= 8


@pytest.mark.parametrize("command", COMMANDS)
def test_every_management_command_is_documented(command):
    assert command in README


@pytest.mark.parametrize("name", ENVIRONMENT)
def test_every_environment_setting_is_documented(name):
    assert name in README


@pytest.mark.parametrize("field", QUERY_FIELDS)
def test_every_query_field_is_documented(field):
    assert f"{field}:" in README


def _public_paths():
    """Every page of the archive's own URLs (not the admin's), its parameters as …."""
    return sorted(
        "/" + re.sub(r"<[^>]+>", "…", str(pattern.pattern))
        for pattern in archive_patterns
        if str(pattern.pattern)
    )


@pytest.mark.parametrize("path", _public_paths())
def test_every_page_is_documented(path):
    stem = path.split("…")[0]
    assert stem in README, f"{path} is not named in the README"


COUNTS = {
    "actors": r"\*\*(\d+) actors\*\*",
    "aliases": r"with (\d+)\s+aliases",
    "roles": r"(\d+)\s+dated roles",
    "rounds": r"\*\*(\d+) rounds of talks\*\*",
    "articles": r"\*\*(\d+) articles\*\*",
    "concepts": r"(\d+) concepts of the talks' vocabulary",
}


def test_the_readme_counts_what_make_run_loads(db, session_report):
    from archive.models import Actor, ActorRole, Alias, Concept, Event

    loaded = {
        "concepts": Concept.objects.count(),
        "actors": Actor.objects.count(),
        "aliases": Alias.objects.count(),
        "roles": ActorRole.objects.count(),
        "rounds": Event.objects.count(),
        "articles": session_report.added,
    }
    said = {name: int(re.search(pattern, README)[1]) for name, pattern in COUNTS.items()}
    assert said == loaded


@pytest.mark.django_db
def test_every_example_on_the_search_help_page_finds_articles(client):
    from urllib.parse import parse_qs, urlparse

    from archive import search

    page = client.get("/search/help/").content.decode()
    links = re.findall(r'href="/search/\?q=([^"]+)"', page)
    assert len(links) >= 20
    for link in links:
        params = parse_qs(urlparse(f"?q={link}".replace("&amp;", "&")).query)
        query, expand = params["q"][0], params.get("expand") == ["1"]
        assert len(search.search(query, all_languages=expand)) > 0, query
