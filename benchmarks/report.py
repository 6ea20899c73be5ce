#!/usr/bin/env python3
"""The HTML review against ``check``: ``stratlint report`` on 500
generated plans takes at most 2x the time of ``stratlint check`` on them.

    python benchmarks/report.py [--out bench-out] [--runs 7] [--files 500]

Builds the corpus with ``corpus.py`` beside this file (the same 500 plans
``run.py`` uses: half clean, half with one to three planted defects),
then times ``stratlint check --quiet DIR`` and ``stratlint report DIR -o
OUT``, alternating them run by run, both with their default of one
process per core, and prints the medians of wall time and of CPU time
(the command's and its workers'), their ratios and the target (wall).
Timings belong here, never in the test suite: these machines are shared
and noisy, so compare the ratio of one run, not figures of two.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 2.0


def stratlint() -> str:
    beside = Path(sys.executable).parent / "stratlint"
    found = str(beside) if beside.exists() else shutil.which("stratlint")
    if found is None:
        raise SystemExit("benchmark: stratlint is not installed in this environment")
    return found


def corpus(out: Path, files: int) -> Path:
    target = out / ("corp500" if files == 500 else f"corp{files}")
    if not target.exists():
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(target), "--files", str(files), "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the command and its worker processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(command)} exited {done.returncode}: {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench-out", help="where the corpus and the report are written")
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (medians are reported)")
    parser.add_argument("--files", type=int, default=500, help="plans in the corpus")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    exe = stratlint()
    plans = corpus(out, args.files)
    review = out / "review"
    commands = {
        "check": [exe, "check", "--quiet", "--no-cache", str(plans)],  # lints every plan, as report does
        "report": [exe, "report", str(plans), "-o", str(review)],
    }
    timed(commands["report"])  # warm the file cache and write the folder once
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            samples[name].append(timed(command))
    wall = {n: statistics.median(s[0] for s in runs) for n, runs in samples.items()}
    cpu = {n: statistics.median(s[1] for s in runs) for n, runs in samples.items()}
    pages = len(list(review.glob("*.html")))
    ratio = wall["report"] / wall["check"]
    print(f"{args.files} plans, {pages} pages, medians of {args.runs} runs, {os.cpu_count()} cores")
    print("| measurement | wall | CPU (all processes) | target | verdict |")
    print("|---|---|---|---|---|")
    for name in commands:
        print(f"| {args.files} plans: stratlint {name} | {wall[name]:.2f} s | {cpu[name]:.2f} s | | |")
    print(f"| report / check | {ratio:.2f} | {cpu['report'] / cpu['check']:.2f} | wall <= {TARGET} | "
          f"{'met' if ratio <= TARGET else 'MISSED'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
