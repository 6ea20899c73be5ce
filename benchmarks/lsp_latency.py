#!/usr/bin/env python3
"""How long after a change the editor gets its diagnostics: ``stratlint server``
driven over stdio, as an editor drives it.

    python benchmarks/lsp_latency.py [--lines 1000] [--runs 15] [--pause 150]

Writes a plan of at least ``--lines`` lines (``corpus.py``, beside
this file), starts ``python -m stratlint server``, opens the plan, then
sends ``--runs`` incremental ``textDocument/didChange`` notifications of
each of two kinds, one character each, ``--pause`` milliseconds apart (a
person's typing pace), waiting each time for the
``textDocument/publishDiagnostics`` of that version:

- **in a value**: a letter of a tactic's name changes; the plan stays
  valid against the schema;
- **in a key**: a KPI's ``target:`` becomes ``targex:`` and back, so every
  other version breaks the schema and the linter explains the violation
  (SL002, through jsonschema) as well as reporting the missing target;
  the two halves are reported apart.

It prints, per kind, the median and the spread of the time from sending
the change to receiving its diagnostics, which includes the server's
debounce (``stratlint.server.app.DEBOUNCE``: a change after a pause is
linted at once). Target: under 100 ms for a 1,000-line plan. Standard
library only: the client speaks JSON-RPC itself, so nothing but the
server is measured. Timings belong here, not in the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Client:
    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method: str, params, request: bool = False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def receive(self) -> dict:
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("the server exited")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def wait(self, predicate) -> dict:
        while True:
            message = self.receive()
            if predicate(message):
                return message

    def request(self, method: str, params) -> dict:
        ident = self.send(method, params, request=True)
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)


def make_plan(lines: int, folder: Path) -> Path:
    """The smallest generated plan of at least ``lines`` lines (the
    generator's size grows unevenly with its scale, so several are tried)."""
    best = None
    for scale in [x / 2 for x in range(1, 80)]:
        out = folder / f"scale-{scale}"
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(out), "--files", "1", "--scale", str(scale),
                        "--seed", "7", "--defect-rate", "0"], check=True, capture_output=True)
        plan = next(out.glob("*.strategy.yaml"))
        count = len(plan.read_text(encoding="utf-8").splitlines())
        if count >= lines and (best is None or count < best[0]):
            best = (count, plan)
        if best and count > 2 * lines:
            break
    if best is None:
        raise SystemExit(f"the generator made no plan of {lines} lines")
    return best[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pause", type=int, default=150, help="milliseconds between changes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        plan = make_plan(args.lines, Path(tmp))
        text = plan.read_text(encoding="utf-8")
        lines = text.splitlines()
        uri = plan.resolve().as_uri()
        client = Client([sys.executable, "-m", "stratlint", "server"])
        client.request("initialize", {"processId": os.getpid(), "rootUri": plan.parent.as_uri(), "capabilities": {}})
        client.send("initialized", {})
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        version = 1

        def typing(line: int, column: int, letters: str) -> list[float]:
            nonlocal version
            timings = []
            for run in range(args.runs):
                version += 1
                change = {"range": {"start": {"line": line, "character": column},
                                    "end": {"line": line, "character": column + 1}},
                          "text": letters[run % 2]}
                time.sleep(args.pause / 1000)
                start = time.perf_counter()
                client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                       "contentChanges": [change]})
                client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"].get("version") == version)
                timings.append((time.perf_counter() - start) * 1000)
            return timings

        # a plain (unquoted) name: a letter of it changes, nothing else
        name_line = next(i for i, line in enumerate(lines) if i > 20 and "name: " in line
                         and line[line.index("name: ") + 6:line.index("name: ") + 7].isalpha())
        name_column = lines[name_line].index("name: ") + len("name: ") + 1
        target_line = next(i for i, line in enumerate(lines) if "target:" in line)
        target_column = lines[target_line].index("target:") + 5
        in_value = typing(name_line, name_column, "QZ")
        in_key = typing(target_line, target_column, "xt")
        results = {
            "in a value (the plan stays valid)": in_value,
            "in a key, the versions that break the schema": in_key[0::2],
            "in a key, the versions that mend it": in_key[1::2],
        }
        client.request("shutdown", None)
        client.send("exit", None)
        client.proc.wait(timeout=10)

    print(f"plan: {len(lines)} lines, {len(text.encode('utf-8')) // 1024} KiB; {args.runs} changes of each kind, "
          f"{args.pause} ms apart")
    worst = 0.0
    for kind, timings in results.items():
        median = statistics.median(timings)
        worst = max(worst, median)
        print(f"didChange -> publishDiagnostics, typing {kind}: median {median:.1f} ms "
              f"(min {min(timings):.1f}, max {max(timings):.1f})")
    print(f"target: median under 100 ms: {'met' if worst < 100 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
