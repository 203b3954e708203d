"""Forked pools end when their work ends, even inside a process that catches SIGTERM (the
task worker does), and never outlive a parent that was killed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The task worker's way: SIGTERM asks for a graceful stop and does not end the process.
GRACEFUL = (
    "import signal\nsignal.signal(signal.SIGTERM, lambda *a: print('graceful', flush=True))\n"
)


def run_script(body: str, timeout=90) -> str:
    done = subprocess.run(
        [sys.executable, "-c", GRACEFUL + body],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_pool_whose_work_is_done_ends_under_a_process_that_catches_sigterm():
    out = run_script(
        "from archive import forked\n"
        "with forked.pool(2) as pool:\n"
        "    print(sum(pool.map(abs, range(-100, 0))))\n"
    )
    assert out.split() == ["5050"]


def test_a_pool_stopped_by_an_error_ends_under_a_process_that_catches_sigterm():
    """terminate() sends SIGTERM: children that had kept the parent's handler caught it and
    waited for work for good, and so did the parent, joining them."""
    out = run_script(
        "from archive import forked\n"
        "try:\n"
        "    with forked.pool(2) as pool:\n"
        "        pool.map(abs, range(10))\n"
        "        raise RuntimeError('stop')\n"
        "except RuntimeError:\n"
        "    print('stopped')\n"
    )
    assert out.split() == ["stopped"]  # and no child printed 'graceful'


def test_a_generator_closed_early_stops_its_pool():
    out = run_script(
        "from archive import forked\n"
        "def squares():\n"
        "    with forked.pool(2) as pool:\n"
        "        yield from pool.imap(abs, range(-1000, 0))\n"
        "numbers = squares()\n"
        "print(next(numbers))\n"
        "numbers.close()\n"
        "print('closed')\n"
    )
    assert out.split() == ["1000", "closed"]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state  # a zombie has ended


def test_children_die_with_a_parent_that_was_killed():
    """A killed import's children held its import lock (inherited) and waited for good."""
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            GRACEFUL + "import time\n"
            "from archive import forked\n"
            "with forked.pool(2) as pool:\n"
            "    print(*(child.pid for child in pool._pool), flush=True)\n"
            "    time.sleep(120)\n",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        children = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(children) == 2 and all(alive(pid) for pid in children)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in children)
    finally:
        parent.kill()
        parent.wait()
