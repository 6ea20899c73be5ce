"""How vocabularies read text: whole words, accents folded, one separator
for runs of spaces and hyphens, plurals, languages; and why no value can
stall a run: only the first MAX_CHARS characters are read, and the
patterns have no quantifier that could backtrack."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.checks.vocabulary import (MAX_CHARS, Vocabulary, compile_vocabulary, cut, entries_for, fold, localize,
                                         near, plan_language)
from stratlint.engine import render
from stratlint.testing import RuleTester


@pytest.mark.parametrize("entry, text", [
    ("abonnés", "Nombre d'abonnes Instagram"),
    ("abonnes", "Nombre d’abonnés Instagram"),
    ("beiträge", "Veroffentlichte BEITRAGE pro Woche"),
    ("straße", "Strasse"),
    ("mentions j'aime", "Mentions J’aime par publication"),
    ("follow-back", "Follow  back"),
    ("follow back", "follow--back"),
    ("follower", "Instagram-Followers"),
    ("story", "stories"),
])
def test_accents_case_apostrophes_separators_and_plurals_are_folded(entry, text):
    assert Vocabulary([entry]).matches(text)


@pytest.mark.parametrize("entry, text", [
    ("shares", "market share"),  # a plural entry matches only itself
    ("like", "likely"),  # whole words
    ("pr", "Prep kitchen"),
    ("follow/unfollow", "follow / unfollow"),
])
def test_near_misses_of_matching(entry, text):
    assert not Vocabulary([entry]).matches(text)


def test_find_all_names_the_entries_in_the_order_they_appear():
    assert Vocabulary(["likes", "followers", "reach"]).find_all("Reach, likes and more likes") == ["reach", "likes"]


def test_a_phrase_wins_over_a_word_it_starts_with():
    assert Vocabulary(["like", "like for like"]).find_all("like-for-like swaps") == ["like for like"]


# -- languages ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, language", [
    ("fr", "fr"), ("fr-CA", "fr"), ("DE", "de"), (" es ", "es"), (None, "en"), ("", "en"),
    ("French", "en"), (5, "en"), ("fr_CA", "en"),
])
def test_the_plans_language_is_its_primary_subtag_else_english(value, language):
    assert plan_language({"language": value}) == language


def test_a_vocabulary_by_language_falls_back_to_english():
    vocab = {"en": ["likes"], "fr": ["j'aime"]}
    assert entries_for(vocab, "fr") == ["j'aime"]
    assert entries_for(vocab, "it") == ["likes"]
    assert entries_for(["tiktok"], "de") == ["tiktok"]
    options = {"vocabularies": {"vanity": vocab, "platform": ["tiktok"]}, "field": "kpis"}
    assert localize(options, "fr") == {"vocabularies": {"vanity": ["j'aime"], "platform": ["tiktok"]}, "field": "kpis"}


# -- near ----------------------------------------------------------------------------------

BUY, BOUGHT = Vocabulary(["buy", "purchase"]), Vocabulary(["followers", "likes"])


@pytest.mark.parametrize("text, within, found", [
    ("Buy followers", 0, True),
    ("Buy Instagram followers", 0, False),
    ("Buy Instagram followers", 1, True),
    ("Followers we buy", 2, True),  # either order
    ("Buy a ring light. Followers will come", 9, False),  # one sentence
    ("Buy 2.000 followers", 1, True),  # a dot inside a number ends no sentence
])
def test_near_counts_the_words_between_in_one_sentence(text, within, found):
    assert near(text, BOUGHT, BUY, within) is found


def test_near_leaves_out_a_word_right_after_a_word_of_not_after():
    who = Vocabulary(["who", "customers"])
    assert not near("Customers buy; we thank those who buy followers' favourites", BOUGHT, BUY, 1, who)
    assert near("Customers who buy nothing. Buy followers", BOUGHT, BUY, 1, who)


# -- bounded work on hostile values (item 4 of #14) -------------------------------------

def test_only_the_first_max_chars_characters_of_a_value_are_read():
    vocab = Vocabulary(["likes"])
    inside = "x " * ((MAX_CHARS - 10) // 2) + "likes"
    assert len(inside) <= MAX_CHARS and vocab.matches(inside)
    beyond = "x " * (MAX_CHARS // 2) + "likes"
    assert len(beyond) > MAX_CHARS and not vocab.matches(beyond)


def test_a_word_cut_at_the_limit_is_not_read_as_a_shorter_word():
    text = "a" * (MAX_CHARS - 6) + " followers"  # "follow" ends at the limit, "ers" is beyond it
    assert cut(text).endswith(" ") and not Vocabulary(["follow"]).matches(text)


def test_a_one_megabyte_value_is_read_up_to_the_limit_only():
    big = "Likes" + " " * 1_000_000 + "followers"
    assert len(fold(big)) <= MAX_CHARS
    assert Vocabulary(["likes"]).matches(big) and not Vocabulary(["followers"]).matches(big)
    assert not near(big, Vocabulary(["followers"]), Vocabulary(["likes"]), 3)


def _quantifiers(pattern: str) -> list[str]:
    """Quantifiers in a pattern, leaving out escaped characters and the
    '?' that opens a group or a look-around."""
    plain = re.sub(r"\\.", "", pattern)
    plain = re.sub(r"\(\?(?:P<\w+>|<!|!|:|=|<=)", "(", plain)
    return re.findall(r"[*+?{]", plain)


def test_vocabulary_patterns_have_no_quantifier_so_they_cannot_backtrack():
    vocab = compile_vocabulary(("follow back", "like for like", "likes", "j'aime", "buy*followers?", "a{1,3}"))
    assert _quantifiers(vocab._pattern().pattern) == []
    assert vocab.matches("buy*followers?") and not vocab.matches("buy followers")  # user text is literal


def test_every_shipped_vocabulary_compiles_without_quantifiers():
    from stratlint.rules.docs import vocabularies
    from stratlint.rules.registry import load_rules

    seen = 0
    for rule in load_rules().rules:
        for value in vocabularies(rule).values():
            for entries in (value.values() if isinstance(value, dict) else [value]):
                assert _quantifiers(compile_vocabulary(tuple(entries))._pattern().pattern) == [], rule.code
                seen += 1
    assert seen > 50


def test_a_long_run_of_spaces_in_a_value_is_one_short_message():
    """The 16-second case of #14: a message shows a bounded window of the value, shortened with an ellipsis."""
    tester = RuleTester("kpi-without-target")
    name = "Likes" + " " * 20_000 + "per post" + " " * 20_000 + "x"
    [finding] = tester.findings(f'version: 1\nname: P\nkpis:\n  - {{id: a, name: "{name}"}}\n')
    assert finding.message.startswith("KPI 'Likes\u2026' has no target")
    [finding] = tester.findings('version: 1\nname: P\nkpis:\n  - {id: a, name: "Likes   per \t post"}\n')
    assert finding.message.startswith("KPI 'Likes per post' has no target")


def test_a_megabyte_label_is_shortened_in_the_message():
    message = render("KPI '{label}' has no target", {"label": "Likes " * 200_000})
    assert message.startswith("KPI 'Likes Likes") and message.endswith("\u2026' has no target")
    assert len(message) <= 100


def test_line_breaks_in_values_become_single_spaces():
    assert render("'{a}' and {b}", {"a": "one\n  two", "b": "x \r\n\n y"}) == "'one two' and x y"
    assert render("{b}", {"b": "a" + " " * 50_000 + "b"}).startswith("a ")  # no line break: kept


@pytest.mark.parametrize("value, shown", [
    ("Like us on Facebook", "'Like us on Facebook'"),
    ("'Like us on Facebook' card at the till", "\"'Like us on Facebook' card at the till\""),
    ("It's \"ours\"", "\u201cIt's \"ours\"\u201d"),
])
def test_quotes_never_double(value, shown):
    assert render("tactic '{label}' has no owner", {"label": value}) == f"tactic {shown} has no owner"


@pytest.mark.parametrize("where, found", [("start", True), ("end", False)])
def test_a_one_megabyte_description_is_checked_up_to_the_limit(where, found):
    filler = "We post daily. " * 70_000  # about 1 MB
    text = "Buy followers. " + filler if where == "start" else filler + "Buy followers."
    findings = RuleTester("growth-hack-tactic").findings(
        f'version: 1\nname: P\ntactics:\n  - {{id: t, name: Launch, description: "{text}"}}\n')
    assert len(text) > 1_000_000
    assert bool(findings) is found


# -- matching without compiling a pattern, held to the pattern ---------------------------------------

_WORDS = st.sampled_from(["like", "likes", "lik", "share", "market share", "e-mail", "j'aime", "café", "3d", "x",
                          "follow back", "follower", "story", "an", "a"])


def _by_pattern(vocab: Vocabulary, folded: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), vocab._groups[int(m.lastgroup[1:])]) for m in vocab._pattern().finditer(folded)]


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6),
       st.lists(st.one_of(_WORDS, st.text(alphabet="aeiklrs '-.3é", max_size=6)), max_size=12))
def test_matching_by_heads_finds_what_the_pattern_finds(entries, words):
    vocab = Vocabulary(entries)
    folded = fold(" ".join(words))
    assert vocab._by_head is not None  # every entry here starts with a letter or a digit
    assert vocab._matches(folded) == _by_pattern(vocab, folded)


@pytest.mark.parametrize("entries, text, found", [
    (["like", "likes"], "likes, like; unlike liked", ["like"]),  # "likes" is a form of the first entry
    (["market share", "share"], "our market share and shares", ["market share", "share"]),
    (["follow back"], "follow-back follower", ["follow back"]),
    (["#growth", "likes"], "likes #growth", ["likes", "#growth"]),  # a form not starting with a letter: the pattern
])
def test_find_all_by_heads_and_by_pattern(entries, text, found):
    vocab = Vocabulary(entries)
    assert vocab.find_all(text) == found
    assert list(dict.fromkeys(entry for _, _, entry in _by_pattern(vocab, fold(text)))) == found
