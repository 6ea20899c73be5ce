"""Organization rules (SL7xx): sponsor, people beyond marketing, staff
enablement, the organization section itself, and small organisations."""
from __future__ import annotations

import pytest

from stratlint.testing import RuleTester

SPONSOR = RuleTester("no-executive-sponsor")
SILO = RuleTester("marketing-silo")
ENABLEMENT = RuleTester("no-staff-enablement")
MISSING = RuleTester("missing-organization")


# -- SL701 no-executive-sponsor ----------------------------------------------

def test_sponsor_absent_fires_at_top_level():
    SPONSOR.assert_findings("""
        version: 1
        name: Spring plan
        owner: Social media manager
    """, (1, 1, "the plan names no executive sponsor; add 'sponsor:'"))


def test_sponsor_empty_or_blank_fires():
    for value in ('""', "'   '", "null", "~", "[]", "{}"):
        SPONSOR.assert_findings(f"""
            version: 1
            name: Spring plan
            sponsor: {value}
        """, (1, 1, "no executive sponsor"))


def test_sponsor_given():
    SPONSOR.assert_findings("""
        version: 1
        name: Spring plan
        sponsor: Managing director
    """)


def test_placeholder_sponsor_counts_as_present():
    SPONSOR.assert_findings("""
        version: 1
        name: Spring plan
        sponsor: TBD
    """)


def test_sponsor_of_wrong_type_is_left_to_the_schema():
    SPONSOR.assert_findings("""
        version: 1
        name: Spring plan
        sponsor: [CEO, CFO]
    """)


def test_sponsor_inside_another_section_does_not_count():
    SPONSOR.assert_findings("""
        version: 1
        name: Spring plan
        organization: {teams: [Marketing, Sales]}
        x-notes: {sponsor: CEO}
    """, (1, 1))


# -- SL702 marketing-silo ----------------------------------------------------

def test_silo_without_organization_is_missing_organizations_finding_not_this_one():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        sponsor: CEO
        tactics: [{id: t, name: Reels, owner: Marketing}]
    """)


def test_silo_empty_organization_is_absent():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization: {}
    """)


def test_silo_organization_without_teams_fires_at_organization():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          training: Social media course for everyone
    """, (3, 1, "'organization' names no teams and no tactic, listening or customer care has an owner; list"))


def test_silo_empty_teams_fires_at_organization():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: []
          training: Social media course for everyone
    """, (3, 1, "names no teams"))


def test_silo_only_marketing_teams_fires_at_teams():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Social media, Brand, PR]
          training: Social media course for the marketing team
    """, (4, 3, "every team is a marketing team ('Marketing', 'Social media', 'Brand', 'PR') and no tactic, "
                "listening or customer care has an owner; bring in teams beyond marketing"))


def test_silo_every_vocabulary_entry_is_a_marketing_team():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams:
            - Marketing
            - Corporate communications
            - Comms
            - pr
            - Public Relations
            - Brand team
            - Digital
            - Content studio
            - Social
            - Social-media
            - Growth
            - Demand generation
            - Performance marketing
            - Acquisition
            - CRM
            - Publicity team
    """, (4, 3, "every team is a marketing team ('Marketing', 'Corporate communications', 'Comms', 'pr', "
                "'Public Relations' and 11 more)"))


def test_silo_one_team_beyond_marketing_is_enough():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Social media, Customer service]
    """)


def test_silo_words_match_whole():
    # "Branding" and "Prep kitchen" are not "brand" and "pr".
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Branding, Prep kitchen]
    """)


def test_silo_a_team_naming_a_marketing_word_counts_as_marketing():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Digital sales, Brand ambassadors]
    """, (4, 3, "'Digital sales', 'Brand ambassadors'"))


def test_silo_placeholder_team_is_not_a_marketing_team():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, TBD]
    """)


def test_silo_teams_that_are_not_text_are_left_out():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, 42, {name: Service}, "  ", null]
    """, (4, 3, "every team is a marketing team ('Marketing') and no tactic"))


def test_silo_teams_with_no_text_draw_nothing():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [42, {name: Marketing}]
    """)


def test_silo_wrong_types_are_left_to_the_schema():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization: Marketing only
    """)
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: Marketing
    """)


def test_silo_vocabulary_is_an_option():
    tester = RuleTester("marketing-silo", options={"vocabularies": {"marketing": ["marketing", "sales"]}})
    tester.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Sales]
    """, (4, 3, "'Marketing', 'Sales'"))


def test_silo_owners_in_marketing_are_named_with_the_teams():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Communication]
        tactics:
          - {id: a, name: Reels, owner: Social media officer}
          - {id: b, name: Press day, owner: Head of PR}
          - {id: c, name: Webinar, owner: Social media officer}
        listening: {tools: [Mentions], owner: Digital marketing officer}
        customer_care: {owner: Marketing officer}
    """, (4, 3, "every team is a marketing team ('Marketing', 'Communication') and so is every owner of tactics, "
                "listening and customer care ('Social media officer', 'Head of PR', 'Digital marketing officer', "
                "'Marketing officer'); bring in teams"))


def test_silo_without_teams_and_marketing_owners_fires_at_organization():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          size: 28
          training: Short course for the marketing office
        tactics:
          - {id: a, name: Reels, owner: Digital marketing officer}
        customer_care: {owner: Marketing officer}
    """, (3, 1, "'organization' names no teams, and every owner of tactics, listening and customer care is in "
                "marketing ('Digital marketing officer', 'Marketing officer')"))


@pytest.mark.parametrize("section, owner", [
    ("tactics", "Treasurer"), ("tactics", "Store managers"), ("tactics", "Sales engineers"),
    ("tactics", "Application engineering"), ("listening", "Front desk team leader"),
    ("customer_care", "Customer Services Manager"), ("customer_care", "Support"), ("tactics", "Jon"),
])
def test_silo_someone_beyond_marketing_owning_work_is_taking_part(section, owner):
    """Teams of demand generation, performance marketing and CRM are all
    marketing; one owner beyond marketing is enough."""
    owned = {"tactics": f"tactics: [{{id: t, name: Work, owner: {owner}}}]",
             "listening": f"listening: {{tools: [Mentions], owner: {owner}}}",
             "customer_care": f"customer_care: {{owner: {owner}}}"}[section]
    SILO.assert_findings(f"""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Demand generation, Performance marketing, CRM]
        {owned}
    """)
    SILO.assert_findings(f"""
        version: 1
        name: Spring plan
        organization:
          training: Half a day on answering reviews
        {owned}
    """)


def test_silo_an_owner_named_only_in_a_description_does_not_take_part():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization: {teams: [Marketing]}
        tactics:
          - {id: t, name: Open day, owner: Events marketing, description: Store managers host it}
    """, (3, 16, "('Marketing') and so is every owner of tactics, listening and customer care ('Events marketing')"))


def test_silo_reads_the_teams_in_the_plans_language():
    SILO.assert_findings("""
        version: 1
        name: Plan
        language: es
        organization:
          teams: [Marketing, Comunicación, Redes sociales]
        tactics: [{id: t, name: Catas, owner: Responsable de marketing}]
    """, (5, 3, "every team is a marketing team"))
    SILO.assert_findings("""
        version: 1
        name: Plan
        language: de
        organization:
          teams: [Marketing, Vertrieb, Kundendienst]
    """)


# -- SL703 no-staff-enablement -----------------------------------------------

def test_enablement_without_organization_is_missing_organizations_finding_not_this_one():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
    """)
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization: null
    """)


def test_enablement_neither_key_fires_at_organization():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Customer service, Sales]
    """, (3, 1, "'organization' has neither 'internal_social' nor 'training'"))


def test_enablement_empty_values_are_absent():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          teams: [Marketing, Sales]
          internal_social: "  "
          training: ""
    """, (3, 1, "has neither"))


def test_enablement_training_alone_is_enough():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          training: Every coach learns to answer questions online
    """)


def test_enablement_internal_social_alone_is_enough():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization: {internal_social: Staff channel for customer questions}
    """)


def test_enablement_placeholder_counts_as_given():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization: {training: TODO}
    """)


def test_enablement_organization_of_wrong_type_is_left_to_the_schema():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization: [Marketing, Sales]
    """)



# -- SL704 missing-organization: one absence, one finding ----------------------

def test_missing_organization_fires_once_at_the_top_level():
    MISSING.assert_findings("""
        version: 1
        name: Spring plan
        owner: Practice manager
    """, (1, 1, "the plan has no 'organization' section; say how many people the organisation has (size)"))


@pytest.mark.parametrize("value", ["{}", "null", "''"])
def test_an_empty_organization_is_missing(value):
    MISSING.assert_findings(f"""
        version: 1
        name: Spring plan
        organization: {value}
    """, (1, 1))


def test_an_organization_with_only_its_size_is_enough():
    MISSING.assert_findings("""
        version: 1
        name: Spring plan
        organization: {size: 2}
    """)


def test_a_plan_without_organization_draws_one_finding_among_the_organization_rules():
    from stratlint.linter import lint_bytes
    from stratlint.rules.registry import load_rules

    rules = [r for r in load_rules().rules if r.code in ("SL702", "SL703", "SL704")]
    result = lint_bytes(b"version: 1\nname: Plan\nsponsor: CEO\n", "p.strategy.yaml", rules)
    assert [(f.code, f.line, f.column) for f in result.findings] == [("SL704", 1, 1)]


def test_no_message_claims_what_the_plan_does_not_say():
    from stratlint.rules.registry import load_rules

    for code in ("SL701", "SL702", "SL703", "SL704"):
        rule = load_rules().find(code)
        texts = [rule.message] if isinstance(rule.message, str) else list(rule.message.values())
        assert not any("seems" in t for t in texts), code


# -- small organisations (item 15) ---------------------------------------------

SMALL = """
    version: 1
    name: Kiln & Crow 2027
    owner: Jon
    organization:
      size: {size}
    tactics: [{{id: t, name: Reels, owner: Social media}}]
"""


@pytest.mark.parametrize("tester", [SPONSOR, SILO, ENABLEMENT], ids=["SL701", "SL702", "SL703"])
def test_small_organisations_are_spared_advice_meant_for_departments(tester):
    for size in (1, 2, 4):
        tester.assert_findings(SMALL.format(size=size))


@pytest.mark.parametrize("tester, at", [(SPONSOR, (1, 1)), (SILO, (4, 1)), (ENABLEMENT, (4, 1))],
                         ids=["SL701", "SL702", "SL703"])
def test_from_the_documented_size_the_advice_is_given(tester, at):
    for size in (5, 46):
        tester.assert_findings(SMALL.format(size=size), at)


@pytest.mark.parametrize("size", ["two", "'2'", "2.5", "-1", "true"])
def test_a_size_the_schema_rejects_or_cannot_compare_spares_nobody(size):
    """Only a number below the threshold spares a plan; 'two' and '2' (text)
    are reported by the schema, and the rules still give their advice."""
    if size in ("2.5", "-1"):  # a number: compared as it is (the schema reports what is wrong with it)
        SPONSOR.assert_findings(SMALL.format(size=size))
        return
    SPONSOR.assert_findings(SMALL.format(size=size), (1, 1))


def test_the_size_threshold_is_an_option():
    tester = RuleTester("marketing-silo", options={"unless": {"field": "organization.size", "below": 50}})
    tester.assert_findings(SMALL.format(size=46))
    tester = RuleTester("no-executive-sponsor", options={"unless": None})
    tester.assert_findings(SMALL.format(size=2), (1, 1))


def test_explain_says_small_organisations_are_spared():
    from tests.helpers import run_cli

    for code in ("SL701", "SL702", "SL703"):
        page = " ".join(run_cli(["explain", code]).stdout.split())
        assert "`organization.size` below 5" in page or "(people) below 5" in page, code
