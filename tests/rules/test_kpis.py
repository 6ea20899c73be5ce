"""KPIs (SL2xx): each rule fires where its trigger holds, and near misses do not."""
from stratlint.testing import RuleTester

VANITY = RuleTester("vanity-only-kpis")
TARGET = RuleTester("kpi-without-target")
BASELINE = RuleTester("kpi-without-baseline")
ORPHAN = RuleTester("orphan-kpi")
MISSING = RuleTester("missing-kpis")


# SL201 vanity-only-kpis

def test_vanity_only_fires_at_kpis_key():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Page likes}
          - {id: followers, name: Instagram Followers}
          - {id: score, name: Reputation score, category: vanity}
    """, (3, 1, "every KPI is a vanity metric ('Page likes', 'Instagram Followers', 'Reputation score')"))


def test_vanity_only_singular_entry_matches_plural_and_case():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: fans, name: FANS gained}
          - {id: tags, name: Hashtags used}
    """, (3, 1))


def test_vanity_only_hyphen_ends_a_word():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: impressions, name: Post-impressions per week}
          - {id: follows, name: follower-count}
    """, (3, 1))


def test_vanity_only_category_outside_the_enum_is_not_vanity():
    """'Vanity' is no category (SL002 says so); the rule does not read it as one."""
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: score, name: Sentiment score, category: Vanity}
    """)


def test_vanity_only_empty_category_lets_the_name_decide():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: views, name: Story views, category: ""}
    """, (3, 1))


def test_vanity_only_ignores_non_mapping_items():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - Customer retention
          - {id: likes, name: Page likes}
    """, (3, 1, "('Page likes')"))


def test_vanity_only_near_miss_vanity_word_with_outcome_category():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Page likes}
          - {id: referrals, name: Referral rate from followers, category: outcome}
    """)


def test_vanity_only_near_miss_market_share_is_not_shares():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Page likes}
          - {id: share, name: Market share}
    """)


def test_vanity_only_near_miss_plural_entry_does_not_match_singular():
    # `likes` and `views` are plural entries: they match only themselves
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: like, name: Like-to-visit ratio}
          - {id: view, name: Point of view survey}
    """)


def test_vanity_only_near_miss_word_inside_another_word():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: fanbase, name: Fanbase churn}
          - {id: reachability, name: Reachability of support}
    """)


def test_vanity_only_no_kpis_no_finding():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis: []
    """)
    VANITY.assert_findings("""
        version: 1
        name: Plan
    """)


def test_vanity_only_only_non_mapping_items_no_finding():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis: [Page likes, Followers]
    """)


def test_vanity_only_placeholder_name_is_not_vanity():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Page likes}
          - {id: later, name: TBD}
    """)


# SL202 kpi-without-target

def test_kpi_without_target_fires_at_each_kpi():
    TARGET.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - id: retention
            name: Retention rate
            baseline: 61%
          - {id: referrals, name: Referrals, target: 200}
          - {id: nps, name: Support satisfaction, target: "  "}
          - {id: repeat, name: Repeat purchases, target: null}
    """, (4, 5, "KPI 'Retention rate' has no target"), (8, 5, "'Support satisfaction'"),
         (9, 5, "'Repeat purchases'"))


def test_kpi_without_target_label_falls_back_to_id():
    TARGET.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: retention}
    """, (4, 5, "KPI 'retention'"))


def test_kpi_without_target_near_miss_zero_and_placeholder_are_targets():
    TARGET.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: complaints, name: Open complaints, target: 0}
          - {id: referrals, name: Referrals, target: TBD}
          - {id: share, name: Repeat share, target: "70%"}
    """)


def test_kpi_without_target_skips_non_mapping_items_and_wrong_types():
    TARGET.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - Retention rate
          - [referrals]
    """)
    TARGET.assert_findings("""
        version: 1
        name: Plan
        kpis: {retention: {name: Retention rate}}
    """)


# SL203 kpi-without-baseline

def test_kpi_without_baseline_fires_at_the_kpi():
    BASELINE.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: retention, name: Retention rate, baseline: 61%, target: 70%}
          - id: referrals
            name: Referrals
            target: 200
          - {id: repeat, name: Repeat purchases, target: 30%, baseline: ""}
    """, (5, 5, "KPI 'Referrals' has a target but no baseline"), (8, 5, "'Repeat purchases'"))


def test_kpi_without_baseline_near_miss_no_target():
    BASELINE.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: referrals, name: Referrals}
          - {id: repeat, name: Repeat purchases, target: "   "}
    """)


def test_kpi_without_baseline_near_miss_zero_and_placeholder_baselines():
    BASELINE.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: referrals, name: Referrals, baseline: 0, target: 200}
          - {id: repeat, name: Repeat purchases, baseline: TBD, target: TBD}
    """)


def test_kpi_without_baseline_skips_non_mapping_items():
    BASELINE.assert_findings("""
        version: 1
        name: Plan
        kpis: [Referrals]
    """)


# SL204 orphan-kpi

def test_orphan_kpi_fires_at_the_kpi():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, kpis: [retention]}
        kpis:
          - {id: retention, name: Retention rate}
          - id: followers
            name: Instagram followers
    """, (7, 5, "KPI 'Instagram followers' measures no objective"))


def test_orphan_kpi_dangling_objective_counts_for_nothing():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
        kpis:
          - {id: retention, name: Retention rate, objective: retian}
    """, (6, 5, "'Retention rate'"))


def test_orphan_kpi_fires_without_objectives():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: retention, name: Retention rate, objective: retain}
    """, (4, 5))


def test_orphan_kpi_listed_by_a_non_mapping_objective_is_still_an_orphan():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - [retention]
        kpis:
          - {id: retention, name: Retention rate, objective: ""}
    """, (6, 5))


def test_orphan_kpi_near_miss_kpi_names_its_objective():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
        kpis:
          - {id: retention, name: Retention rate, objective: retain}
    """)


def test_orphan_kpi_near_miss_objective_lists_the_kpi():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, kpis: [churn, retention]}
        kpis:
          - {id: retention, name: Retention rate, objective: retian}
    """)


def test_orphan_kpi_near_miss_placeholder_objective():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: tbd, statement: TBD}
        kpis:
          - {id: retention, name: Retention rate, objective: tbd}
    """)


def test_orphan_kpi_skips_non_mapping_items():
    ORPHAN.assert_findings("""
        version: 1
        name: Plan
        kpis: [Retention rate]
    """)


# SL205 missing-kpis

def test_missing_kpis_fires_at_top_level():
    MISSING.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
    """, (1, 1, "the plan has objectives but no KPIs"))


def test_missing_kpis_fires_on_empty_kpis():
    MISSING.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
        kpis: []
    """, (1, 1))


def test_missing_kpis_near_miss_kpis_of_the_wrong_shape_or_a_placeholder_are_present():
    """Absent or empty is the trigger: a list of texts or a placeholder is there (SL002/SL903 report it)."""
    for kpis in ("[Retention rate]", "TBD"):
        MISSING.assert_findings(f"""
            version: 1
            name: Plan
            objectives:
              - {{id: retain, statement: Keep customers}}
            kpis: {kpis}
        """)


def test_missing_kpis_near_miss_kpis_exist():
    MISSING.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
        kpis:
          - {id: tbd, name: TBD}
    """)


def test_missing_kpis_near_miss_no_objectives():
    MISSING.assert_findings("""
        version: 1
        name: Plan
    """)
    MISSING.assert_findings("""
        version: 1
        name: Plan
        objectives: []
    """)
    MISSING.assert_findings("""
        version: 1
        name: Plan
        objectives: [Keep customers]
    """)
