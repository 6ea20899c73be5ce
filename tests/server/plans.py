"""Plans the language server tests open: one that draws no finding, and
ways to break it."""
from __future__ import annotations

GOOD = """\
version: 1
name: Northwind Coffee 2027 customer strategy
owner: Head of Marketing
sponsor: CEO
period: {start: 2027-01-01, end: 2027-12-31}
objectives:
  - id: retain-subscribers
    statement: Raise 12-month subscriber retention from 61% to 70%
    kpis: [retention-12m]
audience:
  segments:
    - id: home-baristas
      description: Subscribers who brew espresso at home
      insights: [They learn from each other more than from brands]
value_proposition: Learn to brew like our baristas, with them
kpis:
  - id: retention-12m
    name: 12-month subscriber retention
    category: outcome
    baseline: 61%
    target: 70%
    objective: retain-subscribers
channels:
  - {id: instagram, name: Instagram, kind: social, role: Live lessons, objectives: [retain-subscribers]}
  - {id: cafes, name: Our cafes, kind: offline, role: Tasting nights, objectives: [retain-subscribers]}
  - {id: site, name: northwind.example, kind: owned, role: Recipes, objectives: [retain-subscribers]}
tactics:
  - {id: reels, name: Latte-art reels, channel: instagram, interaction: two-way, stage: attention, objectives: [retain-subscribers]}
  - {id: samples, name: Free tasting samples, channel: cafes, interaction: two-way, stage: attraction, objectives: [retain-subscribers]}
  - {id: newsletter, name: Brew club newsletter, channel: site, interaction: two-way, stage: audience, objectives: [retain-subscribers]}
  - {id: live-latte, name: Monthly live class, channel: instagram, interaction: two-way, stage: affinity, objectives: [retain-subscribers]}
  - {id: tasting, name: Subscriber tasting night, channel: cafes, interaction: two-way, stage: advocacy, objectives: [retain-subscribers]}
listening: {tools: [brand mentions dashboard], cadence: weekly, owner: Community lead}
customer_care: {channels: [instagram, site], response_time: 4h, owner: Support lead}
loyalty: Tenth bag free
word_of_mouth: Bring-a-friend tasting
advocacy: Members host tastings
organization: {teams: [Baristas, Customer service], training: Every barista hosts a class}
review: {cadence: monthly, method: plan-do-check-act, owner: Head of Marketing}
"""

REVIEW = "review: {cadence: monthly, method: plan-do-check-act, owner: Head of Marketing}\n"

#: the good plan without its review cycle: SL801 no-review-cycle, fixable
NO_REVIEW = GOOD.replace(REVIEW, "")

#: the KPI's target removed: SL202 kpi-without-target (line 17, the KPI's first key), fixable
NO_TARGET = GOOD.replace("    target: 70%\n", "")


def lines(text: str) -> list[str]:
    return text.split("\n")


def line_of(text: str, needle: str) -> int:
    """The 0-based line of the first line holding ``needle``."""
    return next(i for i, line in enumerate(lines(text)) if needle in line)
