"""Objectives (SL1xx): each rule fires where its trigger holds, and near misses do not."""
import pytest

from stratlint.testing import RuleTester

BUSINESS = RuleTester("missing-business-objective")
KPI = RuleTester("objective-without-kpi")
SALES = RuleTester("sales-only-objectives")
CHANNEL = RuleTester("channel-as-objective")


# SL101 missing-business-objective

def test_business_objective_fires_at_objectives_key_when_all_are_marketing_or_communication():
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: reach, statement: Reach more people, type: marketing}
          - {id: message, statement: Tell our story, type: communication}
    """, (3, 1, "the plan has no business objective"))


def test_business_objective_fires_at_top_level_without_objectives():
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
    """, (1, 1, "no business objective"))


def test_business_objective_fires_on_empty_objectives_at_the_top_level():
    """An empty list is absent (RULES.md), so the finding stands where a missing key's would: 1:1."""
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives: []
    """, (1, 1))


def test_business_objective_fires_when_items_are_not_mappings():
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - Grow revenue
          - [retain, customers]
    """, (3, 1))


def test_business_objective_passes_with_explicit_type():
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: reach, statement: Reach more people, type: marketing}
          - {id: retain, statement: Keep customers, type: business}
    """)


def test_business_objective_passes_when_type_is_missing():
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - id: retain
            statement: Keep customers a second year
    """)


def test_business_objective_passes_when_type_is_empty():
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, type: ""}
    """)


def test_business_objective_type_outside_the_enum_is_not_business():
    """'Business' is no type (SL002 says so), so the plan has no business objective."""
    BUSINESS.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, type: Business}
    """, (3, 1))


# SL102 objective-without-kpi

def test_objective_without_kpi_fires_at_the_objective():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - id: retain
            statement: Keep customers
            kpis: [retention]
          - id: refer
            statement: More referrals
        kpis:
          - {id: retention, name: Retention rate}
    """, (7, 5, "objective 'refer' has no KPI"))


def test_objective_without_kpi_fires_when_there_are_no_kpis():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
          - {id: refer, statement: More referrals, kpis: []}
    """, (4, 5, "'retain'"), (5, 5, "'refer'"))


def test_objective_without_kpi_dangling_own_kpi_counts_for_nothing():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, kpis: [churn]}
        kpis:
          - {id: retention, name: Retention rate}
    """, (4, 5, "'retain'"))


def test_objective_without_kpi_dangling_kpi_objective_does_not_link_another():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
        kpis:
          - {id: retention, name: Retention rate, objective: retian}
    """, (4, 5))


def test_objective_without_kpi_non_mapping_kpi_does_not_count():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, kpis: [retention]}
        kpis:
          - retention
    """, (4, 5))


def test_objective_without_kpi_label_falls_back_to_statement():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - statement: Keep customers
    """, (4, 5, "objective 'Keep customers'"))


def test_objective_without_kpi_passes_with_own_kpis():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, kpis: [churn, retention]}
        kpis:
          - {id: retention, name: Retention rate}
    """)


def test_objective_without_kpi_passes_when_a_kpi_names_it():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers}
        kpis:
          - {id: retention, name: Retention rate, objective: retain}
    """)


def test_objective_without_kpi_passes_on_a_placeholder_kpi():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: retain, statement: Keep customers, kpis: [tbd]}
        kpis:
          - {id: tbd, name: TBD}
    """)


def test_objective_without_kpi_skips_non_mapping_objectives_and_wrong_types():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - Keep customers
          - [refer]
        kpis: {retention: Retention rate}
    """)


def test_objective_without_kpi_skips_objectives_of_the_wrong_type():
    KPI.assert_findings("""
        version: 1
        name: Plan
        objectives: {retain: {statement: Keep customers}}
    """)


# SL103 sales-only-objectives

def test_sales_only_fires_at_objectives_key():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: revenue, statement: Grow webshop revenue by 60%}
          - {id: tents, statement: Sell 2000 tents}
          - {id: convert, statement: Raise the conversion rate to 2.5%}
    """, (3, 1, "every objective is about sales ('revenue', 'tents', 'convert')"))


def test_sales_only_matches_plurals_of_singular_entries():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: orders, statement: Double online Orders}
          - {id: deals, statement: Close more deals and sales}
    """, (3, 1))


def test_sales_only_leaves_out_non_mappings_and_statements_that_are_not_text():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - Retain customers
          - {id: loyal, statement: [Loyal customers]}
          - {id: empty, statement: "  "}
          - {id: revenue, statement: Grow revenue}
    """, (3, 1, "('revenue')"))


def test_sales_only_passes_when_one_statement_speaks_of_customer_action():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: revenue, statement: Grow revenue}
          - {id: repeat, statement: Raise repeat purchases among customers we reach on Instagram}
    """)


def test_sales_only_passes_when_one_objective_is_not_about_sales():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: revenue, statement: Grow revenue}
          - {id: visits, statement: Raise showroom visits}
    """)


def test_sales_only_customer_action_in_a_sales_statement_clears_it():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: revenue, statement: Grow revenue from customer referrals}
    """)


def test_sales_only_needs_whole_words():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: wholesale, statement: Sign wholesale partners and reorder points}
          - {id: crm, statement: Move the team to Salesforce}
    """)


def test_sales_only_passes_without_objectives():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives: []
    """)


def test_sales_only_passes_when_no_statement_is_text():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: revenue}
          - Grow revenue
    """)


def test_sales_only_placeholder_statement_is_not_about_sales():
    SALES.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: revenue, statement: Grow revenue}
          - {id: later, statement: TBD}
    """)


# SL104 channel-as-objective

def test_channel_as_objective_fires_at_the_statement():
    CHANNEL.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - id: tiktok
            statement: Launch a TikTok account for the workshop
          - {id: insta, statement: Get more Instagram followers}
    """, (5, 16, "objective 'tiktok' is a channel action"),
         (6, 28, "('Get more Instagram followers')"))


def test_channel_as_objective_matches_hyphens_case_and_plurals():
    CHANNEL.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: a, statement: Set-up a LinkedIn company page}
          - {id: b, statement: 10000 YouTube likes}
          - {id: c, statement: Grow Facebook fans}
    """, (4, 24), (5, 24), (6, 24))


def test_channel_as_objective_near_miss_platform_without_channel_action():
    CHANNEL.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: repeat, statement: Raise repeat purchases among customers we reach on Instagram}
    """)


def test_channel_as_objective_near_miss_channel_action_without_platform():
    CHANNEL.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: shop, statement: Open a second store and launch a loyalty card}
    """)


def test_channel_as_objective_needs_whole_words():
    CHANNEL.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - {id: a, statement: Restart Facebookers' pageant}
          - {id: b, statement: Be likeable on Instagram}
    """)


def test_channel_as_objective_skips_wrong_types_and_non_mappings():
    CHANNEL.assert_findings("""
        version: 1
        name: Plan
        objectives:
          - Launch a TikTok account
          - {id: a, statement: [Launch a TikTok account]}
          - {id: b}
    """)


# -- SL104: a business result that mentions a platform is not a channel action (item 5)

@pytest.mark.parametrize("statement", [
    "Double revenue from accounts that first contacted us on LinkedIn, from GBP 1.1m to GBP 2.2m",
    "Raise repeat bookings from customers who follow our Instagram page to 40%",
    "Cut the cost per lead from our Facebook page by a third",
    "Raise the share of puppies from our Facebook puppy group who are still registered at 2 years",
])
def test_channel_as_objective_near_miss_business_result_that_mentions_a_platform(statement):
    CHANNEL.assert_findings(f"""
        version: 1
        name: Plan
        objectives:
          - {{id: o, statement: "{statement}"}}
    """)


@pytest.mark.parametrize("language, statement", [
    ("en", "Set up a council TikTok account to reach residents under 25"),
    ("en", "Launch our TikTok account and get 50k followers before launch day"),
    ("fr", "Ouvrir un compte TikTok et atteindre 20 000 abonnés avant l'été"),
    ("de", "LinkedIn-Unternehmensseite aufbauen und 5.000 Follower gewinnen"),
    ("es", "Abrir una cuenta de TikTok y llegar a 10.000 seguidores"),
])
def test_channel_as_objective_in_every_language(language, statement):
    CHANNEL.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        objectives:
          - {{id: o, statement: "{statement}"}}
    """, (5, 24, "is a channel action, not a business result"))


@pytest.mark.parametrize("language, statement", [
    ("fr", "Doubler les commandes des clients venus par notre compte Instagram"),
    ("de", "Mehr Anfragen von Kunden über unsere LinkedIn-Seite"),
    ("es", "Duplicar las ventas a clientes que llegan por nuestra cuenta de Instagram"),
])
def test_channel_as_objective_business_results_in_every_language(language, statement):
    CHANNEL.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        objectives:
          - {{id: o, statement: "{statement}"}}
    """)


# -- SL103 in other languages (item 4) ------------------------------------------

def test_sales_only_in_spanish():
    SALES.assert_findings("""
        version: 1
        name: Plan
        language: es
        objectives:
          - {id: a, statement: "Vender 40.000 litros de aceite en la tienda online"}
          - {id: b, statement: "Aumentar un 25 % las ventas a restaurantes"}
          - {id: c, statement: "Duplicar la facturación de la tienda en Amazon"}
    """, (4, 1, "every objective is about sales"))


@pytest.mark.parametrize("language, sales, action", [
    ("es", "Aumentar las ventas a restaurantes", "Duplicar la recompra de clientes fieles"),
    ("fr", "Augmenter les ventes en ligne de 30 %", "Faire venir plus de clients par recommandation"),
    ("de", "Den Umsatz mit Ersatzteilen steigern", "Die Weiterempfehlung durch Bestandskunden verdoppeln"),
])
def test_sales_only_near_miss_customer_action_in_every_language(language, sales, action):
    SALES.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        objectives:
          - {{id: a, statement: "{sales}"}}
          - {{id: b, statement: "{action}"}}
    """)
    SALES.assert_findings(f"""
        version: 1
        name: Plan
        language: {language}
        objectives:
          - {{id: a, statement: "{sales}"}}
    """, (4, 1))
