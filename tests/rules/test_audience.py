"""Audience and value (SL3xx): each rule fires where its trigger holds, and near misses do not."""
from stratlint.testing import RuleTester

MARKET = RuleTester("missing-target-market")
SHALLOW = RuleTester("shallow-segment")
VALUE = RuleTester("missing-value-proposition")


# SL301 missing-target-market

def test_missing_target_market_fires_at_top_level_without_audience():
    MARKET.assert_findings("""
        version: 1
        name: Plan
    """, (1, 1, "the plan names no target market"))


def test_missing_target_market_fires_at_top_level_without_segments():
    MARKET.assert_findings("""
        version: 1
        name: Plan
        audience:
          notes: Everyone who likes coffee
    """, (1, 1))


def test_missing_target_market_fires_on_empty_segments():
    MARKET.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments: []
    """, (1, 1))
    MARKET.assert_findings("""
        version: 1
        name: Plan
        audience: {segments: null}
    """, (1, 1))


def test_missing_target_market_segments_of_the_wrong_shape_are_present_but_an_audience_of_text_has_none():
    for segments in ("[Home baristas, Cafe owners]", "TBD"):
        MARKET.assert_findings(f"""
            version: 1
            name: Plan
            audience:
              segments: {segments}
        """)
    MARKET.assert_findings("""
        version: 1
        name: Plan
        audience: Home baristas
    """, (1, 1))


def test_missing_target_market_near_miss_one_segment():
    MARKET.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - {id: home-baristas, description: Subscribers who brew at home}
    """)


def test_missing_target_market_near_miss_placeholder_segment():
    MARKET.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - {id: tbd, description: TBD}
    """)


# SL302 shallow-segment

def test_shallow_segment_fires_at_the_segment():
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - id: home-baristas
              description: Subscribers who brew espresso at home
            - {id: cafe-owners, description: Cafe owners, motivations: [Better margins]}
    """, (5, 7, "segment 'home-baristas' is only described"))


def test_shallow_segment_empty_values_are_absent():
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - id: home-baristas
              description: Subscribers who brew espresso at home
              insights: []
              behaviors: null
              turn_offs: "  "
              influencers: {}
    """, (5, 7, "'home-baristas'"))


def test_shallow_segment_label_falls_back_to_description():
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - description: Subscribers who brew espresso at home
    """, (5, 7, "segment 'Subscribers who brew espresso at home'"))


def test_shallow_segment_near_miss_any_one_field_is_enough():
    for field in ("insights", "behaviors", "motivations", "turn_offs", "influencers", "purchase_drivers"):
        SHALLOW.assert_findings(f"""
            version: 1
            name: Plan
            audience:
              segments:
                - id: home-baristas
                  description: Subscribers who brew espresso at home
                  {field}: [Something we learnt from them]
        """)


def test_shallow_segment_near_miss_placeholder_counts_as_present():
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments:
            - {id: home-baristas, description: Home baristas, insights: [TBD]}
    """)


def test_shallow_segment_skips_non_mapping_items_and_wrong_types():
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments: [Home baristas]
    """)
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience:
          segments: {home-baristas: {description: Home baristas}}
    """)
    SHALLOW.assert_findings("""
        version: 1
        name: Plan
        audience: [{id: home-baristas, description: Home baristas}]
    """)


# SL303 missing-value-proposition

def test_missing_value_proposition_fires_at_top_level():
    VALUE.assert_findings("""
        version: 1
        name: Plan
    """, (1, 1, "the plan states no value proposition"))


def test_missing_value_proposition_fires_when_blank():
    VALUE.assert_findings("""
        version: 1
        name: Plan
        value_proposition: "   "
    """, (1, 1))
    VALUE.assert_findings("""
        version: 1
        name: Plan
        value_proposition:
    """, (1, 1))


def test_missing_value_proposition_near_miss_stated():
    VALUE.assert_findings("""
        version: 1
        name: Plan
        value_proposition: Learn to brew like our baristas, with them
    """)


def test_missing_value_proposition_near_miss_placeholder():
    VALUE.assert_findings("""
        version: 1
        name: Plan
        value_proposition: TBD
    """)
