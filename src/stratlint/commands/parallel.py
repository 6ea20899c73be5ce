"""Checking files in worker processes, when that pays.

A pool of workers costs a fixed price (forking, each worker's first
compilations of vocabularies and tests, shutting down) and pays back only
on enough work, and only on a core that is free: a worker that waits for
a busy core makes the run slower than no worker at all. So the number of
processes is the one asked for (``--jobs N``; by default, one per core
the load average leaves idle), but never more than one per
:data:`BYTES_PER_PROCESS` of plans to lint (about ninety plans of 11 KB;
one 10 MB plan cannot be shared at all), nor more than half the files.
Files go to the workers in chunks (few messages between processes), and
the results come back in the order of the files, so the output is the
same whatever the number.
"""
from __future__ import annotations

import gc
import os
from typing import Any, Callable, Iterable, Iterator, Sequence

#: how many bytes of plans each process must have to lint for one more to pay
BYTES_PER_PROCESS = 1_000_000
#: chunks per process: fewer means fewer messages, more a shorter wait for the last one
CHUNKS_PER_PROCESS = 16


def available_cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def idle_cores() -> int:
    """The cores no other work keeps busy, from the load average (at least one)."""
    cores = available_cores()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on Unix
        return cores
    return max(1, min(cores, int(cores - load + 0.5)))


def processes_for(sizes: Iterable[int], requested: int | None) -> int:
    """How many processes to check files of these ``sizes`` (bytes) in:
    ``requested`` at most (by default, one per idle core), and only as many
    as the work pays for; 1 means this process, without workers."""
    most = max(1, requested or idle_cores())
    if most == 1 or not _can_fork():
        return 1
    total = files = 0
    for size in sizes:  # stop counting as soon as every process would pay
        total += size
        files += 1
        if total >= most * BYTES_PER_PROCESS and files >= 2 * most:
            return most
    return max(1, min(most, total // BYTES_PER_PROCESS, files // 2))


def in_workers(function: Callable[[Any], Any], items: Sequence, processes: int,
               initializer: Callable[..., None], initargs: tuple) -> Iterator:
    """``function(item)`` for every item, in order, computed in ``processes``
    forked workers (which inherit what this process has loaded)."""
    import multiprocessing

    gc.freeze()  # the workers' collector then leaves what they inherit alone
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (processes * CHUNKS_PER_PROCESS))
    with context.Pool(processes, initializer=initializer, initargs=initargs) as pool:
        yield from pool.imap(function, items, chunksize=chunk)


def _can_fork() -> bool:
    """Whether workers can be forked (``multiprocessing``'s "fork" start
    method, which it offers where ``os.fork`` exists), without importing
    multiprocessing for a run that will not use it."""
    return hasattr(os, "fork")
