"""A progress bar for long runs: on standard error, only when it is a
terminal, only for more than :data:`THRESHOLD` files, and never in the
report (which goes to standard output or ``--output``)."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

#: runs over more files than this show a bar
THRESHOLD = 10


def shows_progress(total: int, stream=None) -> bool:
    stream = stream or sys.stderr
    try:
        return total > THRESHOLD and stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


@contextmanager
def progress_bar(total: int, stream=None) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per file checked; it draws click's
    progress bar on ``stream`` (standard error) when :func:`shows_progress`,
    and does nothing otherwise. The bar is erased when the run ends."""
    stream = stream or sys.stderr
    if not shows_progress(total, stream):
        yield lambda: None
        return
    import click

    with click.progressbar(length=total, label="Checking", file=stream, show_pos=True, show_eta=False,
                           item_show_func=None) as bar:
        yield lambda: bar.update(1)
    stream.write("\x1b[1A\r\x1b[2K")  # back onto the finished bar's line, and erase it
    stream.flush()
