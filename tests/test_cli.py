"""The command line as users and CI see it: exact output bytes, exit codes and
one-line errors (DESIGN.md, "Command line" and "Output").

Every run pins its rules with --select (structural rules, or a test pack whose
severities we choose), so rules added later never change these outputs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.helpers import run_cli, write

pytestmark = pytest.mark.usefixtures("workdir")

PLAN = textwrap.dedent("""\
    version: 1
    name: Spring plan
    name: Summer plan
    objetives: []
    channels:
      - {id: insta, name: Instagram}
      - {id: insta, name: Ads}
    tactics:
      - {id: t, name: T, channel: tv}
      - {id: u, name: U, zz: 1, channel: radio}
""")

PLAN_FINDINGS = [
    "a.strategy.yaml:3:1: SL003 [error] duplicate key 'name' (first on line 2); only this last value counts"
    "  (duplicate-key)",
    "a.strategy.yaml:4:1: SL002 [error] unknown key 'objetives' at the top level; did you mean 'objectives'? (or 'x-objetives' for a field of your own)"
    "  (schema-violation)",
    "a.strategy.yaml:7:10: SL005 [error] duplicate id 'insta' (first used by channels[0]); ids must be unique "
    "within a list  (duplicate-id)",
    "a.strategy.yaml:9:31: SL004 [error] unknown channel 'tv'; defined: insta  (unknown-reference)",
    "a.strategy.yaml:10:22: SL002 [error] unknown key 'zz' in tactics[1]; expected one of: audience, budget, "
    "channel, description, id, interaction, name, objectives, owner, stage, touchpoint; a field of your own starts "
    "with x- ('x-zz')  (schema-violation)",
    "a.strategy.yaml:10:38: SL004 [error] unknown channel 'radio'; defined: insta  (unknown-reference)",
]

BROKEN = "version: 1\nname: [oops\n"
BROKEN_FINDING = ("b.strategy.yaml:2:12: SL001 [error] did not find expected ',' or ']' (while parsing a flow "
                  "sequence)  (invalid-yaml)")

CLEAN = "version: 1\nname: Clean plan\n"

# A pack of our own, so that warnings and infos do not depend on the built-in domain rules.
PACK = textwrap.dedent("""\
    pack: cli-test
    rules:
      - code: TST001
        slug: test-tactic-owner
        severity: warning
        summary: Every tactic names an owner.
        given: /tactics/*
        then: {function: present, options: {field: owner}}
        message: "tactic '{id}' has no owner"
        docs: {what: w, why: y, example: "tactics: [{id: a, name: W}]", fix: f}
      - code: TST002
        slug: test-plan-sponsor
        severity: info
        summary: The plan names a sponsor.
        given: ""
        then: {function: present, options: {field: sponsor}}
        message: the plan has no sponsor
        docs: {what: w, why: y, example: "name: P", fix: f}
""")


@pytest.fixture
def pack():
    return str(write("pack.yaml", PACK).resolve())


# -- text output ----------------------------------------------------------------------

def test_text_output_is_one_line_per_finding_sorted_then_a_summary():
    write("a.strategy.yaml", PLAN)
    write("b.strategy.yaml", BROKEN)
    result = run_cli(["check", "--select", "SL0", "b.strategy.yaml", "a.strategy.yaml"])
    assert result.stdout == "".join(line + "\n" for line in PLAN_FINDINGS + [
        BROKEN_FINDING,
        "Found 7 problems (7 errors, 0 warnings, 0 info) in 2 files.",
    ])
    assert result.stderr == ""
    assert result.exit_code == 1


def test_a_clean_file_says_so_and_exits_0():
    write("clean.strategy.yaml", CLEAN)
    result = run_cli(["check", "--select", "SL0", "clean.strategy.yaml"])
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0


def test_summary_counts_each_severity(pack):
    write("p.strategy.yaml", "version: 1\nname: P\nname: Q\ntactics:\n  - {id: a, name: A}\n  - {id: b, name: B}\n")
    result = run_cli(["check", "--rules", pack, "--select", "TST,SL003", "p.strategy.yaml"])
    assert result.stdout == (
        "p.strategy.yaml:1:1: TST002 [info] the plan has no sponsor  (test-plan-sponsor)\n"
        "p.strategy.yaml:3:1: SL003 [error] duplicate key 'name' (first on line 2); only this last value counts"
        "  (duplicate-key)\n"
        "p.strategy.yaml:5:5: TST001 [warning] tactic 'a' has no owner  (test-tactic-owner)\n"
        "p.strategy.yaml:6:5: TST001 [warning] tactic 'b' has no owner  (test-tactic-owner)\n"
        "Found 4 problems (1 error, 2 warnings, 1 info) in 1 file.\n"
    )


def test_quiet_prints_findings_only():
    write("a.strategy.yaml", PLAN)
    write("clean.strategy.yaml", CLEAN)
    result = run_cli(["check", "--quiet", "--select", "SL0", "a.strategy.yaml"])
    assert result.stdout == "".join(line + "\n" for line in PLAN_FINDINGS)
    assert result.exit_code == 1
    quiet_clean = run_cli(["check", "-q", "--select", "SL0", "clean.strategy.yaml"])
    assert quiet_clean.stdout == "" and quiet_clean.exit_code == 0


def test_output_file_gets_the_report_and_stdout_stays_empty():
    write("a.strategy.yaml", PLAN)
    result = run_cli(["check", "--select", "SL0", "--output", "report.txt", "a.strategy.yaml"])
    assert result.stdout == ""
    assert result.exit_code == 1
    assert Path("report.txt").read_text(encoding="utf-8") == "".join(
        line + "\n" for line in PLAN_FINDINGS + ["Found 6 problems (6 errors, 0 warnings, 0 info) in 1 file."])
    as_json = run_cli(["check", "--select", "SL0", "--format", "json", "-o", "report.json", "a.strategy.yaml"])
    assert as_json.stdout == "" and as_json.exit_code == 1
    assert json.loads(Path("report.json").read_text(encoding="utf-8"))["summary"]["error"] == 6


def test_output_file_that_cannot_be_written_is_exit_2_in_one_line():
    write("a.strategy.yaml", PLAN)
    result = run_cli(["check", "--select", "SL0", "--output", "no/such/dir/report.txt", "a.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("stratlint: error: ") and result.stderr.count("\n") == 1
    assert "no/such/dir/report.txt" in result.stderr


def test_no_colour_when_output_is_not_a_terminal():
    write("a.strategy.yaml", PLAN)
    result = run_cli(["check", "--select", "SL0", "a.strategy.yaml"])
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith(PLAN_FINDINGS[0] + "\n")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_colour_on_a_terminal_when_NO_COLOR_is_set_or_no_color_is_given(tmp_path):
    write("a.strategy.yaml", "version: 1\nname: Spring plan\nname: Summer plan\n")  # only PLAN_FINDINGS[0]

    def on_a_tty(*extra: str, env_extra: dict | None = None) -> bytes:
        try:
            master, slave = os.openpty()
        except OSError:
            pytest.skip("no pseudo-terminal available")
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env.update(env_extra or {})
        proc = subprocess.Popen([sys.executable, "-m", "stratlint", "check", "--select", "SL003", *extra,
                                 "a.strategy.yaml"], stdout=slave, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
        assert proc.wait(timeout=60) == 1
        assert b"Traceback" not in proc.stderr.read()
        return out

    plain = (PLAN_FINDINGS[0] + "\r\nFound 1 problem (1 error, 0 warnings, 0 info) in 1 file.\r\n").encode()
    assert b"\x1b[" in on_a_tty()  # the control: a terminal does get colour
    assert on_a_tty(env_extra={"NO_COLOR": "1"}) == plain
    assert on_a_tty("--no-color") == plain


# -- json output ------------------------------------------------------------------------

def test_json_output_structure():
    write("a.strategy.yaml", PLAN)
    write("b.strategy.yaml", BROKEN)
    write("clean.strategy.yaml", CLEAN)
    result = run_cli(["check", "--format", "json", "--select", "SL0", "."])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert list(report) == ["version", "files_checked", "findings", "summary"]
    assert report["version"] == 1
    assert report["files_checked"] == 3
    assert report["summary"] == {"error": 7, "warning": 0, "info": 0}
    findings = report["findings"]
    assert [tuple(f) for f in findings] == [(
        "path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "pointer",
    )] * 7
    assert findings[0] == {
        "path": "a.strategy.yaml", "line": 3, "column": 1, "end_line": 3, "end_column": 5,
        "code": "SL003", "rule": "duplicate-key", "severity": "error",
        "message": "duplicate key 'name' (first on line 2); only this last value counts", "pointer": "/name",
    }
    assert [(f["path"], f["line"], f["column"], f["code"], f["pointer"]) for f in findings] == [
        ("a.strategy.yaml", 3, 1, "SL003", "/name"),
        ("a.strategy.yaml", 4, 1, "SL002", "/objetives"),
        ("a.strategy.yaml", 7, 10, "SL005", "/channels/1/id"),
        ("a.strategy.yaml", 9, 31, "SL004", "/tactics/0/channel"),
        ("a.strategy.yaml", 10, 22, "SL002", "/tactics/1/zz"),
        ("a.strategy.yaml", 10, 38, "SL004", "/tactics/1/channel"),
        ("b.strategy.yaml", 2, 12, "SL001", ""),
    ]
    assert (findings[3]["end_line"], findings[3]["end_column"]) == (9, 33)  # 'tv'
    assert all(isinstance(f["line"], int) and isinstance(f["column"], int) and f["line"] >= 1
               and f["column"] >= 1 for f in findings)


def test_json_output_when_clean_and_missing_key_at_top_level():
    write("p.strategy.yaml", "version: 1\nowner: Zoë\n")
    report = json.loads(run_cli(["check", "--format", "json", "--select", "SL002", "p.strategy.yaml"]).stdout)
    assert report["findings"] == [{
        "path": "p.strategy.yaml", "line": 1, "column": 1, "end_line": 1, "end_column": 11, "code": "SL002",
        "rule": "schema-violation", "severity": "error", "message": "the plan needs a 'name'", "pointer": "",
    }]
    write("clean.strategy.yaml", CLEAN)
    clean = run_cli(["check", "--format", "json", "--select", "SL0", "clean.strategy.yaml"])
    assert json.loads(clean.stdout) == {"version": 1, "files_checked": 1, "findings": [],
                                        "summary": {"error": 0, "warning": 0, "info": 0}}
    assert clean.exit_code == 0


# -- exit codes and --fail-on -------------------------------------------------------------

@pytest.mark.parametrize("plan, fail_on, code", [
    # only an info finding
    ("version: 1\nname: P\n", "error", 0),
    ("version: 1\nname: P\n", "warning", 0),
    ("version: 1\nname: P\n", "info", 1),
    ("version: 1\nname: P\n", "never", 0),
    # a warning and an info
    ("version: 1\nname: P\ntactics: [{id: a, name: A}]\n", "error", 0),
    ("version: 1\nname: P\ntactics: [{id: a, name: A}]\n", "warning", 1),
    ("version: 1\nname: P\ntactics: [{id: a, name: A}]\n", "info", 1),
    # an error
    ("version: 1\nname: P\nname: Q\nsponsor: CEO\n", "error", 1),
    ("version: 1\nname: P\nname: Q\nsponsor: CEO\n", "never", 0),
    # nothing at all
    ("version: 1\nname: P\nsponsor: CEO\n", "info", 0),
])
def test_fail_on(pack, plan, fail_on, code):
    write("p.strategy.yaml", plan)
    result = run_cli(["check", "--rules", pack, "--select", "TST,SL0", "--fail-on", fail_on, "p.strategy.yaml"])
    assert result.exit_code == code
    assert result.stdout.endswith(" in 1 file.\n")


def test_fail_on_defaults_to_error(pack):
    write("p.strategy.yaml", "version: 1\nname: P\ntactics: [{id: a, name: A}]\n")
    assert run_cli(["check", "--rules", pack, "--select", "TST", "p.strategy.yaml"]).exit_code == 0
    write("q.strategy.yaml", "version: 1\nname: P\nname: Q\n")
    assert run_cli(["check", "--select", "SL0", "q.strategy.yaml"]).exit_code == 1


def test_invalid_yaml_is_a_finding_not_a_failed_run():
    write("b.strategy.yaml", BROKEN)
    result = run_cli(["check", "--select", "SL0", "b.strategy.yaml"])
    assert result.exit_code == 1
    assert result.stdout == BROKEN_FINDING + "\nFound 1 problem (1 error, 0 warnings, 0 info) in 1 file.\n"
    assert result.stderr == ""


def test_bad_option_values_are_exit_2():
    write("a.strategy.yaml", PLAN)
    for args in (["--fail-on", "sometimes"], ["--format", "xml"], ["--no-such-option"]):
        result = run_cli(["check", *args, "a.strategy.yaml"])
        assert result.exit_code == 2, args
        assert result.stdout == ""


# -- paths ---------------------------------------------------------------------------------

def test_directories_are_walked_for_strategy_files_only():
    for name in ("plans/a.strategy.yaml", "plans/b.strategy.yml", "plans/c.strategy.json",
                 "plans/sub/deeper/d.strategy.yaml", "plans/notes.yaml", "plans/readme.md",
                 "plans/strategy.yaml", "plans/e.strategy.yaml.bak", "plans/.hidden/h.strategy.yaml",
                 "plans/sub/.git/g.strategy.yaml"):
        write(name, "version: 1\n" if not name.endswith(".json") else '{"version": 1}')
    result = run_cli(["check", "--select", "SL002", "plans"])
    assert result.stdout == "".join(f"{p}:1:1: SL002 [error] the plan needs a 'name'  (schema-violation)\n" for p in (
        "plans/a.strategy.yaml", "plans/b.strategy.yml", "plans/c.strategy.json", "plans/sub/deeper/d.strategy.yaml",
    )) + "Found 4 problems (4 errors, 0 warnings, 0 info) in 4 files.\n"
    assert result.exit_code == 1


def test_a_file_named_explicitly_is_always_checked():
    write("plans/notes.yaml", "version: 1\n")
    write("plans/.hidden/h.strategy.yaml", "version: 1\n")
    write("plan.txt", "version: 1\n")
    result = run_cli(["check", "--select", "SL002", "plans/notes.yaml", "plans/.hidden/h.strategy.yaml", "plan.txt"])
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == [
        "plan.txt", "plans/.hidden/h.strategy.yaml", "plans/notes.yaml"]
    assert result.stdout.endswith("in 3 files.\n")


def test_no_path_checks_the_current_directory():
    write("a.strategy.yaml", PLAN)
    write("other.yaml", "not: a plan\n")
    result = run_cli(["check", "--select", "SL0"])
    assert result.stdout == "".join(line + "\n" for line in PLAN_FINDINGS + [
        "Found 6 problems (6 errors, 0 warnings, 0 info) in 1 file."])


def test_dash_reads_stdin_and_shows_it_as_stdin():
    write("a.strategy.yaml", "version: 1\nname: A\nname: B\n")
    result = run_cli(["check", "--select", "SL0", "a.strategy.yaml", "-"], input="version: 1\nowner: Ana\nowner: Bo\n")
    assert result.stdout == (
        "<stdin>:1:1: SL002 [error] the plan needs a 'name'  (schema-violation)\n"
        "<stdin>:3:1: SL003 [error] duplicate key 'owner' (first on line 2); only this last value counts"
        "  (duplicate-key)\n"
        "a.strategy.yaml:3:1: SL003 [error] duplicate key 'name' (first on line 2); only this last value counts"
        "  (duplicate-key)\n"
        "Found 3 problems (3 errors, 0 warnings, 0 info) in 2 files.\n"
    )
    assert result.exit_code == 1


def test_a_missing_path_is_one_line_on_stderr_exit_2_and_the_others_are_still_checked():
    write("a.strategy.yaml", PLAN)
    write("clean.strategy.yaml", CLEAN)
    result = run_cli(["check", "--select", "SL0", "a.strategy.yaml", "missing.strategy.yaml", "clean.strategy.yaml"])
    assert result.stderr == "stratlint: error: missing.strategy.yaml: no such file or directory\n"
    assert result.stdout == "".join(line + "\n" for line in PLAN_FINDINGS + [
        "Found 6 problems (6 errors, 0 warnings, 0 info) in 2 files; 1 path could not be checked (see the errors above)."])
    assert result.exit_code == 2
    only_clean = run_cli(["check", "--select", "SL0", "nothere", "clean.strategy.yaml"])
    assert only_clean.exit_code == 2
    assert only_clean.stdout == "No problems found in 1 file; 1 path could not be checked (see the errors above).\n"
    assert only_clean.stderr == "stratlint: error: nothere: no such file or directory\n"


def test_a_directory_without_strategy_files_is_exit_2_unless_allow_empty():
    write("plans/notes.yaml", "version: 1\n")
    result = run_cli(["check", "--select", "SL0", "plans"])
    assert result.exit_code == 2
    assert result.stderr.startswith("stratlint: error: plans: ") and result.stderr.count("\n") == 1
    allowed = run_cli(["check", "--select", "SL0", "--allow-empty", "plans"])
    assert allowed.exit_code == 0 and allowed.stderr == ""


# -- --select and --ignore ------------------------------------------------------------------

# The structural rules (SL0xx) are always on, so selection is shown with the test pack's rules; PLAN draws
# TST002 at 1:1 and TST001 at 9:5 and 10:5 besides its six structural findings.
WITH_PACK = ["TST002", "SL003", "SL002", "SL005", "TST001", "SL004", "TST001", "SL002", "SL004"]


def structural_and(*codes: str) -> list[str]:
    return [code for code in WITH_PACK if code.startswith("SL0") or code in codes]


@pytest.mark.parametrize("args, codes", [
    (["--select", "TST001"], structural_and("TST001")),
    (["--select", "test-tactic-owner"], structural_and("TST001")),
    (["--select", "tst001"], structural_and("TST001")),
    (["--select", "TST00"], structural_and("TST001", "TST002")),
    (["--select", "TST001,test-plan-sponsor"], structural_and("TST001", "TST002")),
    (["--select", "TST001, TST002"], structural_and("TST001", "TST002")),
    (["--select", "TST001", "--select", "test-plan-sponsor"], structural_and("TST001", "TST002")),
    (["--select", "TST", "--ignore", "TST002"], structural_and("TST001")),
    (["--select", "TST,SL0", "--ignore", "test-plan-sponsor,TST001"], structural_and()),
    (["--select", "TST", "--ignore", "TST00"], structural_and()),
])
def test_select_and_ignore_by_slug_code_and_prefix(pack, args, codes):
    write("a.strategy.yaml", PLAN)
    result = run_cli(["check", "-q", "--rules", pack, *args, "a.strategy.yaml"])
    assert [line.split()[1] for line in result.stdout.splitlines()] == codes
    assert result.exit_code == 1  # the structural findings are errors


def test_select_does_not_remove_the_structural_rules():
    write("a.strategy.yaml", PLAN)
    write("b.strategy.yaml", BROKEN)
    result = run_cli(["check", "--select", "SL202", "a.strategy.yaml", "b.strategy.yaml"])
    assert result.stdout == "".join(line + "\n" for line in PLAN_FINDINGS + [
        BROKEN_FINDING,
        "Found 7 problems (7 errors, 0 warnings, 0 info) in 2 files.",
    ])
    assert result.exit_code == 1


def test_ignore_does_not_remove_the_structural_rules():
    write("a.strategy.yaml", PLAN)
    write("b.strategy.yaml", BROKEN)
    result = run_cli(["check", "--select", "SL0", "--ignore", "SL001,schema-violation,SL0", "a.strategy.yaml",
                  "b.strategy.yaml"])
    assert result.stdout == "".join(line + "\n" for line in PLAN_FINDINGS + [
        BROKEN_FINDING,
        "Found 7 problems (7 errors, 0 warnings, 0 info) in 2 files.",
    ])
    assert result.exit_code == 1


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_an_unknown_selector_is_exit_2_in_one_line(flag):
    write("a.strategy.yaml", PLAN)
    result = run_cli(["check", flag, "SL0,no-such-rule", "a.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("stratlint: error: ")
    assert result.stderr.count("\n") == 1
    assert "no-such-rule" in result.stderr


# -- other commands ---------------------------------------------------------------------------

def test_version():
    result = run_cli(["--version"])
    assert result.stdout == f"stratlint {version('stratlint')}\n"
    assert result.exit_code == 0


def test_rules_lists_the_structural_rules():
    result = run_cli(["rules"])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[:3] for line in result.stdout.splitlines()[1:]}
    assert rows["SL001"] == ["SL001", "invalid-yaml", "error"]
    assert rows["SL002"] == ["SL002", "schema-violation", "error"]
    assert rows["SL005"] == ["SL005", "duplicate-id", "error"]
    assert "The file is not one readable YAML mapping." in result.stdout


def test_rules_shows_whether_each_rule_is_enabled():
    header = run_cli(["rules"]).stdout.splitlines()[0].split()
    assert header[:4] == ["CODE", "SLUG", "SEVERITY", "ENABLED"]


def test_explain_by_code_and_by_slug_shows_the_documentation_sections():
    by_code = run_cli(["explain", "SL201"])
    by_slug = run_cli(["explain", "vanity-only-kpis"])
    assert by_code.exit_code == 0 and by_slug.exit_code == 0
    assert by_code.stdout == by_slug.stdout
    page = by_code.stdout
    assert page.startswith("SL201 vanity-only-kpis [warning]")
    titles = ["What it checks:", "Why:", "Example that fires:", "Fix:"]
    lines = page.splitlines()
    assert [line for line in lines if line in titles] == titles
    for title in titles:  # each section has content under its title
        assert lines[lines.index(title) + 1].startswith("    ")


def test_explain_a_structural_rule():
    page = run_cli(["explain", "sl003"]).stdout
    assert page.startswith("SL003 duplicate-key [error]")
    example = page.split("Example that fires:\n")[1].split("\n\n")[0]
    assert example == "    version: 1\n    name: Launch plan\n    name: Spring launch plan"


@pytest.mark.parametrize("name, hint", [
    ("qqqq", "; 'stratlint rules' lists them"),
    ("vanity-only-kpi", "; did you mean 'vanity-only-kpis'?"),
])
def test_explain_an_unknown_rule_is_exit_2(name, hint):
    result = run_cli(["explain", name])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"stratlint: error: no rule named '{name}'{hint}\n"


# -- the installed command ---------------------------------------------------------------------

def installed_script() -> Path:
    script = Path(sys.executable).parent / ("stratlint.exe" if os.name == "nt" else "stratlint")
    assert script.exists(), f"no console script next to {sys.executable}"
    return script


def test_installed_console_script(tmp_path):
    write("a.strategy.yaml", PLAN)
    write("b.strategy.yaml", BROKEN)
    proc = subprocess.run([str(installed_script()), "check", "--select", "SL0", "b.strategy.yaml",
                           "a.strategy.yaml", "gone.strategy.yaml"],
                          cwd=tmp_path, capture_output=True, timeout=120)
    assert proc.stdout == "".join(line + "\n" for line in PLAN_FINDINGS + [
        BROKEN_FINDING,
        "Found 7 problems (7 errors, 0 warnings, 0 info) in 2 files; 1 path could not be checked (see the errors above)."
    ]).encode()
    assert proc.stderr == b"stratlint: error: gone.strategy.yaml: no such file or directory\n"
    assert proc.returncode == 2
    ver = subprocess.run([str(installed_script()), "--version"], capture_output=True, text=True, timeout=120)
    assert ver.stdout == f"stratlint {version('stratlint')}\n" and ver.returncode == 0


def test_python_dash_m_stratlint_reads_stdin(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "stratlint", "check", "--select", "SL0", "-"],
                          input=b"version: 1\nname: A\nname: B\n", cwd=tmp_path, capture_output=True, timeout=120)
    assert proc.stdout == (b"<stdin>:3:1: SL003 [error] duplicate key 'name' (first on line 2); only this last "
                           b"value counts  (duplicate-key)\nFound 1 problem (1 error, 0 warnings, 0 info) in 1 file.\n")
    assert proc.stderr == b""
    assert proc.returncode == 1
