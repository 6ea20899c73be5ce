"""``stratlint server`` publishes diagnostics as an editor sees them: on
open, after each change, at the exact range (in UTF-16 units), with the
rule's code, link, severity and related places, through the same config,
suppressions and baseline as ``check``."""
from __future__ import annotations

import pytest
from lsprotocol import types

from tests.server.editor import editor, span, to_position
from tests.server.plans import GOOD, NO_TARGET, line_of

pytestmark = pytest.mark.asyncio

DOCS = "https://github.com/stratlint/stratlint/blob/main/docs/rules.md"


def codes(diagnostics) -> list[tuple[str, int, int]]:
    return [(d.code, d.range.start.line, d.range.start.character) for d in diagnostics]


async def test_a_plan_is_linted_on_open_with_code_link_severity_and_exact_range(tmp_path):
    async with editor(tmp_path) as ed:
        assert await ed.diagnostics(await ed.open("good.strategy.yaml", GOOD)) == []
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        (d,) = await ed.diagnostics(uri)
    first, last = line_of(NO_TARGET, "id: retention-12m"), line_of(NO_TARGET, "objective: retain-subscribers")
    # the finding is about the KPI: its range is the KPI's mapping, from its first key to its last value
    assert d.range == types.Range(start=types.Position(line=first, character=4),
                                  end=types.Position(line=last, character=len("    objective: retain-subscribers")))
    assert d.code == "SL202" and d.source == "stratlint"
    assert d.severity == types.DiagnosticSeverity.Warning
    assert d.code_description.href == f"{DOCS}#sl202-kpi-without-target"
    assert d.message.startswith("KPI '12-month subscriber retention' has no target")


async def test_diagnostics_follow_each_edit(tmp_path):
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        assert codes(await ed.diagnostics(uri)) == [("SL202", 16, 4)]
        # typing the target back clears the finding
        assert await ed.replace(uri, "    baseline: 61%\n", "    baseline: 61%\n    target: 70%\n") == []
        # a typo in a key: the schema's error at the key (an editor error), and the plan lacks the real key
        missing, typo = await ed.replace(uri, "value_proposition:", "value_propositon:")
        assert (missing.code, missing.severity, missing.range.start) == (
            "SL303", types.DiagnosticSeverity.Warning, types.Position(line=0, character=0))
        assert (typo.code, typo.severity) == ("SL002", types.DiagnosticSeverity.Error)
        assert typo.message == ("unknown key 'value_propositon' at the top level; did you mean 'value_proposition'? "
                                "(or 'x-value_propositon' for a field of your own)")
        assert typo.range == span(ed.texts[uri], line_of(ed.texts[uri], "value_propositon"), "value_propositon")


async def test_columns_count_utf16_units_after_emoji_and_accents(tmp_path):
    plan = GOOD.replace(
        "  - {id: site, name: northwind.example",
        "  - {id: caf\u00e9-\U0001F600, name: Caf\u00e9 \U0001F600 Cr\u00e8me, kind: owned, role: Caf\u00e9 \U0001F600}\n"
        "  - {id: caf\u00e9-\U0001F600, name: northwind.example")
    async with editor(tmp_path) as ed:
        uri = await ed.open("emoji.strategy.yaml", plan)
        diagnostics = [d for d in await ed.diagnostics(uri) if d.code == "SL005"]
    line = line_of(plan, "northwind.example")
    (d,) = diagnostics
    # '  - {id: ' is 9 characters; the id holds an accented letter and an emoji (2 UTF-16 units)
    assert d.range == span(plan, line, "caf\u00e9-\U0001F600")
    assert d.range.end.character - d.range.start.character == 7
    (related,) = d.related_information
    assert related.location.uri == uri
    assert related.location.range == span(plan, line - 1, "caf\u00e9-\U0001F600")
    assert related.message == "the first 'caf\u00e9-\U0001F600', channels[2]"


async def test_columns_count_utf8_bytes_with_a_client_that_prefers_utf8(tmp_path):
    plan = GOOD.replace("role: Live lessons,", "role: Caf\u00e9 \U0001F600 lessons, role: again,")
    async with editor(tmp_path, client="neovim@v0.11.0") as ed:  # offers utf-8 first
        uri = await ed.open("emoji.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
    line = line_of(plan, "role: again")
    before = plan.split("\n")[line][:plan.split("\n")[line].index("role: again")]
    assert d.code == "SL003"
    assert d.range.start == types.Position(line=line, character=len(before.encode("utf-8")))
    assert d.related_information[0].location.range.start.character == len("  - {id: instagram, name: Instagram, kind: social, ")


async def test_a_repeated_key_points_back_to_its_first_occurrence(tmp_path):
    plan = GOOD.replace("owner: Head of Marketing\nsponsor", "owner: Head of Marketing\nowner: CMO\nsponsor")
    async with editor(tmp_path) as ed:
        uri = await ed.open("dup.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
    assert d.code == "SL003" and d.range == span(plan, 3, "owner")
    (related,) = d.related_information
    assert related.location.range == span(plan, 2, "owner") and related.message == "the first 'owner'"


async def test_a_file_that_does_not_parse_gets_sl001_and_the_server_keeps_serving(tmp_path):
    async with editor(tmp_path) as ed:
        broken = await ed.open("broken.strategy.yaml", "version: 1\nname: [Spring plan\n")
        (d,) = await ed.diagnostics(broken)
        assert d.code == "SL001" and d.severity == types.DiagnosticSeverity.Error
        assert d.range.start == types.Position(line=1, character=18)  # the end of the file, not a line after it
        # binary junk and an alias bomb: findings too, never a dead server
        junk = await ed.open("junk.strategy.yaml", "\x00\x01\x02 not a plan \udcff")
        assert [d.code for d in await ed.diagnostics(junk)] == ["SL001"]
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefg", "bcdefgh"))
        assert "SL001" in [d.code for d in await ed.diagnostics(await ed.open("bomb.strategy.yaml", bomb))]
        assert await ed.diagnostics(await ed.open("good.strategy.yaml", GOOD)) == []
        # fixing the broken file clears its error
        assert await ed.replace(broken, "[Spring plan", "Spring plan") != []


async def test_only_plans_are_linted_and_closing_clears_diagnostics(tmp_path):
    async with editor(tmp_path) as ed:
        notes = await ed.open("notes.yaml", "version: 2\n", wait=False)
        uri = await ed.open("q3.strategy.yml", NO_TARGET)
        assert codes(await ed.diagnostics(uri)) == [("SL202", 16, 4)]
        # lints run in order, so had notes.yaml been linted its diagnostics would be here by now
        assert notes not in ed.client.diagnostics
        ed.client.diagnostics.pop(uri)
        ed.close(uri)
        assert await ed.diagnostics(uri) == []


async def test_the_plans_config_suppressions_waivers_and_baseline_apply(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / ".stratlint.yaml").write_text(
        "severity: {kpi-without-target: error}\n"
        "per-file-ignores: {'plans/legacy-*': [SL801]}\n"
        "baseline: baseline.json\n")
    (tmp_path / "baseline.json").write_text('{"version": 1, "findings": []}\n')
    no_review = GOOD.replace("review: {", "x-review: {")
    async with editor(tmp_path) as ed:
        uri = await ed.open("plans/q3.strategy.yaml", NO_TARGET)
        (d,) = await ed.diagnostics(uri)
        assert (d.code, d.severity) == ("SL202", types.DiagnosticSeverity.Error)  # the config's severity
        legacy = await ed.open("plans/legacy-2025.strategy.yaml", no_review)
        assert await ed.diagnostics(legacy) == []  # per-file-ignores
        assert [d.code for d in await ed.diagnostics(await ed.open("plans/new.strategy.yaml", no_review))] == ["SL801"]
        # a suppression at the end of the finding's line, then a waiver that has expired
        line = ed.texts[uri].split("\n")[16]
        assert await ed.replace(uri, line + "\n", line + "  # stratlint: disable=kpi-without-target\n") == []
        # past its date a waiver no longer suppresses, and is reported itself
        back, expired = await ed.replace(uri, "disable=kpi-without-target",
                                         "disable=kpi-without-target -- launch only, until 2020-01-31")
        assert back.code == "SL202"
        assert expired.code == "SL007" and "expired on 2020-01-31" in expired.message
        assert expired.range == span(ed.texts[uri], 16, "#")
    # the baseline: record today's findings with check, and the server reports none of them
    from tests.helpers import run_cli

    (tmp_path / "plans" / "q3.strategy.yaml").write_text(NO_TARGET)
    assert run_cli(["check", "--config", str(tmp_path / ".stratlint.yaml"), "--write-baseline",
                    str(tmp_path / "baseline.json"), str(tmp_path / "plans" / "q3.strategy.yaml")]).exit_code == 0
    async with editor(tmp_path) as ed:
        assert await ed.diagnostics(await ed.open("plans/q3.strategy.yaml", NO_TARGET)) == []


async def test_an_edit_to_the_config_applies_to_the_next_lint(tmp_path):
    config = tmp_path / ".stratlint.yaml"
    config.write_text("ignore: []\n")
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        assert [d.code for d in await ed.diagnostics(uri)] == ["SL202"]
        config.write_text("ignore: [kpi-without-target]\n")
        assert await ed.replace(uri, "owner: Head of Marketing", "owner: CMO") == []


async def test_a_config_that_does_not_load_is_shown_once_and_the_defaults_apply(tmp_path):
    (tmp_path / ".stratlint.yaml").write_text("selcet: [SL2]\n")
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        assert [d.code for d in await ed.diagnostics(uri)] == ["SL202"]
        await ed.replace(uri, "owner: Head of Marketing", "owner: CMO")
        messages = [m.message for m in ed.client.messages]
    assert len(messages) == 1 and ".stratlint.yaml:1:1" in messages[0] and "selcet" in messages[0]


async def test_incremental_changes_land_right_after_line_separators_inside_text(tmp_path):
    """LSP ends lines only at CR, LF and CRLF; YAML also at NEL, LS and PS.
    A change after such a character lands where the editor means it, and
    a finding after it is on the line the editor shows."""
    plan = NO_TARGET.replace("Learn to brew like our baristas, with them", '"Learn to brew\u2028 like our\x85 baristas"')
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", plan)
        (d,) = await ed.diagnostics(uri)
        assert d.code == "SL202" and d.range.start == types.Position(line=16, character=4)
        # an incremental edit on the line after the separators: the KPI gets its target back
        assert await ed.replace(uri, "    baseline: 61%\n", "    baseline: 61%\n    target: 70%\n") == []
        (d,) = await ed.replace(uri, "owner: Head of Marketing\nsponsor", "owner: Head of Marketing\nowner: CMO\nsponsor")
    assert d.code == "SL003" and d.range == span(ed.texts[uri], 3, "owner")


async def test_files_the_configs_exclude_skips_are_not_linted(tmp_path):
    (tmp_path / ".stratlint.yaml").write_text("exclude: [drafts]\ninclude: ['*.strategy.yaml', '*.plan.yaml']\n")
    async with editor(tmp_path) as ed:
        draft = await ed.open("drafts/q4.strategy.yaml", NO_TARGET, wait=False)
        plan = await ed.open("team/q4.plan.yaml", NO_TARGET)  # a name the config's include adds
        assert [d.code for d in await ed.diagnostics(plan)] == ["SL202"]
    assert draft not in ed.client.diagnostics


async def test_a_burst_of_changes_ends_with_the_diagnostics_of_the_last_text(tmp_path):
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", GOOD)
        assert await ed.diagnostics(uri) == []
        # type a second 'owner: X' line one letter at a time, with no pause: only the final text counts
        text = ed.texts[uri]
        at = text.index("sponsor: CEO")
        typed = "owner: X\n"
        for i, letter in enumerate(typed):
            ed.versions[uri] += 1
            where = to_position(ed.texts[uri], at + i)
            ed.texts[uri] = ed.texts[uri][:at + i] + letter + ed.texts[uri][at + i:]
            ed.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=ed.versions[uri]),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(start=where, end=where), text=letter)]))
        ed.client.diagnostics.pop(uri, None)
        while True:  # wait for the diagnostics of the final text (earlier ones may arrive first)
            found = await ed.diagnostics(uri)
            if found and found[0].code == "SL003":
                break
            ed.client.diagnostics.pop(uri, None)
    (d,) = found
    assert d.range == span(ed.texts[uri], 3, "owner")
    assert d.message == "duplicate key 'owner' (first on line 3); only this last value counts"
