"""`make run`'s set-up steps (the Makefile's `data` target, read from the Makefile itself) on a
fresh var/ folder: the first run fills it, a second changes nothing in it: no import run
recorded, no index segment written, no file touched."""

import hashlib
import re

from tests.live import ROOT, ScratchArchive
from tests.passes import checked_in


def data_steps() -> list[list[str]]:
    """The manage.py commands of the Makefile's `data` target."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^data:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)[1]
    return [line.split()[1:] for line in recipe.splitlines() if "$(MANAGE)" in line]


def fingerprint(folder) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@checked_in("sqlite", "make run serves SQLite in var/")
def test_a_second_make_run_changes_nothing_in_var(tmp_path):
    archive = ScratchArchive(tmp_path)
    archive.env["ARCHIVE_STATIC_ROOT"] = str(tmp_path / "var" / "static")
    steps = data_steps()
    assert ["import_articles", "--if-new", "seeds"] in steps
    for step in steps:
        archive.manage(*step)
    first = fingerprint(tmp_path / "var")
    assert any(name.startswith("index/") for name in first)
    outputs = [archive.manage(*step).stdout for step in steps]
    assert fingerprint(tmp_path / "var") == first
    assert "nothing to do" in "".join(outputs)
    assert archive.scalar("SELECT COUNT(*) FROM archive_importrun") == 1
