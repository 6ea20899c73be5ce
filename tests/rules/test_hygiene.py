"""Tactic hygiene rules (SL9xx): growth hacks, keyword stuffing, placeholder text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.testing import RuleTester

GROWTH = RuleTester("growth-hack-tactic")
STUFFING = RuleTester("keyword-stuffing")
PLACEHOLDER = RuleTester("placeholder-text")
CONTEST = RuleTester("follow-to-win-contest")


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
    "buy likes", "BUYING LIKES", "follow for follow", "follow-for-follow", "Like for like with local accounts",
    "Like-for-like swaps", "engagement pod", "engagement pods", "Autofollow",
    "Unfollow those who do not follow us back",
])
def test_every_growth_hack_entry_matches(text):
    GROWTH.assert_findings(f"""
        version: 1
        name: Spring plan
        tactics:
          - {{id: t, name: "{text}"}}
    """, (4, 5))


@pytest.mark.parametrize("text", [
    "Buy follower insights",  # "followers" is a plural entry: only itself
    "Grow followers with member stories",
    "Buddy pass for a friend",
    "Follow-up call after the trial",
    "Like for like",  # alone, the retail sense: no account, post or platform near it
    "Compare no-show rates like-for-like with the same month last year",
    "Ask customers who bought a candle in December for a review",
    "Email everyone who purchased twice to ask for reviews",
    "Buy a new ring light. Post reviews of it every week",  # two sentences
    "Ask happy clients for a Google review at the till, with a QR card",
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


@pytest.mark.parametrize("text", [
    "Buy Instagram followers (UK-based package) for each salon account",
    "Purchase 5k likes spread over the first ten posts",
    "Purchase a pack of 30 five-star Google reviews for the two newest salons",
    "Followers bought in bulk before launch",
    "Pay for 10,000 TikTok views on the launch video",
    "Bought YouTube subscribers",
    "Growth tool that follows and unfollows accounts posting local hashtags",
    "Stylists join an engagement pod with 40 other UK colourists",
])
def test_growth_hacks_in_any_phrasing(text):
    GROWTH.assert_findings(f"""
        version: 1
        name: Spring plan
        tactics:
          - {{id: t, name: Launch boost, description: "{text}"}}
    """, (4, 5, "tactic 'Launch boost' inflates the numbers with a growth hack"))


@pytest.mark.parametrize("language, text", [
    ("es", "Comprar 2.000 seguidores para la cuenta de Instagram"),
    ("fr", "Acheter 5 000 abonnés avant le lancement"),
    ("de", "5.000 Follower kaufen"),
    ("de", "Gekaufte Follower für den Start"),
    ("fr", "Follow pour follow avec les boulangeries voisines"),
])
def test_growth_hacks_in_other_languages(language, text):
    GROWTH.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        tactics:
          - {{id: t, name: "{text}"}}
    """, (5, 5))


def test_growth_hack_words_of_another_language_are_not_read():
    GROWTH.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: t, name: Comprar 2.000 seguidores}
    """)


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
    "Drive traffic to the booking page with stories",  # traffic without keywords
    "Answer the search terms customers use, in their own words",  # keywords without traffic
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


@pytest.mark.parametrize("language, text", [
    ("en", "Blog posts written to rank for keyword clusters and drive traffic to the booking page"),
    ("en", "Weekly articles placed around our top keywords to grow search traffic"),
    ("de", "Blogartikel, die auf Keyword-Cluster ranken und Traffic auf die Website bringen"),
    ("fr", "Articles de blog autour des mots-clés pour le référencement"),
    ("es", "Entradas de blog con palabras clave para ganar tráfico"),
])
def test_keywords_for_traffic_in_any_phrasing(language, text):
    STUFFING.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        tactics:
          - {{id: t, name: "{text}"}}
    """, (5, 5, "writes for keywords and traffic, not for readers"))


def test_keywords_and_traffic_are_read_in_one_field():
    STUFFING.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: t, name: Keyword research from support tickets, description: Answers that bring traffic}
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



# -- SL904 follow-to-win-contest (item 6) ----------------------------------------

@pytest.mark.parametrize("name, description", [
    ("Like this post and follow us to win a free balayage", None),
    ("Year of free cuts giveaway", "Entrants follow all six salon accounts and tag two friends in the comments"),
    ("Summer competition", "Share this post and tag a friend to enter"),
    ("Prize draw", "Follow our page to enter"),
])
def test_contest_that_asks_for_likes_follows_or_tags_fires(name, description):
    desc = f", description: {description}" if description else ""
    CONTEST.assert_findings(f"""
        version: 1
        name: Plan
        tactics:
          - {{id: t, name: {name}{desc}}}
    """, (4, 5, f"tactic '{name}' makes liking, following or tagging the price of entry"))


@pytest.mark.parametrize("language, name, description", [
    ("fr", "Concours de l'Épiphanie : aimez la publication et abonnez-vous pour gagner une galette", None),
    ("es", "Sorteo de una caja de aceite", "Para participar hay que seguir la cuenta y etiquetar a dos amigos"),
    ("de", "Gewinnspiel zum Jubiläum", "Folgt unserem Account und markiert zwei Freunde"),
])
def test_contests_in_other_languages(language, name, description):
    desc = f", description: {description}" if description else ""
    CONTEST.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        tactics:
          - {{id: t, name: "{name}"{desc}}}
    """, (5, 5))


@pytest.mark.parametrize("name, description", [
    ("Photo contest", "Customers send their best latte art; the winners get a class"),
    ("Follow-up call to the winners of the spring draw", None),
    ("Transformation of the month, chosen by the stylists from client-approved photos", None),
    ("Follow us on Instagram for new flavours", None),  # asking to follow, no contest
    ("Recipe competition", "Share your recipe with the community"),
])
def test_contest_near_misses(name, description):
    desc = f", description: {description}" if description else ""
    CONTEST.assert_findings(f"""
        version: 1
        name: Plan
        tactics:
          - {{id: t, name: {name}{desc}}}
    """)

@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["todo", "TODO:", "TBD", "tbd: x", " ", "\t", "x", "…", "...",
                                          "lorem ipsum", "ẞ", "\0", "é", "Todo", "\u2028"]), max_size=4), max_size=12))
def test_placeholder_search_over_all_texts_misses_none(texts):
    """The one search over all of a plan's texts finds every text that is a placeholder."""
    from stratlint.checks.text import _may_start_with

    words = ("todo", "tbd", "fixme", "xxx", "...", "…", "lorem ipsum", "todo:", "tbd:")
    texts = ["".join(parts) for parts in texts]
    expected = [i for i, t in enumerate(texts) if t.strip().casefold().startswith(words)]
    assert set(expected) <= set(_may_start_with(texts, words))
