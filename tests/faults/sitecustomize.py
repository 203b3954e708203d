"""Faults injected into the archive's own processes (gunicorn's workers, the task worker),
for `tests/test_faults_heal.py`. Python imports this module at start-up when its folder is
on PYTHONPATH; it does nothing unless ARCHIVE_FAULTS names faults, as JSON:

    [{"at": "archive.ingest.pipeline:save_batch", "do": "kill", "flag": "/tmp/x/kill",
      "in": "import_worker", "skip": 1}]

- `at`: a function or method (`module:Class.method`), wrapped when its module is imported;
- `do`: `kill` (SIGKILL this process on entering it), `fail` (raise PermissionError, as an
  unwritable folder would) or `pause` (wait until the flag file is gone);
- `flag`: the fault is armed only while this file exists (the test creates and removes
  it); a kill or a pause fires once, after writing `<flag>.fired` (the process id), so the
  test knows it happened; `fail` fires on every call while armed;
- `in`: only in processes whose command line contains this text;
- `skip`: calls to let through while armed before firing.

Production code carries no fault hooks: everything here wraps it from outside.
"""

import functools
import importlib.abc
import json
import os
import signal
import sys
import threading
import time

FAULTS = [
    fault
    for fault in json.loads(os.environ.get("ARCHIVE_FAULTS") or "[]")
    if fault.get("in", "") in " ".join(sys.argv)
]
_calls = {}
_lock = threading.Lock()


def _fire(fault, key):
    if not os.path.exists(fault["flag"]):
        return
    with _lock:
        _calls[key] = _calls.get(key, 0) + 1
        if _calls[key] <= fault.get("skip", 0):
            return
    if fault["do"] == "fail":
        raise PermissionError(13, "Permission denied (injected)", fault["at"])
    try:  # once: the first process and thread to get here
        mark = os.open(fault["flag"] + ".fired", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.write(mark, str(os.getpid()).encode())
    os.close(mark)
    if fault["do"] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    while os.path.exists(fault["flag"]):  # pause
        time.sleep(0.1)


def _wrap(module, fault, key):
    owner_path, _, name = fault["at"].partition(":")[2].rpartition(".")
    owner = module
    for part in filter(None, owner_path.split(".")):
        owner = getattr(owner, part)
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapped(*args, **kwargs):
        _fire(fault, key)
        return original(*args, **kwargs)

    setattr(owner, name, wrapped)


class _WrapOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: it lets the other finders find a faulted module and wraps the
    module's function once the module has run."""

    def find_spec(self, name, path, target=None):
        wanted = [(n, f) for n, f in enumerate(FAULTS) if f["at"].partition(":")[0] == name]
        if not wanted:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        run_module = spec.loader.exec_module

        def exec_module(module):
            run_module(module)
            for key, fault in wanted:
                _wrap(module, fault, key)

        spec.loader.exec_module = exec_module
        return spec


if FAULTS:
    sys.meta_path.insert(0, _WrapOnImport())
