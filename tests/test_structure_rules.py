"""Structural rules SL001 (invalid-yaml), SL003 (duplicate-key), SL004 (unknown-reference)
and SL005 (duplicate-id), with their exact lines and columns."""
from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from stratlint.linter import lint_bytes
from stratlint.rules.registry import load_rules
from stratlint.testing import RuleTester

RULES = load_rules().rules
SL001 = [r for r in RULES if r.code == "SL001"]
STRUCTURE = [r for r in RULES if r.code.startswith("SL0")]


def sl001(data: bytes) -> list[tuple[int, int, str]]:
    result = lint_bytes(data, "plan.strategy.yaml", SL001)
    assert not result.crashes
    assert all(f.code == "SL001" and f.rule == "invalid-yaml" and str(f.severity) == "error"
               for f in result.findings)
    return [(f.line, f.column, f.message) for f in result.findings]


def exact(tester: RuleTester, plan: str) -> list[tuple[int, int, str]]:
    """``(line, column, whole message)`` of each finding of one rule."""
    return [(f.line, f.column, f.message) for f in tester.findings(plan)]


# -- SL001 invalid-yaml ----------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    (b"version: 1\nname: [Spring plan\n",
     (2, 19, "did not find expected ',' or ']' (while parsing a flow sequence)")),  # the end, not a line after it
    (b"version: 1\nname: a: b\n", (2, 8, "mapping values are not allowed in this context")),
    (b"version: 1\nperiod:\n\tstart: 2027-01-01\n", (3, 1, "a tab indents this line; YAML indents with spaces only")),
    (b"version: 1\nowner:\n  name: a\n\tteam: b\n", (4, 1, "a tab indents this line; YAML indents with spaces only")),
    (b"version: 1\nname: a\tb: c\n", (2, 10, "mapping values are not allowed in this context")),  # a tab, not indenting
    (b"version: 1\nname: 'unclosed\n", (2, 16, "found unexpected end of stream (while scanning a quoted scalar)")),
])
def test_unparseable_yaml_is_reported_at_the_parsers_position(data, expected):
    assert sl001(data) == [expected]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", codecs.BOM_UTF8])
def test_an_empty_file_is_reported_at_1_1(data):
    assert sl001(data) == [(1, 1, "the file is empty")]


def test_a_file_of_only_comments_is_reported_at_1_1():
    assert sl001(b"\n# the plan\n   # comes later\n\n") == [
        (1, 1, "the file holds only comments; a plan is a mapping such as 'version: 1'")]


@pytest.mark.parametrize("data, line", [
    (b"version: 1\nname: A\n---\nversion: 1\nname: B\n", 3),
    (b"---\nversion: 1\nname: A\n---\nname: B\n", 4),
    (b"# c\n\nversion: 1\nname: A\n\n\n---\n", 7),
])
def test_more_than_one_document_is_reported_at_the_start_of_the_second(data, line):
    assert sl001(data) == [(line, 1, "the file holds more than one document; a plan is one document")]


def test_one_document_with_start_and_end_markers_is_fine():
    assert sl001(b"---\nversion: 1\nname: A\n...\n") == []


@pytest.mark.parametrize("data, position, kind", [
    (b"- version: 1\n- name: A\n", (1, 1), "a list"),
    (b"\n\n  [version, name]\n", (3, 3), "a list"),
    (b"Spring plan\n", (1, 1), "a single value"),
    (b"# comment\n42\n", (2, 1), "a single value"),
])
def test_a_root_that_is_not_a_mapping(data, position, kind):
    assert sl001(data) == [(*position, f"the plan is {kind}, not a mapping of keys such as 'version:' and 'name:'")]


@pytest.mark.parametrize("data, position, byte", [
    (b"version: 1\nname: caf\xe9\n", (2, 10), "0xe9"),
    (b"version: 1\nname: \xc3\xa9t\xc3\xa9 \xff\n", (2, 11), "0xff"),  # 'été ' is four characters
    (b"version: 1\r\nname: x\r\nowner: \x80\r\n", (3, 8), "0x80"),
])
def test_invalid_utf8_is_reported_at_the_first_bad_byte(data, position, byte):
    assert sl001(data) == [(*position, f"the file is not valid UTF-8 text (byte {byte})")]


def test_nul_bytes_are_reported():
    assert sl001(b"version: 1\nname: a\x00b\n") == [
        (2, 8, "the file holds NUL bytes; it looks binary, not a YAML plan")]


@pytest.mark.parametrize("encode", [
    lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
], ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"])
def test_byte_order_marks_are_read_and_positions_count_characters(encode):
    data = encode("version: 1\nname: Café plan\nchannels: [{id: é, name: Crème}]\nname: Again\n")
    assert sl001(data) == []
    result = lint_bytes(data, "plan.strategy.yaml", STRUCTURE)
    assert [(f.line, f.column, f.code) for f in result.findings] == [
        (3, 17, "SL002"),  # the id 'é' is not a valid slug: at its value, counted in characters
        (4, 1, "SL003"),
    ]


def test_a_python_tag_is_sl001_and_no_other_rule_runs(tmp_path):
    marker = tmp_path / "ran"
    data = f"version: 1\nname: x\nname: !!python/object/apply:os.system ['touch {marker}']\nzzz: 1\n".encode()
    result = lint_bytes(data, "plan.strategy.yaml", STRUCTURE)
    assert [(f.line, f.column, f.code, f.message) for f in result.findings] == [
        (3, 7, "SL001", "unsupported tag '!!python/object/apply:os.system'; a plan uses plain YAML values only")]
    assert not marker.exists()


@pytest.mark.parametrize("data, message", [
    (b"a: &a\n  b: *a\n", "an alias refers to the value that contains it (a recursive alias)"),
    (b"version: 1\nname: " + b"[" * 101 + b"]" * 101 + b"\n", "the document nests more than 100 levels deep"),
])
def test_refused_documents_are_sl001(data, message):
    assert [m for _, _, m in sl001(data)] == [message]


def test_very_deep_nesting_is_sl001_not_a_crash(tmp_path):
    plan = tmp_path / "deep.strategy.yaml"
    plan.write_text("version: 1\nname: " + "[" * 30000 + "]" * 30000 + "\n")
    proc = subprocess.run([sys.executable, "-m", "stratlint", "check", "--select", "SL001", str(plan)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.returncode
    assert proc.stdout.startswith(f"{plan}:2:")
    assert "nests more than 100 levels deep" in proc.stdout


def test_sl001_through_the_rule_tester():
    RuleTester("invalid-yaml").assert_findings("""
        version: 1
        name: Plan
        ---
        name: Other
    """, (3, 1, "more than one document"))


# -- SL003 duplicate-key -----------------------------------------------------------

DUP = RuleTester("duplicate-key")


def test_duplicate_key_is_at_the_second_occurrence_naming_the_first_line():
    findings = DUP.assert_findings("""
        version: 1
        name: Spring plan
        owner: Ana
        name: Summer plan
    """, (4, 1, "duplicate key 'name' (first on line 2); only this last value counts"))
    assert tuple(findings[0].span) == (4, 1, 4, 5)
    assert [(tuple(r.span), r.message) for r in findings[0].related] == [((2, 1, 2, 5), "the first 'name'")]


def test_three_repeats_are_two_findings_each_naming_the_first():
    assert exact(DUP, """
        version: 1
        name: A
        name: B
        owner: Ana
        name: C
    """) == [
        (3, 1, "duplicate key 'name' (first on line 2); only this last value counts"),
        (5, 1, "duplicate key 'name' (first on line 2); only this last value counts"),
    ]


def test_duplicate_keys_in_items_and_flow_mappings():
    DUP.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: insta, name: Instagram, id: ig}
        period:
          start: 2027-01-01
          end: 2027-06-30
          start: 2027-02-01
    """, (4, 34, "duplicate key 'id' (first on line 4)"), (8, 3, "duplicate key 'start' (first on line 6)"))


def test_same_key_in_different_mappings_or_merged_is_not_a_duplicate():
    DUP.assert_findings("""
        version: 1
        name: Plan
        x-base: &base {kind: social, name: Base}
        channels:
          - {id: a, name: A}
          - <<: *base
            id: b
            name: B
    """)


def test_the_last_value_of_a_duplicate_is_what_the_schema_sees():
    RuleTester("schema-violation").assert_findings("""
        version: 1
        name: 5
        name: Plan
    """)
    RuleTester("schema-violation").assert_findings("""
        version: 1
        name: Plan
        name: 5
    """, (3, 7, "name must be text, not the number 5"))


# -- SL004 unknown-reference -------------------------------------------------------

REF = RuleTester("unknown-reference")

DEFINED = """
    version: 1
    name: Plan
    objectives:
      - {id: grow, statement: Grow}
    audience:
      segments:
        - {id: fans, description: Fans}
    kpis:
      - {id: retention, name: Retention}
"""
CHANNELS = "    channels: [{id: insta, name: Instagram}]\n"

# Each kind of reference listed in rules/structure.yaml: the lines after DEFINED (lines 10 and 11).
REFERENCE_KINDS = {
    "tactic.channel": (CHANNELS + "    tactics: [{id: t, name: T, channel: tv}]\n",
                       (11, 37), "unknown channel 'tv'; defined: insta"),
    "tactic.channel hint": (CHANNELS + "    tactics: [{id: t, name: T, channel: instagarm}]\n",
                            (11, 37), "unknown channel 'instagarm'; did you mean 'insta'?"),
    "tactic.objectives": (CHANNELS + "    tactics: [{id: t, name: T, objectives: [grw]}]\n",
                          (11, 41), "unknown objective 'grw'; did you mean 'grow'?"),
    "tactic.audience": (CHANNELS + "    tactics: [{id: t, name: T, audience: [foes]}]\n",
                        (11, 39), "unknown audience segment 'foes'; defined: fans"),
    "channel.objectives": ("    channels: [{id: c, name: C, objectives: [shrink]}]\n",
                           (10, 42), "unknown objective 'shrink'; defined: grow"),
    "channel.audience": ("    channels: [{id: c, name: C, audience: [fan]}]\n",
                         (10, 40), "unknown audience segment 'fan'; did you mean 'fans'?"),
    "customer_care.channels": (CHANNELS + "    customer_care: {channels: [phone]}\n",
                               (11, 28), "unknown channel 'phone'; defined: insta"),
    "budget.allocations.channel": (CHANNELS + "    budget: {allocations: [{channel: tv, amount: 5}]}\n",
                                   (11, 34), "unknown channel 'tv'; defined: insta"),
}


@pytest.mark.parametrize("lines, position, message", REFERENCE_KINDS.values(), ids=REFERENCE_KINDS.keys())
def test_each_kind_of_reference(lines, position, message):
    assert exact(REF, DEFINED + lines) == [(*position, message)]


def test_kpi_objective_and_objective_kpis():
    assert exact(REF, """
        version: 1
        name: Plan
        objectives:
          - id: grow
            statement: Grow
            kpis: [retention, churn]
        kpis:
          - {id: retention, name: Retention, objective: growth}
    """) == [
        (6, 23, "unknown KPI 'churn'; defined: retention"),
        (8, 49, "unknown objective 'growth'; did you mean 'grow'?"),
    ]


def test_each_dangling_reference_in_a_list_is_its_own_finding_at_the_reference():
    findings = REF.assert_findings("""
        version: 1
        name: Plan
        objectives: [{id: grow, statement: Grow}]
        tactics:
          - id: t
            name: T
            objectives:
              - grow
              - shrink
              - stop
    """, (9, 9, "unknown objective 'shrink'"), (10, 9, "unknown objective 'stop'"))
    assert [f.pointer for f in findings] == ["/tactics/0/objectives/1", "/tactics/0/objectives/2"]
    assert tuple(findings[0].span) == (9, 9, 9, 15)


def test_a_reference_when_nothing_of_that_kind_is_defined():
    REF.assert_findings("""
        version: 1
        name: Plan
        tactics: [{id: t, name: T, channel: insta}]
    """, (3, 37, "unknown channel 'insta'; the plan defines no channel"))


def test_near_misses_defined_ids_and_empty_reference_lists():
    REF.assert_findings(DEFINED + CHANNELS + """
        tactics:
          - {id: t, name: T, channel: insta, objectives: [grow], audience: [fans]}
          - {id: u, name: U, channel: , objectives: [], audience: []}
        customer_care: {channels: [insta]}
        budget: {allocations: [{channel: insta, amount: 5}]}
    """.replace("\n        ", "\n    "))
    REF.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: grow, statement: Grow, kpis: []}
        channels:
          - {id: insta, name: Instagram, objectives: [], audience: []}
        customer_care: {channels: []}
        budget: {allocations: []}
    """)


def test_a_reference_resolves_by_id_whatever_the_slug_pattern():
    REF.assert_findings("""
        version: 1
        name: Plan
        channels: [{id: Our Cafe, name: Cafe}]
        tactics: [{id: t, name: T, channel: Our Cafe}]
    """)


def test_ids_of_another_list_do_not_resolve():
    REF.assert_findings("""
        version: 1
        name: Plan
        objectives: [{id: insta, statement: S}]
        tactics: [{id: t, name: T, channel: insta}]
    """, (4, 37, "unknown channel 'insta'"))


# -- SL005 duplicate-id -------------------------------------------------------------

IDS = RuleTester("duplicate-id")


def test_each_repeat_is_at_its_id_value():
    plan = """
        version: 1
        name: Plan
        objectives:
          - {id: grow, statement: A}
          - {id: grow, statement: B}
          - id: grow
            statement: C
    """
    assert exact(IDS, plan) == [
        (5, 10, "duplicate id 'grow' (first used by objectives[0]); ids must be unique within a list"),
        (6, 9, "duplicate id 'grow' (first used by objectives[0]); ids must be unique within a list"),
    ]
    assert [tuple(f.span) for f in IDS.findings(plan)] == [(5, 10, 5, 14), (6, 9, 6, 13)]


@pytest.mark.parametrize("section, first", [
    ("kpis: [{id: k, name: A}, {id: k, name: B}]", "kpis[0]"),
    ("channels: [{id: k, name: A}, {id: k, name: B}]", "channels[0]"),
    ("tactics: [{id: k, name: A}, {id: k, name: B}]", "tactics[0]"),
])
def test_duplicate_ids_in_each_list(section, first):
    column = section.index("}, {id: k") + len("}, {id: ") + 1
    IDS.assert_findings(f"""
        version: 1
        name: Plan
        {section}
    """, (3, column, f"duplicate id 'k' (first used by {first})"))


def test_duplicate_segment_ids():
    IDS.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - {id: fans, description: A}
            - {id: fans, description: B}
    """, (6, 12, "duplicate id 'fans'"))


def test_ids_may_repeat_across_different_lists():
    IDS.assert_findings("""
        version: 1
        name: Plan
        objectives: [{id: grow, statement: Grow}]
        kpis: [{id: grow, name: Growth}]
        channels: [{id: grow, name: Growth channel}]
        tactics: [{id: grow, name: Growth tactic}]
        audience: {segments: [{id: grow, description: Growers}]}
    """)


def test_items_without_ids_or_not_mappings_are_not_duplicates():
    IDS.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {name: A}
          - {name: B}
          - insta
          - insta
          - {id: 5, name: C}
          - {id: 5, name: D}
    """)


def test_a_duplicate_id_names_where_the_first_one_stands():
    findings = RuleTester("duplicate-id").assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: insta, name: Instagram, kind: social}
          - id: web
            name: Site
          - {id: insta, name: Instagram ads, kind: paid}
    """, (7, 10, "duplicate id 'insta' (first used by channels[0])"))
    assert [(tuple(r.span), r.message) for r in findings[0].related] == [
        ((4, 10, 4, 15), "the first 'insta', channels[0]")]
