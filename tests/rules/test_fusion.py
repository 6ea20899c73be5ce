"""Fusion (SL6xx): online and offline activity strengthen each other.

A channel's side is its medium: `medium` when given, else `kind: offline`,
else its name (platforms and marketplaces online first, then online words,
then offline words), else `kind: social` or `owned` (online); a channel
whose medium cannot be told is left out."""
from __future__ import annotations

import textwrap

import pytest

from stratlint.testing import RuleTester

FUSION = RuleTester("no-offline-online-fusion")

# Channels on lines 3-8; each test adds its tactics from line 9 on.
CHANNELS = """\
version: 1
name: Plan
channels:
  - {id: ig, name: Instagram, kind: social}
  - {id: site, name: Website, kind: owned}
  - {id: cafe, name: Our cafe, kind: offline}
  - {id: popup, name: Pop-up shop}
  - {id: blog, name: Recipe blog}
"""


def plan(tactics: str) -> str:
    return CHANNELS + textwrap.dedent(tactics).lstrip("\n")


# -- judged on the tactics --------------------------------------------------

def test_fusion_fires_when_every_tactic_is_online():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: reels, name: Weekly reels, channel: ig}
          - {id: recipes, name: Recipe posts, channel: blog}
          - {id: shop, name: Webshop offers, channel: site, touchpoint: online}
    """), (9, 1, "every one of the tactics is online ('Weekly reels', 'Recipe posts', 'Webshop offers'); "
                 "connect them with offline touchpoints"))


def test_fusion_fires_when_every_tactic_is_offline():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: tasting, name: Tasting night, channel: cafe}
          - {id: market, name: Saturday market stall, channel: popup}
    """), (9, 1, "every one of the tactics is offline ('Tasting night', 'Saturday market stall'); "
                 "connect them with online touchpoints"))


def test_fusion_one_online_and_one_offline_tactic_do_not_fire():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: reels, name: Weekly reels, channel: ig}
          - {id: tasting, name: Tasting night, channel: cafe}
    """))


def test_fusion_a_hybrid_tactic_means_fusion():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: reels, name: Weekly reels, channel: ig}
          - {id: live, name: Live tasting from the cafe, channel: ig, touchpoint: hybrid}
    """))
    FUSION.assert_findings(plan("""
        tactics:
          - {id: live, name: Live tasting from the cafe, touchpoint: hybrid}
    """))


def test_fusion_tactic_touchpoint_overrides_its_channel():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: card, name: Follow-us card at the till, channel: ig, touchpoint: offline}
          - {id: reels, name: Weekly reels, channel: ig}
    """))
    FUSION.assert_findings(plan("""
        tactics:
          - {id: stream, name: Streamed cafe concert, channel: cafe, touchpoint: online}
          - {id: reels, name: Weekly reels, channel: ig}
    """), (9, 1, "every one of the tactics is online"))


def test_fusion_tactic_without_touchpoint_or_known_channel_is_left_out():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: reels, name: Weekly reels, channel: ig}
          - {id: fair, name: Trade show stand, channel: trade-show}
          - {id: flyer, name: Flyers in the street}
          - {id: mail, name: Direct mail, channel: [cafe], touchpoint: [offline]}
    """), (9, 1, "every one of the tactics is online"))


def test_fusion_message_names_only_the_judged_tactics():
    findings = FUSION.assert_findings(plan("""
        tactics:
          - {id: reels, name: Weekly reels, channel: ig}
          - {id: fair, name: Trade show stand, channel: trade-show}
    """), (9, 1, "('Weekly reels')"))
    assert "Trade show stand" not in findings[0].message


def test_fusion_a_long_list_of_tactics_is_cut_with_how_many_more():
    tactics = "".join(f"  - {{id: t{i}, name: Reel {i}, channel: ig}}\n" for i in range(8))
    FUSION.assert_findings(CHANNELS + "tactics:\n" + tactics,
                           (9, 1, "('Reel 0', 'Reel 1', 'Reel 2', 'Reel 3', 'Reel 4' and 3 more)"))


def test_fusion_tactics_all_left_out_are_not_judged_on_the_channels():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
        tactics:
          - {id: fair, name: Trade show stand, channel: unknown}
    """)


def test_fusion_channels_are_not_judged_when_there_are_tactics():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: site, name: Website, kind: owned}
        tactics:
          - {id: card, name: Follow-us card at the till, channel: ig, touchpoint: offline}
          - {id: reels, name: Weekly reels, channel: ig}
    """)


# -- the medium of a channel (item 7) -----------------------------------------

def test_paid_radio_is_offline_so_a_radio_campaign_gives_fusion():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: radio, name: Local radio ads (Smooth North West), kind: paid}
        tactics:
          - {id: reels, name: Weekly reels, channel: ig}
          - {id: spots, name: Six-week radio campaign, channel: radio}
    """)


def test_an_etsy_shop_is_online_whatever_its_kind_says_of_ownership():
    """'shop' is an offline word, but a marketplace in the name wins: every tactic is online."""
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: etsy, name: Etsy shop}
          - {id: owned-etsy, name: Our Etsy shop, kind: owned}
          - {id: amazon, name: Tienda en Amazon}
        tactics:
          - {id: photos, name: Reshoot the listings, channel: etsy}
          - {id: drops, name: Monthly drop, channel: owned-etsy}
          - {id: ads, name: Sponsored listings, channel: amazon}
    """, (7, 1, "every one of the tactics is online ('Reshoot the listings', 'Monthly drop', 'Sponsored listings')"))


@pytest.mark.parametrize("name", [
    "Regional TV", "Printed catalogue", "Billboards on the ring road", "Our three stores", "High-street branch",
    "Spring open event", "Trade show stand", "Customer phone line", "Direct mail to members", "Posters in shops",
])
def test_offline_names_make_a_channel_offline_whatever_its_kind(name):
    FUSION.assert_findings(f"""
        version: 1
        name: Plan
        channels:
          - {{id: c, name: {name}, kind: paid}}
          - {{id: d, name: {name} again, kind: earned}}
    """, (3, 1, "every one of the channels is offline"))


@pytest.mark.parametrize("name", [
    "Amazon store", "App Store listing", "Google Play page", "Our website", "Webshop", "Email list", "Instagram",
])
def test_online_names_make_a_channel_online(name):
    FUSION.assert_findings(f"""
        version: 1
        name: Plan
        channels:
          - {{id: c, name: {name}, kind: earned}}
    """, (3, 1, "every one of the channels is online"))


def test_a_paid_or_earned_channel_whose_name_says_neither_is_left_out_not_guessed():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: sponsors, name: Club sponsorships, kind: paid}
          - {id: press, name: Local press coverage, kind: earned}
          - {id: partners, name: Partner referrals}
          - {id: stores, name: Our stores, kind: offline}
    """, (3, 1, "every one of the channels is offline ('Our stores')"))


def test_medium_given_wins_over_kind_and_name():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: mag, name: Residents' magazine, kind: owned, medium: offline}
          - {id: centre, name: Contact centre, kind: offline, medium: hybrid}
          - {id: stores, name: Our stores, kind: offline, medium: online}
    """)
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: mag, name: Residents' magazine, kind: owned, medium: offline}
          - {id: stores, name: Our stores}
    """, (3, 1, "every one of the channels is offline"))


def test_social_and_owned_channels_are_online_when_the_name_says_nothing():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: a, name: hollowoak.example, kind: owned}
          - {id: b, name: Our community, kind: social}
    """, (3, 1, "every one of the channels is online ('hollowoak.example', 'Our community')"))


def test_a_french_plan_reads_its_channel_names_in_french():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        language: fr
        channels:
          - {id: boutiques, name: Nos 12 boutiques}
          - {id: marches, name: Stands sur les marchés du dimanche}
    """, (4, 1, "every one of the channels is offline"))
    FUSION.assert_findings("""
        version: 1
        name: Plan
        language: fr
        channels:
          - {id: boutiques, name: Nos 12 boutiques}
          - {id: site, name: Site de commande en ligne}
    """)


# -- a value the schema rejects is read as no value (item 8) ------------------

def test_a_kind_the_schema_rejects_does_not_make_a_channel_online():
    """`kind: Offline` is no kind: the channel is read by its name, and
    named events it is offline, so the plan has fusion."""
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: foyer, name: Foyer events and open rehearsals, kind: Offline}
        tactics:
          - {id: reels, name: Rehearsal reels, channel: ig}
          - {id: open, name: Open rehearsal evenings, channel: foyer}
    """)


def test_a_channel_with_a_rejected_kind_and_a_silent_name_is_left_out():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: x, name: Friends of the theatre, kind: Offline}
        tactics:
          - {id: reels, name: Rehearsal reels, channel: ig}
          - {id: evening, name: Friends evening, channel: x}
    """, (6, 1, "every one of the tactics is online ('Rehearsal reels')"))


def test_a_medium_or_touchpoint_the_schema_rejects_is_read_as_no_value():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social, medium: Offline}
        tactics:
          - {id: reels, name: Reels, channel: ig, touchpoint: Hybrid}
    """, (5, 1, "every one of the tactics is online"))


# -- judged on the channels when there are no tactics -----------------------

def test_fusion_fires_on_channels_when_there_are_no_tactics():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: ads, name: Search ads, kind: paid}
          - Our cafe
        tactics: []
    """, (3, 1, "every one of the channels is online ('Instagram', 'Search ads')"))


def test_fusion_fires_on_offline_channels_by_kind_or_name():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: popup, name: Pop-up shop}
          - {id: fair, name: Craft fair, kind: offline}
          - {id: cards, name: Phone calls to regulars, kind: ""}
    """, (3, 1, "every one of the channels is offline ('Pop-up shop', 'Craft fair', 'Phone calls to regulars')"))


def test_fusion_channels_on_both_sides_do_not_fire():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: popup, name: Pop-up shop}
    """)


def test_fusion_nothing_to_judge_does_not_fire():
    FUSION.assert_findings("""
        version: 1
        name: Plan
    """)
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels: [Instagram]
        tactics: [Weekly reels]
    """)
