"""check --fix and --diff: what is inserted, where, what is printed, and
that nothing else in the file changes."""
from __future__ import annotations

import difflib
import os
import stat
import textwrap
from pathlib import Path

import pytest

from stratlint.files import write_atomic
from stratlint.rules.registry import load_rules
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.strategy.yaml"))
FIXABLE = {"SL202", "SL301", "SL303", "SL502", "SL503", "SL801"}


def fix(tmp_path, plan: str, *args, name="plan.strategy.yaml"):
    """Write ``plan`` (dedented), run ``check --fix`` on it; return (result, new text)."""
    path = tmp_path / name
    path.write_bytes(textwrap.dedent(plan).encode())
    result = run_cli(["check", "--isolated", "--fix", *args, str(path)])
    return result, path.read_text(encoding="utf-8")


def removed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
            if line.startswith("-") and not line.startswith("---")]


# -- what each fixable rule inserts -------------------------------------------------


def test_no_review_cycle_appends_review_with_a_placeholder_cadence(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.strategy.yaml").write_text("version: 1\nname: Spring plan  # the title\nowner: Ana\n")
    result = run_cli(["check", "--isolated", "--fix", "--select", "SL801,SL903", "plan.strategy.yaml"])
    assert (tmp_path / "plan.strategy.yaml").read_text() == (
        "version: 1\nname: Spring plan  # the title\nowner: Ana\n"
        "review:\n  cadence: 'TODO: how often results are checked and the plan adjusted'\n")
    assert result.stderr == (
        "plan.strategy.yaml:4:1: fixed SL801 no-review-cycle: added review.cadence\n"
        "Fixed 1 problem in 1 file; fill in the TODO placeholders.\n")
    assert result.stdout == (
        "plan.strategy.yaml:5:12: SL903 [warning] 'TODO: how often results are checked and the plan adjusted' "
        "is only a placeholder; write the real value, or remove the key until it is decided  (placeholder-text)\n"
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file.\n")
    assert result.exit_code == 0  # the remaining findings decide: warnings only


def test_exit_code_comes_from_the_remaining_findings(tmp_path):
    result, _ = fix(tmp_path, "version: 1\nname: P\n", "--select", "SL801,SL903", "--fail-on", "warning")
    assert result.exit_code == 1  # the placeholder is a warning
    result, _ = fix(tmp_path, "version: 1\nname: P\n", "--select", "SL801", "--fail-on", "warning")
    assert result.exit_code == 0  # fixed, and nothing else selected


def test_review_without_cadence_gets_it_inside(tmp_path):
    result, text = fix(tmp_path, """\
        version: 1
        name: P
        review:
          owner: Head of Marketing   # runs it
        # trailing note
        """, "--select", "SL801")
    assert text == textwrap.dedent("""\
        version: 1
        name: P
        review:
          owner: Head of Marketing   # runs it
          cadence: 'TODO: how often results are checked and the plan adjusted'
        # trailing note
        """)
    assert "plan.strategy.yaml:5:3: fixed SL801 no-review-cycle: added review.cadence\n" in result.stderr


def test_flow_mapping_gets_the_key_before_its_closing_brace(tmp_path):
    """A block of lines cannot go inside {...}: the pair is inserted on the line."""
    _, text = fix(tmp_path, "version: 1\nname: P\nreview: {owner: Ana}  # keep\n", "--select", "SL801")
    assert text == ("version: 1\nname: P\n"
                    "review: {owner: Ana, cadence: 'TODO: how often results are checked and the plan adjusted'}"
                    "  # keep\n")


def test_missing_value_proposition_goes_in_plan_order(tmp_path):
    _, text = fix(tmp_path, """\
        version: 1
        name: P
        audience:
          segments: [{id: a, description: Home baristas, insights: [Learn from each other]}]

        # How we measure
        kpis: []
        """, "--select", "SL303")
    assert text == textwrap.dedent("""\
        version: 1
        name: P
        audience:
          segments: [{id: a, description: Home baristas, insights: [Learn from each other]}]

        value_proposition: 'TODO: why a customer should follow, visit and engage with you'

        # How we measure
        kpis: []
        """)


def test_missing_target_market_scaffolds_a_valid_segment(tmp_path):
    result, text = fix(tmp_path, "version: 1\nname: P\nkpis:\n- {id: k, name: Retention, target: 70%}\n",
                       "--select", "SL301,SL302,SL0,SL903")
    assert text == ("version: 1\nname: P\n"
                    "audience:\n"
                    "  segments:\n"
                    "  - id: todo-segment\n"
                    "    description: 'TODO: who these customers are'\n"
                    "    insights:\n"
                    "    - 'TODO: what you know about them: behaviors, motivations, turn-offs, influencers'\n"
                    "kpis:\n- {id: k, name: Retention, target: 70%}\n")  # the plan's dash style: no indent
    assert "SL301" not in result.stdout and "SL302" not in result.stdout and "SL002" not in result.stdout
    assert result.stdout.count("SL903") == 2


@pytest.mark.parametrize("audience, expected", [
    ("audience:\n  notes: Everyone\n",
     "audience:\n  notes: Everyone\n  segments:\n    - id: todo-segment\n"),
    ("audience:\n", "audience:\n  segments:\n    - id: todo-segment\n"),
    ("audience: {segments: []}\n",
     "audience: {segments: [{id: todo-segment, description: 'TODO: who these customers are', "),
])
def test_target_market_fix_uses_what_is_there(tmp_path, audience, expected):
    _, text = fix(tmp_path, "version: 1\nname: P\n" + audience, "--select", "SL301")
    assert text.startswith("version: 1\nname: P\n" + expected)


def test_listening_with_an_owner_only_gets_tools_and_cadence(tmp_path):
    result, text = fix(tmp_path, "version: 1\nname: P\nlistening:\n  owner: Community lead\n", "--select", "SL502")
    assert text == ("version: 1\nname: P\nlistening:\n  owner: Community lead\n"
                    "  tools:\n"
                    "    - 'TODO: the tools that monitor conversations about you (mentions, reviews, comments)'\n"
                    "  cadence: 'TODO: how often someone reviews what they hear and acts on it'\n")
    assert "fixed SL502 no-listening: added listening.tools, listening.cadence" in result.stderr


def test_missing_listening_gets_an_owner_too_so_the_fix_raises_no_listening_without_owner(tmp_path):
    result, text = fix(tmp_path, "version: 1\nname: P\n", "--select", "SL502,SL507")
    assert text == ("version: 1\nname: P\n"
                    "listening:\n"
                    "  tools:\n"
                    "    - 'TODO: the tools that monitor conversations about you (mentions, reviews, comments)'\n"
                    "  cadence: 'TODO: how often someone reviews what they hear and acts on it'\n"
                    "  owner: 'TODO: who acts on what is heard'\n")
    assert "added listening.tools, listening.cadence, listening.owner" in result.stderr
    assert "SL507" not in result.stdout and "SL502" not in result.stdout


def test_missing_customer_care(tmp_path):
    _, text = fix(tmp_path, "version: 1\nname: P\nreview: {cadence: monthly}\n", "--select", "SL503")
    assert text == ("version: 1\nname: P\n"
                    "customer_care:\n"
                    "  response_time: 'TODO: how fast customers get an answer'\n"
                    "  owner: 'TODO: who looks after customers after the sale'\n"
                    "review: {cadence: monthly}\n")


def test_kpi_without_target_block_and_flow(tmp_path):
    result, text = fix(tmp_path, """\
        version: 1
        name: P
        kpis:
          - id: retention
            name: 12-month retention
            baseline: 61%
          - {id: referrals, name: Referral share}
          - {id: repeat, name: Repeat purchases, target: 30%}
        """, "--select", "SL202")
    assert text == textwrap.dedent("""\
        version: 1
        name: P
        kpis:
          - id: retention
            name: 12-month retention
            baseline: 61%
            target: 'TODO: the value this KPI should reach'
          - {id: referrals, name: Referral share, target: 'TODO: the value this KPI should reach'}
          - {id: repeat, name: Repeat purchases, target: 30%}
        """)
    assert result.stderr.splitlines()[:2] == [
        f"{tmp_path / 'plan.strategy.yaml'}:7:5: fixed SL202 kpi-without-target: added kpis[0].target",
        f"{tmp_path / 'plan.strategy.yaml'}:8:43: fixed SL202 kpi-without-target: added kpis[1].target"]


def test_json_plans_stay_json(tmp_path):
    import json

    _, text = fix(tmp_path, '{"version": 1, "name": "P",\n "review": {"owner": "Ana"}}\n',
                  "--select", "SL801", name="plan.strategy.json")
    assert json.loads(text)["review"] == {"owner": "Ana",
                                          "cadence": "TODO: how often results are checked and the plan adjusted"}


def test_line_ends_and_byte_order_mark_are_kept(tmp_path):
    path = tmp_path / "plan.strategy.yaml"
    path.write_bytes(b"\xef\xbb\xbfversion: 1\r\nname: P\r\nreview:\r\n  owner: Ana")  # no final line end
    run_cli(["check", "--isolated", "--fix", "--select", "SL801", str(path)])
    assert path.read_bytes() == (b"\xef\xbb\xbfversion: 1\r\nname: P\r\nreview:\r\n  owner: Ana\r\n"
                                 b"  cadence: 'TODO: how often results are checked and the plan adjusted'")


# -- what is not fixed ---------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_only_utf8_files_are_edited(tmp_path, encoding):
    path = tmp_path / "plan.strategy.yaml"
    path.write_bytes("version: 1\nname: P\n".encode(encoding))
    result = run_cli(["check", "--isolated", "--fix", "--select", "SL801", str(path)])
    assert path.read_bytes() == "version: 1\nname: P\n".encode(encoding)
    assert result.stderr == f"{path}:1:1: SL801 no-review-cycle not fixed: only UTF-8 files are edited\n"


def test_a_value_written_as_null_is_not_replaced(tmp_path):
    plan = "version: 1\nname: P\nvalue_proposition: null\n"
    result, text = fix(tmp_path, plan, "--select", "SL303,SL801")
    assert text == plan + "review:\n  cadence: 'TODO: how often results are checked and the plan adjusted'\n"
    assert (f"{tmp_path / 'plan.strategy.yaml'}:1:1: SL303 missing-value-proposition not fixed: "
            "'value_proposition' is written as 'null'; replace it by hand\n") in result.stderr
    assert "SL303 [warning]" in result.stdout


def test_a_kpi_shared_through_an_alias_is_not_changed(tmp_path):
    plan = ("version: 1\nname: P\nx-kpi: &k {id: r, name: Retention, objective: o}\n"
            "objectives: [{id: o, statement: Keep customers, kpis: [r]}]\nkpis:\n  - *k\n")
    result, text = fix(tmp_path, plan, "--select", "SL202")
    assert text == plan
    assert "SL202 kpi-without-target not fixed: the section is shared with another place" in result.stderr


def test_an_unparseable_file_is_never_touched(tmp_path):
    path = tmp_path / "plan.strategy.yaml"
    path.write_text("version: 1\nname: [unclosed\nreview:\n")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = run_cli(["check", "--isolated", "--fix", str(path)])
    assert path.read_text() == "version: 1\nname: [unclosed\nreview:\n"
    assert path.stat().st_mtime == 1_000_000_000
    assert "SL001 [error]" in result.stdout and result.stderr == ""
    assert result.exit_code == 1


def test_suppressed_and_baselined_findings_are_not_fixed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = "version: 1\nname: P\n# stratlint: disable-file=SL801\n"
    Path("plan.strategy.yaml").write_text(plan)
    run_cli(["check", "--isolated", "--fix", "--select", "SL801", "plan.strategy.yaml"])
    assert Path("plan.strategy.yaml").read_text() == plan
    Path("other.strategy.yaml").write_text("version: 1\nname: P\n")
    run_cli(["check", "--isolated", "--select", "SL801", "--write-baseline", "base.json", "other.strategy.yaml"])
    result = run_cli(["check", "--isolated", "--fix", "--select", "SL801", "--baseline", "base.json",
                  "other.strategy.yaml"])
    assert Path("other.strategy.yaml").read_text() == "version: 1\nname: P\n" and result.exit_code == 0


# -- files: atomic, idempotent, byte for byte --------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_change_only_by_added_lines_and_a_second_fix_changes_nothing(tmp_path, example):
    path = tmp_path / example.name
    before = example.read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    path.chmod(0o640)
    run_cli(["check", "--isolated", "--fix", str(path)])
    after = path.read_text(encoding="utf-8")
    assert removed_lines(before, after) == []
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [example.name]  # no temporary file left
    again = run_cli(["check", "--isolated", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == after
    assert "fixed" not in again.stderr
    assert run_cli(["check", "--isolated", "--diff", str(path)]).exit_code == 0


def test_every_example_with_a_fixable_finding_is_fixed(tmp_path):
    fixed = {}
    for example in EXAMPLES:
        path = tmp_path / example.name
        path.write_bytes(example.read_bytes())
        result = run_cli(["check", "--isolated", "--fix", str(path)])
        fixed[example.name] = sorted({line.split(" fixed ")[1].split()[0] for line in result.stderr.splitlines()
                                      if " fixed " in line})
        assert not any(code in result.stdout for code in FIXABLE - {"SL903"})
    assert {k: v for k, v in fixed.items() if v} == {
        "broadcast-only.strategy.yaml": ["SL502"], "channel-first.strategy.yaml": ["SL301"],
        "no-customer-care.strategy.yaml": ["SL503"], "no-review-cycle.strategy.yaml": ["SL801"]}


def test_a_fix_never_writes_through_a_link(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    real = tmp_path / "elsewhere" / "real.strategy.yaml"
    real.parent.mkdir()
    real.write_text("version: 1\nname: P\n")
    link = tmp_path / "link.strategy.yaml"
    link.symlink_to(real)
    result = run_cli(["check", "--isolated", "--fix", "--select", "SL801", "link.strategy.yaml"])
    assert result.stderr.splitlines()[0] == (
        "stratlint: error: link.strategy.yaml: cannot write the fixed plan: it is a symbolic link, and a fix never "
        "writes through one; fix the file it leads to")
    assert result.exit_code == 2
    assert link.is_symlink() and real.read_text() == "version: 1\nname: P\n"
    diff = run_cli(["check", "--isolated", "--diff", "--select", "SL801", "link.strategy.yaml"])
    assert "+review:" in diff.stdout and diff.exit_code == 1  # what the fix would be is still shown


def test_a_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "plan.strategy.yaml"
    path.write_text("version: 1\nname: P\n")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # for every file: no cache either
    result = run_cli(["check", "--isolated", "--no-cache", "--fix", "--select", "SL801", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"stratlint: error: {path}: cannot write the fixed plan: Permission denied")
    assert path.read_text() == "version: 1\nname: P\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.strategy.yaml"]


def test_write_atomic_leaves_a_file_that_changed_meanwhile(tmp_path):
    path = tmp_path / "plan.strategy.yaml"
    path.write_bytes(b"edited by someone else\n")
    with pytest.raises(OSError, match="changed while it was being fixed"):
        write_atomic(str(path), b"new\n", expect=b"what we read\n")
    assert path.read_bytes() == b"edited by someone else\n"


# -- --diff and standard input ------------------------------------------------------------------


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.strategy.yaml").write_text("version: 1\nname: A\nowner: Ana\n")
    Path("b.strategy.yaml").write_text("version: 1\nname: B\nreview: {cadence: monthly}\n")
    result = run_cli(["check", "--isolated", "--diff", "--select", "SL801", "."])
    assert result.stdout == (
        "--- a/a.strategy.yaml\n"
        "+++ b/a.strategy.yaml\n"
        "@@ -1,3 +1,5 @@\n"
        " version: 1\n"
        " name: A\n"
        " owner: Ana\n"
        "+review:\n"
        "+  cadence: 'TODO: how often results are checked and the plan adjusted'\n")
    assert result.stderr == "Would fix 1 problem in 1 file; --fix applies it.\n"
    assert result.exit_code == 1
    assert Path("a.strategy.yaml").read_text() == "version: 1\nname: A\nowner: Ana\n"
    clean = run_cli(["check", "--isolated", "--diff", "--select", "SL801", "b.strategy.yaml"])
    assert (clean.stdout, clean.stderr, clean.exit_code) == ("", "", 0)


def test_stdin_fix_prints_the_fixed_plan_and_reports_on_stderr():
    result = run_cli(["check", "--isolated", "--fix", "--select", "SL801", "-"], input="version: 1\nname: P\n")
    assert result.stdout == ("version: 1\nname: P\n"
                             "review:\n  cadence: 'TODO: how often results are checked and the plan adjusted'\n")
    assert result.stderr == ("<stdin>:3:1: fixed SL801 no-review-cycle: added review.cadence\n"
                             "Fixed 1 problem in 1 file; fill in the TODO placeholders.\n"
                             "No problems found in 1 file.\n")
    unchanged = run_cli(["check", "--isolated", "--fix", "--select", "SL801", "-"],
                    input="version: 1\nname: P\nreview: {cadence: monthly}\n")
    assert unchanged.stdout == "version: 1\nname: P\nreview: {cadence: monthly}\n"


# -- the rules that are fixable -------------------------------------------------------------------


def test_exactly_the_scaffold_rules_are_fixable_and_say_so():
    rules = load_rules().rules
    assert {r.code for r in rules if r.fixable} == FIXABLE
    for rule in rules:
        assert bool(rule.fix) == rule.fixable
        page = run_cli(["explain", rule.code]).stdout
        assert page.endswith(f"Fixable by 'check --fix': {'yes' if rule.fixable else 'no'}\n")
        if rule.fixable:
            assert "`stratlint check --fix`" in rule.docs["fix"]
    listed = [line for line in run_cli(["rules", "--isolated"]).stdout.splitlines() if line.endswith("(fixable)")]
    assert sorted(line.split()[0] for line in listed) == sorted(FIXABLE)


def test_a_user_pack_can_declare_a_fix(tmp_path):
    pack = tmp_path / "acme.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: acme
        rules:
          - code: ACME001
            slug: tactic-needs-owner
            severity: warning
            summary: Every tactic names an owner.
            given: /tactics/*
            then: {function: present, options: {field: owner}}
            message: "tactic '{id}' has no owner"
            fixable: true
            fix: {add: {owner: "TODO: who runs it"}}
            docs: {what: a, why: b, example: c, fix: d}
        """))
    _, text = fix(tmp_path, "version: 1\nname: P\ntactics:\n  - {id: webinar, name: Webinar}\n",
                  "--rules", str(pack), "--select", "ACME")
    assert text.endswith("  - {id: webinar, name: Webinar, owner: 'TODO: who runs it'}\n")


@pytest.mark.parametrize("entry, message", [
    ("    fixable: true\n", "invalid rule pack: rules[0] needs a 'fix'"),
    ("    fix: {add: {owner: 'TODO: who'}}\n", "invalid rule pack: rules[0] needs a 'fixable'"),
    ("    fixable: true\n    fix: {add: {owner: Marketing lead}}\n",
     "invalid rule pack: rules[0].fix.add.owner: 'Marketing lead' does not match '^TODO: \\\\S'"),
    ("    fixable: true\n    fix: {at: /*, add: {owner: 'TODO: who'}}\n",
     "invalid rule pack: rules[0].fix.at: '/*' does not match '^(/[^/*]+)*$'"),
])
def test_a_fix_must_be_a_placeholder_scaffold(tmp_path, entry, message):
    pack = tmp_path / "acme.yaml"
    pack.write_text("pack: acme\nrules:\n  - code: ACME001\n    slug: x\n    severity: info\n    summary: s\n"
                    "    then: {function: present, options: {field: owner}}\n    message: m\n"
                    "    docs: {what: a, why: b, example: c, fix: d}\n" + entry)
    result = run_cli(["rules", "--isolated", "--rules", str(pack)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"stratlint: error: {pack}:") and result.stderr.endswith(f"{message}\n")


def test_the_readme_transcript(tmp_path, monkeypatch):
    from tests.readme import block

    transcript = block("$ stratlint check --fix examples/no-review-cycle.strategy.yaml")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "no-review-cycle.strategy.yaml").write_bytes(
        (ROOT / "examples" / "no-review-cycle.strategy.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--isolated", "--fix", "examples/no-review-cycle.strategy.yaml"])
    assert result.stderr + result.stdout == transcript
