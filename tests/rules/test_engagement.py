"""Engagement (SL5xx): talk with customers, listen, and stay with them after the sale."""
from __future__ import annotations

import pytest

from stratlint.testing import RuleTester

LISTENER = RuleTester("listening-without-owner")
CARE_GAP = RuleTester("care-misses-social-channel")

BROADCAST = RuleTester("broadcast-only")
LISTENING = RuleTester("no-listening")
CARE = RuleTester("no-post-sale-support")
RELATIONSHIPS = RuleTester("missing-relationship-plans")
JOURNEY = RuleTester("journey-gaps")
ADVERTISING = RuleTester("advertising-heavy")


# -- SL501 broadcast-only ---------------------------------------------------

def test_broadcast_only_fires():
    BROADCAST.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: offers, name: Offer posts, interaction: one-way}
          - {id: guide, name: Plant guide}
          - Answer questions
          - {id: quiz, name: Quiz, interaction: TBD}
    """, (3, 1, "no tactic is two-way ('Offer posts', 'Plant guide', 'Quiz')"))


def test_broadcast_only_one_two_way_tactic_is_enough():
    BROADCAST.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: offers, name: Offer posts, interaction: one-way}
          - {id: qa, name: Live Q&A, interaction: two-way}
    """)


def test_broadcast_only_without_tactics_does_not_fire():
    BROADCAST.assert_findings("""
        version: 1
        name: Plan
        tactics: []
    """)
    BROADCAST.assert_findings("""
        version: 1
        name: Plan
        tactics: [two-way chat]
    """)


def test_broadcast_only_wrong_type_is_not_two_way():
    BROADCAST.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: qa, name: Live Q&A, interaction: [two-way]}
    """, (3, 1, "('Live Q&A')"))


# -- SL502 no-listening -----------------------------------------------------

def test_no_listening_fires_when_absent():
    LISTENING.assert_findings("""
        version: 1
        name: Plan
    """, (1, 1, "the plan does not listen: it names no listening tools and no cadence"))


def test_no_listening_fires_without_tools_and_cadence_at_top_level():
    LISTENING.assert_findings("""
        version: 1
        name: Plan
        listening:
          owner: Community lead
          tools: []
          cadence: "  "
    """, (1, 1, "names no listening tools and no cadence"))


def test_no_listening_empty_or_wrong_type_is_absent():
    LISTENING.assert_findings("""
        version: 1
        name: Plan
        listening: {}
    """, (1, 1))
    LISTENING.assert_findings("""
        version: 1
        name: Plan
        listening: [mentions dashboard, weekly]
    """, (1, 1))


def test_no_listening_tools_or_cadence_is_enough():
    LISTENING.assert_findings("""
        version: 1
        name: Plan
        listening: {tools: [Mentions dashboard]}
    """)
    LISTENING.assert_findings("""
        version: 1
        name: Plan
        listening: {cadence: TBD}
    """)


# -- SL503 no-post-sale-support ---------------------------------------------

def test_no_post_sale_support_fires_when_absent():
    CARE.assert_findings("""
        version: 1
        name: Plan
        listening: {tools: [Mentions]}
    """, (1, 1, "the plan has no customer care"))


def test_no_post_sale_support_fires_when_empty():
    CARE.assert_findings("""
        version: 1
        name: Plan
        customer_care: {}
    """, (1, 1, "no customer care"))
    CARE.assert_findings("""
        version: 1
        name: Plan
        customer_care:
    """, (1, 1, "no customer care"))


def test_no_post_sale_support_any_content_is_present():
    CARE.assert_findings("""
        version: 1
        name: Plan
        customer_care: {owner: Support lead}
    """)
    CARE.assert_findings("""
        version: 1
        name: Plan
        customer_care: TBD
    """)


# -- SL504 missing-relationship-plans ---------------------------------------

def test_missing_relationship_plans_names_all_missing_in_one_finding():
    RELATIONSHIPS.assert_findings("""
        version: 1
        name: Plan
    """, (1, 1, "the plan has no 'loyalty', 'word_of_mouth', 'advocacy'"))


def test_missing_relationship_plans_names_only_the_missing():
    RELATIONSHIPS.assert_findings("""
        version: 1
        name: Plan
        loyalty: Stamp card
        word_of_mouth: ""
        advocacy: {}
    """, (1, 1, "the plan has no 'word_of_mouth', 'advocacy';"))
    RELATIONSHIPS.assert_findings("""
        version: 1
        name: Plan
        loyalty: Stamp card
        word_of_mouth: {programme: Refer a friend}
    """, (1, 1, "the plan has no 'advocacy';"))


def test_missing_relationship_plans_all_present_does_not_fire():
    RELATIONSHIPS.assert_findings("""
        version: 1
        name: Plan
        loyalty: Stamp card
        word_of_mouth: {programme: Refer a friend}
        advocacy: TBD
    """)


# -- SL505 journey-gaps -----------------------------------------------------

def test_journey_gaps_names_uncovered_stages_in_order():
    JOURNEY.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: club, name: Members' club, stage: audience}
          - {id: reels, name: Reels, stage: attention}
          - {id: qa, name: Live Q&A}
    """, (3, 1, "no tactic covers these stages of the customer journey: 'attraction', 'affinity', 'advocacy';"))


def test_journey_gaps_all_stages_covered_does_not_fire():
    JOURNEY.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: a, name: A, stage: advocacy}
          - {id: b, name: B, stage: audience}
          - {id: c, name: C, stage: affinity}
          - {id: d, name: D, stage: attraction}
          - {id: e, name: E, stage: attention}
    """)


def test_journey_gaps_a_stage_outside_the_enum_covers_nothing():
    """'Audience' is no stage (SL002 says so): it is given, but covers nothing."""
    JOURNEY.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: a, name: A, stage: advocacy}
          - {id: b, name: B, stage: Audience}
          - {id: c, name: C, stage: affinity}
          - {id: d, name: D, stage: attraction}
          - {id: e, name: E, stage: attention}
    """, (3, 1, "'audience'"))


def test_journey_gaps_without_any_stage_does_not_fire():
    JOURNEY.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: a, name: A}
          - {id: b, name: B, stage: ""}
          - {id: c, name: C, stage: [attention]}
          - attention
    """)
    JOURNEY.assert_findings("""
        version: 1
        name: Plan
        tactics: []
    """)


def test_journey_gaps_unknown_stage_counts_as_a_stage_but_covers_nothing():
    JOURNEY.assert_findings("""
        version: 1
        name: Plan
        tactics:
          - {id: a, name: A, stage: awareness}
    """, (3, 1, "'attention', 'attraction', 'affinity', 'audience', 'advocacy'"))


# -- SL506 advertising-heavy ------------------------------------------------

CHANNELS = """
    version: 1
    name: Plan
    channels:
      - {id: tv, name: Regional TV, kind: paid}
      - {id: search, name: Search ads, kind: paid}
      - {id: fb, name: Facebook, kind: social}
      - {id: print, name: Print ads}
"""


def test_advertising_heavy_fires_above_sixty_percent():
    ADVERTISING.assert_findings(CHANNELS + """\
    budget:
      total: 1000
      allocations:
        - {channel: tv, amount: 500}
        - {channel: fb, amount: 390}
        - {channel: search, amount: 110}
    """, (8, 1, "61% of the allocated budget (610 of 1,000) goes to paid channels ('Regional TV', 'Search ads')"))


def test_advertising_heavy_exactly_sixty_percent_does_not_fire():
    ADVERTISING.assert_findings(CHANNELS + """\
    budget:
      allocations:
        - {channel: tv, amount: 0.6}
        - {channel: fb, amount: 0.4}
    """)


def test_advertising_heavy_names_each_paid_channel_once_with_fractions():
    ADVERTISING.assert_findings(CHANNELS + """\
    budget:
      allocations:
        - {channel: tv, amount: 100.5}
        - {channel: fb, amount: 50}
        - {channel: tv, amount: 100}
    """, (8, 1, "80% of the allocated budget (200.50 of 250.50) goes to paid channels ('Regional TV');"))


def test_advertising_heavy_unknown_and_kindless_channels_are_not_paid():
    ADVERTISING.assert_findings(CHANNELS + """\
    budget:
      allocations:
        - {channel: tv, amount: 50}
        - {channel: print, amount: 30}
        - {channel: radio, amount: 20}
    """)


def test_advertising_heavy_leaves_out_allocations_without_an_amount():
    ADVERTISING.assert_findings(CHANNELS + """\
    budget:
      allocations:
        - {channel: tv, amount: 70}
        - {channel: fb, amount: "300"}
        - {channel: fb, amount: -300}
        - {channel: fb, amount: true}
        - {channel: fb, amount: .inf}
        - {channel: fb, amount: .nan}
        - {channel: fb}
        - fb
        - {channel: fb, amount: 30}
    """, (8, 1, "70% of the allocated budget (70 of 100)"))


def test_advertising_heavy_without_allocations_does_not_fire():
    ADVERTISING.assert_findings(CHANNELS + """\
    budget: {total: 1000, allocations: []}
    """)
    ADVERTISING.assert_findings(CHANNELS + """\
    budget:
      allocations:
        - {channel: tv, amount: 0}
    """)
    ADVERTISING.assert_findings("""
        version: 1
        name: Plan
        budget:
          allocations:
            - {channel: tv, amount: 100}
    """)


def test_advertising_heavy_never_prints_a_share_that_reads_as_within_the_limit():
    ADS = RuleTester("advertising-heavy")
    ADS.assert_findings("""
        version: 1
        name: Plan
        channels: [{id: p, name: P, kind: paid}, {id: o, name: O, kind: owned}]
        budget: {allocations: [{channel: p, amount: 6001}, {channel: o, amount: 3999}], comparison: x}
    """, (4, 1, "60.01% of the allocated budget (6,001 of 10,000)"))


def test_advertising_heavy_names_money_with_its_currency_and_thousands_separators():
    ADVERTISING.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: radio, name: Local radio ads, kind: paid}
          - {id: ig, name: Instagram, kind: social}
        budget:
          currency: GBP
          allocations:
            - {channel: radio, amount: 42000}
            - {channel: ig, amount: 22000}
    """, (6, 1, "65.6% of the allocated budget (GBP 42,000 of GBP 64,000) goes to paid channels ('Local radio ads')"))


# -- SL507 listening-without-owner (item 10) -------------------------------------

def test_listening_without_owner_fires_at_the_listening_key():
    LISTENER.assert_findings("""
        version: 1
        name: Plan
        listening:
          tools: [LinkedIn comment alerts, Lost-order reasons from the CRM]
          cadence: monthly summary to the sales meeting
    """, (3, 1, "listening has tools or a cadence but no owner, so nobody is charged with acting on what is heard; "
                "add 'listening.owner'"))


def test_listening_without_owner_a_cadence_alone_is_listening():
    LISTENER.assert_findings("""
        version: 1
        name: Plan
        listening: {cadence: weekly, owner: "  "}
    """, (3, 1))


@pytest.mark.parametrize("listening", [
    "listening: {tools: [Mentions], cadence: weekly, owner: Community lead}",
    "listening: {tools: [Mentions], owner: TBD}",  # a placeholder owner is an owner (SL903 reports it)
    "listening: {owner: Community lead}",  # no tools, no cadence: no-listening's finding
    "listening: {}",
    "listening: Weekly check of mentions",  # the wrong type: the schema's finding
    "x-listening: {tools: [Mentions]}",
])
def test_listening_without_owner_near_misses(listening):
    LISTENER.assert_findings(f"""
        version: 1
        name: Plan
        {listening}
    """)


# -- SL508 care-misses-social-channel (item 10) ----------------------------------

CARE_PLAN = """
    version: 1
    name: Plan
    channels:
      - {{id: linkedin, name: LinkedIn, kind: social}}
      - {{id: tiktok, name: TikTok, kind: social}}
      - {{id: site, name: Website, kind: owned}}
      - {{id: desk, name: Sales desk, kind: offline}}
    tactics:
      - {{id: a, name: Engineers answer questions in comments, channel: linkedin, interaction: two-way}}
      - {{id: b, name: Tax tips, channel: tiktok, interaction: {tiktok}}}
      - {{id: c, name: Live chat, channel: site, interaction: two-way}}
      - {{id: d, name: Callbacks, channel: desk, interaction: two-way}}
    customer_care:
      channels: {care}
      owner: Inside sales lead
"""


def test_care_gap_fires_at_customer_care_naming_each_channel_left_out():
    CARE_GAP.assert_findings(CARE_PLAN.format(tiktok="two-way", care="[desk, site]"),
                             (13, 1, "tactics talk two-way with customers on 'LinkedIn', 'TikTok', which customer "
                                     "care does not cover; add them to 'customer_care.channels'"))


def test_care_gap_without_care_channels_every_talking_social_channel_is_left_out():
    CARE_GAP.assert_findings(CARE_PLAN.format(tiktok="one-way", care="[]"), (13, 1, "on 'LinkedIn', which"))


@pytest.mark.parametrize("tiktok, care", [
    ("one-way", "[linkedin, desk]"),  # TikTok only broadcasts
    ("two-way", "[linkedin, tiktok]"),  # both covered; the owned and offline channels need not be
    ("Two-way", "[linkedin]"),  # a value the schema rejects is no two-way
])
def test_care_gap_near_misses(tiktok, care):
    CARE_GAP.assert_findings(CARE_PLAN.format(tiktok=tiktok, care=care))


def test_care_gap_without_customer_care_is_no_post_sale_supports_finding():
    CARE_GAP.assert_findings("""
        version: 1
        name: Plan
        channels: [{id: ig, name: Instagram, kind: social}]
        tactics: [{id: a, name: Live Q&A, channel: ig, interaction: two-way}]
    """)
    CARE_GAP.assert_findings("""
        version: 1
        name: Plan
        channels: [{id: ig, name: Instagram, kind: social}]
        tactics: [{id: a, name: Live Q&A, channel: ig, interaction: two-way}]
        customer_care: {}
    """)


def test_care_gap_a_tactic_on_an_unknown_channel_counts_for_nothing():
    CARE_GAP.assert_findings("""
        version: 1
        name: Plan
        channels: [{id: ig, name: Instagram, kind: social}]
        tactics: [{id: a, name: Live Q&A, channel: instagram, interaction: two-way}]
        customer_care: {channels: [], owner: Support}
    """)
