"""Hover: the rule's documentation on a diagnostic, the schema's help on a key."""
from __future__ import annotations

import pytest
from lsprotocol import types

from pytest_lsp import client_capabilities

from stratlint.resources import load_schema
from stratlint.rules.registry import load_rules
from stratlint.server.schema_help import key_help
from tests.server.editor import editor, position, span
from tests.server.plans import GOOD, NO_TARGET, line_of

pytestmark = pytest.mark.asyncio


async def test_hover_on_a_diagnostic_shows_the_rules_summary_why_and_fix(tmp_path):
    rule = load_rules().find("kpi-without-target")
    async with editor(tmp_path) as ed:
        uri = await ed.open("q3.strategy.yaml", NO_TARGET)
        await ed.diagnostics(uri)
        on_value = await ed.hover(uri, position(NO_TARGET, line_of(NO_TARGET, "name: 12-month"), "12-month"))
        on_key = await ed.hover(uri, position(NO_TARGET, line_of(NO_TARGET, "name: 12-month"), "name"))
    assert on_value.contents.kind == types.MarkupKind.Markdown
    flat = lambda text: " ".join(text.split())  # noqa: E731
    assert on_value.contents.value == "\n\n".join([
        "**SL202 kpi-without-target** (warning)",
        rule.summary,
        f"**Why:** {flat(rule.docs['why'])}",
        f"> {flat(rule.docs['quote'])} (from \u201cRIP Social Media: Long Live Social\u201d)",
        f"**Fix:** {flat(rule.docs['fix'])}",
        "A code action adds what is missing (as `stratlint check --fix` does).",
        "[SL202 documentation](https://github.com/stratlint/stratlint/blob/main/docs/rules.md#sl202-kpi-without-target)",
    ])
    # the diagnostic's range is the KPI, so on its 'name' key the rule comes first, then the key's help
    kpi_name = load_schema("strategy-v1.schema.json")["$defs"]["KPI"]["properties"]["name"]["description"]
    assert on_key.contents.value == on_value.contents.value + "\n\n---\n\n" + kpi_name


async def test_hover_on_a_key_shows_its_description_from_the_plan_schema(tmp_path):
    schema = load_schema("strategy-v1.schema.json")
    async with editor(tmp_path) as ed:
        uri = await ed.open("good.strategy.yaml", GOOD)
        top = await ed.hover(uri, position(GOOD, line_of(GOOD, "value_proposition:"), "proposition"))
        nested = await ed.hover(uri, position(GOOD, line_of(GOOD, "  - {id: cafes"), "kind"))
        value = await ed.hover(uri, position(GOOD, line_of(GOOD, "Learn to brew"), "brew"))
    # the title as a heading, then the markdownDescription (which cites the articles)
    assert top.contents.value == key_help(["value_proposition"])
    assert schema["properties"]["value_proposition"]["description"] in top.contents.value
    assert top.range == span(GOOD, line_of(GOOD, "value_proposition:"), "value_proposition")
    assert nested.contents.value == key_help(["channels", 0, "kind"])
    assert schema["$defs"]["Channel"]["properties"]["kind"]["description"] in nested.contents.value
    assert nested.range == span(GOOD, line_of(GOOD, "  - {id: cafes"), "kind")
    assert value is None  # a free-text value has no help of its own


async def test_hover_on_a_plan_that_does_not_parse_shows_the_parse_error_rule_only(tmp_path):
    broken = "version: 1\nname: [Spring plan\n"
    async with editor(tmp_path) as ed:
        uri = await ed.open("broken.strategy.yaml", broken)
        (d,) = await ed.diagnostics(uri)
        assert await ed.hover(uri, types.Position(line=1, character=1)) is None
        hover = await ed.hover(uri, d.range.start)
    assert hover.contents.value.startswith("**SL001 invalid-yaml** (error)")


async def test_hover_in_plain_text_for_a_client_without_markdown(tmp_path):
    capabilities = client_capabilities("visual-studio-code")
    capabilities.text_document.hover.content_format = [types.MarkupKind.PlainText]
    async with editor(tmp_path, client=capabilities) as ed:
        uri = await ed.open("good.strategy.yaml", GOOD)
        hover = await ed.hover(uri, position(GOOD, 0, "version"))
    assert hover.contents.kind == types.MarkupKind.PlainText
    version = load_schema("strategy-v1.schema.json")["properties"]["version"]
    assert hover.contents.value == f"{version['title']}\n\n{version['description']}"  # no Markdown syntax
