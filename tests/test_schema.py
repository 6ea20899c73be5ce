"""SL002 schema-violation: one finding per violation, at the node, in words a marketer reads."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from stratlint.testing import RuleTester
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
T = RuleTester("schema-violation")

TOP_KEYS = ("advocacy, audience, budget, channels, content, customer_care, kpis, language, listening, loyalty, name, "
            "objectives, organization, owner, period, review, sponsor, tactics, value_proposition, version, "
            "word_of_mouth")


def messages(plan: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in T.findings(plan)]


# -- missing required keys ---------------------------------------------------------

def test_missing_required_key_of_the_root_is_at_the_top_level():
    assert messages("""
        # a comment first
        version: 1
        owner: Ana
    """) == [(1, 1, "the plan needs a 'name'")]
    assert messages("""
        name: Plan
    """) == [(1, 1, "the plan needs a 'version'")]


def test_missing_key_in_an_item_is_at_the_item_mapping():
    assert messages("""
        version: 1
        name: Plan
        objectives:
          - id: grow
            statement: Grow
          - {id: keep, statement: Keep}
          - id: win
            type: business
    """) == [(7, 5, "objectives[2] needs a 'statement'")]


def test_each_missing_key_is_its_own_finding():
    assert messages("""
        version: 1
        name: Plan
        kpis:
          - {}
          - {name: Retention}
        channels:
          - id: insta
        tactics:
          - x-note: only a note
        budget:
          allocations:
            - {channel: insta}
    """) == [
        (4, 5, "kpis[0] needs a 'name'"),
        (4, 5, "kpis[0] needs an 'id'"),
        (5, 5, "kpis[1] needs an 'id'"),
        (7, 5, "channels[0] needs a 'name'"),
        (9, 5, "tactics[0] needs a 'name'"),
        (9, 5, "tactics[0] needs an 'id'"),
        (12, 7, "budget.allocations[0] needs an 'amount'"),
    ]


def test_segment_needs_a_description():
    assert messages("""
        version: 1
        name: Plan
        audience:
          segments:
            - id: fans
    """) == [(5, 7, "audience.segments[0] needs a 'description'")]


# -- unknown keys ------------------------------------------------------------------------

def test_unknown_key_at_the_top_level_is_at_the_key_with_a_hint():
    findings = T.assert_findings("""
        version: 1
        name: Plan
        objetives:
          - id: grow
            statement: Grow
        zzzz: 1
    """, (3, 1), (6, 1))
    assert findings[0].message == "unknown key 'objetives' at the top level; did you mean 'objectives'? (or 'x-objetives' for a field of your own)"
    assert tuple(findings[0].span) == (3, 1, 3, 10)  # the key, not its value
    assert findings[1].message == (f"unknown key 'zzzz' at the top level; expected one of: {TOP_KEYS}; "
                                   "a field of your own starts with x- ('x-zzzz')")


@pytest.mark.parametrize("line, message", [
    ("objectives: [{id: a, statement: S, kpi: [k]}]",
     (3, 36, "unknown key 'kpi' in objectives[0]; did you mean 'kpis'? (or 'x-kpi' for a field of your own)")),
    ("audience: {segments: [{id: s, description: D, insight: [x]}]}",
     (3, 47, "unknown key 'insight' in audience.segments[0]; did you mean 'insights'? (or 'x-insight' for a field of your own)")),
    ("kpis: [{id: k, name: K, categroy: outcome}]",
     (3, 25, "unknown key 'categroy' in kpis[0]; did you mean 'category'? (or 'x-categroy' for a field of your own)")),
    ("channels: [{id: c, name: C, knd: social}]",
     (3, 29, "unknown key 'knd' in channels[0]; did you mean 'kind'? (or 'x-knd' for a field of your own)")),
    ("tactics: [{id: t, name: T, chanel: c}]",
     (3, 28, "unknown key 'chanel' in tactics[0]; did you mean 'channel'? (or 'x-chanel' for a field of your own)")),
    ("period: {start: 2027-01-01, middle: 2027-06-01}",
     (3, 29, "unknown key 'middle' in period; expected one of: end, start; a field of your own starts with x- "
             "('x-middle')")),
    ("listening: {tools: [a], cadance: weekly}",
     (3, 25, "unknown key 'cadance' in listening; did you mean 'cadence'? (or 'x-cadance' for a field of your own)")),
    ("customer_care: {response: 4h}",
     (3, 17, "unknown key 'response' in customer_care; did you mean 'response_time'? (or 'x-response' for a field of your own)")),
    ("organization: {trainings: yes}",
     (3, 16, "unknown key 'trainings' in organization; did you mean 'training'? (or 'x-trainings' for a field of your own)")),
    ("review: {methods: PDCA}",
     (3, 10, "unknown key 'methods' in review; did you mean 'method'? (or 'x-methods' for a field of your own)")),
    ("budget: {total: 10, comparision: cost per lead}",
     (3, 21, "unknown key 'comparision' in budget; did you mean 'comparison'? (or 'x-comparision' for a field of your own)")),
    ("budget: {allocations: [{channel: a, amount: 1, note: x}]}",
     (3, 48, "unknown key 'note' in budget.allocations[0]; expected one of: amount, channel; a field of your own "
             "starts with x- ('x-note')")),
])
def test_unknown_keys_in_items_and_fixed_mappings(line, message):
    assert messages(f"""
        version: 1
        name: Plan
        {line}
    """) == [message]


def test_open_sections_accept_more_keys():
    assert messages("""
        version: 1
        name: Plan
        audience:
          segments: [{id: s, description: Home baristas}]
          notes: {source: survey}
          size: 12000
        content: {pillars: [Recipes], tone: friendly, calendar: monthly}
        loyalty: {points: yes, tiers: [bronze, gold]}
        word_of_mouth: {referral: code, reward: 5}
        advocacy: {ambassadors: 10}
    """) == []


def test_x_keys_are_allowed_everywhere():
    assert messages("""
        version: 1
        name: Plan
        x-defaults: {anything: [1, 2]}
        period: {start: 2027-01-01, x-note: n}
        objectives: [{id: a, statement: S, x-note: n}]
        audience: {segments: [{id: s, description: D, x-note: n}], x-note: n}
        kpis: [{id: k, name: K, x-note: n}]
        channels: [{id: c, name: C, x-note: n}]
        tactics: [{id: t, name: T, x-note: n}]
        content: {x-note: n}
        listening: {x-note: n}
        customer_care: {x-note: n}
        organization: {x-note: n}
        review: {x-note: n}
        budget: {x-note: n, allocations: [{channel: c, amount: 1, x-note: n}]}
        loyalty: {x-note: n}
    """) == []


def test_a_key_that_only_starts_like_an_extension_is_unknown():
    assert [m for _, _, m in messages("""
        version: 1
        name: Plan
        x_note: 1
        xnote: 2
    """)] == [
        f"unknown key 'x_note' at the top level; expected one of: {TOP_KEYS}; a field of your own starts with x- "
        "('x-note')",
        f"unknown key 'xnote' at the top level; expected one of: {TOP_KEYS}; a field of your own starts with x- "
        "('x-xnote')",
    ]


# -- types, enums, ids, dates, version ----------------------------------------------------

def test_wrong_types_are_at_the_value_and_name_what_was_found():
    assert messages("""
        version: 1
        name: 5
        owner: [Ana]
        sponsor: {who: CEO}
        objectives: {id: a}
        value_proposition: true
        kpis:
          - {id: k, name: K, target: [70]}
        tactics:
          - {id: t, name: T, budget: "100"}
        loyalty: 5
        content: [Recipes]
        audience: [fans]
        listening: {tools: weekly}
    """) == [
        (2, 7, "name must be text, not the number 5"),
        (3, 8, "owner must be text, not a list"),
        (4, 10, "sponsor must be text, not a mapping"),
        (5, 13, "objectives must be a list, not a mapping"),
        (6, 20, "value_proposition must be text, not true"),
        (8, 30, "kpis[0].target must be a number or text, not a list"),
        (10, 30, "tactics[0].budget must be a number, not the text '100'"),
        (11, 10, "loyalty must be text, a mapping (key: value lines) or a list, not the number 5"),
        (12, 10, "content must be a mapping (key: value lines), not a list"),
        (13, 11, "audience must be a mapping (key: value lines), not a list"),
        (14, 20, "listening.tools must be a list, not the text 'weekly'"),
    ]


def test_an_item_that_is_not_a_mapping():
    assert messages("""
        version: 1
        name: Plan
        objectives:
          - Grow revenue
    """) == [(4, 5, "objectives[0] must be a mapping (key: value lines), not the text 'Grow revenue'")]


@pytest.mark.parametrize("line, message", [
    ("kpis: [{id: k, name: K, category: Vanity}]",
     (3, 35, "kpis[0].category is 'Vanity', which is not one of: outcome, engagement, awareness, vanity, activity; "
             "did you mean category: vanity?")),
    ("channels: [{id: c, name: C, kind: social media}]",
     (3, 35, "channels[0].kind is 'social media', which is not one of: social, owned, paid, earned, offline; "
             "did you mean kind: social?")),
    ("channels: [{id: c, name: C, kind: email}]",
     (3, 35, "channels[0].kind is 'email', which is not one of: social, owned, paid, earned, offline; "
             "did you mean kind: owned?")),
    ("channels: [{id: c, name: C, kind: Website}]",
     (3, 35, "channels[0].kind is 'Website', which is not one of: social, owned, paid, earned, offline; "
             "did you mean kind: owned?")),
    ("channels: [{id: c, name: C, kind: blog}]",
     (3, 35, "channels[0].kind is 'blog', which is not one of: social, owned, paid, earned, offline; "
             "did you mean kind: owned?")),
    ("channels: [{id: c, name: C, medium: digital}]",
     (3, 37, "channels[0].medium is 'digital', which is not one of: online, offline, hybrid")),
    ("tactics: [{id: t, name: T, interaction: two way}]",
     (3, 41, "tactics[0].interaction is 'two way', which is not one of: one-way, two-way; "
             "did you mean interaction: two-way?")),
    ("tactics: [{id: t, name: T, stage: awareness}]",
     (3, 35, "tactics[0].stage is 'awareness', which is not one of: attention, attraction, affinity, audience, "
             "advocacy")),
    ("objectives: [{id: o, statement: S, type: strategic}]",
     (3, 42, "objectives[0].type is 'strategic', which is not one of: business, marketing, communication")),
    ("tactics: [{id: t, name: T, touchpoint: both}]",
     (3, 40, "tactics[0].touchpoint is 'both', which is not one of: online, offline, hybrid")),
])
def test_enums_name_the_allowed_values_and_hint_the_closest(line, message):
    assert messages(f"""
        version: 1
        name: Plan
        {line}
    """) == [message]


@pytest.mark.parametrize("bad, suggestion", [
    ("My Channel", "my-channel"),
    ("Insta", "insta"),
    ("grow--fast", "grow-fast"),
    ("-lead", "lead"),
    ("a_b_", "a-b"),
])
def test_bad_id_slugs(bad, suggestion):
    assert messages(f"""
        version: 1
        name: Plan
        channels:
          - id: '{bad}'
            name: C
    """) == [(4, 9, f"channels[0].id '{bad}' is not a valid id; use lower-case letters and digits joined by "
                     f"'-' or '_', such as '{suggestion}'")]


def test_good_id_slugs_pass():
    assert messages("""
        version: 1
        name: Plan
        channels:
          - {id: insta, name: A}
          - {id: web_2027, name: B}
          - {id: a-b_c-1, name: C}
          - {id: '7', name: D}
    """) == []


def test_bad_dates():
    assert messages("""
        version: 1
        name: Plan
        period: {start: 2027-02-30, end: next year}
        kpis:
          - {id: k, name: K, due: 2027-13-01}
          - {id: j, name: J, due: 2027-12-31 10:00:00}
    """) == [
        (3, 17, "period.start '2027-02-30' is not a date; write it as YYYY-MM-DD, such as 2027-01-31"),
        (3, 34, "period.end 'next year' is not a date; write it as YYYY-MM-DD, such as 2027-01-31"),
        (5, 27, "kpis[0].due '2027-13-01' is not a date; write it as YYYY-MM-DD, such as 2027-01-31"),
        (6, 27, "kpis[1].due '2027-12-31T10:00:00' is not a date; write it as YYYY-MM-DD, such as 2027-01-31"),
    ]


@pytest.mark.parametrize("value, described", [
    ("2", "the number 2"),
    ("'1'", "the text '1'"),
    ("true", "true"),
    ("[1]", "a list"),
])
def test_version_must_be_1(value, described):
    assert messages(f"""
        version: {value}
        name: Plan
    """) == [(1, 10, f"version must be 1, not {described}")]


# -- empty values ------------------------------------------------------------------------

def test_required_key_left_empty_is_a_violation_at_its_value():
    findings = T.findings("""
        version: 1
        name: ""
        objectives:
          - id: "   "
            statement:
          - {id: b, statement: []}
    """)
    assert [(f.line, f.column, f.message) for f in findings] == [
        (2, 7, "name must not be empty"),
        (4, 9, "objectives[0].id must not be empty"),
        (5, 15, "objectives[0].statement must not be empty"),
        (6, 24, "objectives[1].statement must not be empty"),
    ]
    assert tuple(findings[0].span) == (2, 7, 2, 9)


def test_optional_key_left_empty_is_not_a_violation():
    assert messages("""
        version: 1
        name: Plan
        owner: ""
        sponsor:
        period: {}
        objectives: []
        audience: {segments: []}
        value_proposition: "  "
        kpis:
          - {id: k, name: K, category: , target: "", baseline: , due: "", objective: }
        channels:
          - {id: c, name: C, kind: "", objectives: [], audience: }
        tactics: []
        content: {}
        listening: {tools: [], cadence: }
        customer_care: {channels: []}
        loyalty: ""
        organization: {teams: []}
        review: {}
        budget: {total: , allocations: []}
    """) == []


# -- aliases ----------------------------------------------------------------------------

def test_a_value_shared_through_aliases_is_reported_once_at_its_source():
    assert messages("""
        version: 1
        name: Plan
        x-defaults:
          bad: &bad {id: x, name: X, kind: socal}
          statement: &s 5
        channels:
          - *bad
          - <<: *bad
            id: y
        objectives:
          - {id: a, statement: *s}
          - {id: b, statement: *s}
    """) == [
        (4, 36, "channels[0].kind is 'socal', which is not one of: social, owned, paid, earned, offline; "
                "did you mean kind: social?"),
        (5, 14, "objectives[0].statement must be text, not the number 5"),
    ]


# -- non-text keys ----------------------------------------------------------------------

def test_a_key_that_is_a_list_or_a_mapping_is_a_violation():
    assert [m for _, _, m in messages("""
        version: 1
        name: Plan
        ? [a, b]
        : 1
        channels:
          - id: c
            name: C
            ? {k: v}
            : 2
    """)] == [
        "a key at the top level is a list; keys are plain words such as 'name'",
        "a key in channels[0] is a mapping; keys are plain words such as 'name'",
    ]


def test_a_key_that_is_a_list_or_a_mapping_is_located_at_that_key():
    assert [(line, column) for line, column, _ in messages("""
        version: 1
        name: Plan
        ? [a, b]
        : 1
        channels:
          - id: c
            name: C
            ? {k: v}
            : 2
    """)] == [(3, 3), (8, 7)]


# -- the complete example --------------------------------------------------------------

# The "small complete example" at the end of PLAN_FORMAT.md, verbatim.
COMPLETE_EXAMPLE = """\
version: 1
name: Northwind Coffee 2027 customer strategy
owner: Head of Marketing
sponsor: CEO
period: {start: 2027-01-01, end: 2027-12-31}
objectives:
  - id: retain-subscribers
    statement: Raise 12-month subscriber retention from 61% to 70%
    kpis: [retention-12m]
audience:
  segments:
    - id: home-baristas
      description: Subscribers who brew espresso at home
      insights: [They learn from each other more than from brands]
      motivations: [Mastering latte art]
value_proposition: Learn to brew like our baristas, with them
kpis:
  - id: retention-12m
    name: 12-month subscriber retention
    category: outcome
    baseline: 61%
    target: 70%
    objective: retain-subscribers
channels:
  - {id: instagram, name: Instagram, kind: social, role: Live lessons and Q&A, objectives: [retain-subscribers]}
  - {id: cafes, name: Our cafes, kind: offline, role: Monthly tasting nights, objectives: [retain-subscribers]}
  - {id: site, name: northwind.example, kind: owned, role: Recipes and subscription, objectives: [retain-subscribers]}
tactics:
  - {id: live-latte, name: Monthly live latte-art class, channel: instagram, interaction: two-way, stage: affinity, objectives: [retain-subscribers]}
  - {id: tasting, name: Subscriber tasting night, channel: cafes, interaction: two-way, stage: advocacy, objectives: [retain-subscribers]}
listening: {tools: [brand mentions dashboard], cadence: weekly, owner: Community lead}
customer_care: {channels: [instagram, site], response_time: 4h, owner: Support lead}
review: {cadence: monthly, method: plan-do-check-act, owner: Head of Marketing}
"""


@pytest.mark.parametrize("rule", ["schema-violation", "duplicate-key", "unknown-reference", "duplicate-id"])
def test_the_complete_example_of_the_format_is_clean(rule):
    assert RuleTester(rule).findings(COMPLETE_EXAMPLE) == []


def test_the_complete_example_as_json_is_clean():
    as_json = json.dumps(yaml.safe_load(COMPLETE_EXAMPLE), default=str, indent=2)
    assert T.findings(as_json) == []


# -- stratlint schema --------------------------------------------------------------------

def test_stratlint_schema_prints_the_shipped_json_schema_2020_12():
    result = run_cli(["schema"])
    assert result.exit_code == 0 and result.stderr == ""
    printed = json.loads(result.stdout)
    assert result.stdout == (ROOT / "schemas" / "strategy-v1.schema.json").read_text(encoding="utf-8")
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(printed)
    validator = jsonschema.Draft202012Validator(printed, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(json.loads(json.dumps(yaml.safe_load(COMPLETE_EXAMPLE), default=str)))) == []
    assert not validator.is_valid({"version": 1, "name": "P", "objetives": []})


@pytest.mark.parametrize("edit", [
    ("target: 70%", "targex: 70%"),            # an unknown key inside a list item
    ("version: 1", "version: 2"),              # a required key with a wrong value
    ("review:", "reveiw:"),                    # an unknown top-level key
    ("name: Northwind Coffee 2027 customer strategy\n", ""),  # a required key missing
    ("kind: owned", "kind: [owned]"),          # a wrong type
])
def test_explaining_only_the_failing_sections_finds_what_the_whole_plan_gives(edit):
    """jsonschema is asked only about the top-level sections that fail the
    fast check; the violations must be those of the whole plan."""
    from stratlint.document import load
    from stratlint.schema.explain import validator, violations
    from tests.server.plans import GOOD

    old, new = edit
    assert old in GOOD
    doc = load(GOOD.replace(old, new, 1))
    found = violations(doc)
    assert found and found == violations(doc, validator())


# -- rules v2 additions (item 12) and the editor schema ---------------------------------

def test_the_schema_accepts_what_real_plans_carry():
    assert messages("""
        version: 1
        name: Plan
        language: fr-CA
        audience:
          segments:
            - {id: a, description: Owners, size: 58000}
            - {id: b, description: Managers, size: 'about 1,900 accounts'}
        kpis:
          - {id: k, name: Revenue, category: activity, owner: Sales operations, unit: GBP, frequency: monthly}
        channels:
          - {id: c, name: Etsy shop, url: "https://etsy.example/shop", medium: online}
        loyalty: [Stamp card, Birthday cake]
        organization: {size: 2}
    """) == []


@pytest.mark.parametrize("line, message", [
    ("language: French", (3, 11, "language 'French' is not a language tag; write a BCP 47 tag such as en, fr")),
    ("organization: {size: 0}", (3, 22, "organization.size must be at least 1, not the number 0")),
    ("organization: {size: 2.5}", (3, 22, "organization.size must be a whole number, not the number 2.5")),
    ("organization: {size: two}", (3, 22, "organization.size must be a whole number, not the text 'two'")),
    ("loyalty: [Stamp card, 5]", (3, 23, "loyalty[1] must be text, not the number 5")),
])
def test_the_v2_additions_are_checked(line, message):
    found = messages(f"""
        version: 1
        name: Plan
        {line}
    """)
    assert len(found) == 1 and found[0][:2] == message[:2] and message[2] in found[0][2], found


SCHEMA = json.loads((ROOT / "schemas" / "strategy-v1.schema.json").read_text(encoding="utf-8"))


def _nodes(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _nodes(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _nodes(value, path + (i,))


def test_every_field_explains_itself_to_an_editor():
    """Hover and completion in VS Code's YAML extension read description,
    markdownDescription and, for each enum value, (markdown)enumDescriptions."""
    for path, node in _nodes(SCHEMA):
        if len(path) >= 2 and path[-2] == "properties":
            assert node.get("description"), path
        if "enum" in node and path[-1] not in ("version",):
            for key in ("enumDescriptions", "markdownEnumDescriptions"):
                assert len(node.get(key, [])) == len(node["enum"]), (path, key)
            for value, text in zip(node["enum"], node["markdownEnumDescriptions"]):
                assert text.startswith(f"**{value}**"), (path, value)


def test_descriptions_cite_articles_by_title_never_a_seed_number():
    text = json.dumps(SCHEMA, ensure_ascii=False)
    assert "seed" not in text
    assert "*RIP Social Media: Long Live Social*" in text


def test_examples_in_the_schema_are_valid_values():
    for path, node in _nodes(SCHEMA):
        for example in node.get("examples", []) if isinstance(node.get("examples"), list) else []:
            schema = {k: v for k, v in node.items() if k != "$ref"}
            jsonschema.Draft202012Validator({**schema, "$defs": SCHEMA["$defs"]}).validate(example)
