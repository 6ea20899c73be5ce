"""The scorecard: the elements the seed articles say a strategy needs, and
how each plan's findings rate them.

``ELEMENTS`` is the whole mapping, kept as data. For each element:

- ``codes``: the rules whose findings speak about it, in the order their
  findings are listed;
- ``absent``: the codes among them that report the element is not there at
  all (e.g. SL502 no-listening);
- ``needs``: where the plan holds the element, as key paths (``*`` = any
  item of a list). The element counts as absent when none of them holds a
  value (null, blank text, ``[]`` and ``{}`` are no value), so that it is
  "missing" even when its rule is switched off.

Status: **missing** when an ``absent`` code fired or ``needs`` finds
nothing; **weak** when another of its codes fired; **present** otherwise.
A rule of one element may report absence of a *part* (SL501: no tactic is
two-way; SL601: no tactic or channel meets the other world): then the
element itself is missing, as its name says ("two-way tactics").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PRESENT, WEAK, MISSING = "present", "weak", "missing"
STATUSES = (PRESENT, WEAK, MISSING)


@dataclass(frozen=True)
class Element:
    key: str
    name: str        # as the scorecard shows it
    short: str       # column heading in the comparison table
    codes: tuple[str, ...]
    absent: frozenset[str]
    needs: tuple[tuple[str, ...], ...]
    what: str        # one line: what the articles ask for


def _e(key, name, short, codes, absent, needs, what) -> Element:
    return Element(key, name, short, tuple(codes.split()), frozenset(absent.split()),
                   tuple(tuple(p.split("/")) for p in needs), what)


ELEMENTS: tuple[Element, ...] = (
    _e("objectives", "Business objectives", "Objectives", "SL101 SL103 SL104 SL102", "SL101",
       ["objectives"], "Objectives stated as business results, each with a way to measure it."),
    _e("audience", "Target market with insight", "Audience", "SL301 SL302", "SL301",
       ["audience/segments"], "Who the customers are, and what moves them."),
    _e("value_proposition", "Value proposition", "Value", "SL303", "SL303",
       ["value_proposition"], "Why a customer should follow, visit and engage."),
    _e("kpis", "KPIs that measure customer action", "KPIs", "SL205 SL201 SL206 SL207 SL202 SL204", "SL205",
       ["kpis"], "Success counted in what customers do, with targets, tied to objectives."),
    _e("channels", "Channels chosen for the audience", "Channels", "SL401 SL402 SL403 SL404", "",
       ["channels"], "Channels picked for the objectives and the audience, with an owned home."),
    _e("two_way", "Two-way tactics", "Two-way", "SL501", "SL501",
       ["tactics"], "Conversation, not broadcast."),
    _e("listening", "Listening", "Listening", "SL502 SL507", "SL502",
       ["listening"], "Tools, a rhythm and an owner for hearing what customers say."),
    _e("customer_care", "Customer care", "Care", "SL503 SL508", "SL503",
       ["customer_care"], "Support after the sale, where customers already are."),
    _e("relationships", "Loyalty, word of mouth and advocacy", "Loyalty", "SL504", "",
       ["loyalty", "word_of_mouth", "advocacy"], "Plans that turn customers into repeat buyers and advocates."),
    _e("a_path", "The A-path from attention to advocacy", "A-path", "SL505", "",
       ["tactics/*/stage"], "Tactics for every stage: attention, attraction, affinity, audience, advocacy."),
    _e("fusion", "Offline and online together", "Fusion", "SL601", "SL601",
       ["channels", "tactics"], "Online activity that enhances offline, not replaces it."),
    _e("review", "Review cycle", "Review", "SL801 SL802 SL803", "SL801",
       ["review"], "A Plan-Do-Check-Act loop over a long enough horizon."),
    _e("sponsor", "Executive sponsor", "Sponsor", "SL701", "SL701",
       ["sponsor"], "A champion at the top for the change in culture."),
)


def has_value(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True


def holds(data: Any, path: tuple[str, ...]) -> bool:
    """Whether ``path`` reaches a value in ``data`` (``*`` = any list item)."""
    if not path:
        return has_value(data)
    head, rest = path[0], path[1:]
    if head == "*":
        return isinstance(data, list) and any(holds(item, rest) for item in data)
    return isinstance(data, dict) and holds(data.get(head), rest)


@dataclass(frozen=True)
class Rating:
    element: Element
    status: str
    findings: tuple[dict, ...]  # the findings behind the status, in the element's code order


def rate(data: Any, findings: list[dict]) -> list[Rating]:
    """Rate every element of ``ELEMENTS`` for one parsed plan."""
    by_code: dict[str, list[dict]] = {}
    for finding in findings:
        by_code.setdefault(finding.get("code"), []).append(finding)
    ratings = []
    for element in ELEMENTS:
        fired = tuple(f for code in element.codes for f in by_code.get(code, ()))
        codes = {f.get("code") for f in fired}
        if codes & element.absent or not any(holds(data, p) for p in element.needs):
            status = MISSING
        elif fired:
            status = WEAK
        else:
            status = PRESENT
        ratings.append(Rating(element, status, fired))
    return ratings
