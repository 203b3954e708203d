"""Which pass of the suite runs a test. `make test` runs the suite twice at once, on SQLite and
on PostgreSQL. A test whose subject no database changes (what a browser does with a page, what
two index writers write from the same documents) runs in one pass only, the passes sharing
such tests so that both end about together; one that needs PostgreSQL (a streaming replica),
or SQLite (`make run`'s own database), runs in that pass. Everything else runs in both."""

import os

import pytest

PASS = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
ON_POSTGRES = PASS == "postgresql"


def checked_in(pass_name: str, why: str):
    """Run only in the `pass_name` pass ("sqlite" or "postgresql"), for the reason `why`."""
    return pytest.mark.skipif(PASS != pass_name, reason=f"checked in the {pass_name} pass: {why}")
