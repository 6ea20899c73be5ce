"""Tactic hygiene rules (SL9xx): growth hacks, keyword stuffing, placeholder text."""
from __future__ import annotations

import pytest

from stratlint.testing import RuleTester

GROWTH = RuleTester("growth-hack-tactic")
STUFFING = RuleTester("keyword-stuffing")
PLACEHOLDER = RuleTester("placeholder-text")


# -- SL901 growth-hack-tactic ------------------------------------------------

def test_growth_hack_in_name_fires_at_the_tactic():
    GROWTH.assert_findings("""
        version: 1
        name: Spring plan
        tactics:
          - {id: reels, name: Weekly coach reels}
          - id: sprint
            name: Follow-back sprint
    """, (5, 5, "tactic 'Follow-back sprint' inflates the numbers with a growth hack"))


def test_growth_hack_in_description_fires():
    GROWTH.assert_findings("""
        version: 1
        name: Spring plan
        tactics:
          - {id: boost, name: January boost, description: Buy followers so the account looks established}
    """, (4, 5, "tactic 'January boost'"))


def test_one_finding_per_tactic_even_when_name_and_description_match():
    GROWTH.assert_findings("""
        version: 1
        name: Spring plan
        tactics:
          - id: pod
            name: Join an engagement pod
            description: Like for like with other gyms
          - {id: pod2, name: Engagement pods with cafes}
    """, (4, 5, "'Join an engagement pod'"), (7, 5, "'Engagement pods with cafes'"))


@pytest.mark.parametrize("text", [
    "follow-back", "Follow back", "follow/unfollow", "Follow/Unfollow loop", "follow-unfollow",
    "follow unfollow", "auto-follow", "Auto follow tool", "buy followers", "Buying followers",
    "buy likes", "BUYING LIKES", "follow for follow", "follow-for-follow", "like for like",
    "Like-for-like swaps", "engagement pod", "engagement pods",
])
def test_every_growth_hack_entry_matches(text):
    GROWTH.assert_findings(f"""
        version: 1
        name: Spring plan
        tactics:
          - {{id: t, name: "{text}"}}
    """, (4, 5))


@pytest.mark.parametrize("text", [
    "Unfollow those who do not follow us back",  # words in between
    "follow / unfollow",  # a slash with spaces is not the entry's slash
    "Buy follower insights",  # "buy followers" is a plural entry: only itself
    "Grow followers with member stories",
    "Buddy pass for a friend",
    "Follow-up call after the trial",
    "Autofollow",
])
def test_near_misses_of_the_growth_hack_vocabulary(text):
    GROWTH.assert_findings(f"""
        version: 1
        name: Spring plan
        tactics:
          - {{id: t, name: "{text}", description: "{text}"}}
    """)


def test_growth_hack_elsewhere_does_not_fire():
    GROWTH.assert_findings("""
        version: 1
        name: Follow-back plan
        objectives:
          - {id: grow, statement: Stop buying followers}
        tactics:
          - {id: t, name: Coach tips, owner: Follow back team}
    """)


def test_growth_hack_skips_wrong_types_and_non_mapping_tactics():
    GROWTH.assert_findings("""
        version: 1
        name: Spring plan
        tactics:
          - Follow-back sprint
          - {id: a, name: [Follow-back sprint], description: 42}
          - null
    """)
    GROWTH.assert_findings("""
        version: 1
        name: Spring plan
        tactics: {id: a, name: Follow-back sprint}
    """)


def test_growth_hack_vocabulary_is_an_option():
    tester = RuleTester("growth-hack-tactic", options={"vocabularies": {"growth-hack": ["giveaway"]}})
    tester.assert_findings("""
        version: 1
        name: Spring plan
        tactics:
          - {id: a, name: Follow-back sprint}
          - {id: b, name: Giveaways for follows}
    """, (5, 5, "'Giveaways for follows'"))


# -- SL902 keyword-stuffing --------------------------------------------------

def test_keyword_stuffing_fires_at_the_tactic():
    STUFFING.assert_findings("""
        version: 1
        name: Spring plan
        tactics:
          - id: seo-blog
            name: Blog posts three times a week
            description: Keyword stuffing around "accountant near me" to push traffic
    """, (4, 5, "tactic 'Blog posts three times a week' writes for keywords and traffic, not for readers"))


@pytest.mark.parametrize("text", [
    "keyword stuffing", "Keyword-stuffing", "Keep keyword density at 3%", "Daily posts for keywords",
    "SEO-only blog posts", "SEO only articles",
])
def test_every_keyword_stuffing_entry_matches(text):
    STUFFING.assert_findings(f"""
        version: 1
        name: Spring plan
        tactics:
          - {{id: t, name: "{text}"}}
    """, (4, 5))


@pytest.mark.parametrize("text", [
    "Keywords research for our guides",
    "Post for keyword",  # "posts for keywords" is a plural entry: only itself
    "SEO audit of the website",
    "Keyword stuffer",
])
def test_near_misses_of_the_keyword_stuffing_vocabulary(text):
    STUFFING.assert_findings(f"""
        version: 1
        name: Spring plan
        tactics:
          - {{id: t, name: "{text}", description: "{text}"}}
    """)


def test_keyword_stuffing_skips_wrong_types_and_other_sections():
    STUFFING.assert_findings("""
        version: 1
        name: SEO-only plan
        content: {pillars: [keyword stuffing]}
        tactics:
          - SEO-only blog
          - {id: a, name: Guides, description: [keyword stuffing]}
    """)


# -- SL903 placeholder-text --------------------------------------------------

@pytest.mark.parametrize("value", [
    "TODO", "todo", "TBD", "tbd", "FIXME", "XXX", "xxx", "'...'", "…", "lorem ipsum", "Lorem Ipsum",
    "'  TBD  '", '"TODO: ask sales"', "'tbd: after the board meeting'", "Lorem ipsum dolor sit amet",
    "'todo:'",
])
def test_placeholders_fire_at_the_value(value):
    PLACEHOLDER.assert_findings(f"""
        version: 1
        name: Spring plan
        sponsor: {value}
    """, (3, 10, "is only a placeholder; write the real value"))


@pytest.mark.parametrize("value", [
    "Ask the TODO list owner", "TODO list", "TBDs", "'FIXME: later'", "XXXL shirts", "'....'",
    "Wait...", "lorem", "'lorem  ipsum'", "Ipsum lorem", "'TODO :'", "N/A",
])
def test_near_misses_are_not_placeholders(value):
    PLACEHOLDER.assert_findings(f"""
        version: 1
        name: Spring plan
        sponsor: {value}
    """)


def test_every_value_is_walked_but_keys_and_comments_are_not():
    PLACEHOLDER.assert_findings("""
        version: 1
        name: Spring plan  # TODO: better name
        TODO: a key is not a value
        x-notes:
          draft: TBD
          questions: [Who runs it?, TODO]
        tactics:
          - id: webinar
            name: Monthly webinar
            owner: "TODO: ask sales"
            audience: [FIXME]
        organization:
          teams: [Marketing, "..."]
        review:
          cadence: monthly
          method: |
            lorem ipsum
    """,
        (5, 10, "'TBD' is only a placeholder"),
        (6, 29, "'TODO' is only a placeholder"),
        (10, 12, "'TODO: ask sales' is only a placeholder"),
        (11, 16, "'FIXME'"),
        (13, 22, "'...'"),
        (16, 11, "'lorem ipsum' is only a placeholder"),
    )


def test_numbers_booleans_and_nulls_are_not_placeholders():
    PLACEHOLDER.assert_findings("""
        version: 1
        name: Spring plan
        budget: {total: 0, currency: null}
        x-flags: [true, 0.0, ~]
    """)


def test_a_value_reached_through_aliases_is_reported_once_at_its_anchor():
    findings = PLACEHOLDER.assert_findings("""
        version: 1
        name: Spring plan
        x-defaults:
          owner: &owner TBD
          care: &care {owner: TODO, response_time: "..."}
        customer_care: *care
        listening: {tools: [mentions], owner: *owner}
        tactics:
          - {id: a, name: Webinar, owner: *owner}
          - {<<: *care, id: b, name: Quiz}
    """,
        (4, 10, "'TBD'"),  # an anchored value starts at its anchor
        (5, 23, "'TODO'"),
        (5, 44, "'...'"),
    )
    assert [f.pointer for f in findings] == [
        "/x-defaults/owner", "/x-defaults/care/owner", "/x-defaults/care/response_time"]


def test_a_shared_list_is_walked_once():
    findings = PLACEHOLDER.assert_findings("""
        version: 1
        name: Spring plan
        x-lists:
          - &l [TODO, TBD]
          - *l
          - [*l, *l, [*l]]
    """, (4, 9, "'TODO'"), (4, 15, "'TBD'"))
    assert [f.pointer for f in findings] == ["/x-lists/0/0", "/x-lists/0/1"]


def test_deep_nesting_does_not_recurse():
    depth = 95
    nested = "[" * depth + "TODO" + "]" * depth
    PLACEHOLDER.assert_findings(f"""
        version: 1
        name: Spring plan
        x-deep: {nested}
    """, (3, 9 + depth, "'TODO' is only a placeholder"))


def test_placeholder_lists_are_options():
    tester = RuleTester("placeholder-text", options={"values": ["N/A"]})
    tester.assert_findings("""
        version: 1
        name: Spring plan
        sponsor: n/a
        owner: TODO
        x-note: "TODO: kept by the default prefixes"
    """, (3, 10, "'n/a' is only a placeholder"), (5, 9, "'TODO: kept by the default prefixes'"))

