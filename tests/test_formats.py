"""The machine-readable formats, read by the real readers' rules:
SARIF against the official 2.1.0 schema, GitHub workflow commands as the
runner parses them, JUnit XML through xml.etree."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from stratlint.formatters.github import escape_data, escape_property
from tests.helpers import run_cli

SARIF_SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text())

BAD = textwrap.dedent("""\
    version: 1
    name: Ünïcode plan
    channels:
      - {id: insta, name: Instagram, kind: social}
    tactics:
      - {id: t1, name: Reels, channel: "in%sta,gram:x"}
    kpis:
      - {id: likes, name: Page likes}
""")
GOOD = "version: 1\nname: Fine\n"


@pytest.fixture
def plans(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "bad plan.strategy.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "plans" / "good.strategy.yaml").write_text(GOOD)
    return tmp_path


def sarif_of(args) -> dict:
    result = run_cli(["check", "--format", "sarif", *args])
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_validates_and_describes_every_rule(plans):
    log = sarif_of(["--select", "SL004,SL201", "plans"])
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    # the structural rules (SL0xx) are always on, so they are described too
    assert [r["id"] for r in rules] == ["SL001", "SL002", "SL003", "SL004", "SL005", "SL006", "SL007", "SL008",
                                        "SL201"]
    vanity = rules[8]
    assert vanity["name"] == "vanity-only-kpis"
    assert vanity["shortDescription"]["text"].startswith("Every KPI is a vanity metric")
    assert vanity["defaultConfiguration"] == {"level": "warning"}
    assert "Why:" in vanity["help"]["text"] and "**Fix**" in vanity["help"]["markdown"]
    assert run_["invocations"] == [{"executionSuccessful": True}]
    first, second = run_["results"]
    assert first["ruleId"] == "SL004" and first["ruleIndex"] == 3 and first["level"] == "error"
    assert first["message"]["text"].startswith("unknown channel 'in%sta,gram:x'")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "plans/bad%20plan.strategy.yaml"
    assert location["region"] == {"startLine": 6, "startColumn": 36, "endLine": 6, "endColumn": 51}
    assert second["ruleIndex"] == 8 and second["level"] == "warning"
    assert second["locations"][0]["physicalLocation"]["region"]["startLine"] == 7


def test_sarif_info_is_a_note_and_a_failed_run_says_so(plans):
    log = sarif_of(["--select", "SL701", "plans/good.strategy.yaml", "plans/missing.strategy.yaml"])
    run_ = log["runs"][0]
    assert run_["results"][0]["level"] == "note"
    assert run_["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [{
        "level": "error", "message": {"text": "no such file or directory"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "plans/missing.strategy.yaml",
                                                                 "uriBaseId": "%SRCROOT%"}}}]}]}]


def test_sarif_with_no_findings_is_valid(plans):
    log = sarif_of(["--select", "SL0", "plans/good.strategy.yaml"])
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize("text, data, prop", [
    ("100%", "100%25", "100%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("k: v, w", "k: v, w", "k%3A v%2C w"),
    ("%0A", "%250A", "%250A"),
])
def test_github_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_annotations_escape_hostile_paths_and_messages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "q3,final:v2%.strategy.yaml"
    (tmp_path / name).write_text(
        'version: 1\nname: X\nchannels: [{id: a, name: A}]\ntactics: [{id: t, name: T, channel: "50%\\nnew"}]\n')
    result = run_cli(["check", "--format", "github", "--select", "SL004", name])
    assert result.stdout == (
        "::error file=q3%2Cfinal%3Av2%25.strategy.yaml,line=4,col=37,endLine=4,endColumn=47,"
        "title=SL004 unknown-reference::unknown channel '50%25 new'; defined: a\n")
    assert result.exit_code == 1


def test_github_severities(plans):
    out = run_cli(["check", "--format", "github", "--select", "SL004,SL201,SL701", "plans"]).stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::notice", "::error", "::warning", "::notice"]


def test_junit_one_case_per_finding_and_a_passing_case_per_clean_file(plans):
    result = run_cli(["check", "--format", "junit", "--select", "SL004,SL201", "plans"])
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert [(s.get("name"), s.get("tests"), s.get("failures"), s.get("errors")) for s in root.findall("testsuite")] == [
        ("plans/bad plan.strategy.yaml", "2", "1", "0"), ("plans/good.strategy.yaml", "1", "0", "0")]
    # SL004 is an error: a failure; SL201 is a warning, below the default --fail-on error: it passes
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "0")
    bad, good = root.findall("testsuite")
    error_case, warning_case = bad.findall("testcase")
    assert error_case.get("name").startswith("SL004 unknown-reference at 6:")
    assert error_case.get("classname") == "plans/bad plan.strategy.yaml" and error_case.get("line") == "6"
    assert [f.get("type") for f in error_case.findall("failure")] == ["SL004"]
    assert warning_case.get("name") == "SL201 vanity-only-kpis at 7:1"
    assert warning_case.findall("failure") == []
    assert warning_case.find("system-out").text.startswith(
        "plans/bad plan.strategy.yaml:7:1: SL201 [warning] every KPI is a vanity")
    assert [(c.get("name"), list(c)) for c in good.findall("testcase")] == [("no problems", [])]
    assert result.exit_code == 1


def test_junit_failures_follow_fail_on(plans):
    root = ET.fromstring(run_cli(["check", "--format", "junit", "--fail-on", "warning", "--select", "SL004,SL201",
                                  "plans"]).stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "0")
    root = ET.fromstring(run_cli(["check", "--format", "junit", "--fail-on", "never", "--select", "SL004,SL201",
                                  "plans"]).stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "0", "0")


def test_junit_a_file_that_cannot_be_read_is_an_error(plans):
    result = run_cli(["check", "--format", "junit", "--select", "SL0", "nope.strategy.yaml", "plans/good.strategy.yaml"])
    root = ET.fromstring(result.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"nope.strategy.yaml", "plans/good.strategy.yaml"}
    error = suites["nope.strategy.yaml"].find("testcase/error")
    assert (error.get("type"), error.get("message")) == ("unreadable", "no such file or directory")
    assert suites["nope.strategy.yaml"].get("errors") == "1"
    assert result.exit_code == 2


def test_junit_survives_control_characters(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.strategy.yaml").write_text(
        'version: 1\nname: X\nchannels: [{id: a, name: A}]\ntactics: [{id: t, name: T, channel: "b\\x01c"}]\n')
    result = run_cli(["check", "--format", "junit", "--select", "SL004", "p.strategy.yaml"])
    failure = ET.fromstring(result.stdout).find("testsuite/testcase/failure")
    assert "unknown channel 'b\ufffdc'" in failure.get("message")


def test_one_run_writes_several_formats(plans):
    (plans / "out").mkdir()
    result = run_cli(["check", "--select", "SL201", "--report", "sarif:out/s.sarif", "--report", "junit:j.xml",
                  "--report", "json:r.json", "plans"])
    # SL201, and BAD's unknown channel: SL004 is always on
    assert result.stdout.splitlines()[-1] == "Found 2 problems (1 error, 1 warning, 0 info) in 2 files."
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads((plans / "out" / "s.sarif").read_text()))
    assert ET.parse(plans / "j.xml").getroot().get("tests") == "3"  # a case a finding, one for the clean file
    assert json.loads((plans / "r.json").read_text())["summary"] == {"error": 1, "warning": 1, "info": 0}


def test_bad_report_argument_is_a_usage_error(plans):
    result = run_cli(["check", "--report", "pdf:x.pdf", "plans"])
    assert result.exit_code == 2
    assert "'pdf:x.pdf' is not FORMAT:FILE" in result.stderr


def test_folder_or_pattern_with_no_plan_is_exit_2_unless_allowed(plans):
    (plans / "empty").mkdir()
    result = run_cli(["check", "--select", "SL0", "empty", "plans/good.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: empty: no strategy file here (*.strategy.yaml, *.strategy.yml, "
                             "*.strategy.json); pass --allow-empty if that is expected\n")
    assert result.stdout == "No problems found in 1 file; 1 path could not be checked (see the errors above).\n"
    result = run_cli(["check", "renamed/*.strategy.yaml"])
    assert result.exit_code == 2
    assert "renamed/*.strategy.yaml: the pattern matches no strategy file" in result.stderr
    assert run_cli(["check", "--allow-empty", "empty", "renamed/*.yaml"]).exit_code == 0


def test_a_quoted_glob_is_expanded(plans):
    result = run_cli(["check", "--select", "SL201", "plans/*.strategy.yaml"])
    # SL201, and BAD's unknown channel: SL004 is always on
    assert result.stdout.splitlines()[-1] == "Found 2 problems (1 error, 1 warning, 0 info) in 2 files."


def test_a_finding_is_one_line_even_when_the_value_spans_several(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.strategy.yaml").write_text(
        "version: 1\nname: x\nobjectives:\n  - id: o\n    statement: |\n      Launch a TikTok account\n"
        "      and get more followers\n")
    result = run_cli(["check", "--select", "SL104", "m.strategy.yaml"])
    assert result.stdout == (
        "m.strategy.yaml:5:16: SL104 [warning] objective 'o' is a channel action, not a business result "
        "('Launch a TikTok account and get more followers'); state what the business gains and list the "
        "platform under channels  (channel-as-objective)\n"
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file.\n")


def test_a_mistyped_enum_value_is_one_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.strategy.yaml").write_text(
        "version: 1\nname: x\ntactics: [{id: t, name: T, stage: [a]}]\nchannels: [{id: c, name: C, kind: true}]\n")
    result = run_cli(["check", "--select", "SL002", "e.strategy.yaml"])
    assert result.stdout.splitlines()[:2] == [
        "e.strategy.yaml:3:35: SL002 [error] tactics[0].stage must be text, not a list  (schema-violation)",
        "e.strategy.yaml:4:35: SL002 [error] channels[0].kind must be text, not true  (schema-violation)",
    ]
    assert result.stdout.splitlines()[2] == "Found 2 problems (2 errors, 0 warnings, 0 info) in 1 file."


def test_sarif_paths_outside_the_root_are_file_uris(plans, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "bad plan.strategy.yaml"
    elsewhere.write_text(BAD, encoding="utf-8")
    log = sarif_of(["--select", "SL201", str(elsewhere)])
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "file://" + str(elsewhere.parent / "bad%20plan.strategy.yaml")}
