"""Fusion (SL6xx): online and offline activity strengthen each other."""
from __future__ import annotations

import textwrap

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


def test_fusion_channel_without_kind_is_offline_when_its_name_is_offline():
    FUSION.assert_findings(plan("""
        tactics:
          - {id: market, name: Saturday market stall, channel: popup}
          - {id: recipes, name: Recipe posts, channel: blog}
    """))
    FUSION.assert_findings(plan("""
        tactics:
          - {id: market, name: Saturday market stall, channel: popup}
    """), (9, 1, "every one of the tactics is offline"))


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


# -- judged on the channels when there are no tactics -----------------------

def test_fusion_fires_on_channels_when_there_are_no_tactics():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: tv, name: Cafe TV ads, kind: paid}
          - Our cafe
        tactics: []
    """, (3, 1, "every one of the channels is online ('Instagram', 'Cafe TV ads')"))


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


def test_fusion_a_kind_other_than_offline_makes_a_channel_online_whatever_its_name():
    FUSION.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: shop, name: Webshop, kind: owned}
          - {id: events, name: Event listings, kind: paid}
    """, (3, 1, "every one of the channels is online"))


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
