#!/usr/bin/env python3
"""stratlint's benchmark: side by side with the parse-only floor and its peers.

    python benchmarks/run.py [--out bench-out] [--runs 5] [--quick]

Builds the corpora with ``corpus.py`` (beside this file: generated plans,
clean or with planted defects, in varied YAML styles; 500 at scale 1,
about 11 KB each, and one each at scale 100 and 1000), then times, in one
run and alternating the commands run by run, the medians of ``--runs``
runs of:

1. 500 generated plans (scale 1): ``stratlint check DIR`` (all rules, one
   process per core), the parse-only floor ``floor.py`` and
   ``check-jsonschema --schemafile schemas/strategy-v1.schema.json``;
2. one small plan, cold start: ``stratlint check``, ``check-jsonschema``
   and ``yamllint``;
3. one plan at scale 1000 (about 10 MB) against ``floor.py --no-gc`` on
   the same file, against one at scale 100, and peak memory;
4. ``--jobs 2`` against ``--jobs 1`` on the 500 plans (and a check that
   their output is byte-identical).

It prints each measurement and each ratio with its target. The peers
come from the ``bench`` extra (``pip install -e '.[bench]'``); a peer
that is not installed is reported as missing. Timings belong here, never
in the test suite: these machines are shared and noisy.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "schemas" / "strategy-v1.schema.json"


def tool(name: str) -> str | None:
    """A console script next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(command[:3])} ... exited {proc.returncode}")
    return elapsed, usage.ru_maxrss


def race(commands: dict[str, list[str] | None], runs: int) -> dict[str, tuple[float, int]]:
    """Median wall time and median peak memory of each command, runs alternating."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name, cmd in commands.items() if cmd}
    for _ in range(runs):
        for name in samples:
            samples[name].append(timed(commands[name]))
    return {name: (statistics.median(s[0] for s in runs_), statistics.median(s[1] for s in runs_))
            for name, runs_ in samples.items()}


def corpus(out: Path, name: str, *args: str) -> Path:
    target = out / name
    if not target.exists():
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(target), *args], check=True,
                       stdout=subprocess.DEVNULL)
    return target


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def time(self, what: str, result: dict, key: str) -> None:
        if key in result:
            seconds, kib = result[key]
            self.rows.append((what, f"{seconds:.2f} s", f"{kib / 1024:.0f} MiB", ""))
        else:
            self.rows.append((what, "missing", "", "(not installed)"))

    def ratio(self, what: str, value: float | None, target: float) -> None:
        if value is None:
            self.rows.append((what, "n/a", f"<= {target}", "(peer missing)"))
        else:
            self.rows.append((what, f"{value:.2f}", f"<= {target}", "met" if value <= target else "MISSED"))

    def print(self) -> None:
        widths = [max(len(r[i]) for r in self.rows) for i in range(4)]
        print("| measurement | value | target / memory | verdict |")
        print("|---|---|---|---|")
        for row in self.rows:
            print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")


def ratio(results: dict, a: str, b: str, index: int = 0) -> float | None:
    if a in results and b in results:
        return results[a][index] / results[b][index]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench-out", help="where the corpora are built (kept between runs)")
    parser.add_argument("--runs", type=int, default=5, help="runs per command (medians are reported)")
    parser.add_argument("--quick", action="store_true", help="skip the 10 MB plan")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    stratlint = tool("stratlint")
    if stratlint is None:
        raise SystemExit("benchmark: stratlint is not installed in this environment")
    cjs, yamllint = tool("check-jsonschema"), tool("yamllint")
    py = sys.executable
    floor = [py, str(HERE / "floor.py")]
    corp = corpus(out, "corp500", "--files", "500", "--seed", "1")
    files = sorted(str(p) for p in corp.glob("*.strategy.yaml"))
    small = files[0]
    table = Table()

    print(f"500 plans ({sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB), {args.runs} runs each ...",
          flush=True)
    many = race({
        "stratlint": [stratlint, "check", "--quiet", str(corp)],
        "floor": [*floor, str(corp)],
        "check-jsonschema": [cjs, "--schemafile", str(SCHEMA), *files] if cjs else None,
    }, args.runs)
    table.time("500 plans: stratlint check (all rules)", many, "stratlint")
    table.time("500 plans: parse-only floor", many, "floor")
    table.time("500 plans: check-jsonschema (schema only)", many, "check-jsonschema")
    table.ratio("1. stratlint / floor, 500 plans", ratio(many, "stratlint", "floor"), 2.5)
    table.ratio("1. stratlint / check-jsonschema, 500 plans", ratio(many, "stratlint", "check-jsonschema"), 0.15)

    print("one small plan, cold start ...", flush=True)
    one = race({
        "stratlint": [stratlint, "check", "--quiet", small],
        "check-jsonschema": [cjs, "--schemafile", str(SCHEMA), small] if cjs else None,
        "yamllint": [yamllint, small] if yamllint else None,
    }, max(args.runs, 9))
    table.time("1 plan: stratlint check", one, "stratlint")
    table.time("1 plan: check-jsonschema", one, "check-jsonschema")
    table.time("1 plan: yamllint", one, "yamllint")
    table.ratio("2. stratlint / check-jsonschema, 1 plan", ratio(one, "stratlint", "check-jsonschema"), 0.6)
    table.ratio("2. stratlint / yamllint, 1 plan", ratio(one, "stratlint", "yamllint"), 1.5)

    if not args.quick:
        print("one 10 MB plan and one 1 MB plan ...", flush=True)
        huge = corpus(out, "scale1000", "--one-huge", "--seed", "3")
        mid = corpus(out, "scale100", "--files", "1", "--scale", "100", "--seed", "3")
        big = race({
            "stratlint": [stratlint, "check", "--quiet", str(huge)],
            "floor --no-gc": [*floor, "--no-gc", str(huge)],
            "floor": [*floor, str(huge)],
            "stratlint 1 MB": [stratlint, "check", "--quiet", str(mid)],
        }, args.runs)
        table.time("10 MB plan: stratlint check", big, "stratlint")
        table.time("10 MB plan: floor --no-gc", big, "floor --no-gc")
        table.time("10 MB plan: floor (gc on)", big, "floor")
        table.time("1 MB plan: stratlint check", big, "stratlint 1 MB")
        table.ratio("3. stratlint / floor --no-gc, 10 MB", ratio(big, "stratlint", "floor --no-gc"), 4)
        table.ratio("3. 10 MB plan / 1 MB plan", ratio(big, "stratlint", "stratlint 1 MB"), 12)
        table.ratio("3. peak memory / floor --no-gc's, 10 MB", ratio(big, "stratlint", "floor --no-gc", 1), 1.5)

    print("--jobs 2 against --jobs 1 ...", flush=True)
    jobs = race({
        "jobs 2": [stratlint, "check", "--quiet", "--jobs", "2", str(corp)],
        "jobs 1": [stratlint, "check", "--quiet", "--jobs", "1", str(corp)],
    }, args.runs)
    table.time("500 plans: --jobs 2", jobs, "jobs 2")
    table.time("500 plans: --jobs 1", jobs, "jobs 1")
    table.ratio("4. --jobs 2 / --jobs 1, 500 plans", ratio(jobs, "jobs 2", "jobs 1"), 0.65)
    outputs = {n: subprocess.run([stratlint, "check", "--format", "json", "--jobs", n, str(corp)],
                                 capture_output=True).stdout for n in ("1", "2")}
    table.rows.append(("4. output of --jobs 1 and --jobs 2", "identical" if outputs["1"] == outputs["2"]
                       else "DIFFERENT", "identical", "met" if outputs["1"] == outputs["2"] else "MISSED"))

    print()
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; medians of {args.runs}+ runs")
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
