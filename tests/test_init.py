"""stratlint init: a commented starter plan that passes every error-level
rule, asks for decisions only through its placeholders, and never
overwrites a plan by accident."""
from __future__ import annotations

import datetime
import json
import re
import stat
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.commands import init as starter
from stratlint.document import load
from stratlint.findings import Severity
from stratlint.linter import lint_bytes
from stratlint.rules.registry import load_rules
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
RULES = load_rules().rules
MODELINE = "# yaml-language-server: $schema=strategy.schema.json\n"


def codes(text: str) -> Counter:
    return Counter((f.code, str(f.severity)) for f in lint_bytes(text.encode(), "plan.strategy.yaml", RULES).findings)


def test_init_writes_a_starter_plan_that_passes_every_error_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli(["init", "--no-input"])
    assert result.exit_code == 0 and result.stderr == ""
    text = Path("plan.strategy.yaml").read_text(encoding="utf-8")
    todo = text.count('"TODO: ') + text.count("'TODO: ")
    assert result.stdout == (
        f"Wrote plan.strategy.yaml: a starter plan with {todo} TODO placeholders to fill in.\n"
        "Replace them with your decisions, then run 'stratlint check plan.strategy.yaml'.\n"
        "For completion and checks as you type, run 'stratlint schema > strategy.schema.json'.\n")
    assert text.startswith(MODELINE)
    assert codes(text) == Counter({("SL903", "warning"): todo})  # nothing but the placeholders
    check = run_cli(["check", "--isolated", "plan.strategy.yaml"])
    assert check.exit_code == 0
    assert check.stdout.splitlines()[-1] == f"Found {todo} problems (0 errors, {todo} warnings, 0 info) in 1 file."


def test_name_owner_and_objective_are_written_as_text(tmp_path):
    path = tmp_path / "q3.strategy.yaml"
    result = run_cli(["init", "--no-input", "--name", "Acme: plan #1", "--owner", 'O\'Brien "Ops"',
                  "--objective", "Raise 12-month retention from 61% to 70%", str(path)])
    assert result.exit_code == 0
    text = path.read_text(encoding="utf-8")
    data = load(text).data
    assert (data["name"], data["owner"]) == ("Acme: plan #1", 'O\'Brien "Ops"')
    assert data["objectives"] == [{"id": "raise-12-month-retention-from", "type": "business",
                                   "statement": "Raise 12-month retention from 61% to 70%"}]
    assert data["kpis"][0]["objective"] == "raise-12-month-retention-from"
    assert "\nname: 'Acme: plan #1'\n" in text and "\nowner: O'Brien \"Ops\"\n" in text
    assert set(codes(text)) == {("SL903", "warning")}


def test_refuses_to_overwrite_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("plan.strategy.yaml").write_text("version: 1\nname: Mine\n")
    Path("plan.strategy.yaml").chmod(0o640)
    result = run_cli(["init", "--no-input"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: plan.strategy.yaml already exists; pass --force to overwrite it\n"
    assert result.stdout == ""
    assert Path("plan.strategy.yaml").read_text() == "version: 1\nname: Mine\n"
    forced = run_cli(["init", "--no-input", "--force", "--name", "New"])
    assert forced.exit_code == 0
    assert load(Path("plan.strategy.yaml").read_text()).data["name"] == "New"
    assert stat.S_IMODE(Path("plan.strategy.yaml").stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.strategy.yaml"]


def test_a_folder_gets_the_default_name_and_missing_folders_are_made(tmp_path):
    (tmp_path / "plans").mkdir()
    assert run_cli(["init", "--no-input", str(tmp_path / "plans")]).exit_code == 0
    assert (tmp_path / "plans" / "plan.strategy.yaml").is_file()
    assert run_cli(["init", "--no-input", str(tmp_path / "new" / "q3.strategy.yaml")]).exit_code == 0
    assert (tmp_path / "new" / "q3.strategy.yaml").is_file()


def test_prompts_on_a_terminal_for_what_is_not_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(starter, "stdin_is_terminal", lambda: True)
    result = run_cli(["init", "--owner", "Ana"], input="Northwind 2027\nKeep subscribers a second year\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("Plan name: Northwind 2027\nFirst business objective: Keep subscribers a "
                                    "second year\nWrote plan.strategy.yaml")
    data = load(Path("plan.strategy.yaml").read_text()).data
    assert (data["name"], data["owner"], data["objectives"][0]["statement"]) == (
        "Northwind 2027", "Ana", "Keep subscribers a second year")


def test_an_empty_answer_or_no_input_leaves_a_placeholder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(starter, "stdin_is_terminal", lambda: True)
    run_cli(["init"], input="\n\n\n")
    data = load(Path("plan.strategy.yaml").read_text()).data
    assert data["name"] == starter.PLACEHOLDERS["name"]
    assert data["objectives"][0] == {"id": "business-objective", "type": "business",
                                     "statement": starter.PLACEHOLDERS["objective"]}
    no_prompt = run_cli(["init", "--no-input", "--force"], input="ignored\n")
    assert no_prompt.stdout.startswith("Wrote ")


def test_the_plan_covers_twelve_months_from_next_month():
    for today, start, end in ((datetime.date(2026, 11, 22), "2026-12-01", "2027-11-30"),
                              (datetime.date(2026, 12, 31), "2027-01-01", "2027-12-31")):
        assert load(starter.render(today=today)).data["period"] == {"start": start, "end": end}


def test_the_template_is_in_the_package_and_every_section_cites_a_seed():
    text = starter.template()
    assert text.startswith(MODELINE)
    lines = text.splitlines()
    for i, line in enumerate(lines):
        key = re.match(r"([a-z_]+):", line)
        if key and key.group(1) not in ("version", "name", "owner"):
            above = []
            for previous in reversed(lines[:i]):
                if re.match(r"[a-z_]+: \S", previous) and not above:
                    continue  # one comment may introduce a few one-line sections
                if not previous.startswith("#"):
                    break
                above.append(previous)
            assert any(re.match(r'# \u201c.+\u201d: "', c) for c in above), f"section '{key.group(1)}' cites no article"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_every_quote_in_the_template_is_in_its_seed():
    quotes = re.findall(r'# \u201c(.+?)\u201d: "(.+)"', starter.template())
    assert len(quotes) >= 15
    seeds = {" ".join(p.read_text(encoding="utf-8").splitlines()[0].split()): p for p in SEEDS.glob("*.txt")}
    for title, quote in quotes:
        text = seeds[title].read_text(encoding="utf-8")  # the title is the article's own
        assert " ".join(quote.split()) in " ".join(text.split()), quote
    assert "seed" not in starter.template() and ".txt" not in starter.template()


def test_the_modeline_points_at_the_schema_the_hint_writes(tmp_path):
    """The modeline names a file beside the plan; 'stratlint schema' writes it, and
    once it exists init no longer asks for it."""
    result = run_cli(["init", "--no-input", str(tmp_path / "plans" / "q3.strategy.yaml")])
    hint = result.stdout.splitlines()[-1]
    schema = tmp_path / "plans" / "strategy.schema.json"
    assert hint == f"For completion and checks as you type, run 'stratlint schema > {schema}'."
    schema.write_text(run_cli(["schema"]).stdout, encoding="utf-8")
    assert json.loads(schema.read_text(encoding="utf-8"))["title"].startswith("Marketing strategy plan")
    again = run_cli(["init", "--no-input", "--force", str(tmp_path / "plans" / "q3.strategy.yaml")])
    assert "stratlint schema" not in again.stdout


def test_a_value_that_holds_a_template_marker_stays_as_written():
    data = load(starter.render("__OBJECTIVE__ plan", "__START__", "Keep __NAME__ customers")).data
    assert (data["name"], data["owner"], data["objectives"][0]["statement"]) == (
        "__OBJECTIVE__ plan", "__START__", "Keep __NAME__ customers")


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, TEXT)
def test_any_text_is_kept_exactly_and_the_plan_has_no_error(name, owner, objective):
    text = starter.render(name, owner, objective, today=datetime.date(2027, 1, 15))
    data = load(text).data
    assert data["name"] == (name.strip() or starter.PLACEHOLDERS["name"])
    assert data["owner"] == (owner.strip() or starter.PLACEHOLDERS["owner"])
    assert data["objectives"][0]["statement"] == (objective.strip() or starter.PLACEHOLDERS["objective"])
    found = lint_bytes(text.encode(), "plan.strategy.yaml", RULES).findings
    assert not [f for f in found if f.severity >= Severity.ERROR]
    # warnings other than the placeholders can only be about the objective's own words
    assert {f.code for f in found} <= {"SL903", "SL103", "SL104"}
