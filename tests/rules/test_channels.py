"""Channels and planning (SL4xx): channels serve objectives and audiences."""
from __future__ import annotations

import textwrap

from stratlint.testing import RuleTester

CHANNEL_FIRST = RuleTester("channel-first-planning")
TACTIC_OBJECTIVE = RuleTester("tactic-without-objective")
NO_OWNED = RuleTester("no-owned-presence")
SOCIAL_ONLY = RuleTester("social-only-mix")

# A plan that starts from objectives and customers (lines 1-5); each test adds
# its channels or tactics from line 6 on.
GROUNDED = """\
version: 1
name: Plan
objectives: [{id: grow, statement: Grow repeat orders}]
audience:
  segments: [{id: locals, description: Neighbours}]
"""


def grounded(rest: str) -> str:
    return GROUNDED + textwrap.dedent(rest).lstrip("\n")


# -- SL401 channel-first-planning -------------------------------------------

def test_channel_first_fires_without_objectives_at_channels():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments: [{id: locals, description: Neighbours}]
        channels:
          - {id: fb, name: Facebook page, kind: social, role: News}
        tactics:
          - {id: post, name: Daily post, channel: fb}
    """, (5, 1, "channels and tactics are planned but the plan states no objective"))


def test_channel_first_fires_without_objectives_at_tactics_when_no_channels():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        objectives: []
        tactics:
          - {id: post, name: Daily post}
    """, (4, 1, "the plan states no objective"))


def test_channel_first_fires_without_segments():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        objectives: [{id: grow, statement: Grow repeat orders}]
        audience: {segments: []}
        channels:
          - {id: site, name: Website, kind: owned, role: Orders}
    """, (5, 1, "the plan names no audience segment"))


def test_channel_first_fires_without_audience_at_tactics():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        objectives: [{id: grow, statement: Grow repeat orders}]
        tactics:
          - {id: post, name: Daily post, objectives: [grow]}
    """, (4, 1, "the plan names no audience segment"))


def test_channel_first_reports_objectives_before_segments():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: site, name: Website, kind: owned}
    """, (3, 1, "states no objective"))


def test_channel_first_fires_when_most_channels_are_unexplained():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, kind: social}
          - {id: tw, name: Twitter account, kind: social}
          - {id: site, name: Website, kind: owned, role: Orders}
    """), (6, 1, "2 of 3 channels have neither objectives nor a role ('Facebook page', 'Twitter account')"))


def test_channel_first_exactly_half_unexplained_does_not_fire():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, kind: social}
          - {id: site, name: Website, kind: owned, role: Orders}
    """))


def test_channel_first_objectives_or_role_explain_a_channel():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, kind: social, objectives: [grow]}
          - {id: tw, name: Twitter account, kind: social, role: TBD}
          - {id: site, name: Website, kind: owned, role: ""}
    """))


def test_channel_first_empty_objectives_and_role_leave_a_channel_unexplained():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, objectives: [], role: "  "}
          - {id: site, name: Website, kind: owned, role: Orders}
          - {id: tw, name: Twitter account, role: null}
    """), (6, 1, "2 of 3 channels"))


def test_channel_first_dangling_objective_does_not_explain_a_channel():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, objectives: [unknown]}
          - {id: tw, name: Twitter account}
          - {id: site, name: Website, role: Orders}
    """), (6, 1, "2 of 3 channels"))


def test_channel_first_non_mapping_channels_are_left_out():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - Facebook page
          - Twitter account
          - {id: site, name: Website, kind: owned, role: Orders}
    """))


def test_channel_first_no_channels_and_no_tactics_do_not_fire():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        channels: []
        tactics: [Post daily]
    """)


def test_channel_first_non_mapping_objectives_and_segments_do_not_count():
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        objectives: [Grow repeat orders]
        tactics:
          - {id: post, name: Daily post}
    """, (4, 1, "states no objective"))
    CHANNEL_FIRST.assert_findings("""
        version: 1
        name: Plan
        objectives: [{id: grow, statement: Grow}]
        audience: {segments: [Neighbours]}
        tactics:
          - {id: post, name: Daily post}
    """, (5, 1, "names no audience segment"))


def test_channel_first_grounded_plan_does_not_fire():
    CHANNEL_FIRST.assert_findings(grounded("""
        channels:
          - {id: site, name: Website, kind: owned, role: Orders}
        tactics:
          - {id: post, name: Daily post, channel: site}
    """))


# -- SL402 tactic-without-objective -----------------------------------------

def test_tactic_without_objective_fires_when_its_channel_has_none():
    TACTIC_OBJECTIVE.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, kind: social}
        tactics:
          - {id: post, name: Daily post, channel: fb}
          - id: quiz
            name: Product quiz
            channel: fb
            objectives: [grow]
    """), (9, 5, "tactic 'Daily post' serves no objective, and neither does its channel 'Facebook page'"))


def test_tactic_without_objective_fires_without_channel():
    TACTIC_OBJECTIVE.assert_findings(grounded("""
        tactics:
          - id: post
            name: Daily post
          - {id: quiz, name: Product quiz, channel: unknown}
          - {id: talk, name: Shop talk, channel: [fb]}
    """),
        (7, 5, "tactic 'Daily post' serves no objective and has no channel that serves one"),
        (9, 5, "tactic 'Product quiz' serves no objective and has no channel"),
        (10, 5, "tactic 'Shop talk' serves no objective and has no channel"))


def test_tactic_without_objective_near_misses():
    TACTIC_OBJECTIVE.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, kind: social, objectives: [grow]}
          - {id: site, name: Website, kind: owned}
        tactics:
          - {id: post, name: Daily post, channel: fb}
          - {id: quiz, name: Product quiz, channel: site, objectives: [grow]}
          - {id: talk, name: Shop talk, objectives: grow}
          - Post something
    """))


def test_tactic_without_objective_dangling_references_count_for_nothing():
    TACTIC_OBJECTIVE.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, objectives: [unknown]}
        tactics:
          - {id: post, name: Daily post, channel: fb, objectives: [missing, TBD]}
    """), (9, 5, "tactic 'Daily post' serves no objective, and neither does its channel 'Facebook page'"))


def test_tactic_without_objective_empty_and_wrong_values_are_none():
    TACTIC_OBJECTIVE.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page, objectives: {grow: true}}
        tactics:
          - {id: post, name: Daily post, channel: fb, objectives: []}
          - {id: quiz, channel: fb, objectives: [1, null]}
    """),
        (9, 5, "tactic 'Daily post'"),
        (10, 5, "tactic 'quiz' serves no objective, and neither does its channel 'Facebook page'"))


def test_tactic_without_objective_no_objectives_at_all():
    TACTIC_OBJECTIVE.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: fb, name: Facebook page, objectives: [grow]}
        tactics:
          - {id: post, name: Daily post, channel: fb, objectives: [grow]}
    """, (6, 5, "'Daily post'"))


def test_tactic_without_objective_no_tactics_does_not_fire():
    TACTIC_OBJECTIVE.assert_findings(grounded("""
        channels:
          - {id: fb, name: Facebook page}
        tactics: []
    """))


# -- SL403 no-owned-presence ------------------------------------------------

def test_no_owned_presence_fires():
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: fair, name: Craft fair, kind: offline}
          - {id: site, name: Our website}
          - {id: fb, name: Facebook group, kind: social}
    """, (3, 1, "the plan uses social channels ('Instagram', 'Facebook group') but owns none"))


def test_no_owned_presence_one_owned_channel_is_enough():
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: site, name: Website, kind: owned}
    """)


def test_no_owned_presence_needs_a_social_channel():
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: fair, name: Craft fair, kind: offline}
          - {id: ads, name: Search ads, kind: paid}
          - {id: ig, name: Instagram}
    """)


def test_no_owned_presence_without_channels_does_not_fire():
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels: []
    """)
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels: [Instagram, Website]
    """)


def test_no_owned_presence_wrong_types_are_not_kinds():
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: [social]}
          - {id: site, name: Website, kind: [owned]}
          - owned
    """)
    NO_OWNED.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: site, name: Website, kind: TBD}
    """, (3, 1, "('Instagram')"))


# -- SL404 social-only-mix --------------------------------------------------

def test_social_only_mix_fires():
    SOCIAL_ONLY.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - Website
          - {id: tt, name: TikTok, kind: social}
    """, (3, 1, "every channel is a social platform ('Instagram', 'TikTok')"))


def test_social_only_mix_one_other_channel_is_enough():
    SOCIAL_ONLY.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: fair, name: Craft fair, kind: offline}
    """)


def test_social_only_mix_channel_without_kind_is_not_social():
    SOCIAL_ONLY.assert_findings("""
        version: 1
        name: Plan
        channels:
          - {id: ig, name: Instagram, kind: social}
          - {id: fb, name: Facebook}
          - {id: tt, name: TikTok, kind: ""}
    """)


def test_social_only_mix_without_channels_does_not_fire():
    SOCIAL_ONLY.assert_findings("""
        version: 1
        name: Plan
        channels: []
    """)
    SOCIAL_ONLY.assert_findings("""
        version: 1
        name: Plan
        channels: {ig: social}
    """)
