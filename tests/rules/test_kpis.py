"""KPIs (SL2xx): each rule fires where its trigger holds, and near misses do not."""
import pytest

from stratlint.testing import RuleTester

VANITY = RuleTester("vanity-only-kpis")
SUCCESS = RuleTester("vanity-kpi-as-success")
CONTRADICTS = RuleTester("kpi-category-contradicts-name")
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
    """, (3, 1, "every KPI is a vanity or activity metric ('Page likes', 'Instagram Followers', 'Reputation score'); "
                "add one that measures customer action"))


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


# -- SL201 with activity, outcome words and languages (rules v2, items 2-4) ----

def test_vanity_only_counts_activity_kpis_too():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Facebook page likes, target: 25000}
          - {id: releases, name: Press releases issued per month, target: 12}
          - {id: posts, name: Facebook posts per week}
          - {id: videos, name: Videos, category: activity}
    """, (3, 1, "('Facebook page likes', 'Press releases issued per month', 'Facebook posts per week', 'Videos')"))


def test_vanity_only_near_miss_one_outcome_named_with_a_vanity_word():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Facebook page likes}
          - {id: conv, name: Follower-to-customer conversion rate}
    """)


def test_vanity_only_near_miss_a_kpi_whose_name_says_nothing_is_not_vanity():
    VANITY.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: likes, name: Facebook page likes}
          - {id: spec, name: Projects with our anchors in the specification}
    """)


def test_vanity_only_a_long_list_is_cut_with_how_many_more():
    kpis = "".join(f"  - {{id: k{i}, name: Likes on post {i}}}\n" for i in range(9))
    VANITY.assert_findings("version: 1\nname: Plan\nkpis:\n" + kpis,
                           (3, 1, "'Likes on post 4' and 4 more); add one"))


# -- reading a KPI's name (item 3): outcome words win --------------------------

@pytest.mark.parametrize("name", [
    "YouTube subscribers", "Total social audience", "Like count", "Post reach", "Instagram followers",
    "Impressions on X (formerly Twitter)", "TikTok video views", "Brand mentions", "Story views",
])
def test_vanity_names_are_vanity(name):
    SUCCESS.assert_findings(f"""
        version: 1
        name: Plan
        kpis:
          - {{id: k, name: "{name}", target: 100}}
    """, (4, 5, f"KPI '{name}' counts applause, not customer action, yet it is a measure of success (target 100)"))


@pytest.mark.parametrize("name", [
    "Posts per week", "Videos published", "Campaigns launched per quarter", "Press releases issued per month",
    "Newsletters sent", "Radio spots aired per week", "Flyers handed out at the market",
    "Posters put up around town", "Blog posts published per week",
])
def test_activity_names_count_the_teams_own_output(name):
    SUCCESS.assert_findings(f"""
        version: 1
        name: Plan
        kpis:
          - {{id: k, name: "{name}", target: 5}}
    """, (4, 5, f"KPI '{name}' counts the team's own output, not customer action"))


@pytest.mark.parametrize("name", [
    "Follower-to-customer conversion rate", "Revenue from Instagram referrals",
    "Nurse applications from careers page followers", "Customers who share a job report",
    "Share of puppy group followers whose pet is still registered at 2 years",
    "Feature requests liked by ten or more customers", "Bookings from story views",
    "Active community members (posted or replied in the last 30 days)",
])
def test_outcome_words_win_over_vanity_and_activity_words(name):
    SUCCESS.assert_findings(f"""
        version: 1
        name: Plan
        kpis:
          - {{id: k, name: "{name}", target: 5}}
    """)


# -- SL206 vanity-kpi-as-success (item 1) ----------------------------------------

def test_success_fires_at_a_vanity_kpi_beside_real_ones():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: consult, statement: Raise consultation responses to 4000, kpis: [likes, responses]}
        kpis:
          - {id: responses, name: Consultation responses from residents, target: 4000}
          - id: likes
            name: Facebook page likes
            baseline: 18400
            target: 25000
    """, (7, 5, "KPI 'Facebook page likes' counts applause, not customer action, yet it is a measure of success "
                "(target 25,000 and objective 'consult'); keep it as a diagnostic without a target or objective, "
                "or measure what customers do"))


def test_success_an_objective_alone_makes_it_a_measure_of_success():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: grow, statement: Grow ARR to USD 9m}
        kpis:
          - {id: mentions, name: Brand mentions, objective: grow}
    """, (6, 5, "(objective 'grow')"))


def test_success_near_miss_a_diagnostic_without_target_or_objective():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: grow, statement: Grow ARR}
        kpis:
          - {id: reach, name: Post reach, baseline: 41000}
          - {id: ghost, name: Page likes, objective: no-such-objective}
    """)


def test_success_near_miss_a_declared_category_is_trusted():
    """A follower count labelled engagement is SL207's finding; labelled
    awareness, it is neither vanity nor a contradiction."""
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: a, name: Instagram followers, category: engagement, target: 6000}
          - {id: b, name: Instagram followers (north), category: awareness, target: 3000}
          - {id: c, name: Reputation index, category: vanity, target: 80}
    """, (6, 5, "KPI 'Reputation index' counts applause"))


def test_success_a_category_the_schema_rejects_is_read_from_the_name():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: a, name: Instagram followers, category: Engagement, target: 6000}
          - {id: b, name: Referral rate, category: Vanity, target: 20%}
    """, (4, 5, "KPI 'Instagram followers' counts applause"))


def test_success_a_placeholder_target_counts_as_a_target():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: a, name: TikTok followers, target: TBD}
    """, (4, 5, "(target TBD)"))


def test_success_quotes_never_double():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - {id: a, name: "Likes on 'Bake of the week' posts", target: 150}
    """, (4, 5, "KPI \"Likes on 'Bake of the week' posts\" counts applause"))


# -- SL207 kpi-category-contradicts-name (item 3) --------------------------------

def test_contradiction_fires_at_the_category_value():
    CONTRADICTS.assert_findings("""
        version: 1
        name: Plan
        kpis:
          - id: reach
            name: Post reach
            category: engagement
          - {id: launched, name: Campaigns launched per quarter, category: outcome}
    """, (6, 15, "KPI 'Post reach' is labelled engagement, but its name counts applause"),
         (7, 68, "KPI 'Campaigns launched per quarter' is labelled outcome, but its name counts the team's own "
                 "output"))


@pytest.mark.parametrize("kpi", [
    "{id: k, name: Instagram followers, category: awareness}",
    "{id: k, name: Instagram followers, category: vanity}",
    "{id: k, name: Posts per week, category: activity}",
    "{id: k, name: Feature requests liked by ten or more customers, category: engagement}",
    "{id: k, name: Customers who share a job report, category: engagement}",
    "{id: k, name: Active community members (posted or replied), category: engagement}",
    "{id: k, name: Webinar attendance rate, category: engagement}",
    "{id: k, name: Instagram followers}",
    "{id: k, name: Instagram followers, category: Engagement}",
])
def test_contradiction_near_misses(kpi):
    CONTRADICTS.assert_findings(f"""
        version: 1
        name: Plan
        kpis:
          - {kpi}
    """)


def test_a_label_does_not_silence_the_kpi_rules():
    """Labelled engagement, a follower count escapes SL201 and SL206, and is
    reported by SL207 instead."""
    plan = """
        version: 1
        name: Plan
        kpis:
          - {id: f, name: Instagram followers, category: engagement, target: 6000}
    """
    assert not VANITY.findings(plan) and not SUCCESS.findings(plan)
    CONTRADICTS.assert_findings(plan, (4, 50))


# -- languages (item 4) ---------------------------------------------------------

@pytest.mark.parametrize("language, name, kind", [
    ("fr", "Nombre d'abonnés Instagram", "applause"), ("fr", "Abonnes TikTok", "applause"),
    ("fr", "Mentions J’aime par publication", "applause"), ("fr", "Publications Instagram par semaine", "output"),
    ("de", "Follower auf Instagram", "applause"), ("de", "Aufrufe der Produktvideos", "applause"),
    ("de", "Veröffentlichte Beiträge pro Woche", "output"), ("de", "Veroffentlichte Beitrage pro Woche", "output"),
    ("es", "Seguidores en Instagram", "applause"), ("es", "Número de publicaciones al mes", "output"),
    ("fr-CA", "Nombre d'abonnés", "applause"),
])
def test_vocabularies_of_the_plans_language_with_accents_folded(language, name, kind):
    SUCCESS.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        kpis:
          - {{id: k, name: "{name}", target: 100}}
    """, (5, 5, f"counts {'applause' if kind == 'applause' else 'the team'}"))


@pytest.mark.parametrize("language, name", [
    ("fr", "Part des clients qui reviennent chaque semaine"), ("fr", "Commandes de gâteaux passées par des abonnés"),
    ("de", "Umsatz mit Kunden aus LinkedIn"), ("es", "Ventas a clientes que nos siguen en Instagram"),
])
def test_outcome_words_win_in_every_language(language, name):
    SUCCESS.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        kpis:
          - {{id: k, name: "{name}", target: 100}}
    """)


def test_a_plan_is_read_in_its_own_language_only():
    """'abonnés' is a vanity word in French; an English plan does not read it."""
    plan = """
        version: 1
        name: Plan
        {language}
        kpis:
          - {{id: k, name: "Abonnés TikTok", target: 100}}
    """
    SUCCESS.assert_findings(plan.format(language="language: fr"), (5, 5))
    SUCCESS.assert_findings(plan.format(language="language: en"))


def test_a_language_with_no_vocabulary_is_read_in_english():
    SUCCESS.assert_findings("""
        version: 1
        name: Plan
        language: it
        kpis:
          - {id: k, name: Follower Instagram, target: 100}
    """, (5, 5))


def test_a_language_is_extended_in_the_rules_options():
    tester = RuleTester("vanity-kpi-as-success",
                        options={"vocabularies": {"vanity": {"it": {"extend": ["seguaci"]}}}})
    tester.assert_findings("""
        version: 1
        name: Plan
        language: it
        kpis:
          - {id: k, name: Seguaci su Instagram, target: 100}
          - {id: j, name: Instagram followers, target: 100}
    """, (5, 5, "Seguaci"), (6, 5, "Instagram followers"))
