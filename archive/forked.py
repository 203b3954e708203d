"""Pools of forked worker processes that end when their work ends, and never outlive their
parent.

An import or a rebuild hands text work to forked children (`ingest/parallel.py`,
`search/index.py`). Two things made such a pool hang for good under the task worker:
- a forked child carries its parent's Python signal handlers, and the task worker
  (`db_worker`) catches SIGTERM for a graceful stop, so `Pool.terminate()` sent SIGTERM to
  children that caught it and kept waiting in `queue.get()`, and the parent waited on them;
- a child whose parent was killed kept waiting too, holding the parent's import lock (an
  open file description it inherited) so that no later import could start.
Children here restore the default handlers, die with their parent (Linux's parent-death
signal), and a pool whose work is done is closed and joined rather than terminated.
"""

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent(parent: int):
    """Ask the kernel to kill this process when the thread that forked it ends; if the
    parent is already gone (it died before this line), end now."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pool's own clean-up has to do
        pass
    if os.getppid() != parent:
        os._exit(1)


def _started(parent, initializer, initargs):
    # Forked children keep the parent's handlers: SIGTERM must end a child (terminate()
    # relies on it); Ctrl-C goes to the parent, which stops the pool itself.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)
    _die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


@contextmanager
def pool(processes: int, initializer=None, initargs=()):
    """A `multiprocessing` pool of forked processes: closed and joined when the block ends,
    terminated (and joined) when it ends by an error, a generator closed early included."""
    context = multiprocessing.get_context("fork")
    workers = context.Pool(
        processes, initializer=_started, initargs=(os.getpid(), initializer, initargs)
    )
    try:
        yield workers
    except BaseException:
        workers.terminate()
        workers.join()
        raise
    workers.close()
    workers.join()


def shared_counter():
    """A counter forked children can add to (a rebuild's progress across processes)."""
    return multiprocessing.get_context("fork").Value("l", 0)
