"""Backup and restore benchmark: how long `backup_archive` and `restore_archive` take for an
archive of N generated articles, the restore's peak memory, and the index files it leaves.

    .venv/bin/python bench/restore.py [--articles 100000] [--source VAR_DIR]

Imports the generated JSONL file `bench/ingest.py` writes (var/bench/articles-N.jsonl, made
if missing) into a scratch SQLite archive, backs it up, restores the backup into a second,
empty archive (the index rebuilt once, checked, fixity verified) and prints the figures.
`--source`: back up an archive already filled instead (the var/ folder of one, e.g. the
load benchmark's var/bench/load-100000/var), skipping the import.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def manage(var: Path, *args) -> tuple[float, float, str]:
    """Run a manage.py command in a scratch archive: (seconds, peak MB, output)."""
    env = {**os.environ, "ARCHIVE_VAR_DIR": str(var), "DJANGO_SETTINGS_MODULE": "archive.settings"}
    env.pop("DATABASE_URL", None)
    env.pop("ARCHIVE_INDEX_DIR", None)
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "PEAK_KB=%M", sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak = int(re.search(r"PEAK_KB=(\d+)", done.stderr)[1]) / 1024
    return seconds, peak, done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--source", type=Path, help="a filled archive's var/ folder")
    args = parser.parse_args()
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"articles-{args.articles}.jsonl"
    if not source.exists() and not args.source:
        from ingest import write_files

        write_files(args.articles, folder)
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        scratch = Path(scratch)
        filled, empty, backup = scratch / "filled", scratch / "empty", scratch / "backup.tar.gz"
        if args.source:
            filled = args.source
        else:
            manage(filled, "migrate", "-v", "0")
            manage(filled, "load_reference")
            seconds, _, _ = manage(filled, "import_articles", str(source))
            print(f"import {args.articles:,} articles: {seconds:.0f} s")
        seconds, peak, _ = manage(filled, "backup_archive", str(backup))
        size = backup.stat().st_size / 1e6
        print(f"backup_archive: {seconds:.1f} s, peak {peak:.0f} MB, {size:.1f} MB file")
        manage(empty, "migrate", "-v", "0")
        seconds, peak, output = manage(empty, "restore_archive", str(backup))
        files = sum(1 for _ in (empty / "index").iterdir())
        agree = "agree" in output and "0 mismatched" in output
        print(
            f"restore_archive (load, rebuild, check, fixity): {seconds:.1f} s, peak {peak:.0f} MB,"
            f" {files} index files, index and fixity {'agree' if agree else 'DO NOT AGREE'}"
        )
        print("  " + output.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
