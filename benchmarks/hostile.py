#!/usr/bin/env python3
"""Hostile input, timed: each case of issue #14 that once took seconds,
minutes or gigabytes.

    python benchmarks/hostile.py [--runs 3]

Each case is checked in-process with every rule (``lint_bytes``, as
``check`` does for one file), after the rules are loaded, and the median
of ``--runs`` runs is printed with its verdict:

- a value of 1 MB (spaces inside a KPI name or a suppression comment,
  a long text reached through aliases): well under a second, where a
  pattern that backtracks took minutes;
- many of something (keys, comments, values): checked at two sizes, the
  larger twice the smaller; time that grows linearly doubles (target: a
  ratio of at most 2.5), where work that grows with the square of the
  input quadruples.

Peak memory of the process is printed at the end. Timings belong here,
never in the test suite; the tests (tests/test_security.py) check the
same inputs for their findings.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

MB = 1_000_000
SPACES = " " * MB
PLAN = "version: 1\nname: x\n"

#: one value of 1 MB: checked in well under a second
VALUES = {
    "KPI name: 'Likes' + 1 MB of spaces + 'x'": f'{PLAN}kpis:\n  - {{id: a, name: "Likes{SPACES}x"}}\n',
    "suppression reason with 1 MB of spaces": f"{PLAN}x-a: 1  # stratlint: disable=SL002 -- a{SPACES}b\n",
    "waiver date + 1 MB of spaces + 'x'": f"{PLAN}x-a: 1  # stratlint: disable=SL002 -- until 2027-01-01{SPACES}x\n",
    "9 KPIs aliasing a 1 MB name (within the budget)":
        f"{PLAN}x-n: &n Likes {'x' * MB}\nkpis:\n" + "".join(f"  - {{id: k{i}, name: *n}}\n" for i in range(9)),
    "50 KPIs aliasing a 1 MB name (refused)":
        f"{PLAN}x-n: &n Likes {'x' * MB}\nkpis:\n" + "".join(f"  - {{id: k{i}, name: *n}}\n" for i in range(50)),
    "a value of 1 MB full of line separators": PLAN + 'x-s: "' + "a\u2028" * (MB // 2) + '"\nobjetives: 1\n',
}

#: n of something, n -> the text: checked at n and 2n
BULK = {
    "unknown keys (15,000 / 30,000)": (15_000, lambda n: PLAN + "".join(f"k{i}: 1\n" for i in range(n))),
    "comments and '#' values (15,000 / 30,000)":
        (15_000, lambda n: PLAN + "".join(f"x-{i}: 'a # b'  # stratlint: disable=SL002\n" for i in range(n))),
    "flow list over the value limit (2.1 M / 4.2 M values)":
        (2_100_000, lambda n: PLAN + "x-l: [" + "1," * n + "1]\n"),
}


def timed(lint, data: bytes, runs: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(lint(data).findings)
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)

    from stratlint.config.settings import resolve
    from stratlint.linter import lint_bytes

    rules = resolve(isolated=True).rules

    def lint(data: bytes):
        return lint_bytes(data, "hostile.strategy.yaml", rules)

    width = max(map(len, [*VALUES, *BULK]))
    print(f"{'case':<{width}}  {'time':>15}  {'findings':>8}  target          verdict")
    for name, text in VALUES.items():
        median, found = timed(lint, text.encode(), args.runs)
        print(f"{name:<{width}}  {median:>14.2f}s  {found:>8}  < 1 s           {'met' if median < 1 else 'MISSED'}")
    for name, (n, make) in BULK.items():
        small, _ = timed(lint, make(n).encode(), args.runs)
        large, found = timed(lint, make(2 * n).encode(), args.runs)
        ratio = large / small
        print(f"{name:<{width}}  {small:>5.2f}s / {large:.2f}s  {found:>8}  ratio <= 2.5    "
              f"{ratio:.2f} {'met' if ratio <= 2.5 else 'MISSED'}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
