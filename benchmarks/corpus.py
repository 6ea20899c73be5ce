#!/usr/bin/env python3
"""Write generated strategy files for stratlint's benchmarks and tests.

    corpus.py OUTDIR [--files N] [--scale S] [--seed K] [--defect-rate P] [--manifest FILE] [--one-huge]

Each file, ``plan-NNNNN.strategy.yaml``, starts as a clean plan that draws
no finding from any rule; a share P of the files (default 0.5) then gets
one to three of the ``DEFECTS``, each a small change that plants known
findings, and ``--manifest FILE`` writes every file's defects and expected
findings (rule code -> count) as JSON. At scale 1 a plan has about 5
objectives, 4 segments, 10 KPIs, 8 channels and 30 tactics (about 11 KB);
list sizes grow linearly with S: ``--one-huge`` writes one file at scale
1000, about 10 MB. The YAML style varies by file and by item (block and
flow collections, plain, quoted and folded scalars, comments, ``---``, an
occasional anchor and its aliases). File k depends only on the seed and k.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import textwrap
import time
import unicodedata
from pathlib import Path

BRANDS = ["Northwind", "Alderbrook", "Juniper", "Kestrel", "Lumière", "Søndergaard", "Harbor", "Wren", "Maple"]
TRADES = [  # trade, offer, customers, topic, venue
    ("Coffee", "coffee subscription", "subscribers", "home brewing", "cafe"),
    ("Cycles", "e-bike", "riders", "bike care", "store"), ("Bakery", "bread box", "neighbours", "home baking", "shop"),
    ("Fitness", "gym membership", "members", "strength training", "studio"),
    ("Garden", "seed subscription", "gardeners", "balcony gardening", "garden centre")]
ROLES = ["Head of Marketing", "Community lead", "Support lead", "CRM manager", "Events coordinator", "Store manager"]
OBJECTIVES = ["Raise 12-month retention of {cust} from {a}% to {b}%", "Double referrals from existing {cust} by {year}",
              "Lift satisfaction with {offer} support from 3.9 to 4.5 out of 5",
              "Grow repeat visits to our {venue}s by {a}% through {topic} evenings",
              "Recruit {n} {cust} as advocates who share their {topic} stories",
              "Build a community of {n} {cust} who help each other with {topic}"]
KPIS = [("12-month retention of {cust}", "outcome", "%"), ("Referral rate", "outcome", "%"),
        ("Repeat purchase rate", "outcome", "%"), ("Net Promoter Score", "outcome", "pt"),
        ("Support satisfaction (CSAT)", "outcome", "x"), ("{Topic} workshop attendance", "engagement", "n"),
        ("Community replies per week", "engagement", "n"), ("Aided brand awareness", "awareness", "%")]
VANITY = ["Instagram followers", "Page likes", "Post impressions", "Video views", "Monthly reach"]
SEGMENTS = ["{Cust} who read reviews on their phone in the evening", "First-time {cust} aged 25-34",
            "Loyal {cust} who already recommend us", "Lapsed {cust} who have not come back in six months",
            "Parents who fit {topic} around school runs", "Small businesses that buy a {offer} for their staff"]
DEPTH = {"insights": ["They trust other {cust} more than brand claims", "They want proof that the {offer} lasts"],
         "behaviors": ["Compare prices across three sites", "Visit the {venue} on weekends"],
         "motivations": ["Getting better at {topic}", "Time with friends"],
         "turn_offs": ["Pushy sales talk", "Long waits for an answer"],
         "influencers": ["Local {topic} experts", "Friends who already joined"],
         "purchase_drivers": ["Free first month", "Recommendations from people like them"]}
CHANNELS = [  # name, kind, role; the first five are in every plan
    ("{brand}.example", "owned", "Booking and self-service help"),
    ("Instagram", "social", "Live Q&A and {cust} stories"), ("Our {venue}s", "offline", "Meet {cust} face to face"),
    ("Search ads", "paid", "Reach people looking for a {offer}"),
    ("Monthly newsletter", "owned", "Tips on {topic}, replies welcome"), ("TikTok", "social", "Short {topic} how-tos"),
    ("Local press", "earned", "Stories from our {cust}"), ("Tasting evenings", "offline", "{Topic} evenings"),
    ("YouTube", "social", "Longer {topic} guides"), ("Blog", "owned", "Answers to {cust}' questions")]
TACTICS = [("Live {topic} Q&A", "two-way"), ("Reply to every review within a day", "two-way"),
           ("{Topic} workshop at the {venue}", "two-way"), ("Customer story spotlight", "two-way"),
           ("Referral rewards for {cust}", "two-way"), ("Seasonal teaser campaign", "one-way"),
           ("How-to video series", "one-way"), ("Monthly {topic} guide", "one-way"),
           ("Member-only tasting night", "two-way"), ("Ask-the-expert thread", "two-way")]
STAGES = ["attention", "attraction", "affinity", "audience", "advocacy"]
SENTENCES = ["Run it with the {venue} team so {cust} meet the people behind {brand}.",
             "Booked online, held at the {venue}, with a follow-up call a week later.",
             "Answers go into the FAQ; the best questions become next month's topic."]
TEAMS = ["Customer service", "Store staff", "Product", "HR", "Finance"]
MARKETING_TEAMS = ["Marketing", "Communications", "Brand", "Social media", "PR"]
MARKETING_ROLES = ["Head of Marketing", "Social media manager", "Brand manager", "PR lead"]
HACKS = ["Buy followers", "Follow-back campaign", "Join an engagement pod", "Buy likes for launch posts"]
PLACEHOLDERS = ["TODO", "TBD", "FIXME", "TODO: ask the store team", "..."]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", text)[:3])


def unique(base: str, seen: dict) -> str:
    """``base``, else ``base-2``, ``base-3``...: the first not taken (``seen`` also counts per base)."""
    name = base
    while name in seen:
        seen[base] += 1
        name = f"{base}-{seen[base]}"
    seen[name] = 1
    return name


def clean_plan(r: random.Random, scale: float) -> dict:
    """A plan that draws no finding from any rule."""
    brand, (trade, offer, cust, topic, venue) = r.choice(BRANDS), r.choice(TRADES)
    start = dt.date(r.randint(2026, 2028), r.choice([1, 4, 7]), 1)
    end = start + dt.timedelta(days=r.choice([182, 273, 364, 729]))
    words = dict(brand=brand, offer=offer, cust=cust, Cust=cust.capitalize(), topic=topic,
                 Topic=topic.capitalize(), venue=venue, year=start.year)

    def fill(template: str) -> str:
        return template.format(**words, a=r.randint(10, 40), b=r.randint(45, 80), n=r.randint(2, 90) * 10)

    def count(base: float, least: int) -> int:
        return max(least, round(base * scale * r.uniform(0.8, 1.2)))

    def maybe(chance: float, value):
        return value if r.random() < chance else None

    seen, turn = {}, r.randrange(60)  # turn: rotate through the templates, so a small plan repeats none
    objectives = [{"id": f"obj-{i + 1}", "statement": fill(OBJECTIVES[(turn + i) % len(OBJECTIVES)]),
                   "type": r.choice(["business", "marketing", None]) if i else "business"}
                  for i in range(count(5, 1))]
    segments = [{"id": unique(slug(d), seen), "description": d,
                 **{k: [fill(v) for v in r.sample(DEPTH[k], r.randint(1, 2))]
                    for k in r.sample(sorted(DEPTH), r.randint(1, 3))}}
                for d in (fill(SEGMENTS[(turn + i) % len(SEGMENTS)]) for i in range(count(4, 1)))]
    obj_ids, seg_ids = [o["id"] for o in objectives], [s["id"] for s in segments]
    kpis = []
    for i in range(count(10, len(objectives))):
        name, category, unit = r.choice(KPIS)
        base, gain = r.randint(10, 60), r.randint(5, 30)
        baseline, target = {"%": (f"{base}%", f"{base + gain}%"), "pt": (base, base + gain),
                            "n": (base * 10, base * 10 + gain * 20), "x": (round(3 + base / 40, 1), 4.8)}[unit]
        kpis.append({"id": unique(slug(fill(name)), seen), "name": fill(name), "category": maybe(0.8, category),
                     "baseline": baseline, "target": target, "due": maybe(0.3, end),
                     "objective": obj_ids[i % len(obj_ids)], "source": maybe(0.6, r.choice(["CRM", "Survey tool"]))})
    for j, o in enumerate(objectives):  # KPI i measures objective i mod len(objectives)
        o["kpis"] = maybe(0.5, [k["id"] for k in kpis[j::len(objectives)]])
    channels = []
    for i in range(count(8, 5)):
        name, kind, role = CHANNELS[i % len(CHANNELS)]
        channels.append({"id": unique(slug(fill(name)), seen), "name": fill(name), "kind": kind, "role": fill(role),
                         "objectives": r.sample(obj_ids, min(2, len(obj_ids))) if i < 5 or r.random() < 0.8 else None,
                         "audience": maybe(0.5, r.sample(seg_ids, 1))})
    tactics = []
    for i in range(count(30, 5)):  # the first tactics use every channel and cover every stage
        channel = channels[i] if i < len(channels) else r.choice(channels)
        name, interaction = TACTICS[i] if i < 2 else r.choice(TACTICS)
        tactics.append({
            "id": unique(slug(fill(name)), seen), "name": fill(name), "channel": channel["id"],
            "objectives": None if channel["objectives"] and r.random() < 0.2 else r.sample(obj_ids, 1),
            "audience": maybe(0.25, r.sample(seg_ids, min(2, len(seg_ids)))), "interaction": interaction,
            "stage": STAGES[i] if i < 5 else r.choice(STAGES + [None]),
            "touchpoint": maybe(0.2, "offline" if channel["kind"] == "offline" else "online"),
            "owner": maybe(0.3, r.choice(ROLES)), "budget": maybe(0.2, r.randint(5, 90) * 100),
            "description": maybe(0.2, fill(r.choice(SENTENCES)))})
    allocations = [{"channel": c["id"], "amount": r.randint(*(10, 30) if c["kind"] == "paid" else (20, 90)) * 100}
                   for c in channels]  # paid channels get well under 60%
    return prune({
        "version": 1, "name": f"{brand} {trade} {start.year} customer strategy", "owner": r.choice(ROLES),
        "sponsor": r.choice(["CEO", "Managing Director", "Chief Customer Officer", "Founder"]),
        "period": {"start": start, "end": end}, "objectives": objectives, "audience": {"segments": segments},
        "value_proposition": fill("The {offer} that comes with people to learn {topic} with: ask us anything, "
                                  "meet other {cust} at the {venue}, and get help whenever you need it."),
        "kpis": kpis, "channels": channels, "tactics": tactics,
        "content": {"pillars": [fill("{Topic} how-tos"), "Customer stories", "Behind the scenes"]},
        "listening": {"tools": ["Brand mention alerts", "Review inbox"], "cadence": "weekly",
                      "owner": "Community lead"},
        "customer_care": {"channels": [channels[0]["id"], *(c["id"] for c in channels if c["kind"] == "social")],
                          "response_time": "4 hours", "owner": "Support lead"},  # every social channel: no SL508
        "loyalty": fill("Every fifth {offer} order is on us; members get early access to {topic} evenings."),
        "word_of_mouth": {"program": "Bring a friend", "description": fill("{Cust} bring a friend to the {venue}.")},
        "advocacy": fill("Regular {cust} host {topic} evenings and get training and early access."),
        "organization": {"teams": ["Marketing", *r.sample(TEAMS, 2)], "internal_social": maybe(0.5, "Staff chat"),
                         "training": "Half-day course on answering customers online"},
        "review": {"cadence": r.choice(["monthly", "quarterly"]), "method": "plan-do-check-act",
                   "owner": r.choice(ROLES)},
        "budget": {"total": sum(a["amount"] for a in allocations), "currency": r.choice(["EUR", "GBP", "USD"]),
                   "allocations": allocations,
                   "comparison": "Cost per new customer, compared every quarter with last year's print ads"}})


def prune(value):
    """The value without the keys whose value is None."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items() if v is not None}
    return [prune(v) for v in value] if isinstance(value, list) else value


# -- defects: each changes a clean plan and returns how many findings of its rule it plants ------
# (or, when it plants findings of several rules, {code: count})

def drop(*path: str, keep: dict | None = None):
    """Delete the key at ``path`` or, half the time, leave only ``keep`` in it."""
    def change(p, r):
        for name in path[:-1]:
            p = p[name]
        if keep and r.random() < 0.5:
            p[path[-1]] = dict(keep)
        else:
            del p[path[-1]]
        return 1
    return change


def each(items: str, **values):
    """Set ``values`` (from a list: one at random) on every item of a list."""
    def change(p, r):
        for item in p[items]:
            item.update({k: r.choice(v) if isinstance(v, list) else v for k, v in values.items()})
        return 1
    return change


def some(items: str, edit):
    """Apply ``edit(item, r)`` to one to three items of a list: one finding each."""
    def change(p, r):
        chosen = r.sample(p[items], r.randint(1, min(3, len(p[items]))))
        for item in chosen:
            edit(item, r)
        return len(chosen)
    return change


def short_horizon(p, r):
    p["period"]["end"] = p["period"]["start"] + dt.timedelta(days=r.randint(20, 85))
    return 1


def marketing_silo(p, r):
    """Marketing teams only, and marketing people own every tactic, the listening and the care (rules v2
    count an owner beyond marketing as taking part). Applied last, so no other defect brings one back."""
    p["organization"]["teams"] = r.sample(MARKETING_TEAMS, 2)
    for section in (*p["tactics"], p.get("listening"), p.get("customer_care")):
        if isinstance(section, dict) and "owner" in section:
            section["owner"] = r.choice(MARKETING_ROLES)
    return 1


def vanity_only(p, r):
    """Every KPI a vanity count: SL201 once, and SL206 at each KPI, since each measures an objective."""
    each("kpis", name=VANITY, category="vanity")(p, r)
    return {"SL201": 1, "SL206": len(p["kpis"])}


def growth_hack(p, r):
    p["tactics"].insert(r.randrange(len(p["tactics"])), {
        "id": "growth-push", "name": r.choice(HACKS), "channel": p["channels"][1]["id"], "interaction": "one-way",
        "objectives": [p["objectives"][0]["id"]], "stage": "attention"})
    return 1


DEFECTS = {  # name: (rule code, change)
    "missing-business-objective": ("SL101", each("objectives", type=["marketing", "communication"])),
    "vanity-only-kpis": ("SL201", vanity_only),
    "kpi-without-target": ("SL202", some("kpis", lambda k, r: k.pop("target"))),  # the baseline stays: no SL203
    "no-value-proposition": ("SL303", drop("value_proposition")),
    "broadcast-only": ("SL501", each("tactics", interaction="one-way")),
    "no-listening": ("SL502", drop("listening", keep={"owner": "Community lead"})),
    "no-customer-care": ("SL503", drop("customer_care")),
    "no-sponsor": ("SL701", drop("sponsor")),
    "marketing-silo": ("SL702", marketing_silo),
    "no-review-cycle": ("SL801", drop("review", keep={"owner": "Head of Marketing"})),
    "short-horizon": ("SL802", short_horizon),
    "no-budget-comparison": ("SL803", drop("budget", "comparison")),
    "growth-hack-tactic": ("SL901", growth_hack),
    "placeholder-text": ("SL903", some("tactics", lambda t, r: t.update(
        {r.choice(["owner", "description"]): r.choice(PLACEHOLDERS)}))),
}


# -- YAML text --------------------------------------------------------------------------------

# What a plain scalar may not be: starting with an indicator, a space or what could make it a number or a
# date; a YAML 1.1 boolean or null; holding ": " or " #"; ending with ":" or a space. ("70%" is fine.)
NOT_PLAIN = re.compile(r"""^(?!\d+%$)[-?:,\[\]{}#&*!|>'"%@`~\s.+\d]|^(true|false|yes|no|on|off|null|y|n)$"""
                       r"|:\s|\s#|:$|\s$", re.I)


class Writer:
    def __init__(self, r: random.Random, shared: list):
        self.r, self.lines, self.seen = r, [], set()
        self.flow_items = r.uniform(0.5, 0.95)  # the chance that an item is a flow mapping
        self.pad = r.choice([0, 2])  # block sequences indented under their key, or not
        self.anchors = {id(v): f"ids{i}" for i, v in enumerate(shared)}

    def scalar(self, v, flow: bool) -> str:
        if not isinstance(v, str):
            return str(v)
        roll, plain = self.r.random(), not NOT_PLAIN.search(v) and not (flow and re.search(r"[,\[\]{}]", v))
        if plain and roll < 0.95:
            return v
        return f"'{v}'" if roll < 0.975 and "'" not in v else json.dumps(v, ensure_ascii=False)

    def flow(self, v) -> str:
        if id(v) in self.anchors:  # the first time an anchor, later an alias
            if id(v) in self.seen:
                return "*" + self.anchors[id(v)]
            self.seen.add(id(v))
            return f"&{self.anchors[id(v)]} [{', '.join(self.scalar(x, True) for x in v)}]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k}: {self.flow(x)}" for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(self.flow(x) for x in v) + "]"
        return self.scalar(v, True)

    def pair(self, key: str, v, indent: int) -> None:
        head, r = " " * indent + f"{key}:", self.r
        if isinstance(v, dict) and (len(v) > 3 or any(isinstance(x, (dict, list)) for x in v.values())
                                    or r.random() < 0.5):
            self.lines.append(head)
            for k, x in v.items():
                self.pair(k, x, indent + 2)
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            self.lines.append(head)
            for item in v:
                self.item(item, indent + self.pad)
        elif isinstance(v, list) and len(v) > 1 and id(v) not in self.anchors and r.random() < 0.1:
            self.lines += [head] + [" " * (indent + self.pad) + "- " + self.scalar(x, False) for x in v]
        elif isinstance(v, str) and len(v) > 70 and r.random() < 0.4:  # folded: the lines join with spaces
            self.lines += [head + " >-"] + [" " * (indent + 2) + line
                                           for line in textwrap.wrap(v, 60, break_on_hyphens=False)]
        else:
            note = "  # " + r.choice(["to confirm", "checked with finance"]) if r.random() < 0.02 else ""
            text = self.flow(v) if isinstance(v, (dict, list)) else self.scalar(v, False)
            self.lines.append(f"{head} {text}{note}")

    def item(self, v: dict, indent: int) -> None:
        if self.r.random() < self.flow_items:
            self.lines.append(" " * indent + "- " + self.flow(v))
            return
        first = len(self.lines)
        for k, x in v.items():
            self.pair(k, x, indent + 2)
        self.lines[first] = " " * indent + "- " + self.lines[first][indent + 2:]


def generate(index: int, seed: int, scale: float, rate: float) -> tuple[str, list[str], dict]:
    """File ``index``: its text, its defects and the findings they plant."""
    r = random.Random(f"stratlint-corpus:{seed}:{index}")
    plan, expected = clean_plan(r, scale), {}
    names = r.sample(sorted(DEFECTS), r.choice([1, 1, 2, 3])) if r.random() < rate else []
    for name in sorted(names, key=lambda n: n == "marketing-silo"):  # the silo last: see marketing_silo
        code, change = DEFECTS[name]
        planted = change(plan, r)
        for code, n in (planted.items() if isinstance(planted, dict) else [(code, planted)]):
            expected[code] = expected.get(code, 0) + n
    shared = []
    if r.random() < 0.25:  # one objectives list that later tactics reach through aliases
        tactics = [t for t in plan["tactics"] if "objectives" in t]
        shared = [tactics[0]["objectives"]]
        for t in r.sample(tactics[1:], min(3, len(tactics) - 1)):
            t["objectives"] = shared[0]
    w = Writer(r, shared)
    if r.random() < 0.5:
        w.lines.append("# yaml-language-server: $schema=https://stratlint.dev/schemas/strategy-v1.schema.json")
    if r.random() < 0.2:
        w.lines.append("---")
    for key, value in plan.items():
        if isinstance(value, (dict, list)) and r.random() < 0.4:
            w.lines += ["", "# " + key.replace("_", " ").capitalize()] if r.random() < 0.6 else [""]
        w.pair(key, value, 0)
    return "\n".join(w.lines) + "\n", names, dict(sorted(expected.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--files", type=int, default=50, help="number of files (default 50)")
    ap.add_argument("--scale", type=float, default=1.0, help="list sizes: 1 is about 11 KB a file (default 1)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--defect-rate", type=float, default=0.5, help="share of files with defects (default 0.5)")
    ap.add_argument("--manifest", type=Path, help="write each file's defects and expected findings as JSON")
    ap.add_argument("--one-huge", action="store_true", help="one file at scale 1000 (about 10 MB)")
    a = ap.parse_args(argv)
    if a.one_huge:
        a.files, a.scale = 1, 1000.0
    began, sizes, files = time.perf_counter(), [], {}
    a.outdir.mkdir(parents=True, exist_ok=True)
    for i in range(1, a.files + 1):
        text, names, expected = generate(i, a.seed, a.scale, a.defect_rate)
        name = f"plan-{i:05d}.strategy.yaml"
        sizes.append((a.outdir / name).write_bytes(text.encode("utf-8")))
        files[name] = {"defects": names, "expected": expected}
    if a.manifest:
        a.manifest.write_text(json.dumps({"seed": a.seed, "scale": a.scale, "files": files}, indent=1) + "\n")
    print(f"corpus: {a.files} files, {sum(sizes)} bytes (mean {sum(sizes) // a.files}, max {max(sizes)}), "
          f"{sum(bool(f['defects']) for f in files.values())} with defects, in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
