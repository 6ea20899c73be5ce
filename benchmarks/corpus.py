#!/usr/bin/env python3
"""Write a corpus of generated strategy files, for benchmarks and tests.

    corpus.py OUTDIR [--files N] [--scale S] [--seed K] [--defect-rate P]
                     [--manifest FILE] [--one-huge]

Writes ``plan-00001.strategy.yaml``... into OUTDIR. Each file starts as a
clean plan, one that draws no finding from any rule; a share P of the
files (default 0.5) then gets one to three defects from ``DEFECTS``, each
a small change to the plan's data that plants known findings. ``--manifest
FILE`` writes, per file, the defects and the findings expected (rule code
-> count) as JSON; ``tests/test_corpus_manifest.py`` holds stratlint to it.

At scale 1 a plan has about 5 objectives, 4 segments, 10 KPIs, 8 channels
and 30 tactics (about 11 KB); list sizes grow linearly with S, so
``--one-huge`` (``--files 1 --scale 1000``) writes one file of about
10 MB. The YAML style varies per file and per item: block and flow
collections, plain, quoted and block scalars, comments, ``---``, and now
and then an anchor with aliases. Output depends only on the seed, and
file k is the same whatever N is. Standard library only.
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
    ("Cycles", "e-bike", "riders", "bike care", "store"),
    ("Bakery", "bread box", "neighbours", "home baking", "shop"),
    ("Fitness", "gym membership", "members", "strength training", "studio"),
    ("Garden", "seed subscription", "gardeners", "balcony gardening", "garden centre"),
]
ROLE_TEXT = ["Where {cust} ask us about {topic}", "Stories and tips on {topic}", "Booking and self-service help",
             "Meet {cust} face to face", "Reach {cust} searching for a {offer}"]
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
CHANNELS = [("{brand}.example", "owned"), ("Monthly newsletter", "owned"), ("Instagram", "social"),
            ("Our {venue}s", "offline"), ("Search ads", "paid"), ("TikTok", "social"), ("Local press", "earned"),
            ("Tasting evenings", "offline"), ("YouTube", "social"), ("Blog", "owned")]
TACTICS = [("Live {topic} Q&A", "two-way"), ("Reply to every review within a day", "two-way"),
           ("{Topic} workshop at the {venue}", "two-way"), ("Customer story spotlight", "two-way"),
           ("Referral rewards for {cust}", "two-way"), ("Seasonal teaser campaign", "one-way"),
           ("How-to video series", "one-way"), ("Monthly {topic} guide", "one-way"),
           ("Member-only tasting night", "two-way"), ("Ask-the-expert thread", "two-way")]
STAGES = ["attention", "attraction", "affinity", "audience", "advocacy"]
SENTENCES = ["Run it with the {venue} team so {cust} meet the people behind {brand}.",
             "Booked online, held at the {venue}, with a follow-up call a week later.",
             "Answers go into the FAQ; the best questions become next month's topic."]
TEAMS = ["Marketing", "Customer service", "Store staff", "Product", "HR", "Finance"]
MARKETING_TEAMS = ["Marketing", "Communications", "Brand", "Social media", "PR"]
HACKS = ["Buy followers", "Follow-back campaign", "Join an engagement pod", "Buy likes for launch posts"]
PLACEHOLDERS = ["TODO", "TBD", "FIXME", "TODO: ask the store team", "..."]
COMMENTS = ["checked with finance", "from the 2026 review", "to confirm", "see the team wiki"]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", text)[:3]) or "item"


def unique(base: str, seen: set) -> str:
    name, n = base, 1
    while name in seen:
        n += 1
        name = f"{base}-{n}"
    seen.add(name)
    return name


def clean_plan(r: random.Random, scale: float) -> dict:
    """A plan that draws no finding: every section present, every rule satisfied."""
    brand, (trade, offer, cust, topic, venue) = r.choice(BRANDS), r.choice(TRADES)
    words = {"brand": brand, "offer": offer, "cust": cust, "Cust": cust.capitalize(), "topic": topic,
             "Topic": topic.capitalize(), "venue": venue}

    def fill(template: str) -> str:
        return template.format(**words, a=r.randint(10, 40), b=r.randint(45, 80), n=r.randint(2, 90) * 10,
                               year=start.year)

    def count(base: float, least: int) -> int:
        return max(least, round(base * scale * r.uniform(0.8, 1.2)))

    start = dt.date(r.randint(2026, 2028), r.choice([1, 4, 7]), 1)
    end = start + dt.timedelta(days=r.choice([182, 273, 364, 729]))
    turn = r.randrange(60)  # rotate through the templates, so that a small plan repeats none
    objectives = [{"id": f"obj-{i + 1}", "statement": fill(OBJECTIVES[(turn + i) % len(OBJECTIVES)]),
                   "type": r.choice(["business", "business", "marketing", None]) if i else "business"}
                  for i in range(count(5, 1))]
    obj_ids = [o["id"] for o in objectives]
    seen: set = set()
    segments = [{"id": unique(slug(d), seen), "description": d,
                 **{k: [fill(v) for v in r.sample(DEPTH[k], r.randint(1, 2))]
                    for k in r.sample(sorted(DEPTH), r.randint(1, 3))}}
                for d in (fill(SEGMENTS[(turn + i) % len(SEGMENTS)]) for i in range(count(4, 1)))]
    seg_ids = [s["id"] for s in segments]
    kpis = []
    for i in range(count(10, len(objectives))):
        name, category, unit = r.choice(KPIS)
        base = r.randint(10, 60)
        gain = r.randint(5, 30)
        low, high = {"%": (f"{base}%", f"{base + gain}%"), "pt": (base, base + gain), "n": (base * 10, base * 10 + gain * 20),
                     "x": (round(3 + base / 40, 1), 4.8)}[unit]
        kpis.append({"id": unique(slug(fill(name)), seen), "name": fill(name),
                     "category": category if r.random() < 0.8 else None, "baseline": low, "target": high,
                     "due": end if r.random() < 0.3 else None, "objective": obj_ids[i % len(obj_ids)],
                     "source": r.choice(["CRM report", "Helpdesk export", "Survey tool", None])})
    for o in objectives:
        o["kpis"] = [k["id"] for k in kpis if k["objective"] == o["id"]] if r.random() < 0.5 else None
    channels = []
    for i in range(count(8, 5)):
        name, kind = CHANNELS[i % len(CHANNELS)]
        channels.append({"id": unique(slug(fill(name)), seen), "name": fill(name), "kind": kind,
                         "role": fill(r.choice(ROLE_TEXT)),
                         "objectives": r.sample(obj_ids, min(2, len(obj_ids))) if i < 5 or r.random() < 0.8 else None,
                         "audience": r.sample(seg_ids, 1) if r.random() < 0.5 else None})
    tactics = []
    for i in range(count(30, 5)):
        channel = channels[i] if i < len(channels) else r.choice(channels)
        name, interaction = TACTICS[i % len(TACTICS)] if i < 2 else r.choice(TACTICS)
        tactics.append({
            "id": unique(slug(fill(name)), seen), "name": fill(name), "channel": channel["id"],
            "objectives": None if channel["objectives"] and r.random() < 0.2 else r.sample(obj_ids, 1),
            "audience": r.sample(seg_ids, min(2, len(seg_ids))) if r.random() < 0.25 else None,
            "interaction": interaction, "stage": STAGES[i] if i < 5 else r.choice(STAGES + [None]),
            "touchpoint": ("offline" if channel["kind"] == "offline" else "online") if r.random() < 0.2 else None,
            "owner": r.choice(ROLES) if r.random() < 0.3 else None,
            "budget": r.randint(5, 90) * 100 if r.random() < 0.2 else None,
            "description": fill(r.choice(SENTENCES)) if r.random() < 0.2 else None})
    allocations = [{"channel": c["id"], "amount": r.randint(*(10, 30) if c["kind"] == "paid" else (20, 90)) * 100}
                   for c in channels]
    plan = {
        "version": 1, "name": f"{brand} {trade} {start.year} customer strategy", "owner": r.choice(ROLES),
        "sponsor": r.choice(["CEO", "Managing Director", "Chief Customer Officer", "Founder"]),
        "period": {"start": start, "end": end}, "objectives": objectives, "audience": {"segments": segments},
        "value_proposition": fill("The {offer} that comes with people to learn {topic} with: ask us anything, "
                                  "meet other {cust} at the {venue}, and get help whenever you need it."),
        "kpis": kpis, "channels": channels, "tactics": tactics,
        "content": {"pillars": [fill("{Topic} how-tos"), "Customer stories", "Behind the scenes"]},
        "listening": {"tools": ["Brand mention alerts", "Review inbox"], "cadence": "weekly",
                      "owner": "Community lead"},
        "customer_care": {"channels": [channels[0]["id"], channels[2]["id"]], "response_time": "4 hours",
                          "owner": "Support lead"},
        "loyalty": fill("Every fifth {offer} order is on us; members get early access to {topic} evenings."),
        "word_of_mouth": {"program": "Bring a friend", "description": fill("{Cust} bring a friend to the {venue}.")},
        "advocacy": fill("Regular {cust} host {topic} evenings and get training and early access."),
        "organization": {"teams": ["Marketing", *r.sample(TEAMS[1:], 2)], "training": "Half-day course on "
                         "answering customers online", "internal_social": r.choice(["Staff chat channel", None])},
        "review": {"cadence": r.choice(["monthly", "quarterly", "every four weeks"]), "method": "plan-do-check-act",
                   "owner": r.choice(ROLES)},
        "budget": {"total": sum(a["amount"] for a in allocations), "currency": r.choice(["EUR", "GBP", "USD"]),
                   "allocations": allocations,
                   "comparison": "Cost per new customer, compared every quarter with last year's print ads"},
    }
    return prune(plan)


def prune(value):
    """Drop the optional keys left as None."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items() if v is not None}
    return [prune(v) for v in value] if isinstance(value, list) else value


# -- defects: each changes the plan and returns the findings it plants --------------------------

DEFECTS = {}


def defect(fn):
    DEFECTS[fn.__name__.replace("_", "-")] = fn
    return fn


@defect
def vanity_only_kpis(p, r):
    for k in p["kpis"]:
        k["name"] = r.choice(VANITY)
        k.pop("category", None) if r.random() < 0.5 else k.update(category="vanity")
    return {"SL201": 1}


@defect
def kpi_without_target(p, r):
    chosen = r.sample(p["kpis"], r.randint(1, min(3, len(p["kpis"]))))
    for k in chosen:
        del k["target"]  # its baseline stays: SL203 needs a target
    return {"SL202": len(chosen)}


@defect
def placeholder_text(p, r):
    chosen = r.sample(p["tactics"], r.randint(1, 3))
    for t in chosen:
        t[r.choice(["owner", "description"])] = r.choice(PLACEHOLDERS)
    return {"SL903": len(chosen)}


@defect
def shallow_segment(p, r):
    chosen = r.sample(p["audience"]["segments"], 1)
    for s in chosen:
        for key in DEPTH:
            s.pop(key, None)
    return {"SL302": len(chosen)}


@defect
def growth_hack_tactic(p, r):
    social = next(c for c in p["channels"] if c["kind"] == "social")
    p["tactics"].insert(r.randrange(len(p["tactics"])), {
        "id": "growth-push", "name": r.choice(HACKS), "channel": social["id"], "interaction": "one-way",
        "objectives": [p["objectives"][0]["id"]], "stage": "attention"})
    return {"SL901": 1}


@defect
def channel_as_objective(p, r):
    r.choice(p["objectives"])["statement"] = r.choice(
        ["Launch a TikTok page", "Grow our Instagram followers to 20k", "Set up a LinkedIn account"])
    return {"SL104": 1}


@defect
def missing_business_objective(p, r):
    for o in p["objectives"]:
        o["type"] = r.choice(["marketing", "communication"])
    return {"SL101": 1}


@defect
def broadcast_only(p, r):
    for t in p["tactics"]:
        t["interaction"] = "one-way"
    return {"SL501": 1}


def drop(key: str, code: str, keep: dict | None = None):
    """A defect that removes a section (or leaves only ``keep`` of it) to plant ``code``."""
    def apply(p, r):
        if keep and r.random() < 0.5:
            p[key] = keep
        else:
            del p[key]
        return {code: 1}
    DEFECTS[f"no-{key.replace('_', '-')}"] = apply


drop("listening", "SL502", keep={"owner": "Community lead"})
drop("review", "SL801", keep={"owner": "Head of Marketing"})
drop("customer_care", "SL503")
drop("sponsor", "SL701")
drop("value_proposition", "SL303")


@defect
def short_horizon(p, r):
    p["period"]["end"] = p["period"]["start"] + dt.timedelta(days=r.randint(20, 85))
    return {"SL802": 1}


@defect
def marketing_silo(p, r):
    p["organization"]["teams"] = r.sample(MARKETING_TEAMS, 2)
    return {"SL702": 1}


@defect
def no_budget_comparison(p, r):
    del p["budget"]["comparison"]
    return {"SL803": 1}


# -- YAML output ------------------------------------------------------------------------------

UNSAFE = re.compile(r"""^[-?:,\[\]{}#&*!|>'"%@`\s.+\d]|:\s|\s#|:$|\s$|^(true|false|yes|no|on|off|null|y|n)$""", re.I)


class Writer:
    def __init__(self, r: random.Random, shared: list):
        self.r, self.lines = r, []
        self.flow_items = r.uniform(0.5, 0.95)  # chance that an item is a flow mapping
        self.pad = r.choice([0, 2])  # block sequences indented under their key, or not
        self.anchors, self.aliased = {id(v): f"ids{i}" for i, v in enumerate(shared)}, set()

    def scalar(self, v, flow: bool) -> str:
        if not isinstance(v, str):
            return str(v)
        roll = self.r.random()
        if (re.fullmatch(r"\d+%", v) or not UNSAFE.search(v)) and not (flow and re.search(r"[,\[\]{}]", v)) \
                and roll < 0.95:
            return v
        if roll < 0.975 and "'" not in v:
            return f"'{v}'"
        return json.dumps(v, ensure_ascii=False)

    def flow(self, v) -> str:
        if id(v) in self.anchors:
            if id(v) in self.aliased:
                return "*" + self.anchors[id(v)]
            self.aliased.add(id(v))
            return f"&{self.anchors[id(v)]} [{', '.join(self.scalar(x, True) for x in v)}]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k}: {self.flow(x)}" for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(self.flow(x) for x in v) + "]"
        return self.scalar(v, True)

    def pair(self, key: str, v, indent: int) -> None:
        head, r = " " * indent + f"{key}:", self.r
        small = isinstance(v, dict) and len(v) < 4 and not any(isinstance(x, (dict, list)) for x in v.values())
        if isinstance(v, dict) and not (small and r.random() < 0.5):
            self.lines.append(head)
            for k, x in v.items():
                self.pair(k, x, indent + 2)
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            self.lines.append(head)
            for item in v:
                self.item(item, indent + self.pad)
        elif isinstance(v, str) and len(v) > 70 and r.random() < 0.4:
            self.lines.append(head + " >-")  # folded: the wrapped lines join back with single spaces
            self.lines += [" " * (indent + 2) + line for line in textwrap.wrap(v, 60, break_on_hyphens=False)]
        elif isinstance(v, list) and len(v) > 1 and r.random() < 0.1 and id(v) not in self.anchors:
            self.lines.append(head)
            self.lines += [" " * (indent + self.pad) + "- " + self.scalar(x, False) for x in v]
        else:
            text = self.flow(v) if isinstance(v, (dict, list)) else self.scalar(v, False)
            note = f"  # {r.choice(COMMENTS)}" if r.random() < 0.02 else ""
            self.lines.append(f"{head} {text}{note}")

    def item(self, v: dict, indent: int) -> None:
        if self.r.random() < self.flow_items:
            self.lines.append(" " * indent + "- " + self.flow(v))
            return
        first = len(self.lines)
        for k, x in v.items():
            self.pair(k, x, indent + 2)
        self.lines[first] = " " * indent + "- " + self.lines[first][indent + 2:]


def render(plan: dict, r: random.Random, shared: list) -> str:
    w = Writer(r, shared)
    if r.random() < 0.5:
        w.lines.append("# yaml-language-server: $schema=https://stratlint.dev/schemas/strategy-v1.schema.json")
    if r.random() < 0.2:
        w.lines.append("---")
    for key, value in plan.items():
        if isinstance(value, (dict, list)) and r.random() < 0.4:
            w.lines += ["", f"# {key.replace('_', ' ').capitalize()}"] if r.random() < 0.6 else [""]
        w.pair(key, value, 0)
    return "\n".join(w.lines) + "\n"


def generate(index: int, seed: int, scale: float, rate: float) -> tuple[str, list[str], dict]:
    r = random.Random(f"stratlint-corpus:{seed}:{index}")
    plan = clean_plan(r, scale)
    names = r.sample(sorted(DEFECTS), r.choice([1, 1, 2, 3])) if r.random() < rate else []
    expected: dict[str, int] = {}
    for name in names:
        for code, n in DEFECTS[name](plan, r).items():
            expected[code] = expected.get(code, 0) + n
    shared = []
    if r.random() < 0.25:  # one objectives list that later tactics reach through aliases
        tactics = [t for t in plan["tactics"] if "objectives" in t]
        shared = [tactics[0]["objectives"]]
        for t in r.sample(tactics[1:], min(3, len(tactics) - 1)):
            t["objectives"] = shared[0]
    return render(plan, r, shared), names, dict(sorted(expected.items()))


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
    print(f"corpus: {a.files} files, {sum(sizes)} bytes (mean {sum(sizes) // len(sizes)}, max {max(sizes)}), "
          f"{sum(bool(f['defects']) for f in files.values())} with defects -> {a.outdir} "
          f"in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
