"""How a run ends when it is stopped from outside.

- Ctrl-C (SIGINT): one line, ``stratlint: error: interrupted``, and exit
  code 130; no traceback, and not click's "Aborted!".
- SIGTERM (a cancelled CI job, ``kill``): one line, ``stratlint: error:
  terminated``, and exit code 143.
- The worker processes of ``--jobs`` ignore Ctrl-C and SIGTERM, which
  reach the whole process group (the parent ends them), print nothing,
  and die with the parent, also when it is killed outright (on Linux; on
  other systems they stop after the file they are checking).

The exit codes are those of a shell whose command a signal ended (128 +
the signal's number).
"""
from __future__ import annotations

import os
import signal
import sys

INTERRUPTED, TERMINATED = 130, 143


class Terminated(BaseException):
    """SIGTERM, raised in the main thread as KeyboardInterrupt is for Ctrl-C
    (a BaseException, so that no ``except Exception`` swallows it)."""


def _terminate(signum, frame) -> None:
    raise Terminated()


def install() -> None:
    """Make SIGTERM raise :class:`Terminated` in this (the main) process."""
    try:
        signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: stratlint is embedded, the host decides
        pass


def quiet_worker(parent: int) -> None:
    """In a ``--jobs`` worker, first thing: leave Ctrl-C and SIGTERM to the
    parent (SIGTERM keeps its default, which ends the process without a
    word: that is how the parent's pool stops its workers), write nothing
    on standard error, and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(0)
