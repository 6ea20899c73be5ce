"""Organization rules (SL7xx): sponsor, teams beyond marketing, staff enablement."""
from __future__ import annotations

from stratlint.testing import RuleTester

SPONSOR = RuleTester("no-executive-sponsor")
SILO = RuleTester("marketing-silo")
ENABLEMENT = RuleTester("no-staff-enablement")


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

def test_silo_without_organization_fires_at_top_level():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        sponsor: CEO
    """, (1, 1, "the plan has no 'organization' section"))


def test_silo_empty_organization_is_absent():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization: {}
    """, (1, 1, "no 'organization' section"))


def test_silo_organization_without_teams_fires_at_organization():
    SILO.assert_findings("""
        version: 1
        name: Spring plan
        organization:
          training: Social media course for everyone
    """, (3, 1, "'organization' names no teams"))


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
    """, (4, 3, "every team is a marketing team ('Marketing', 'Social media', 'Brand', 'PR')"))


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
    """, (4, 3, "every team is a marketing team"))


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
    """, (4, 3, "every team is a marketing team ('Marketing')"))


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


# -- SL703 no-staff-enablement -----------------------------------------------

def test_enablement_without_organization_fires_at_top_level():
    # Read literally: an absent organization has neither key.
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
    """, (1, 1, "the plan has no 'organization' section, so nothing enables staff"))


def test_enablement_empty_organization_is_absent():
    ENABLEMENT.assert_findings("""
        version: 1
        name: Spring plan
        organization: null
    """, (1, 1, "no 'organization' section"))


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

