"""Which pass of the suite runs a test. `make test` runs the suite twice at once, on SQLite and
on PostgreSQL; a test whose subject no database changes (what a browser does with a page,
what bytes two index writers write from the same documents) runs in the SQLite pass only, and
one that needs PostgreSQL (a streaming replica) in its pass only. Everything else runs in both."""

import os

import pytest

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


def sqlite_pass_only(why: str):
    return pytest.mark.skipif(ON_POSTGRES, reason=f"checked in the SQLite pass: {why}")


def postgres_pass_only(why: str):
    return pytest.mark.skipif(not ON_POSTGRES, reason=f"needs the PostgreSQL pass: {why}")
