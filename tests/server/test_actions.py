"""Code actions, requested and applied as an editor does: the scaffold of
``check --fix`` as a workspace edit, a suppression comment on the
finding's line, and a waiver with a reason to write and an expiry."""
from __future__ import annotations

import datetime

import pytest
from lsprotocol import types
from pytest_lsp import client_capabilities

from tests.helpers import run_cli
from tests.server.editor import editor
from tests.server.plans import GOOD, NO_REVIEW, NO_TARGET, REVIEW

pytestmark = pytest.mark.asyncio

UNTIL = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()


def fixed_by_check(tmp_path, text: str, name: str = "check.strategy.yaml") -> str:
    """What ``stratlint check --fix`` makes of ``text``."""
    path = tmp_path / "by-check" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    run_cli(["check", "--isolated", "--fix", str(path)])
    return path.read_bytes().decode("utf-8")


def titled(actions, title: str) -> types.CodeAction:
    found = [a for a in actions if a.title == title]
    assert found, [a.title for a in actions]
    return found[0]


async def test_add_the_missing_section_is_the_scaffold_of_check_fix(tmp_path):
    async with editor(tmp_path) as ed:  # VS Code resolves the edit when the action is picked
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        (d,) = await ed.diagnostics(uri)
        actions = await ed.actions(uri, d.range, [d])
        fix = titled(actions, "stratlint (SL202): add kpis[0].target")
        assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred and list(fix.diagnostics) == [d]
        after = await ed.perform(uri, fix)
        assert ed.texts[uri] == fixed_by_check(tmp_path, NO_TARGET)
        assert ed.texts[uri] == NO_TARGET.replace(
            "    objective: retain-subscribers\n",
            "    objective: retain-subscribers\n    target: 'TODO: the value this KPI should reach'\n", 1)
        assert [x.code for x in after] == ["SL903"]  # the placeholder is to be written


async def test_add_all_missing_sections_without_resolve_and_with_plain_changes(tmp_path):
    capabilities = client_capabilities("neovim@v0.9.1")  # no documentChanges
    capabilities.text_document.code_action.resolve_support = None  # the edit comes with the action
    plan = NO_TARGET.replace(REVIEW, "")
    async with editor(tmp_path, client=capabilities) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        diagnostics = await ed.diagnostics(uri)
        assert [d.code for d in diagnostics] == ["SL801", "SL202"]
        actions = await ed.actions(uri, diagnostics[0].range, only=["source.fixAll"])
        (fix_all,) = actions
        assert fix_all.kind == "source.fixAll.stratlint" and fix_all.edit.changes is not None
        assert all(e.range.start == e.range.end for e in fix_all.edit.changes[uri])  # insertions only
        after = await ed.perform(uri, fix_all)
    assert ed.texts[uri] == fixed_by_check(tmp_path, plan)
    assert {d.code for d in after} == {"SL903"}


async def test_disable_the_rule_on_the_line_of_the_finding(tmp_path):
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        (d,) = await ed.diagnostics(uri)
        action = titled(await ed.actions(uri, d.range, [d]), "stratlint (SL202): disable kpi-without-target on this line")
        assert await ed.perform(uri, action) == []
    assert ed.texts[uri] == NO_TARGET.replace("  - id: retention-12m\n",
                                              "  - id: retention-12m  # stratlint: disable=kpi-without-target\n")


async def test_waive_until_a_date_with_a_reason_to_write(tmp_path):
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        (d,) = await ed.diagnostics(uri)
        action = titled(await ed.actions(uri, d.range, [d]),
                        f"stratlint (SL202): waive kpi-without-target until {UNTIL} with a reason")
        assert await ed.perform(uri, action) == []
    assert ed.texts[uri] == NO_TARGET.replace(
        "  - id: retention-12m\n",
        f"  - id: retention-12m  # stratlint: disable=kpi-without-target -- TODO: reason, until {UNTIL}\n")
    # the waiver is listed for review with its placeholder reason and expiry
    (tmp_path / "q3.strategy.yaml").write_text(ed.texts[uri])
    listed = run_cli(["waivers", "--isolated", str(tmp_path / "q3.strategy.yaml")]).output
    assert "TODO: reason" in listed and UNTIL in listed


async def test_a_rule_joins_the_suppression_its_line_already_has(tmp_path):
    plan = NO_TARGET.replace("  - id: retention-12m\n", "  - id: retention-12m  # stratlint: disable=SL201 -- outcome KPI\n")
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
        actions = await ed.actions(uri, d.range, [d])
        assert await ed.perform(uri, titled(actions, "stratlint (SL202): disable kpi-without-target on this line")) == []
        assert "  - id: retention-12m  # stratlint: disable=SL201,kpi-without-target -- outcome KPI\n" in ed.texts[uri]


async def test_a_waiver_goes_on_the_line_above_where_the_line_has_its_own_suppression(tmp_path):
    plan = NO_TARGET.replace("  - id: retention-12m\n", "  - id: retention-12m  # stratlint: disable=SL201 -- outcome KPI\n")
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
        action = titled(await ed.actions(uri, d.range, [d]),
                        f"stratlint (SL202): waive kpi-without-target until {UNTIL} with a reason")
        assert await ed.perform(uri, action) == []
        assert (f"kpis:\n  # stratlint: disable=kpi-without-target -- TODO: reason, until {UNTIL}\n"
                "  - id: retention-12m  # stratlint: disable=SL201 -- outcome KPI\n") in ed.texts[uri]


async def test_the_comment_goes_above_a_line_that_ends_inside_a_text(tmp_path):
    plan = GOOD.replace("owner: Head of Marketing\nsponsor",
                        'owner: Head of Marketing\nowner: "Chief # not a comment\n  Marketing Officer"\nsponsor')
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
        assert d.code == "SL003"
        action = titled(await ed.actions(uri, d.range, [d]), "stratlint (SL003): disable duplicate-key on this line")
        assert await ed.perform(uri, action) == []
    assert ed.texts[uri] == plan.replace('owner: "Chief', '# stratlint: disable=duplicate-key\nowner: "Chief')


async def test_a_finding_about_the_whole_plan_is_disabled_for_the_file_after_the_opening_comments(tmp_path):
    plan = "# yaml-language-server: $schema=strategy-v1.schema.json\n" + NO_REVIEW
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
        actions = await ed.actions(uri, d.range, [d])
        assert [a.title for a in actions] == [
            "stratlint (SL801): add review.cadence",
            "stratlint (SL801): disable no-review-cycle in this file",
            f"stratlint (SL801): waive no-review-cycle in this file until {UNTIL} with a reason",
            "stratlint: add all missing sections",
        ]
        assert await ed.perform(uri, actions[1]) == []
    assert ed.texts[uri] == plan.replace("version: 1\n", "# stratlint: disable-file=no-review-cycle\nversion: 1\n")


async def test_a_json_plan_gets_the_fix_but_no_comment(tmp_path):
    import json

    import yaml

    data = yaml.safe_load(NO_REVIEW)
    data["period"] = {k: str(v) for k, v in data["period"].items()}
    text = json.dumps(data, indent=2) + "\n"
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.json", text)
        (d,) = await ed.diagnostics(uri)
        actions = await ed.actions(uri, d.range, [d])
        assert [a.title for a in actions] == ["stratlint (SL801): add review.cadence", "stratlint: add all missing sections"]
        await ed.perform(uri, actions[0])
    assert json.loads(ed.texts[uri])["review"] == {"cadence": "TODO: how often results are checked and the plan adjusted"}
    assert ed.texts[uri] == fixed_by_check(tmp_path, text, "check.strategy.json")


async def test_actions_apply_in_a_document_with_crlf_and_emoji(tmp_path):
    plan = NO_TARGET.replace("Learn to brew", "Learn to brew \U0001F600 caf\u00e9").replace("\n", "\r\n")
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
        actions = await ed.actions(uri, d.range, [d])
        assert await ed.perform(uri, titled(actions, "stratlint (SL202): disable kpi-without-target on this line")) == []
        assert "  - id: retention-12m  # stratlint: disable=kpi-without-target\r\n" in ed.texts[uri]
        plan = ed.texts[uri]
        await ed.replace(uri, "  # stratlint: disable=kpi-without-target", "")
        (d,) = await ed.diagnostics(uri)
        await ed.perform(uri, titled(await ed.actions(uri, d.range, [d]), "stratlint (SL202): add kpis[0].target"))
    assert ed.texts[uri] == fixed_by_check(tmp_path, NO_TARGET.replace("Learn to brew", "Learn to brew \U0001F600 caf\u00e9").replace("\n", "\r\n"))
