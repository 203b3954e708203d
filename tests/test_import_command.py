"""import_articles and rebuild_index as scripts see them: exit statuses, the progress bar on a
terminal only, nothing but the summary with --quiet."""

import fcntl
import os
import pty
import struct
import subprocess
import termios

import pytest

from tests.live import PYTHON, ROOT, migrated_archive

GOOD = '{"title": "Talks in Geneva", "text": "Delegations met in Geneva on Monday."}\n'


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    scratch = migrated_archive(tmp_path_factory.mktemp("command"), reference=False)
    yield scratch
    scratch.drop()


def test_an_import_with_refused_records_exits_2_and_keeps_the_good_ones(archive, tmp_path):
    (tmp_path / "mixed.jsonl").write_text(GOOD + "not json\n")
    result = archive.manage("import_articles", str(tmp_path / "mixed.jsonl"), check=False)
    assert result.returncode == 2
    assert "1 added" in result.stdout and "mixed.jsonl:2:" in result.stderr


def test_an_import_of_nothing_importable_exits_1(archive, tmp_path):
    (tmp_path / "bad.jsonl").write_text("not json\n")
    assert (
        archive.manage("import_articles", str(tmp_path / "bad.jsonl"), check=False).returncode == 1
    )


def test_an_import_with_every_record_good_exits_0(archive, tmp_path):
    (tmp_path / "good.jsonl").write_text(GOOD.replace("Monday", "Tuesday"))
    assert archive.manage("import_articles", str(tmp_path / "good.jsonl")).returncode == 0


def on_a_terminal(archive, *args):
    """Run a command with stderr on a pseudo-terminal, as a person at a shell sees it."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    process = subprocess.Popen(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=archive.env,
        stdout=subprocess.PIPE,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait()
    os.close(leader)
    return seen.decode(errors="replace")


def test_a_rebuild_on_a_terminal_shows_a_progress_bar(archive):
    shown = on_a_terminal(archive, "rebuild_index")
    assert "100%" in shown and "articles/s" in shown


def test_quiet_turns_the_bar_off(archive):
    assert "articles/s" not in on_a_terminal(archive, "rebuild_index", "--quiet")
