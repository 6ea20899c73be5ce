"""Reports as CI systems read them (issue #15, items 1 to 3; #14 item 9):
SARIF as GitHub code scanning wants it (validated against the 2.1.0
schema), run errors where the user looks, and file names that cannot
inject a workflow command into any format."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.helpers import run_cli, write

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text())
BAD = (ROOT / "examples" / "growth-hacks.strategy.yaml").read_text(encoding="utf-8")
CHANNEL_FIRST = (ROOT / "examples" / "channel-first.strategy.yaml").read_text(encoding="utf-8")
GOOD = (ROOT / "examples" / "good.strategy.yaml").read_text(encoding="utf-8")


def sarif(args: list[str], *, input: str | None = None) -> dict:
    result = run_cli(["check", "--format", "sarif", *args], input=input)
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


def uri(result: dict) -> dict:
    return result["locations"][0]["physicalLocation"]["artifactLocation"]


def git_init(folder: Path) -> None:
    subprocess.run(["git", "init", "-q", str(folder)], check=True, capture_output=True)


# -- SARIF: what GitHub code scanning needs -----------------------------------------------------

def test_every_result_has_a_fingerprint_that_survives_lines_moving(workdir):
    write("plans/q3.strategy.yaml", BAD, dedent=False)
    before = results(sarif(["--isolated", "plans"]))
    prints = [r["partialFingerprints"]["stratlintFingerprint/v1"] for r in before]
    assert len(prints) == len(before) >= 3 and len(set(prints)) == len(prints)
    # five comment lines above everything: every line number moves, no alert may be new
    write("plans/q3.strategy.yaml", "# a\n# b\n# c\n# d\n# e\n" + BAD, dedent=False)
    after = results(sarif(["--isolated", "plans"]))
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 5 for r in before]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]


def test_the_same_finding_in_two_files_has_two_fingerprints(workdir):
    write("a.strategy.yaml", BAD, dedent=False)
    write("b.strategy.yaml", BAD, dedent=False)
    found = results(sarif(["--isolated", "--select", "SL901", "a.strategy.yaml", "b.strategy.yaml"]))
    assert len({r["partialFingerprints"]["stratlintFingerprint/v1"] for r in found}) == len(found) == 6


def test_every_rule_has_help_markdown_and_built_in_rules_a_help_uri(workdir):
    write("p.strategy.yaml", BAD, dedent=False)
    rules = sarif(["--isolated", "p.strategy.yaml"])["runs"][0]["tool"]["driver"]["rules"]
    headings = {re.sub(r"[^a-z0-9 -]", "", line[3:].strip().lower()).replace(" ", "-")
                for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")}
    assert len(rules) > 30
    for rule in rules:
        assert rule["help"]["markdown"].startswith("**What it checks**")
        page, anchor = rule["helpUri"].split("#")
        assert page == "https://github.com/stratlint/stratlint/blob/main/docs/rules.md"
        assert anchor == f"{rule['id'].lower()}-{rule['name']}" and anchor in headings


def test_uris_are_relative_to_the_git_top_level_from_any_folder(workdir):
    repo = workdir / "repo"
    git_init(repo)
    write(repo / "plans" / "q3" / "launch.strategy.yaml", BAD, dedent=False)
    from_top = sarif(["--isolated", "repo/plans"])
    os.chdir(repo / "plans" / "q3")
    from_inside = sarif(["--isolated", "."])
    from_named_file = sarif(["--isolated", "launch.strategy.yaml"])
    for log in (from_top, from_inside, from_named_file):
        assert {json.dumps(uri(r)) for r in results(log)} == {
            json.dumps({"uri": "plans/q3/launch.strategy.yaml", "uriBaseId": "%SRCROOT%"})}
        assert log["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}


def test_without_git_uris_are_relative_to_the_current_folder(workdir):
    write("plans/q3.strategy.yaml", BAD, dedent=False)
    log = sarif(["--isolated", "plans"])
    assert {uri(r)["uri"] for r in results(log)} == {"plans/q3.strategy.yaml"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == workdir.as_uri() + "/"


def test_no_region_is_empty_on_the_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    found = results(sarif(["--isolated", "examples"]))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in found]
    assert len(regions) > 20
    assert [g for g in regions if (g["startLine"], g["startColumn"]) == (g["endLine"], g["endColumn"])] == []
    whole_plan = [r for r in found if r["ruleId"] == "SL301"][0]["locations"][0]["physicalLocation"]["region"]
    first_line = (ROOT / "examples" / "channel-first.strategy.yaml").read_text().splitlines()[0]
    assert whole_plan == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": len(first_line) + 1}


def test_stdin_results_carry_the_stdin_filename(workdir):
    log = sarif(["--isolated", "--select", "SL901", "--stdin-filename", "plans/q3.strategy.yaml", "-"], input=BAD)
    assert {json.dumps(uri(r)) for r in results(log)} == {
        json.dumps({"uri": "plans/q3.strategy.yaml", "uriBaseId": "%SRCROOT%"})}
    text = run_cli(["check", "--isolated", "--select", "SL901", "--stdin-filename", "plans/q3.strategy.yaml"],
                   input=BAD)
    assert text.stdout.startswith("plans/q3.strategy.yaml:42:5: SL901 [error]")


def test_the_stdin_filename_chooses_the_config_and_per_file_ignores(workdir):
    write("plans/.stratlint.yaml", "per-file-ignores:\n  'legacy/*': [SL901]\n")
    named = ["check", "--select", "SL901", "--stdin-filename"]
    assert run_cli([*named, "plans/legacy/q3.strategy.yaml", "-"], input=BAD).stdout == (
        "No problems found in 1 file.\n")
    assert "SL901 [error]" in run_cli([*named, "plans/q3.strategy.yaml", "-"], input=BAD).stdout
    assert "SL901 [error]" in run_cli([*named, "legacy/q3.strategy.yaml", "-"], input=BAD).stdout


# -- run errors where the user looks ----------------------------------------------------------------

def test_github_format_prints_run_errors_as_error_annotations(workdir):
    write("good.strategy.yaml", GOOD, dedent=False)
    result = run_cli(["check", "--isolated", "--format", "github", "nope.strategy.yaml", "good.strategy.yaml"])
    assert result.stdout == "::error file=nope.strategy.yaml,title=stratlint::no such file or directory\n"
    assert result.stderr == "stratlint: error: nope.strategy.yaml: no such file or directory\n"
    assert result.exit_code == 2


def test_json_format_lists_run_errors_only_when_there_are_some(workdir):
    write("good.strategy.yaml", GOOD, dedent=False)
    result = run_cli(["check", "--isolated", "--format", "json", "nope.strategy.yaml", "good.strategy.yaml"])
    report = json.loads(result.stdout)
    assert report["files_checked"] == 1 and result.exit_code == 2
    assert report["errors"] == [{"path": "nope.strategy.yaml", "message": "no such file or directory",
                                 "kind": "unreadable"}]
    clean = json.loads(run_cli(["check", "--isolated", "--format", "json", "good.strategy.yaml"]).stdout)
    assert "errors" not in clean


def test_a_run_that_read_nothing_never_says_no_problems(workdir):
    result = run_cli(["check", "--isolated", "nope.strategy.yaml", "gone.strategy.yaml"])
    assert result.stdout == "No file was checked; 2 paths could not be checked (see the errors above).\n"
    assert result.exit_code == 2


def test_a_crashing_rule_is_a_junit_error_and_a_github_annotation(workdir):
    from tests.readme import block

    pack = block("# acme-rules.yaml").replace("given: /tactics/*\n", "given: /tactics\n").replace(
        "then: {function: present, options: {field: owner}}",
        "then: {function: none_match, options: {where: {field: name, matches: nowhere}}}")
    write("crash.yaml", pack, dedent=False)
    write("p.strategy.yaml", "version: 1\nname: P\ntactics: [{id: t, name: T}]\n")
    args = ["check", "--isolated", "--rules", "crash.yaml", "--select", "ACME001", "p.strategy.yaml"]
    junit = run_cli([*args, "--format", "junit"])
    root = ET.fromstring(junit.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1")
    error = root.find("testsuite/testcase/error")
    assert error.get("type") == "crash" and error.get("message").startswith(
        "rule 'tactic-needs-owner' failed on p.strategy.yaml: KeyError")
    github = run_cli([*args, "--format", "github"])
    assert github.stdout.startswith("::error file=p.strategy.yaml,title=stratlint::rule 'tactic-needs-owner' failed")
    assert junit.exit_code == github.exit_code == 2


# -- file names cannot inject workflow commands (#14 item 9) --------------------------------------

HOSTILE = "q3\n::error file=x,line=1::pwned\r\x1b[31m.strategy.yaml"


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "json", "sarif"])
def test_a_file_name_with_line_breaks_starts_no_line_of_its_own(workdir, fmt):
    (workdir / HOSTILE).write_text(BAD, encoding="utf-8")
    result = run_cli(["check", "--isolated", "--select", "SL901", "--format", fmt, HOSTILE])
    lines = result.stdout.splitlines()
    assert len(lines) > 1
    assert not [line for line in lines if "pwned" in line and not re.match(r"^(::error file=q3|q3|.*\"|\s*<)", line)]
    assert [line for line in lines if line.lstrip().startswith("::error file=x")] == []
    assert "\x1b" not in result.stdout.replace("\\u001b", "")
    if fmt == "text":
        assert lines[0].startswith("q3\\n::error file=x,line=1::pwned\\r\\x1b[31m.strategy.yaml:42:5: SL901")
    if fmt == "json":
        assert json.loads(result.stdout)["findings"][0]["path"] == HOSTILE
    if fmt == "junit":
        assert ET.fromstring(result.stdout).find("testsuite").get("name") == (
            "q3\\n::error file=x,line=1::pwned\\r\\x1b[31m.strategy.yaml")


def test_a_hostile_name_in_the_summary_of_unchecked_paths_and_waivers(workdir):
    (workdir / HOSTILE).write_text("version: 1  # stratlint: disable=SL201 -- reason\nname: X\n", encoding="utf-8")
    waivers = run_cli(["waivers", "--isolated", HOSTILE])
    assert waivers.stdout.startswith("q3\\n::error file=x,line=1::pwned\\r\\x1b[31m.strategy.yaml:1:")
    gone = run_cli(["check", "--isolated", "--format", "github", HOSTILE + "x"])
    assert gone.stdout.count("\n") == 1 and gone.stdout.startswith("::error file=q3\\n%3A%3Aerror")
