"""stratlint as a gate on untrusted pull requests (issue #14).

Every file and config here could come from a stranger's pull request:
nothing it holds runs, no input stops or stalls the run, no path it names
leads stratlint out of the repository, and every position is the one an
editor shows. Each test reproduces a case that went wrong.
"""
from __future__ import annotations

import json

import pytest

from tests.helpers import run_cli, write

PLAN = "version: 1\nname: Spring plan\n"
OBJETIVES = "version: 1\nname: Plan\nobjetives: []\n"
OBJETIVES_FINDING = ("good.strategy.yaml:3:1: SL002 [error] unknown key 'objetives' at the top level; "
                     "did you mean 'objectives'? (or 'x-objetives' for a field of your own)  (schema-violation)")


def check(*args: str, input: bytes | str | None = None):
    return run_cli(["check", "--select", "SL0", *args], input=input)


# -- explicit core tags with values of another type (item 3) ------------------------------------

BAD_TAGS = [
    ("!!timestamp nope", "'nope' is not a valid !!timestamp: the tag asks for a date such as 2027-03-31"),
    ('!!int ""', "'' is not a valid !!int: the tag asks for a whole number such as 42"),
    ("!!int +", "'+' is not a valid !!int: the tag asks for a whole number such as 42"),
    ('!!float ""', "'' is not a valid !!float: the tag asks for a number such as 2.5"),
    ("!!bool maybe", "'maybe' is not a valid !!bool: the tag asks for true or false"),
]


@pytest.mark.parametrize("value, message", BAD_TAGS, ids=[v for v, _ in BAD_TAGS])
def test_a_core_tag_on_a_value_of_another_type_is_a_located_sl001_and_the_run_goes_on(workdir, value, message):
    write("bad.strategy.yaml", f"version: 1\nname: x\nx-value: {value}\n")
    write("good.strategy.yaml", OBJETIVES)
    result = check("bad.strategy.yaml", "good.strategy.yaml")
    assert result.stdout.splitlines() == [
        f"bad.strategy.yaml:3:10: SL001 [error] {message}; correct the value or remove the tag  (invalid-yaml)",
        OBJETIVES_FINDING,
        "Found 2 problems (2 errors, 0 warnings, 0 info) in 2 files.",
    ]
    assert result.stderr == ""
    assert result.exit_code == 1


def test_a_core_tag_keeps_a_value_of_its_type_that_cannot_be_converted_as_text(workdir):
    # as without the tag: 2027-02-30 is a date no calendar has, and the schema says so
    write("plan.strategy.yaml", "version: 1\nname: x\nperiod: {start: !!timestamp 2027-02-30, end: 2027-12-31}\n"
                                "x-a: !!int 12\nx-b: !!float 1\nx-c: !!bool yes\n")
    result = check("plan.strategy.yaml")
    assert result.stdout.splitlines()[0] == (
        "plan.strategy.yaml:3:17: SL002 [error] period.start '2027-02-30' is not a date; write it as YYYY-MM-DD, "
        "such as 2027-01-31  (schema-violation)")


@pytest.mark.parametrize("value, message", BAD_TAGS[:2], ids=[v for v, _ in BAD_TAGS[:2]])
def test_a_core_tag_on_a_value_of_another_type_in_a_config_is_a_located_config_error(workdir, value, message):
    write(".stratlint.yaml", f"select: [SL2]\nfail-on: {value}\n")
    write("plan.strategy.yaml", PLAN)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stderr == (f"stratlint: error: .stratlint.yaml:2:10: config is not valid YAML: {message}; "
                             "correct the value or remove the tag\n")
    assert result.exit_code == 2


def test_fix_fixes_the_other_files_when_one_has_a_bad_tag(workdir):
    write("bad.strategy.yaml", "version: 1\nname: x\nx-value: !!int +\n")
    fixable = write("fixable.strategy.yaml", "version: 1\nname: Plan\n")
    result = run_cli(["check", "--select", "SL0,no-review-cycle", "--fix", "bad.strategy.yaml",
                      "fixable.strategy.yaml"])
    assert result.stdout.splitlines()[0].startswith("bad.strategy.yaml:3:10: SL001 [error] '+' is not a valid !!int")
    assert "fixable.strategy.yaml:3:1: fixed SL801 no-review-cycle: added review.cadence" in result.stderr
    assert fixable.read_text().startswith("version: 1\nname: Plan\nreview:\n")
    assert result.exit_code == 1


def test_fix_writes_nothing_until_every_file_has_been_read(workdir, monkeypatch):
    """A run that stops while it is still checking (here: the last file
    crashes stratlint itself) leaves every file as it was, also those
    whose fix was ready."""
    from stratlint.commands import check as command

    first = write("a.strategy.yaml", "version: 1\nname: Plan\n")
    write("b.strategy.yaml", "version: 1\nname: Plan\n")
    real = command.check_file

    def crash_on_b(job, rules, cache=None):
        if job.name == "b.strategy.yaml":
            raise RuntimeError("stratlint itself failed")
        return real(job, rules, cache)

    monkeypatch.setattr(command, "check_file", crash_on_b)
    with pytest.raises(RuntimeError):
        command.run_check(command.CheckOptions(paths=["a.strategy.yaml", "b.strategy.yaml"], fix=True, jobs=1,
                                               select=["no-review-cycle"]))
    assert first.read_text() == "version: 1\nname: Plan\n"


# -- linear time on long values (item 4; benchmarks/hostile.py measures it) ----------------------

MEGABYTE_OF_SPACES = " " * 1_000_000


def test_a_suppression_comment_with_a_megabyte_of_spaces_in_its_reason(workdir):
    write("plan.strategy.yaml", f"version: 1\nname: x\nobjetives: 1  # stratlint: disable=SL002 -- a{MEGABYTE_OF_SPACES}b\n"
                                f"x-a: 1  # stratlint: disable=SL002 -- until 2027-01-01{MEGABYTE_OF_SPACES}x\n")
    result = check("plan.strategy.yaml", "--report-unused-disables")
    assert result.stdout.splitlines() == [
        "plan.strategy.yaml:4:9: SL006 [warning] this suppression of SL002 suppresses nothing; remove it"
        "  (unused-suppression)",
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file.",
    ]


def test_a_waiver_date_after_white_space_still_expires():
    from stratlint.filters.suppressions import parse

    found = parse("x: 1  # stratlint: disable=SL2 -- launch only,   until   2027-03-31 .\n")
    assert (found[0].reason, str(found[0].until)) == ("launch only,   until   2027-03-31 .", "None")
    found = parse("x: 1  # stratlint: disable=SL2 -- launch only,   until   2027-03-31.\n")
    assert (found[0].reason, str(found[0].until)) == ("launch only", "2027-03-31")


def test_a_kpi_name_with_a_megabyte_of_spaces_is_checked_and_quoted_short(workdir):
    write("plan.strategy.yaml", f'version: 1\nname: x\nkpis:\n  - {{id: a, name: "Likes{MEGABYTE_OF_SPACES}x"}}\n')
    result = run_cli(["check", "--select", "vanity-only-kpis", "plan.strategy.yaml"])
    first = result.stdout.splitlines()[0]
    assert first.startswith("plan.strategy.yaml:3:1: SL201 [warning] every KPI is a vanity or activity metric ('Likes")
    assert len(first) < 400


def test_many_comments_and_many_values_with_a_hash(workdir):
    """Whether a '#' starts a comment is decided for each suppression by
    bisection, not by a scan of every value that holds a '#'."""
    lines = [f"x-{i}: 'a # stratlint: disable=SL002'  # stratlint: disable=SL002\n" for i in range(20_000)]
    write("plan.strategy.yaml", "version: 1\nname: x\n" + "".join(lines) + "objetives: 1\n")
    result = check("plan.strategy.yaml")
    assert result.stdout.splitlines()[0].startswith("plan.strategy.yaml:20003:1: SL002 [error] unknown key 'objetives'")


def test_a_plan_with_many_unknown_keys_gets_each_at_its_line(workdir):
    write("plan.strategy.yaml", "version: 1\nname: x\n" + "".join(f"k{i}: 1\n" for i in range(20_000)))
    lines = check("plan.strategy.yaml").stdout.splitlines()
    assert len(lines) == 20_001
    assert lines[-2].startswith("plan.strategy.yaml:20002:1: SL002 [error] unknown key 'k19999' at the top level")


def test_a_pyproject_of_blank_lines_and_many_keys(workdir):
    patterns = "".join(f'"p{i}/*" = ["SL201"]\n' for i in range(2_000))
    write("pyproject.toml", "\n" * 1_000_000 + "[tool.stratlint.per-file-ignores]\n" + patterns
          + '"q/*" = ["nope"]\n', dedent=False)
    write("plan.strategy.yaml", PLAN)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stderr == ("stratlint: error: pyproject.toml:1002002:1: invalid config: per-file-ignores names "
                             "'nope', which is no rule\n")
    assert result.exit_code == 2


# -- amplified input (item 5) -----------------------------------------------------------------------

MEGABYTE_NAME = "Likes " + "x" * 1_000_000


def aliased_kpis(count: int) -> str:
    kpis = "".join(f"  - {{id: k{i}, name: *n}}\n" for i in range(count))
    return f"version: 1\nname: x\nx-name: &n {MEGABYTE_NAME}\nkpis:\n{kpis}"


def test_aliases_to_a_long_text_count_by_its_size(workdir):
    """50 KPIs that alias a 1 MB name: the tenth alias takes the aliases
    past 100,000 values (each counts 10,001). As for every alias bomb, the
    finding is at the anchor of what is aliased too often."""
    write("plan.strategy.yaml", aliased_kpis(50))
    result = check("plan.strategy.yaml")
    assert result.stdout.splitlines() == [
        "plan.strategy.yaml:3:9: SL001 [error] aliases expand to more than 100,000 values; "
        "the file looks like an alias bomb  (invalid-yaml)",
        "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file.",
    ]


def test_a_message_quotes_only_an_excerpt_of_a_long_value(workdir):
    write("plan.strategy.yaml", aliased_kpis(9))
    result = run_cli(["check", "--select", "vanity-only-kpis", "plan.strategy.yaml"])
    first = result.stdout.splitlines()[0]
    excerpt = "'Likes " + "x" * 73 + "\u2026'"  # 80 characters with the ellipsis
    assert first.startswith("plan.strategy.yaml:4:1: SL201 [warning] every KPI is a vanity or activity metric ("
                            + ", ".join([excerpt] * 5) + " and 4 more)")
    assert len(result.stdout) < 2_000


def test_a_placeholder_of_a_plugins_message_fills_at_most_500_characters():
    from stratlint.engine import render

    assert render("{value} is long", {"value": "x" * 1_000_000}) == "x" * 497 + "... is long"


def test_a_file_over_the_size_limit_is_one_finding_and_not_read(workdir):
    big = workdir / "big.strategy.yaml"
    with open(big, "wb") as fh:  # 50 MB that take no room: the file is never read
        fh.truncate(50_000_000)
    write("good.strategy.yaml", OBJETIVES)
    result = check("big.strategy.yaml", "good.strategy.yaml")
    assert result.stdout.splitlines() == [
        "big.strategy.yaml:1:1: SL001 [error] the file is 50 MB, more than the 20 MB limit; a plan is far smaller "
        "(--max-file-size raises the limit)  (invalid-yaml)",
        OBJETIVES_FINDING,
        "Found 2 problems (2 errors, 0 warnings, 0 info) in 2 files.",
    ]
    assert result.exit_code == 1


def test_the_size_limit_is_set_on_the_command_line_and_holds_for_standard_input(workdir):
    plan = "version: 1\nname: x\nx-pad: " + "x" * 1_500_000 + "\n"
    write("plan.strategy.yaml", plan)
    assert check("--max-file-size", "1", "plan.strategy.yaml").stdout.startswith(
        "plan.strategy.yaml:1:1: SL001 [error] the file is 1.5 MB, more than the 1 MB limit; a plan is far smaller")
    assert check("--max-file-size", "1", "-", input=plan).stdout.startswith(  # what follows is not read
        "<stdin>:1:1: SL001 [error] the file is larger than the 1 MB limit; a plan is far smaller")
    result = check("--max-file-size", "2", "plan.strategy.yaml")
    assert result.stdout == "No problems found in 1 file.\n"


def test_a_plan_of_millions_of_values_is_refused_before_they_are_built(workdir):
    write("plan.strategy.yaml", "version: 1\nname: x\nx-list: [" + "1," * 2_100_000 + "1]\n")
    result = check("plan.strategy.yaml")
    assert result.stdout.splitlines()[0] == (
        "plan.strategy.yaml:3:3999996: SL001 [error] the file holds more than 2,000,000 values; "
        "a plan holds far fewer  (invalid-yaml)")


# -- positions as editors count them (item 7) ------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    (b"version: 1\nname: [Spring plan\n", "2:19"),  # not 3:1: the file has two lines
    (b"version: 1\nname: [Spring plan", "2:19"),
    (b"version: 1\r\nname: [Spring plan\r\n", "2:19"),
    (b"version: 1\rname: [Spring plan\r", "2:19"),
    (b"version: 1\nname: 'Spring\n\n\n", "4:1"),
])
def test_sl001_never_points_past_the_end_of_the_file(workdir, data, expected):
    (workdir / "plan.strategy.yaml").write_bytes(data)
    assert check("plan.strategy.yaml").stdout.startswith(f"plan.strategy.yaml:{expected}: SL001 [error]")


@pytest.mark.parametrize("data, expected", [
    (b"version: 1\rname: x\rowner: \xff\r", "3:8: SL001 [error] the file is not valid UTF-8 text (byte 0xff)"),
    (b"version: 1\r\nname: x\r\nowner: \xff\r\n", "3:8: SL001 [error] the file is not valid UTF-8 text (byte 0xff)"),
    (b"version: 1\rname: x\rowner: a\x00\r", "3:9: SL001 [error] the file holds NUL bytes"),
    ("version: 1\rname: x\rowner: caf\xe9\r".encode("utf-16"), None),
    (b"\xff\xfe" + "version: 1\nname: x\nowner: ".encode("utf-16-le") + b"\x00\xd8\x41\x00",
     "3:8: SL001 [error] the file is not valid UTF-16 text"),
    (b"version: 1\rname: x\rowner: \x0c\r", "3:8: SL001 [error] unacceptable character #x000c"),
])
def test_bad_bytes_are_placed_with_cr_crlf_and_lf_lines(workdir, data, expected):
    (workdir / "plan.strategy.yaml").write_bytes(data)
    out = check("plan.strategy.yaml").stdout
    if expected is None:
        assert out == "No problems found in 1 file.\n"
    else:
        assert out.startswith(f"plan.strategy.yaml:{expected}")


def test_line_and_paragraph_separators_in_a_value_start_no_line(workdir):
    """YAML parsers end lines at NEL, LS and PS; editors do not."""
    write("plan.strategy.yaml", 'version: 1\nname: "a\u2028b\u0085c\u2029d"\nobjetives: 1\n'
                                "x-a: 1  # stratlint: disable=SL002\n"
                                "x-b:\n  - '\u2028'\n  - k: 1\n    k: 2\n")
    lines = check("plan.strategy.yaml").stdout.splitlines()
    assert lines == [
        "plan.strategy.yaml:3:1: SL002 [error] unknown key 'objetives' at the top level; did you mean 'objectives'?"
        " (or 'x-objetives' for a field of your own)  (schema-violation)",
        "plan.strategy.yaml:8:5: SL003 [error] duplicate key 'k' (first on line 7); only this last value counts"
        "  (duplicate-key)",
        "Found 2 problems (2 errors, 0 warnings, 0 info) in 1 file.",
    ]


def test_a_deep_block_nesting_is_refused_at_its_place_whatever_the_line_ends(workdir):
    lines = ["version: 1", "name: x", "x-deep:"] + [" " * i + f"k{i}:" for i in range(1, 2000)] + [" " * 2000 + "v: 1"]
    for end in ("\n", "\r", "\r\n"):
        (workdir / "plan.strategy.yaml").write_bytes((end.join(lines) + end).encode())
        assert check("plan.strategy.yaml").stdout.startswith(
            "plan.strategy.yaml:103:101: SL001 [error] the document nests more than 100 levels deep"), repr(end)


def test_positions_in_json_output_lie_inside_the_file(workdir):
    (workdir / "plan.strategy.yaml").write_bytes(b"version: 1\rname: [a\r")
    report = json.loads(check("--format", "json", "plan.strategy.yaml").stdout)
    assert [(f["line"], f["column"]) for f in report["findings"]] == [(2, 9)]


# -- signals (item 8) --------------------------------------------------------------------------------

SLEEPY_PLUGIN = '''
import os, time
from pathlib import Path
from stratlint.plugin import Plugin, check


@check("sleepy", {"type": "object"})
def sleepy(target, options, ctx):
    """Say that this process is checking a file, then take a long time over it."""
    (Path(os.environ["SLEEPY_READY"]) / str(os.getpid())).touch()
    time.sleep(300)
    return iter(())


plugin = Plugin(checks=[sleepy], packs=[Path(__file__).with_name("sleepy.yaml")])
'''
SLEEPY_PACK = '''
pack: sleepy
rules:
  - code: ZZZ001
    slug: sleepy
    severity: info
    summary: Takes its time.
    given: ""
    then: {function: sleepy}
    message: "slept"
    docs: {what: Takes its time., why: To stop a run midway., example: "x: 1", fix: None.}
'''


class SleepyRun:
    """``python -m stratlint check --jobs N`` on plans a plugin takes minutes
    over, stopped once every process is busy with a file, as a user would."""

    def __init__(self, folder, jobs: int) -> None:
        import os
        import subprocess
        import sys

        write(folder / "plugin" / "sleepy.py", SLEEPY_PLUGIN)
        write(folder / "plugin" / "sleepy.yaml", SLEEPY_PACK)
        for i in range(12):  # 250 KB each: enough work for --jobs to share out (commands/parallel.py)
            write(folder / "plans" / f"p{i:02}.strategy.yaml", PLAN + "x-notes: " + "n" * 250_000 + "\n")
        self.ready = folder / "ready"
        self.ready.mkdir()
        env = dict(os.environ, PYTHONPATH=str(folder / "plugin"), SLEEPY_READY=str(self.ready))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "stratlint", "check", "--plugin", "sleepy", "--jobs", str(jobs), "plans"],
            cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        self.busy = self._wait_for(lambda: len(list(self.ready.iterdir())) >= jobs)
        self.pids = [int(p.name) for p in self.ready.iterdir()]

    def _wait_for(self, condition) -> bool:
        import time

        for _ in range(1200):  # a minute at most: never a hang
            if condition():
                return True
            time.sleep(0.05)
        return False

    def stop(self, signal_number: int, group: bool) -> tuple[int, bytes, bytes]:
        """Send the signal (to the whole process group, as the terminal does
        on Ctrl-C, or to stratlint alone, as ``kill`` does); the outcome."""
        import os

        assert self.busy, "the run never got to its files"
        os.killpg(self.process.pid, signal_number) if group else os.kill(self.process.pid, signal_number)
        out, err = self.process.communicate(timeout=60)  # returns once every process holding the pipes is gone
        return self.process.returncode, out, err

    def workers_gone(self) -> bool:
        def gone(pid: int) -> bool:
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    return fh.read().split(")")[-1].split()[0] in ("Z", "X")  # dead, not yet reaped
            except OSError:
                return True
        return self._wait_for(lambda: all(gone(pid) for pid in self.pids if pid != self.process.pid))

    def kill(self) -> None:
        import os
        import signal

        for pid in [self.process.pid, *self.pids]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


@pytest.fixture
def sleepy_run(tmp_path):
    runs = []

    def start(jobs: int) -> SleepyRun:
        runs.append(SleepyRun(tmp_path, jobs))
        return runs[-1]

    yield start
    for run in runs:
        run.kill()


linux = pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")


@linux
@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_is_one_line_and_exit_130(sleepy_run, jobs):
    import signal

    run = sleepy_run(jobs)
    assert run.stop(signal.SIGINT, group=True) == (130, b"", b"stratlint: error: interrupted\n")
    assert run.workers_gone()


@linux
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_is_one_line_and_exit_143(sleepy_run, jobs):
    import signal

    run = sleepy_run(jobs)
    assert run.stop(signal.SIGTERM, group=False) == (143, b"", b"stratlint: error: terminated\n")
    assert run.workers_gone()


@linux
def test_workers_die_with_the_parent_and_print_nothing(sleepy_run):
    import signal

    run = sleepy_run(2)
    assert run.stop(signal.SIGKILL, group=False) == (-signal.SIGKILL, b"", b"")
    assert run.workers_gone()


# -- python -m stratlint (item 2) ------------------------------------------------------------------

def test_python_m_stratlint_imports_nothing_from_the_current_folder(tmp_path):
    import subprocess
    import sys

    for module in ("difflib", "yaml", "click", "json"):
        write(tmp_path / f"{module}.py", f"open({str(tmp_path / 'ran')!r}, 'a').write('{module} ')\n")
    write(tmp_path / "plan.strategy.yaml", PLAN)
    proc = subprocess.run([sys.executable, "-m", "stratlint", "explain", "no-such-rule"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.stderr == "stratlint: error: no rule named 'no-such-rule'; 'stratlint rules' lists them\n"
    assert proc.returncode == 2
    proc = subprocess.run([sys.executable, "-m", "stratlint", "check", "--select", "SL0", "plan.strategy.yaml"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert (proc.stdout, proc.returncode) == ("No problems found in 1 file.\n", 0)
    assert not (tmp_path / "ran").exists()


# -- error lines (item 9, the part in errors.py) -------------------------------------------------

def test_an_error_line_cannot_start_a_workflow_command(workdir):
    name = "plan\n::error file=x::injected\r\x1b(0\u202e.strategy.yaml"
    result = run_cli(["check", name])
    assert result.stderr == ("stratlint: error: plan\\n::error file=x::injected\\r\\x1b(0\\u202e.strategy.yaml: "
                             "no such file or directory\n")
    assert result.exit_code == 2


# -- the trust model: no code from the repository runs by default (item 1) ------------------------

TEAM_RULES = '''
from pathlib import Path

Path(__file__).with_name("IMPORTED").write_text("the repository's code ran")

from stratlint.checks import Hit
from stratlint.plugin import Plugin, check


@check("always", {"type": "object"})
def always(target, options, ctx):
    """Report every plan."""
    yield Hit("", {})


plugin = Plugin(checks=[always], packs=[Path(__file__).with_name("team.yaml")])
'''
TEAM_PACK = '''
pack: team
rules:
  - code: TEAM001
    slug: team-rule
    severity: warning
    summary: The team's own rule.
    given: ""
    then: {function: always}
    message: "the team's rule ran"
    docs: {what: A team rule., why: To show it ran., example: "x: 1", fix: None.}
'''
REFUSED = ("the config names the plugin 'team_rules': Python code from the repository, which stratlint runs only "
           "when you trust it; pass --trust-config-plugins or set STRATLINT_TRUST_PLUGINS=1 (never in a workflow "
           "that checks others' pull requests), or name the plugin with --plugin")


@pytest.fixture
def repository(workdir, monkeypatch):
    """A checked-out pull request whose config names a plugin kept in the repository."""
    write("team_rules.py", TEAM_RULES)
    write("team.yaml", TEAM_PACK)
    write("plan.strategy.yaml", PLAN)
    write(".stratlint.yaml", "select: [SL0, TEAM]\nplugins: [team_rules]\n")
    monkeypatch.delitem(__import__("sys").modules, "team_rules", raising=False)
    monkeypatch.delenv("STRATLINT_TRUST_PLUGINS", raising=False)
    yield workdir
    __import__("sys").modules.pop("team_rules", None)


@pytest.mark.parametrize("command", [["check", "plan.strategy.yaml"], ["check", "--diff", "plan.strategy.yaml"],
                                     ["rules"], ["waivers", "."], ["report", "plan.strategy.yaml", "-o", "review"],
                                     ["diff", "old.strategy.yaml", "plan.strategy.yaml"]],
                         ids=["check", "check-diff", "rules", "waivers", "report", "diff"])
def test_a_config_that_names_a_plugin_is_refused_and_nothing_is_imported(repository, command):
    write("old.strategy.yaml", PLAN)
    result = run_cli(command)
    assert result.stderr == f"stratlint: error: .stratlint.yaml:2:1: {REFUSED}\n"
    assert result.stdout == ""
    assert result.exit_code == 2
    assert not (repository / "IMPORTED").exists()


@pytest.mark.parametrize("config, where", [
    ({"pyproject.toml": '[project]\nname = "x"\n\n[tool.stratlint]\nplugins = ["team_rules"]\n'}, "pyproject.toml:5:1"),
    ({".stratlint.yaml": "extends: shared/base.yaml\n", "shared/base.yaml": "plugins: [team_rules]\n"},
     "shared/base.yaml:1:1"),
], ids=["pyproject", "extends"])
def test_plugins_named_anywhere_in_the_configs_are_refused_at_their_line(repository, config, where):
    (repository / ".stratlint.yaml").unlink()
    for name, text in config.items():
        write(name, text)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stderr == f"stratlint: error: {where}: {REFUSED}\n"
    assert not (repository / "IMPORTED").exists()


@pytest.mark.parametrize("opt_in, env", [
    (["--trust-config-plugins"], None), ([], {"STRATLINT_TRUST_PLUGINS": "1"}), (["--plugin", "team_rules"], None),
], ids=["flag", "environment", "named-on-the-command-line"])
def test_the_user_can_trust_a_configs_plugins(repository, opt_in, env):
    result = run_cli(["check", *opt_in, "plan.strategy.yaml"], env=env)
    assert result.stdout.splitlines()[0] == "plan.strategy.yaml:1:1: TEAM001 [warning] the team's rule ran  (team-rule)"
    assert result.exit_code == 0
    assert (repository / "IMPORTED").exists()


def test_an_environment_variable_that_does_not_say_yes_trusts_nothing(repository):
    result = run_cli(["check", "plan.strategy.yaml"], env={"STRATLINT_TRUST_PLUGINS": "0"})
    assert result.exit_code == 2 and not (repository / "IMPORTED").exists()


ACME_PACK = """
pack: acme
rules:
  - code: ACME001
    slug: plan-needs-owner
    severity: warning
    summary: A plan names its owner.
    given: ""
    then: {function: present, options: {field: owner}}
    message: "the plan names no owner"
    docs: {what: An owner., why: Someone answers for it., example: "x: 1", fix: Add one.}
"""


def test_rule_packs_in_a_config_are_data_and_load_without_trust(repository):
    write(".stratlint.yaml", "select: [SL0, ACME]\nrule-packs: [packs/acme.yaml]\n")
    write("packs/acme.yaml", ACME_PACK)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stdout.splitlines()[0] == (
        "plan.strategy.yaml:1:1: ACME001 [warning] the plan names no owner  (plan-needs-owner)")
    assert not (repository / "IMPORTED").exists()


# -- paths (item 6) -------------------------------------------------------------------------------

def test_a_walk_skips_a_link_to_a_file_outside_the_folder(workdir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.strategy.yaml"
    outside.write_text("version: 1\nname: the machine's own file\nobjetives: []\n")
    write("plans/good.strategy.yaml", PLAN)
    write("plans/sub/other.strategy.yaml", PLAN)
    (workdir / "plans" / "leak.strategy.yaml").symlink_to(outside)
    (workdir / "plans" / "inside.strategy.yaml").symlink_to(workdir / "plans" / "sub" / "other.strategy.yaml")
    result = check("plans", "--format", "json")
    report = json.loads(result.stdout)
    assert (report["files_checked"], report["findings"]) == (2, [])  # the link inside is the file it leads to
    named = check("plans/leak.strategy.yaml")  # named on the command line, it is read
    assert named.stdout.startswith("plans/leak.strategy.yaml:3:1: SL002 [error] unknown key 'objetives'")


def test_a_pattern_with_two_stars_follows_no_link_to_a_folder(workdir):
    write("plans/a.strategy.yaml", PLAN)
    write("plans/deep/b.strategy.yaml", PLAN)
    (workdir / "plans" / "x").symlink_to(".", target_is_directory=True)  # glob.glob would go round these for ever
    (workdir / "plans" / "y").symlink_to(".", target_is_directory=True)
    result = check("plans/**/*.strategy.yaml", "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == 2


@pytest.mark.parametrize("option", [["--output"], ["--report", "json:"], ["--write-baseline"]],
                         ids=["output", "report", "write-baseline"])
@pytest.mark.parametrize("target", ["plan.strategy.yaml", ".stratlint.yaml", "packs/acme.yaml", "link.json"])
def test_a_report_never_replaces_a_file_the_run_reads(workdir, option, target):
    write("plan.strategy.yaml", PLAN)
    write("packs/acme.yaml", ACME_PACK)
    write(".stratlint.yaml", "rule-packs: [packs/acme.yaml]\n")
    (workdir / "link.json").symlink_to(workdir / "plan.strategy.yaml")
    before = {p: p.read_bytes() for p in workdir.rglob("*") if p.is_file()}
    flag = option[0]
    args = [flag, option[1] + target] if len(option) > 1 else [flag, target]
    result = run_cli(["check", *args, "plan.strategy.yaml"])
    what = {"plan.strategy.yaml": "a file being checked", ".stratlint.yaml": "the config",
            "packs/acme.yaml": "a rule pack", "link.json": "a file being checked"}[target]
    assert result.stderr == (f"stratlint: error: {flag} {target} is {what}, which this run reads; "
                             "write to another file\n")
    assert result.exit_code == 2
    assert {p: p.read_bytes() for p in workdir.rglob("*") if p.is_file()} == before


def test_a_baseline_may_be_rewritten_in_place_but_not_by_a_report(workdir):
    write("plan.strategy.yaml", OBJETIVES)
    assert check("--write-baseline", "base.json", "plan.strategy.yaml").exit_code == 0
    assert check("--baseline", "base.json", "--write-baseline", "base.json", "plan.strategy.yaml").exit_code == 0
    result = check("--baseline", "base.json", "--output", "base.json", "plan.strategy.yaml")
    assert result.stderr == ("stratlint: error: --output base.json is the baseline, which this run reads; "
                             "write to another file\n")
    both = check("--output", "out.txt", "--report", "sarif:out.txt", "plan.strategy.yaml")
    assert both.stderr == ("stratlint: error: --report and --output name the same file, out.txt; "
                           "give each its own\n")


@pytest.mark.parametrize("key, value, option", [
    ("extends", "../outside.yaml", "--config"),
    ("rule-packs", "[../outside.yaml]", "--rules"),
    ("baseline", "../outside.json", "--baseline"),
    ("extends", "linked.yaml", "--config"),
])
def test_config_paths_that_leave_the_repository_are_refused(tmp_path, monkeypatch, key, value, option):
    repo = tmp_path / "repo"
    write(repo / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(tmp_path / "outside.yaml", "aws_secret_access_key: wJalrXUtnFEMI\n")
    write(tmp_path / "outside.json", '{"token": "ghp_secret"}\n')
    (repo / "linked.yaml").symlink_to(tmp_path / "outside.yaml")
    write(repo / ".stratlint.yaml", f"{key}: {value}\n")
    write(repo / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(repo)
    result = run_cli(["check", "plan.strategy.yaml"])
    named = value.strip("[]")
    column = 14 if key == "rule-packs" else 1
    assert result.stderr == (
        f"stratlint: error: .stratlint.yaml:{'2' if False else '1'}:{column}: '{key}' names '{named}', which is "
        f"outside the repository ({repo}); a config may only name files inside it (a file you trust can be given "
        f"with {option})\n")
    assert "secret" not in result.stderr and result.exit_code == 2


def test_the_same_files_given_on_the_command_line_are_read(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    write(repo / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(tmp_path / "shared.yaml", "select: [SL0]\n")
    write(repo / "plan.strategy.yaml", OBJETIVES)
    monkeypatch.chdir(repo)
    result = run_cli(["check", "--config", "../shared.yaml", "plan.strategy.yaml"])
    assert result.stdout.splitlines()[0].startswith("plan.strategy.yaml:3:1: SL002")


def test_an_extended_file_that_is_no_config_is_not_quoted(workdir):
    write(".stratlint.yaml", "extends: ci/credentials.yaml\n")
    write("ci/credentials.yaml", "aws_secret_access_key: wJalrXUtnFEMI\nregion: eu-west-1\n")
    write("plan.strategy.yaml", PLAN)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stderr == ("stratlint: error: ci/credentials.yaml: 'extends' names a file that is not a stratlint "
                             "config (it sets none of its keys)\n")


# -- the GitHub Action follows the safe default ------------------------------------------------------

def run_action(folder, **inputs):
    """The action's own shell step, with its inputs as the runner passes them."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent
    step = yaml.safe_load((root / "action.yml").read_text())["runs"]["steps"][1]
    defaults = {"paths": ".", "fail-on": "error", "config": "", "sarif": "", "plugins": "",
                "trust-config-plugins": "false"}
    env = {k: v for k, v in os.environ.items() if k != "STRATLINT_TRUST_PLUGINS"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(folder)  # where the team keeps its plugin module
    for name, value in {**defaults, **inputs}.items():
        env["INPUT_" + name.upper().replace("-", "_")] = value
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=folder, env=env, capture_output=True, text=True)


def test_the_action_does_not_trust_a_configs_plugins(repository):
    proc = run_action(repository, paths="plan.strategy.yaml")
    assert (proc.returncode, proc.stderr) == (2, f"stratlint: error: .stratlint.yaml:2:1: {REFUSED}\n")
    assert not (repository / "IMPORTED").exists()


@pytest.mark.parametrize("inputs", [{"plugins": "team_rules"}, {"trust-config-plugins": "true"}],
                         ids=["plugins", "trust-config-plugins"])
def test_the_action_loads_plugins_its_workflow_names_or_trusts(repository, inputs):
    proc = run_action(repository, paths="plan.strategy.yaml", **inputs)
    assert proc.stdout.startswith("::warning file=plan.strategy.yaml,line=1,")
    assert "the team's rule ran" in proc.stdout and proc.returncode == 0


# -- other files a run reads are input too ------------------------------------------------------------

@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "1" * 5_000, "\udcff"],
                         ids=["nested", "long-number", "not-utf-8"])
def test_a_baseline_that_json_cannot_hold_is_one_error(workdir, text):
    (workdir / "base.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    write("plan.strategy.yaml", PLAN)
    result = check("--baseline", "base.json", "plan.strategy.yaml")
    assert result.stderr == ('stratlint: error: base.json: not a stratlint baseline '
                             '(expected {"version": 1, "findings": [...]})\n')
    assert result.exit_code == 2


def test_a_pyproject_nested_too_deeply_is_one_error(workdir):
    write("pyproject.toml", "[tool.stratlint]\nselect = " + "[" * 100_000 + "]" * 100_000 + "\n")
    write("plan.strategy.yaml", PLAN)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stderr == ("stratlint: error: pyproject.toml: pyproject.toml nests arrays or tables too deeply "
                             "to be read\n")


def test_a_pyproject_whose_tool_is_no_table_is_no_config(workdir):
    write("pyproject.toml", "tool = 1\n")
    write("plan.strategy.yaml", OBJETIVES)
    result = check("--config", "pyproject.toml", "plan.strategy.yaml")
    assert result.stdout.startswith("plan.strategy.yaml:3:1: SL002") and result.exit_code == 1


def test_a_rule_pack_over_the_size_limit_is_not_read(workdir):
    pack = workdir / "huge.yaml"
    with open(pack, "wb") as fh:
        fh.truncate(30_000_000)
    write("plan.strategy.yaml", PLAN)
    result = check("--rules", "huge.yaml", "plan.strategy.yaml")
    assert result.stderr == ("stratlint: error: huge.yaml: cannot read rule pack: the file is 30 MB, more than the "
                             "20 MB limit\n")


def test_a_rule_code_of_a_megabyte_of_digits_is_refused_at_once_and_quoted_short(workdir):
    """The schema's pattern for a code once tried every split of a run of
    digits (quadratic); a pack comes from the repository like a plan."""
    code = "A" + "1" * 1_000_000 + "x"
    write("pack.yaml", ACME_PACK.replace("ACME001", code))
    write("plan.strategy.yaml", PLAN)
    result = check("--rules", "pack.yaml", "plan.strategy.yaml")
    assert result.stderr.startswith("stratlint: error: pack.yaml:4:11: invalid rule pack: rules[0].code: 'A111")
    assert len(result.stderr) < 700 and result.exit_code == 2
