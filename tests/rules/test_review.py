"""Measurement and review rules (SL8xx): review cycle, horizon, budget comparison."""
from __future__ import annotations

from stratlint.testing import RuleTester

REVIEW = RuleTester("no-review-cycle")
HORIZON = RuleTester("short-horizon")
COMPARISON = RuleTester("no-budget-comparison")


# -- SL801 no-review-cycle ---------------------------------------------------

def test_review_absent_fires_at_top_level():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
    """, (1, 1, "the plan has no review cycle; add 'review' with a 'cadence'"))


def test_review_empty_is_absent():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        review: {}
    """, (1, 1, "the plan has no review cycle"))


def test_review_without_cadence_fires_at_top_level():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        review:
          method: plan-do-check-act
          owner: Head of Marketing
    """, (1, 1, "the review has no cadence; add 'review.cadence'"))


def test_review_blank_cadence_is_absent():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        review: {cadence: " ", owner: Head of Marketing}
    """, (1, 1, "the review has no cadence"))


def test_review_with_cadence():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        review: {cadence: monthly}
    """)


def test_review_placeholder_cadence_counts_as_given():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        review: {cadence: TBD}
    """)


def test_review_of_wrong_type_is_left_to_the_schema():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        review: monthly
    """)


def test_cadence_elsewhere_does_not_count():
    REVIEW.assert_findings("""
        version: 1
        name: Spring plan
        listening: {tools: [mentions], cadence: weekly}
    """, (1, 1, "no review cycle"))


# -- SL802 short-horizon -----------------------------------------------------

def test_short_period_fires_at_period():
    HORIZON.assert_findings("""
        version: 1
        name: Autumn push
        period: {start: 2027-09-01, end: 2027-10-15}
    """, (3, 1, "the plan covers only 44 days (2027-09-01 to 2027-10-15)"))


def test_89_days_fires_and_90_does_not():
    HORIZON.assert_findings("""
        version: 1
        name: First quarter
        period:
          start: 2027-01-01
          end: 2027-03-31
    """, (3, 1, "only 89 days"))
    HORIZON.assert_findings("""
        version: 1
        name: First quarter
        period:
          start: 2027-01-01
          end: 2027-04-01
    """)


def test_a_year_does_not_fire():
    HORIZON.assert_findings("""
        version: 1
        name: Annual plan
        period: {start: 2027-01-01, end: 2027-12-31}
    """)


def test_quoted_dates_are_read_too():
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: {start: "2027-05-01", end: '2027-05-31'}
    """, (3, 1, "only 30 days"))


def test_dates_with_a_time_count_by_their_date():
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: {start: 2027-05-01T09:00:00, end: 2027-05-02 18:00:00}
    """, (3, 1, "only 1 days"))


def test_same_day_fires():
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: {start: 2027-05-01, end: 2027-05-01}
    """, (3, 1, "only 0 days"))


def test_period_ending_before_it_starts_fires_with_its_own_message():
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: {start: 2027-12-31, end: 2027-01-01}
    """, (3, 1, "the period ends before it starts (2027-12-31 to 2027-01-01)"))


def test_one_date_missing_draws_nothing():
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: {start: 2027-05-01}
    """)
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: {start: "", end: 2027-05-02}
    """)


def test_unparseable_dates_draw_nothing():
    for start, end in (("2027-02-30", "2027-03-01"), ("soon", "2027-03-01"), ("2027-01-01", "TBD"),
                       ("2027", "2027-03-01"), ("[2027-01-01]", "2027-03-01"), ("{y: 2027}", "2027-03-01")):
        HORIZON.assert_findings(f"""
            version: 1
            name: Launch
            period: {{start: {start}, end: {end}}}
        """)


def test_period_absent_or_of_wrong_type_draws_nothing():
    HORIZON.assert_findings("""
        version: 1
        name: Launch
    """)
    HORIZON.assert_findings("""
        version: 1
        name: Launch
        period: 2027-01-01
    """)


# -- SL803 no-budget-comparison ----------------------------------------------

def test_budget_without_comparison_fires_at_budget():
    COMPARISON.assert_findings("""
        version: 1
        name: Spring plan
        budget:
          total: 24000
          currency: EUR
    """, (3, 1, "the budget says nothing about how social spend compares"))


def test_budget_with_blank_comparison_fires():
    COMPARISON.assert_findings("""
        version: 1
        name: Spring plan
        budget: {total: 24000, comparison: ""}
    """, (3, 1, "add 'budget.comparison'"))


def test_budget_with_comparison():
    COMPARISON.assert_findings("""
        version: 1
        name: Spring plan
        budget:
          total: 24000
          comparison: Cost per new member against last year's flyers
    """)


def test_placeholder_comparison_counts_as_given():
    COMPARISON.assert_findings("""
        version: 1
        name: Spring plan
        budget: {total: 24000, comparison: TBD}
    """)


def test_no_budget_draws_nothing():
    for budget in ("", "budget: {}", "budget: null"):
        COMPARISON.assert_findings(f"""
            version: 1
            name: Spring plan
            {budget}
        """)


def test_budget_of_wrong_type_is_left_to_the_schema():
    COMPARISON.assert_findings("""
        version: 1
        name: Spring plan
        budget: 24000
    """)

