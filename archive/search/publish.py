"""Publishing the index to read-only web nodes: each generation as an immutable folder, and a
`current` link switched to it atomically. A reader node opens `<dest>/current`; it notices the
switch as it notices any new generation (archive.search.snapshot) and reopens, without a
restart.

Whoosh never changes a segment's files once written, so a generation is published by hard
links (a copy across filesystems): cheap enough to run after every commit of the writer node.
The index's write lock is held meanwhile, so no commit or merge removes a file being linked.
"""

import os
import shutil
import time
from pathlib import Path

from archive.search import index, snapshot

CURRENT = "current"
KEEP = 3  # generations kept: readers still on an older one finish their requests on it


def publish(dest: Path, keep: int = KEEP) -> Path:
    """Publish the index's latest generation under `dest`; returns its folder."""
    dest = Path(dest)
    generations = dest / "generations"
    generations.mkdir(parents=True, exist_ok=True)
    source = Path(index.index_dir())
    lock = index.open_index().storage.lock("WRITELOCK")
    if not lock.acquire(blocking=True):
        raise RuntimeError("The index's write lock could not be taken.")
    try:
        number = (snapshot.generation(source) or (0,))[0]
        target = generations / f"{number:08d}-{time.time_ns()}"
        target.mkdir()
        for name in os.listdir(source):
            if name.endswith(".lock") or name == "WRITELOCK":
                continue
            _link_or_copy(source / name, target / name)
    finally:
        lock.release()
    link = dest / f".{CURRENT}-{time.time_ns()}"
    link.symlink_to(target.relative_to(dest))
    os.replace(link, dest / CURRENT)  # readers see the old folder or the new, never neither
    _prune(generations, target, keep)
    return target


def _link_or_copy(source: Path, target: Path):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _prune(generations: Path, newest: Path, keep: int):
    folders = sorted(generations.iterdir())
    for folder in folders[: max(0, len(folders) - keep)]:
        if folder != newest:
            shutil.rmtree(folder, ignore_errors=True)
