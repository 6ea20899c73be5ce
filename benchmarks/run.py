#!/usr/bin/env python3
"""stratlint's benchmark: side by side with the parse-only floor and its peers.

    python benchmarks/run.py [--out bench-out] [--runs 5] [--quick] [--scale-files 50000]

Builds the corpora with ``corpus.py`` (beside this file: 500 plans of
about 11 KB, the same 500 each with one unknown top-level key, one plan at
scale 100 and one at scale 1000, about 10 MB, 5,000 plans, and 50,000
plans), then times whole processes. Two commands compared are run in
pairs, alternating (A B A B ...), and each ratio is the median of the
pairs' ratios, with their spread (min-max): pairing keeps a ratio honest
when the machine's speed drifts. It measures, with its target:

1. invalid plans: 500 plans each with one schema error / the same plans
   valid (``--jobs 1``);
2. 500 plans, ``--jobs 1`` / the parse-only floor ``floor.py``;
   default ``--jobs`` / ``check-jsonschema`` (schema only);
3. the 10 MB plan / Spectral (its ``schema`` function with the plan
   schema), and its peak memory / ``floor.py --no-gc``'s; one plan, cold
   start / ``yamllint``, and / ``check-jsonschema``;
4. ``--jobs 2`` / ``--jobs 1`` on 500 plans, with the parallel efficiency
   (time of 1 job / (2 x time of 2 jobs)), the default ``--jobs`` /
   ``--jobs 1``, and the output of all of them, byte for byte;
5. a second run over 5,000 unchanged plans / the first (the result
   cache emptied before each first run);
6. 50,000 plans in one run: time, peak memory, and the peak against the
   same run over their first 5,000.

Every run but those of item 5 passes ``--no-cache``, so that each one
lints. The peers come from the ``bench`` extra (``pip install -e
'.[bench]'``); Spectral is an npm package (``npm install
@stoplight/spectral-cli`` anywhere): it is found on PATH or through
``STRATLINT_BENCH_SPECTRAL`` (the path of its ``spectral`` command). A peer
that is missing is reported as such. Timings belong here, never in the
test suite: these machines are shared and noisy, and the load average is
printed with the results.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "schemas" / "strategy-v1.schema.json"


def tool(name: str) -> str | None:
    """A console script next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds, the process and the children it waited for
    peak: int  # KiB, the largest single process


def timed(command: list[str]) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(command[:4])} ... exited {code}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


@dataclass
class Pair:
    a: list[Run]
    b: list[Run]

    def ratio(self, field: str = "wall", flip: bool = False) -> tuple[float, float, float]:
        """Median, min and max of the pairs' ratios A/B (B/A with ``flip``)."""
        ratios = [getattr(x, field) / getattr(y, field) for x, y in zip(self.a, self.b)]
        if flip:
            ratios = [1 / r for r in ratios]
        return statistics.median(ratios), min(ratios), max(ratios)

    def median(self, side: str, field: str = "wall") -> float:
        return statistics.median(getattr(r, field) for r in getattr(self, side))


def pair(a: list[str], b: list[str], runs: int, before=None) -> Pair:
    """Run A and B in turn ``runs`` times (``before()`` ahead of each A)."""
    out = Pair([], [])
    timed(a), timed(b)  # warm the page cache and the bytecode
    for _ in range(runs):
        if before:
            before()
        out.a.append(timed(a))
        out.b.append(timed(b))
    return out


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def time(self, what: str, seconds: float | None, kib: float | None = None) -> None:
        if seconds is None:
            self.rows.append((what, "missing", "", "", "(not installed)"))
        else:
            memory = f"{kib / 1024:.0f} MiB" if kib is not None else ""
            self.rows.append((what, f"{seconds:.2f} s", memory, "", ""))

    def ratio(self, what: str, value: tuple[float, float, float] | None, target: float | None) -> None:
        if value is None:
            self.rows.append((what, "n/a", "", f"<= {target}" if target else "", "(peer missing)"))
            return
        median, low, high = value
        verdict = "" if target is None else "met" if median <= target else "MISSED"
        self.rows.append((what, f"{median:.2f}", f"{low:.2f}-{high:.2f}", f"<= {target}" if target else "",
                          verdict))

    def note(self, what: str, value: str, verdict: str = "") -> None:
        self.rows.append((what, value, "", "", verdict))

    def print(self) -> None:
        head = ("measurement", "median", "spread / memory", "target", "verdict")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(5)]
        print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in self.rows:
            print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")


def corpus(out: Path, name: str, *args: str) -> Path:
    target = out / name
    if not target.exists():
        print(f"  building {name} ...", flush=True)
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(target), *args], check=True,
                       stdout=subprocess.DEVNULL)
    return target


def invalid_copy(source: Path, target: Path) -> Path:
    """Every plan of ``source`` with one unknown top-level key added at its end."""
    if not target.exists():
        target.mkdir(parents=True)
        for path in sorted(source.glob("*.strategy.yaml")):
            text = path.read_text(encoding="utf-8")
            (target / path.name).write_text(text + ("" if text.endswith("\n") else "\n") + "unknown_section: draft\n",
                                            encoding="utf-8")
    return target


def spectral_ruleset(out: Path) -> Path:
    """A Spectral ruleset that validates a whole plan against the plan schema."""
    path = out / "spectral-ruleset.json"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"rules": {"strategy-schema": {
        "description": "The plan follows strategy-v1.schema.json", "severity": "error", "given": "$",
        "then": {"function": "schema", "functionOptions": {"schema": schema, "dialect": "draft2020-12"}}}}}))
    return path


def package_folder() -> Path:
    """The folder of the stratlint package this Python imports."""
    found = subprocess.run([sys.executable, "-c", "import stratlint; print(stratlint.__file__)"],
                           capture_output=True, text=True, check=True)
    return Path(found.stdout.strip()).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench-out", help="where the corpora are built (kept between runs)")
    parser.add_argument("--runs", type=int, default=5, help="pairs per comparison (medians are reported)")
    parser.add_argument("--quick", action="store_true", help="only the 500 plans and the one-plan start")
    parser.add_argument("--scale-files", type=int, default=50_000, help="plans in the scale run (0: skip it)")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    runs = args.runs

    stratlint = tool("stratlint")
    if stratlint is None:
        raise SystemExit("benchmark: stratlint is not installed in this environment")
    # an installed package holds its compiled bytecode (pip compiles it), as the peers' do; an editable
    # install, or PYTHONDONTWRITEBYTECODE, would otherwise compile stratlint's modules at every start
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package_folder())], check=True,
                   stdout=subprocess.DEVNULL)
    check = [stratlint, "check", "--quiet"]
    lint = [*check, "--no-cache"]
    cjs, yamllint = tool("check-jsonschema"), tool("yamllint")
    spectral = os.environ.get("STRATLINT_BENCH_SPECTRAL") or shutil.which("spectral")
    floor = [sys.executable, str(HERE / "floor.py")]
    load_before = os.getloadavg()
    table = Table()

    print("corpora ...", flush=True)
    corp = corpus(out, "corp500", "--files", "500", "--seed", "1")
    bad = invalid_copy(corp, out / "corp500-invalid")
    files = sorted(str(p) for p in corp.glob("*.strategy.yaml"))
    one = files[0]

    print(f"500 plans ({sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB), {runs} pairs each ...", flush=True)
    invalid = pair([*lint, "--jobs", "1", str(bad)], [*lint, "--jobs", "1", str(corp)], runs)
    table.time("500 plans, --jobs 1", invalid.median("b"), statistics.median(r.peak for r in invalid.b))
    table.time("500 plans each with one schema error, --jobs 1", invalid.median("a"))
    table.ratio("1. invalid / valid plans, --jobs 1", invalid.ratio(), 1.2)

    to_floor = pair([*lint, "--jobs", "1", str(corp)], [*floor, str(corp)], runs)
    table.time("500 plans: parse-only floor", to_floor.median("b"), statistics.median(r.peak for r in to_floor.b))
    table.ratio("2. --jobs 1 / parse-only floor, 500 plans", to_floor.ratio(), 2.0)
    table.ratio("   (the same in CPU seconds)", to_floor.ratio("cpu"), None)
    if cjs:
        peer = pair([*lint, str(corp)], [cjs, "--schemafile", str(SCHEMA), *files], max(1, runs // 2))
        table.time("500 plans: check-jsonschema (schema only)", peer.median("b"))
        table.ratio("2. default --jobs / check-jsonschema, 500 plans", peer.ratio(), 0.15)
    else:
        table.ratio("2. default --jobs / check-jsonschema, 500 plans", None, 0.15)

    jobs = pair([*lint, "--jobs", "2", str(corp)], [*lint, "--jobs", "1", str(corp)], runs)
    two = jobs.ratio()
    table.time("500 plans, --jobs 2", jobs.median("a"))
    table.ratio("4. --jobs 2 / --jobs 1, 500 plans", two, 0.65)
    table.note("4. parallel efficiency of --jobs 2 (1 job / (2 x 2 jobs))", f"{1 / (2 * two[0]):.0%}")
    default = pair([*lint, str(corp)], [*lint, "--jobs", "1", str(corp)], runs)
    table.ratio("4. default --jobs / --jobs 1, 500 plans", default.ratio(), 1.05)
    shutil.rmtree(out / "cache-output", ignore_errors=True)
    outputs = [subprocess.run([stratlint, "check", "--format", "json", *options, str(corp)], capture_output=True).stdout
               for options in (["--no-cache", "--jobs", "1"], ["--no-cache", "--jobs", "2"], ["--no-cache"],
                               ["--cache-dir", str(out / "cache-output")], ["--cache-dir", str(out / "cache-output")])]
    same = len(set(outputs)) == 1
    table.note("4. JSON of --jobs 1, 2, default, fresh and cached", "identical" if same else "DIFFERENT",
               "met" if same else "MISSED")

    print("one small plan, cold start ...", flush=True)
    if yamllint:
        start = pair([*lint, one], [yamllint, one], max(runs, 9))
        table.time("1 plan: stratlint check", start.median("a"), statistics.median(r.peak for r in start.a))
        table.time("1 plan: yamllint", start.median("b"))
        table.ratio("3. cold start / yamllint, 1 plan", start.ratio(), 0.7)
    else:
        table.ratio("3. cold start / yamllint, 1 plan", None, 0.7)
    if cjs:
        start = pair([*lint, one], [cjs, "--schemafile", str(SCHEMA), one], max(runs, 9))
        table.ratio("3. cold start / check-jsonschema, 1 plan", start.ratio(), 0.6)

    if not args.quick:
        print("one 10 MB plan ...", flush=True)
        huge = corpus(out, "scale1000", "--one-huge", "--seed", "3")
        mid = corpus(out, "scale100", "--files", "1", "--scale", "100", "--seed", "3")
        big = pair([*lint, str(huge)], [*floor, "--no-gc", str(huge)], runs)
        table.time("10 MB plan: stratlint check", big.median("a"), statistics.median(r.peak for r in big.a))
        table.time("10 MB plan: floor --no-gc", big.median("b"), statistics.median(r.peak for r in big.b))
        table.ratio("3. peak memory / floor --no-gc's, 10 MB", big.ratio("peak"), 1.3)
        table.ratio("   time / floor --no-gc, 10 MB", big.ratio(), None)
        if spectral:
            ruleset = spectral_ruleset(out)
            huge_file = str(next(huge.glob("*.strategy.yaml")))
            peer = pair([*lint, str(huge)], [spectral, "lint", "--ruleset", str(ruleset), huge_file], runs)
            table.time("10 MB plan: Spectral", peer.median("b"), statistics.median(r.peak for r in peer.b))
            table.ratio("3. stratlint / Spectral, 10 MB", peer.ratio(), 0.6)
        else:
            table.ratio("3. stratlint / Spectral, 10 MB", None, 0.6)
        scale = pair([*lint, str(huge)], [*lint, str(mid)], runs)
        table.ratio("   10 MB plan / 1 MB plan", scale.ratio(), None)

        print("result cache, 5,000 plans ...", flush=True)
        many = corpus(out, "corp5000", "--files", "5000", "--seed", "1")
        cache = out / "cache5000"
        first = [*check, "--cache-dir", str(cache), str(many)]
        cached = pair(first, first, runs, before=lambda: shutil.rmtree(cache, ignore_errors=True))
        table.time("5,000 plans, first run (empty cache)", cached.median("a"))
        table.time("5,000 plans, second run (unchanged)", cached.median("b"))
        table.ratio("5. second run / first, 5,000 unchanged plans", cached.ratio(flip=True), 0.15)

        if args.scale_files:
            print(f"{args.scale_files:,} plans, once ...", flush=True)
            huge_corpus = corpus(out, f"corp{args.scale_files}", "--files", str(args.scale_files), "--seed", "1")
            small = timed([*lint, str(many)])  # the same 5,000 plans: file k depends only on the seed and k
            large = timed([*lint, str(huge_corpus)])
            table.time(f"{args.scale_files:,} plans in one run", large.wall, large.peak)
            table.time("their first 5,000 in one run", small.wall, small.peak)
            table.note(f"6. peak memory, {args.scale_files:,} plans / 5,000", f"{large.peak / small.peak:.2f}")
            # the same without findings (the structural rules find nothing in these plans): what a
            # run keeps per file beyond its findings
            bare = timed([*lint, "--select", "SL0", str(huge_corpus)])
            bare_small = timed([*lint, "--select", "SL0", str(many)])
            table.time(f"{args.scale_files:,} plans, --select SL0 (no finding)", bare.wall, bare.peak)
            table.time("their first 5,000, --select SL0", bare_small.wall, bare_small.peak)
            table.note(f"6. peak memory without findings, {args.scale_files:,} / 5,000",
                       f"{bare.peak / bare_small.peak:.2f}")
            table.note("6. memory kept per file beyond its findings",
                       f"{(bare.peak - bare_small.peak) * 1024 / (args.scale_files - 5000):.0f} bytes")

    print()
    load_after = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after; {runs} pairs per ratio (9 for one plan)")
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
