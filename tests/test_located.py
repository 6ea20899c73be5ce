"""The located document: plain values plus the exact place of every node.

Spans are ``(line, column, end_line, end_column)``, 1-based, counted in
characters, the end column one past the last character (findings.Span).
"""
from __future__ import annotations

import json
import textwrap

import pytest
import yaml

from stratlint.document.loader import MAX_DEPTH, LoadError, load


def text(s: str) -> str:
    s = textwrap.dedent(s)
    return s[1:] if s.startswith("\n") else s


def refused(source: str) -> LoadError:
    with pytest.raises(LoadError) as info:
        load(source)
    return info.value


# -- spans: block style ------------------------------------------------------

BLOCK = text("""
    version: 1
    name: Northwind plan
    objectives:
      - id: grow
        statement: Grow repeat orders
      - id: keep
        statement: >
          Keep them
          longer
    kpis: []
""")


@pytest.mark.parametrize("pointer, at, span", [
    ("/version", "value", (1, 10, 1, 11)),
    ("/version", "key", (1, 1, 1, 8)),
    ("/name", "value", (2, 7, 2, 21)),
    ("/name", "key", (2, 1, 2, 5)),
    ("/objectives", "key", (3, 1, 3, 11)),
    # a block collection starts at its first indicator and ends where its last child does
    ("/objectives", "value", (4, 3, 9, 13)),
    ("/objectives/0", "value", (4, 5, 5, 34)),
    ("/objectives/0/id", "key", (4, 5, 4, 7)),
    ("/objectives/0/id", "value", (4, 9, 4, 13)),
    # a folded block scalar: from its indicator to the end of its last line
    ("/objectives/1/statement", "value", (7, 16, 9, 13)),
    ("/objectives/1/statement", "key", (7, 5, 7, 14)),
    ("/kpis", "value", (10, 7, 10, 9)),
])
def test_block_style_spans(pointer, at, span):
    assert tuple(load(BLOCK).span(pointer, at)) == span


def test_literal_block_scalar_at_the_end_of_the_file():
    doc = load("name: x\nnotes: |\n  first line\n  second\n")
    assert doc.data["notes"] == "first line\nsecond\n"
    assert tuple(doc.span("/notes")) == (2, 8, 4, 9)


def test_block_mapping_ends_at_its_last_child_not_at_a_following_comment():
    doc = load(text("""
        period:
          start: 2027-01-01
          end: 2027-12-31   # the fiscal year

        # who runs it
        owner: Ana
    """))
    assert tuple(doc.span("/period")) == (2, 3, 3, 18)
    assert tuple(doc.span("/owner")) == (6, 8, 6, 11)


def test_block_scalar_followed_by_a_blank_line_ends_at_its_text():
    doc = load(text("""
        objectives:
          - id: grow
            statement: |
              Grow sales

        name: Plan
    """))
    assert tuple(doc.span("/objectives/0/statement")) == (3, 16, 4, 17)
    assert tuple(doc.span("/objectives/0")) == (2, 5, 4, 17)


# -- spans: flow style and JSON ------------------------------------------------

FLOW = text("""
    period: {start: 2027-01-01, end: 2027-12-31}
    channels:
      - {id: insta, name: Instagram, objectives: [grow, keep]}
    tags: [a, bb,
      ccc]
""")


@pytest.mark.parametrize("pointer, at, span", [
    ("/period", "value", (1, 9, 1, 45)),
    ("/period/start", "key", (1, 10, 1, 15)),
    ("/period/start", "value", (1, 17, 1, 27)),
    ("/period/end", "value", (1, 34, 1, 44)),
    ("/channels/0", "value", (3, 5, 3, 59)),
    ("/channels/0/name", "key", (3, 17, 3, 21)),
    ("/channels/0/name", "value", (3, 23, 3, 32)),
    ("/channels/0/objectives/1", "value", (3, 53, 3, 57)),
    # a flow collection spread over two lines ends at its closing bracket
    ("/tags", "value", (4, 7, 5, 7)),
    ("/tags/2", "value", (5, 3, 5, 6)),
])
def test_flow_style_spans(pointer, at, span):
    assert tuple(load(FLOW).span(pointer, at)) == span


def test_quoted_scalar_span_includes_its_quotes():
    doc = load("name: 'Spring plan'\nowner: \"Ana\"\n")
    assert tuple(doc.span("/name")) == (1, 7, 1, 20)
    assert tuple(doc.span("/owner")) == (2, 8, 2, 13)


def test_columns_count_characters_not_bytes():
    doc = load(text("""
        name: "Café crème"
        x: {n: "😀😀", k: 日本語, z: 1}
        "ключ": значение
    """))
    assert tuple(doc.span("/name")) == (1, 7, 1, 19)
    assert tuple(doc.span("/x/k", "key")) == (2, 14, 2, 15)
    assert tuple(doc.span("/x/k")) == (2, 17, 2, 20)
    assert tuple(doc.span("/x/z", "key")) == (2, 22, 2, 23)
    assert tuple(doc.span("/ключ", "key")) == (3, 1, 3, 7)
    assert tuple(doc.span("/ключ")) == (3, 9, 3, 17)
    assert doc.data["x"]["k"] == "日本語"


def test_json_input_values_and_spans():
    source = json.dumps({"version": 1, "name": "Plan é",
                         "kpis": [{"id": "ret", "name": "Retention", "target": 0.7}]}, indent=2,
                        ensure_ascii=False)
    doc = load(source)
    assert doc.data == {"version": 1, "name": "Plan é",
                        "kpis": [{"id": "ret", "name": "Retention", "target": 0.7}]}
    lines = source.splitlines()
    assert lines[2] == '  "name": "Plan é",'
    assert tuple(doc.span("/name", "key")) == (3, 3, 3, 9)
    assert tuple(doc.span("/name")) == (3, 11, 3, 19)
    assert lines[5] == '      "id": "ret",'
    assert tuple(doc.span("/kpis/0")) == (5, 5, 9, 6)
    assert tuple(doc.span("/kpis/0/id")) == (6, 13, 6, 18)
    assert tuple(doc.span("/kpis/0/target")) == (8, 17, 8, 20)


def test_json_on_one_line_without_spaces():
    doc = load('{"version":1,"name":"P","tactics":[{"id":"a","name":"B"}]}')
    assert doc.data == {"version": 1, "name": "P", "tactics": [{"id": "a", "name": "B"}]}
    assert tuple(doc.span("/tactics/0/name")) == (1, 53, 1, 56)


def test_json_numbers_with_an_exponent_are_numbers():
    doc = load('{"version": 1, "name": "P", "budget": {"total": 1e3, "allocations": '
               '[{"channel": "a", "amount": 1e-05}]}}')
    assert doc.data["budget"] == {"total": 1000.0, "allocations": [{"channel": "a", "amount": 1e-05}]}


def test_json_surrogate_pair_escape_is_one_character():
    source = json.dumps({"version": 1, "name": "Launch 😀"})  # ensure_ascii: "\ud83d\ude00"
    assert "\\ud83d\\ude00" in source
    assert load(source).data["name"] == "Launch 😀"


# -- pointers --------------------------------------------------------------------

def test_the_root_is_the_top_level():
    doc = load("\n\n# comment\nversion: 1\nname: P\n")
    assert tuple(doc.span("")) == (1, 1, 2, 1)  # never an empty region: an empty line 1 up to its line break
    assert tuple(doc.span("", "key")) == (1, 1, 2, 1)
    assert tuple(load("# plan\nversion: 1\n").span("")) == (1, 1, 1, 7)  # line 1, to its end


@pytest.mark.parametrize("pointer, at, span", [
    ("/objectives/0/kpis", "value", (4, 5, 5, 20)),      # a missing key: its mapping
    ("/objectives/0/kpis/3", "key", (4, 5, 5, 20)),
    ("/objectives/7", "value", (4, 3, 5, 20)),            # an index past the end: the list
    ("/objectives/7/id", "key", (3, 1, 3, 11)),           # ...whose key is the nearest key
    ("/objectives/x", "value", (4, 3, 5, 20)),            # not an index
    ("/name/deeper", "value", (1, 7, 1, 11)),             # below a scalar: the scalar
    ("/nothing/here", "value", (1, 1, 1, 11)),            # nothing at all: the top level, line 1
])
def test_a_pointer_past_the_document_falls_back_to_the_nearest_existing_ancestor(pointer, at, span):
    doc = load("name: Plan\nversion: 1\nobjectives:\n  - id: grow\n    statement: Grow\n")
    assert tuple(doc.span(pointer, at)) == span


def test_pointer_tokens_are_unescaped():
    doc = load("x-a/b: 1\nx-c~d: 2\n")
    assert tuple(doc.span("/x-a~1b")) == (1, 8, 1, 9)
    assert tuple(doc.span("/x-c~0d")) == (2, 8, 2, 9)


# -- merge keys -----------------------------------------------------------------

MERGE = text("""
    x-defaults:
      social: &social
        kind: social
        name: Base name
      paid: &paid
        kind: paid
        role: Reach new buyers
    channels:
      - <<: [*social, *paid]
        id: insta
        name: Instagram
      - name: Ads first
        <<: *paid
        id: ads
""")


def test_merge_keys_are_resolved_explicit_keys_and_earlier_sources_win():
    data = load(MERGE).data
    assert data["channels"] == [
        {"id": "insta", "name": "Instagram", "kind": "social", "role": "Reach new buyers"},
        {"id": "ads", "name": "Ads first", "kind": "paid", "role": "Reach new buyers"},
    ]
    assert "<<" not in data["channels"][0]


@pytest.mark.parametrize("pointer, at, span", [
    ("/channels/0/kind", "value", (3, 11, 3, 17)),   # from the first source, not the second
    ("/channels/0/kind", "key", (3, 5, 3, 9)),
    ("/channels/0/role", "value", (7, 11, 7, 27)),   # only in the second source
    ("/channels/0/name", "value", (11, 11, 11, 20)),  # explicit, not merged
    ("/channels/1/name", "value", (12, 11, 12, 20)),  # explicit before the merge key still wins
    ("/channels/1/kind", "value", (6, 11, 6, 15)),
])
def test_merged_values_are_located_at_their_source(pointer, at, span):
    assert tuple(load(MERGE).span(pointer, at)) == span


def test_nested_merges_resolve_through_each_level():
    doc = load(text("""
        x-a: &a {kind: social, role: Talk}
        x-b: &b
          <<: *a
          role: Listen
        channels:
          - <<: *b
            id: c
    """))
    assert doc.data["channels"][0] == {"id": "c", "kind": "social", "role": "Listen"}
    assert tuple(doc.span("/channels/0/role")) == (4, 9, 4, 15)
    assert tuple(doc.span("/channels/0/kind")) == (1, 16, 1, 22)


def test_merge_of_something_that_is_not_a_mapping_is_refused():
    error = refused("x-a: &a [1, 2]\nchannels:\n  - <<: *a\n    id: c\n")
    assert "merge key '<<' takes a mapping" in error.message
    assert (error.line, error.column) == (1, 10)  # the first source that is not one


# -- duplicate keys --------------------------------------------------------------

def test_duplicate_keys_are_recorded_with_the_first_line_and_the_last_value_wins():
    doc = load("name: First\nversion: 1\nname: Second\nowner: Ana\nname: Third\n")
    assert doc.data["name"] == "Third"
    assert [(d.key, d.first_line, tuple(d.span)) for d in doc.duplicate_keys] == [
        ("name", 1, (3, 1, 3, 5)),
        ("name", 1, (5, 1, 5, 5)),
    ]
    assert [d.pointer for d in doc.duplicate_keys] == ["/name", "/name"]
    # the pointer leads to the value that counts
    assert tuple(doc.span("/name")) == (5, 7, 5, 12)
    assert tuple(doc.span("/name", "key")) == (5, 1, 5, 5)


def test_duplicate_keys_in_nested_and_flow_mappings():
    doc = load("channels:\n  - {id: a, name: A, id: b}\nperiod:\n  start: 2027-01-01\n  start: 2027-02-01\n")
    assert doc.data["channels"][0]["id"] == "b"
    assert doc.data["period"]["start"] == "2027-02-01"
    assert [(d.pointer, d.first_line, tuple(d.span)) for d in doc.duplicate_keys] == [
        ("/channels/0/id", 2, (2, 22, 2, 24)),
        ("/period/start", 4, (5, 3, 5, 8)),
    ]


def test_a_key_given_by_a_merge_and_explicitly_is_not_a_duplicate():
    assert load(MERGE).duplicate_keys == []


# -- scalar values ---------------------------------------------------------------

def test_dates_become_iso_text_and_other_scalars_keep_their_yaml_type():
    doc = load(text("""
        day: 2027-01-05
        moment: 2027-01-05 10:30:00
        utc: 2027-01-05T10:30:00Z
        quoted: '2027-01-05'
        impossible: 2027-02-30
        number: 12
        ratio: 0.7
        flag: true
        nothing:
        percent: 70%
    """))
    assert doc.data == {
        "day": "2027-01-05",
        "moment": "2027-01-05T10:30:00",
        "utc": "2027-01-05T10:30:00+00:00",
        "quoted": "2027-01-05",
        "impossible": "2027-02-30",  # kept as written; the schema says what is wrong
        "number": 12,
        "ratio": 0.7,
        "flag": True,
        "nothing": None,
        "percent": "70%",
    }
    json.dumps(doc.data)  # plain data, as JSON has it


# -- what is refused -------------------------------------------------------------

@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/name:os.system",
    "!custom",
    "!!binary",
    "!!set",
    "!!omap",
])
def test_tags_other_than_the_core_types_are_refused(tag):
    value = "[x]" if "python" in tag or tag == "!!omap" else "{a, b}" if tag == "!!set" else "aGVsbG8="
    error = refused(f"version: 1\nname: {tag} {value}\n")
    assert error.message == f"unsupported tag '{tag}'; a plan uses plain YAML values only"
    assert (error.line, error.column) == (2, 7)


def test_a_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "executed"
    payload = f"version: 1\nname: !!python/object/apply:builtins.open [{str(marker)!r}, w]\n"
    with pytest.raises(LoadError, match="unsupported tag '!!python/object/apply:builtins.open'"):
        load(payload)
    assert not marker.exists()
    # the payload is live: an unsafe loader does create the file
    canary = tmp_path / "canary"
    yaml.unsafe_load(payload.replace(str(marker), str(canary))).get("name").close()
    assert canary.exists()


def test_a_recursive_alias_is_refused():
    for source in ("a: &a\n  b: *a\n", "a: &a [1, *a]\n"):
        assert "recursive alias" in refused(source).message


def test_an_alias_bomb_is_refused_at_the_alias_that_passes_the_budget():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):  # 10**10 values once expanded
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    error = refused("\n".join(lines) + "\n")
    assert error.message == "aliases expand to more than 100,000 values; the file looks like an alias bomb"
    # e's list holds 10 aliases of d's (11,111 values each) beside the copies made
    # before: they pass 100,000 within e, so the build stops there, long before
    # the 10**10 values of j; the finding names the anchored value copied (d's list)
    assert (error.line, error.column) == (4, 4)


def test_aliases_below_the_cap_are_shared_not_refused():
    doc = load("x-a: &a {kind: social}\nchannels:\n" + "".join(f"  - {{id: c{i}, <<: *a}}\n" for i in range(200)))
    assert all(c["kind"] == "social" for c in doc.data["channels"])


def test_nesting_deeper_than_the_limit_is_refused():
    assert MAX_DEPTH == 100
    ok = load("a: " + "[" * 99 + "]" * 99 + "\n")  # the root mapping and 99 lists: 100 levels
    assert ok.data["a"] is not None
    error = refused("a: " + "[" * 101 + "]" * 101 + "\n")
    assert error.message == "the document nests more than 100 levels deep"
    assert (error.line, error.column) == (1, 103)  # the 100th list is level 101
    block = "".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v: 1\n"
    assert refused(block).message == "the document nests more than 100 levels deep"


@pytest.mark.parametrize("libyaml_refuses", [False, True])
def test_the_nesting_guard_answers_the_same_whatever_libyaml_does(monkeypatch, libyaml_refuses):
    """libyaml's scanner (PyYAML 6.0.4 wheels) refuses 1,000 levels with an
    error of its own, ahead of the first event on the line; whether or not
    the installed libyaml does, the guard reports the first level too deep."""
    import stratlint.document.loader as located

    if libyaml_refuses:
        walk = located._walk_depth

        def libyaml_with_a_limit(text, loader):
            if loader is located.Loader:
                raise yaml.YAMLError("exceeded maximum nesting depth (while increasing flow level)")
            return walk(text, loader)

        monkeypatch.setattr(located, "_walk_depth", libyaml_with_a_limit)
    error = refused("version: 1\nx-deep: " + "[" * 1500 + "]" * 1500 + "\n")
    assert (error.message, error.line, error.column) == ("the document nests more than 100 levels deep", 2, 108)
    # block nesting: the mapping on line n is level n, so line 101 is the first too deep
    block = "".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v: 1\n"
    error = refused(block)
    assert (error.message, error.line, error.column) == ("the document nests more than 100 levels deep", 101, 201)


def test_non_text_keys_are_recorded_and_left_out_of_the_data():
    doc = load("version: 1\n? [a, b]\n: 1\nchannels:\n  - id: c\n    ? {k: v}\n    : 2\n")
    assert doc.data == {"version": 1, "channels": [{"id": "c"}]}
    assert [(b.pointer, b.kind, tuple(b.span)) for b in doc.bad_keys] == [
        ("", "a list", (2, 3, 2, 9)),
        ("/channels/0", "a mapping", (6, 7, 6, 13)),
    ]


def test_scalar_keys_of_other_types_are_read_as_written():
    doc = load("1: one\non: x\nnull: n\n2027-01-01: d\n")
    assert list(doc.data) == ["1", "on", "null", "2027-01-01"]
    assert doc.bad_keys == []


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nb", "\n", "\n\n", "a\r\nb", "a\r\n", "  \n x", "a\u2028",
                                  "a\u2028b", "\r", "x\x85y", "a\x0cb"])
def test_first_line_is_the_first_of_split_lines_without_splitting_the_rest(text):
    from stratlint.document.located import _first_line
    from stratlint.document.positions import split_lines

    lines = split_lines(text)
    assert _first_line(text) == ((lines[0] if lines else ""), len(lines) > 1)
