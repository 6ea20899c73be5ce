"""Bad input of every kind: a clear one-line finding or error, the contract's
exit code, the other files still checked, and nothing a file says is run."""
from __future__ import annotations

import codecs
import os
import re
import resource
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import run_cli

PLAN = "version: 1\nname: Spring plan\n"


def check(*args: str, stdin: bytes | None = None):
    result = run_cli(["check", "--select", "SL0", *args], input=stdin)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    return result


def billion_laughs() -> str:
    text = 'version: 1\nname: x\nx-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghij":
        text += f"x-{name}: &{name} [" + ",".join(f"*{previous}" for _ in range(9)) + "]\n"
        previous = name
    return text


CASES = [
    # (file name, bytes, the one finding line after the path, or None for no finding)
    ("empty.strategy.yaml", b"", "1:1: SL001 [error] the file is empty"),
    ("blank.strategy.yaml", b"  \n\t\n", "1:1: SL001 [error] the file is empty"),
    ("comments.strategy.yaml", b"# a plan\n# to come\n", "1:1: SL001 [error] the file holds only comments"),
    ("marker.strategy.yaml", b"---\n# later\n", "1:1: SL001 [error] the file holds only comments"),
    ("bom.strategy.yaml", codecs.BOM_UTF8 + PLAN.encode(), None),
    ("utf16.strategy.yaml", PLAN.encode("utf-16"), None),
    ("latin1.strategy.yaml", b"version: 1\nname: Caf\xe9 plan\n",
     "2:10: SL001 [error] the file is not valid UTF-8 text (byte 0xe9)"),
    ("binary.strategy.yaml", b"version: 1\nname: x\x00y\n",
     "2:8: SL001 [error] the file holds NUL bytes; it looks binary, not a YAML plan"),
    ("crlf.strategy.yaml", b"version: 1\r\nname: Plan\r\nobjetives: []\r\n",
     "3:1: SL002 [error] unknown key 'objetives' at the top level; did you mean 'objectives'? (or 'x-objetives' for a field of your own)"),
    ("tabs.strategy.yaml", b"version: 1\nname: Plan\nperiod:\n\tstart: 2027-01-01\n",
     "4:1: SL001 [error] a tab indents this line; YAML indents with spaces only"),
    ("longline.strategy.yaml", b"version: 1\nname: " + b"x" * 5_000_000 + b"\n", None),
    ("deep.strategy.yaml", b"version: 1\nname: x\nx-deep: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
     "3:108: SL001 [error] the document nests more than 100 levels deep"),
    ("bomb.strategy.yaml", billion_laughs().encode(),
     "7:6: SL001 [error] aliases expand to more than 100,000 values; the file looks like an alias bomb"),
    ("recursive.strategy.yaml", b"version: 1\nname: x\nx-loop: &a [*a]\n",
     "3:9: SL001 [error] an alias refers to the value that contains it (a recursive alias)"),
    ("unknown-tag.strategy.yaml", b"version: 1\nname: !include other.yaml\n",
     "2:7: SL001 [error] unsupported tag '!include'; a plan uses plain YAML values only"),
    ("set-tag.strategy.yaml", b"version: 1\nname: x\nx-s: !!set {a: null}\n",
     "3:6: SL001 [error] unsupported tag '!!set'; a plan uses plain YAML values only"),
    ("number-key.strategy.yaml", b"version: 1\nname: x\n2027: plan\n",
     "3:1: SL002 [error] unknown key '2027' at the top level"),
    ("list-key.strategy.yaml", b"version: 1\nname: x\n? [a, b]\n: c\n",
     "3:3: SL002 [error] a key at the top level is a list; keys are plain words such as 'name'"),
    ("list-root.strategy.yaml", b"- version: 1\n",
     "1:1: SL001 [error] the plan is a list, not a mapping of keys such as 'version:' and 'name:'"),
    ("scalar-root.strategy.yaml", b"just a sentence\n",
     "1:1: SL001 [error] the plan is a single value, not a mapping of keys such as 'version:' and 'name:'"),
    ("two-docs.strategy.yaml", b"version: 1\nname: a\n---\nversion: 1\nname: b\n",
     "3:1: SL001 [error] the file holds more than one document; a plan is one document"),
    ("huge-int.strategy.yaml", b"version: 1\nname: x\nbudget: {total: " + b"9" * 6000 + b"}\n",
     "3:17: SL002 [error] budget.total must be a number, not the text '9999999999999999999999999999999999999...'"),
    ("unclosed.strategy.yaml", b"version: 1\nname: [Spring plan\n",  # the end of the file, not a line after it
     "2:19: SL001 [error] did not find expected ',' or ']' (while parsing a flow sequence)"),
    ("bad-timestamp.strategy.yaml", b"version: 1\nname: x\nx-v: !!timestamp nope\n",
     "3:6: SL001 [error] 'nope' is not a valid !!timestamp"),
    ("bad-int.strategy.yaml", b'version: 1\nname: x\nx-v: !!int ""\n', "3:6: SL001 [error] '' is not a valid !!int"),
    ("bad-bool.strategy.yaml", b"version: 1\nname: x\nx-v: !!bool maybe\n",
     "3:6: SL001 [error] 'maybe' is not a valid !!bool"),
    ("cr-latin1.strategy.yaml", b"version: 1\rname: Caf\xe9 plan\r",
     "2:10: SL001 [error] the file is not valid UTF-8 text (byte 0xe9)"),
    ("control.strategy.yaml", b"version: 1\nname: a\x0cb\n",
     "2:8: SL001 [error] unacceptable character #x000c: control characters are not allowed"),
    ("separators.strategy.yaml", 'version: 1\nname: "a\u2028b\u0085c"\nobjetives: []\n'.encode(),
     "3:1: SL002 [error] unknown key 'objetives' at the top level; did you mean 'objectives'?"),
    ("long-alias.strategy.yaml", ("version: 1\nname: x\nx-t: &t " + "t" * 1_000_000 + "\nx-l: ["
                                  + ", ".join(["*t"] * 11) + "]\n").encode(),
     "3:6: SL001 [error] aliases expand to more than 100,000 values; the file looks like an alias bomb"),
    ("suppression-spaces.strategy.yaml",
     b"version: 1\nname: x  # stratlint: disable=SL002 -- a" + b" " * 100_000 + b"b until 2027-01-01" + b" " * 100_000
     + b"x\nobjetives: []\n", "3:1: SL002 [error] unknown key 'objetives'"),
]


def first_line(result, name):
    lines = [line for line in result.stdout.splitlines() if line.startswith(name + ":")]
    return lines[0][len(name) + 1:] if lines else None


@pytest.mark.parametrize("name, data, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_finding(tmp_path, monkeypatch, name, data, expected):
    (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    result = check(name)
    found = first_line(result, name)
    if expected is None:
        assert found is None and result.exit_code == 0
    else:
        assert found is not None and found.startswith(expected), found
        assert result.exit_code == 1
    assert result.stderr == ""


def test_every_bad_file_in_one_run_and_the_good_one_still_checked(tmp_path, monkeypatch):
    for name, data, _ in CASES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.strategy.yaml").write_text(PLAN)
    monkeypatch.chdir(tmp_path)
    result = check(".", "missing.strategy.yaml", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: missing.strategy.yaml: no such file or directory\n"
    import json

    report = json.loads(result.stdout)
    assert report["files_checked"] == len(CASES) + 1
    flagged = {f["path"] for f in report["findings"]}
    assert "good.strategy.yaml" not in flagged
    assert flagged == {name for name, _, expected in CASES if expected}


def test_python_tags_are_refused_and_nothing_runs(tmp_path, monkeypatch):
    marker = tmp_path / "ran"
    plan = textwrap.dedent(f"""\
        version: 1
        name: !!python/object/apply:os.system ["touch {marker}"]
        owner: !!python/object/apply:builtins.open ["{marker}", "w"]
    """)
    (tmp_path / "evil.strategy.yaml").write_text(plan)
    monkeypatch.chdir(tmp_path)
    result = check("evil.strategy.yaml")
    assert first_line(result, "evil.strategy.yaml").startswith(
        "2:7: SL001 [error] unsupported tag '!!python/object/apply:os.system'")
    assert not marker.exists()


def test_alias_bomb_is_refused_with_bounded_memory(tmp_path):
    """Run in its own process under a memory limit: the bomb must be refused, not expanded."""
    path = tmp_path / "bomb.strategy.yaml"
    path.write_text(billion_laughs())
    limit = 1 << 30

    def cap():  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "stratlint", "check", str(path)], capture_output=True,
                          text=True, preexec_fn=cap, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "alias bomb" in proc.stdout


def test_special_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "loop").symlink_to(tmp_path / "plans", target_is_directory=True)
    (tmp_path / "plans" / "Été 2027 plan.strategy.yaml").write_text("version: 1\nname: Été\nobjetives: []\n")
    os.mkfifo(tmp_path / "pipe.strategy.yaml")
    result = check("plans", "pipe.strategy.yaml")
    assert result.stdout.splitlines()[0].startswith("plans/Été 2027 plan.strategy.yaml:3:1: SL002")
    assert result.stderr == "stratlint: error: pipe.strategy.yaml: not a regular file (a pipe, socket or device)\n"
    assert result.exit_code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    secret = tmp_path / "secret.strategy.yaml"
    secret.write_text(PLAN)
    secret.chmod(0)
    (tmp_path / "ok.strategy.yaml").write_text(PLAN)
    result = check("secret.strategy.yaml", "ok.strategy.yaml")
    assert result.stderr == "stratlint: error: secret.strategy.yaml: Permission denied\n"
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 2


def test_stdin(tmp_path):
    result = check("-", stdin=b"version: 1\nname: Plan\nobjetives: []\n")
    assert result.stdout.splitlines()[0] == (
        "<stdin>:3:1: SL002 [error] unknown key 'objetives' at the top level; did you mean 'objectives'? (or 'x-objetives' for a field of your own)"
        "  (schema-violation)")
    assert result.exit_code == 1


def test_same_input_same_output(tmp_path, monkeypatch):
    for name, data, _ in CASES:
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert check(".").stdout == check(".").stdout


def _nesting_bound(text: str, limit: int) -> bool:
    """The nesting guard's bound, read literally: how deep the brackets go
    (a closing one never below zero) plus the longest run of indentation and
    block indicators that starts a line (YAML ends lines at LF, CR, NEL, LS
    and PS), above the limit."""
    lines = re.split("[\n\r\x85\u2028\u2029]", text)
    lead = max((len(line) - len(line.lstrip(" \t?:-")) for line in lines), default=0)
    depth = deepest = 0
    for char in text:
        if char in "[]{}":
            depth = max(0, depth + (1 if char in "[{" else -1))
            deepest = max(deepest, depth)
    return deepest + lead > limit


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="[]{}  \t\n\r\x85\u2028-:?xé", max_size=300), st.integers(0, 60))
def test_nesting_bound_is_computed_as_defined(text, limit):
    from stratlint.document.loader import _may_nest_deeper

    assert _may_nest_deeper(text, limit) == _nesting_bound(text, limit)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a file name that is not UTF-8")
def test_a_file_name_that_is_not_utf8_works_in_every_format_and_in_baselines(tmp_path):
    """Linux allows any bytes in a name; Python reads them as lone surrogates."""
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "examples" / "vanity-metrics.strategy.yaml"
    (tmp_path / os.fsdecode(b"v\xff.strategy.yaml")).write_bytes(example.read_bytes())

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "stratlint", "check", "--no-cache", *args, "."],
                              cwd=tmp_path, capture_output=True, timeout=120)

    for fmt in ("text", "json", "sarif", "github", "junit", "markdown"):
        result = run("--format", fmt)
        assert (result.returncode, result.stderr) == (0, b""), fmt  # warnings only: exit 0
        assert b"SL201" in result.stdout, fmt
    import json

    sarif = json.loads(run("--format", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"v%FF.strategy.yaml"}  # the name's bytes, percent-encoded
    assert run("--write-baseline", "b.json").returncode == 0
    assert b'"path": "v\\udcff.strategy.yaml"' in (tmp_path / "b.json").read_bytes()
    again = run("--baseline", "b.json")
    assert (again.returncode, again.stderr) == (0, b"") and b"SL201" not in again.stdout
