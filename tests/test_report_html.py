"""The HTML strategy review (stratlint.report).

Browser tests open every generated page from disk in a real headless
Chromium (Debian's /usr/bin/chromium, driven by Playwright) and are
skipped, with the reason, when no such browser or Playwright is found;
``STRATLINT_CHROMIUM`` names another Chromium binary. The other tests need
no browser.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stratlint.checks.classify import classifiers
from stratlint.linter import lint_bytes
from stratlint.document import LoadError, load
from stratlint.rules.registry import load_rules
from stratlint.report import PlanInput, RuleInfo, rule_infos, write_report
from stratlint.report.charts import plan_charts
from stratlint.report.context import default_channel_medium, default_kpi_category, page_names
from stratlint.report.scorecard import ELEMENTS, MISSING, PRESENT, WEAK, rate
from tests.report_fixtures.browser import Page, browser  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.strategy.yaml"))
RULES = load_rules().rules
INFOS = rule_infos(RULES)
BROKEN = "version: 1\nname: Broken plan\nkpis: [unclosed\nchannels:\n  - {id: web}\n"
NEW_CODES = {"SL206", "SL207", "SL507", "SL508"}  # rules v2, mapped before they exist


def plan_input(path: str, text: str) -> PlanInput:
    """A PlanInput the way the CLI builds one: parsed data and real findings."""
    try:
        data = load(text).data
    except LoadError:
        data = None
    result = lint_bytes(text.encode("utf-8"), path, RULES)
    return PlanInput(path, data, text, [f.to_dict() for f in result.findings])


def example(name: str) -> PlanInput:
    path = ROOT / "examples" / f"{name}.strategy.yaml"
    return plan_input(f"examples/{path.name}", path.read_text(encoding="utf-8"))


def all_plans() -> list[PlanInput]:
    plans = [plan_input(f"examples/{p.name}", p.read_text(encoding="utf-8")) for p in EXAMPLES]
    return plans + [plan_input("drafts/broken.strategy.yaml", BROKEN)]


# -- a real browser ---------------------------------------------------------------

@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    paths = write_report(all_plans(), INFOS, out)
    return out, paths


def test_every_page_loads_from_disk_without_errors_or_network(browser, report):
    out, paths = report
    assert paths[0] == out / "index.html" and len(paths) == len(EXAMPLES) + 2
    for path in paths:
        page = Page(browser, path)
        with page as p:
            p.wait_for_load_state("load")
            assert page.problems == [], path.name
            assert p.evaluate("document.documentElement.lang") == "en"
            assert p.locator("h1").count() == 1, path.name
            assert p.locator("main").count() == 1 and p.locator("header[role=banner]").count() == 1
            assert p.locator("meta[name=viewport]").count() == 1
            # headings never skip a level
            levels = p.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => +e.tagName[1])")
            assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path.name, levels)
            # every in-page link has its target
            missing = p.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
                .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))""")
            assert missing == [], (path.name, missing)
            # every table header says what it heads
            assert p.locator("th:not([scope])").count() == 0, path.name


def test_index_compares_the_plans_and_its_links_resolve(browser, report):
    out, paths = report
    with Page(browser, out / "index.html") as p:
        rows = p.locator("table.compare tbody tr")
        assert rows.count() == len(EXAMPLES) + 1
        hrefs = p.eval_on_selector_all("table.compare tbody th a", "els => els.map(a => a.href)")
        for href in hrefs:
            target = Path(unquote(urlparse(href).path))
            assert target.is_file() and target.parent == out, href
        assert {out / Path(unquote(urlparse(h).path)).name for h in hrefs} == set(paths[1:])
        vanity = p.locator("tr", has=p.locator("a", has_text="Marlow Street Bakery 2027 plan"))
        assert vanity.locator("td[data-element=kpis]").get_attribute("data-status") == WEAK
        assert vanity.locator("td[data-element=kpis] .visually-hidden").inner_text() == "Weak"
        counts = [c.inner_text() for c in vanity.locator("td.num").all()]
        # present, weak, missing, errors, warnings, info (SL201, and SL206 at each of the four KPIs)
        assert counts == ["12", "1", "0", "0", "5", "0"]
        broken = p.locator("tr", has=p.locator("a", has_text="drafts/broken.strategy.yaml"))
        assert "Did not parse" in broken.inner_text()
    for path in paths[1:]:  # and back
        with Page(browser, path) as p:
            back = p.locator("nav.crumbs a")
            assert back.get_attribute("href") == "index.html"


def test_scorecard_rates_the_vanity_metrics_plan(browser, report):
    out, _ = report
    with Page(browser, out / "vanity-metrics.html") as p:
        assert p.locator("h1").inner_text() == "Marlow Street Bakery 2027 plan"
        rows = p.locator("table.scorecard tbody tr")
        assert rows.count() == len(ELEMENTS)
        statuses = {r.get_attribute("data-element"): r.locator(".badge").inner_text().strip() for r in rows.all()}
        assert statuses.pop("kpis") == "Weak"
        assert set(statuses.values()) == {"Present"}
        kpis = p.locator("tr#element-kpis")
        link = kpis.locator("td.why a").first  # SL201, then SL206 at each KPI
        assert "SL201" in link.inner_text()
        assert kpis.locator("td.why a").count() == 5
        target = link.get_attribute("href")
        assert p.locator(f"article{target}").get_attribute("data-code") == "SL201"
        assert "12 present" in p.locator("#summary").inner_text()


def test_scorecard_shows_what_a_channel_first_plan_misses(browser, report):
    out, _ = report
    with Page(browser, out / "channel-first.html") as p:
        status = {r.get_attribute("data-element"): r.get_attribute("data-status")
                  for r in p.locator("table.scorecard tbody tr").all()}
        assert status["objectives"] == MISSING and status["audience"] == MISSING
        assert status["kpis"] == MISSING  # no kpis section at all
        assert status["channels"] == WEAK and status["listening"] == PRESENT
        why = p.locator("tr#element-objectives td.why").inner_text()
        assert "SL101" in why


def test_charts_have_titles_and_a_text_equivalent(browser, report):
    out, _ = report
    with Page(browser, out / "advertising-heavy.html") as p:
        charts = p.locator("figure.chart")
        assert charts.count() == 5
        for chart in charts.all():
            svg = chart.locator("svg[role=img]")
            title = svg.locator("title").text_content()
            assert title and title == chart.locator("h3").inner_text()
            labelled = svg.get_attribute("aria-labelledby").split()
            assert all(p.locator(f"#{i}").count() == 1 for i in labelled)
            assert chart.locator("svg desc").text_content().startswith(title)
            bars = chart.locator("g.bar")
            table_rows = chart.locator("table.data tbody tr")
            assert bars.count() == table_rows.count() > 0
            # every bar is labelled in text, not by colour alone
            for bar in bars.all():
                assert bar.locator("text.label").text_content() and bar.locator("text.value").text_content()
        paid = p.locator("#chart-budget-kind g.s-paid")
        assert paid.locator("text.value").text_content() == "78,000 GBP"
        assert paid.locator("rect[fill='url(#pattern-hatch)']").count() == 1
        box = p.locator("#chart-budget-kind svg").bounding_box()
        assert box["width"] > 200 and box["height"] > 60  # drawn, not collapsed
    with Page(browser, out / "vanity-metrics.html") as p:
        assert p.locator("figure.chart").count() == 3  # no budget: two charts omitted, with a note
        notes = p.locator("ul.omitted li")
        assert notes.count() == 2 and "not charted" in notes.first.inner_text()


def test_a_finding_shows_its_own_lines(browser, report):
    out, _ = report
    source = (ROOT / "examples" / "vanity-metrics.strategy.yaml").read_text(encoding="utf-8").splitlines()
    kpis_line = source.index("kpis:") + 1
    with Page(browser, out / "vanity-metrics.html") as p:
        finding = p.locator("article[data-code=SL201]")
        assert "Warning" in finding.locator(".badge").inner_text()
        assert finding.locator(".badge svg").count() == 1
        assert f"line {kpis_line}" in finding.locator(".where").inner_text()
        lines = finding.locator(".source .line")
        numbers = [int(n) for n in lines.evaluate_all("els => els.map(e => e.dataset.line)")]
        assert numbers == list(range(kpis_line - 2, kpis_line + 3))
        for line in lines.all():
            number = int(line.get_attribute("data-line"))
            assert line.locator(".ln").inner_text() == str(number)
            text = line.inner_text()
            assert text.endswith(source[number - 1].rstrip()) or source[number - 1].strip() == ""
        hit = finding.locator(".source .line.hit")
        assert hit.count() == 1 and hit.get_attribute("data-line") == str(kpis_line)
        assert hit.locator("mark").inner_text() == "kpis"
        assert "category: outcome" in finding.locator(".fix code").first.inner_text()
        quote = finding.locator("figure.quote")
        assert "Likes" in quote.locator("blockquote").inner_text()
        assert quote.locator("cite").inner_text() == "RIP Social Media: Long Live Social"
        assert ".txt" not in finding.inner_text()


def test_a_plan_that_did_not_parse_says_so(browser, report):
    out, _ = report
    with Page(browser, out / "broken.html") as p:
        assert "could not be read" in p.locator("#summary").inner_text()
        assert p.locator("table.scorecard").count() == 0 and p.locator("figure.chart").count() == 0
        finding = p.locator("article[data-code=SL001]")
        assert finding.count() == 1
        numbers = finding.locator(".source .line").evaluate_all("els => els.map(e => +e.dataset.line)")
        hit = int(finding.locator(".source .line.hit").get_attribute("data-line"))
        assert numbers == list(range(max(hit - 2, 1), min(hit + 2, len(BROKEN.splitlines())) + 1))


def test_phone_width_does_not_scroll_sideways(browser, report):
    out, paths = report
    for path in (out / "index.html", out / "vanity-metrics.html", out / "channel-first.html"):
        with Page(browser, path, width=375) as p:
            assert p.evaluate("document.documentElement.scrollWidth") <= 375, path.name


def test_print_stylesheet_keeps_findings_whole(browser, report):
    out, _ = report
    with Page(browser, out / "vanity-metrics.html") as p:
        p.emulate_media(media="print")
        finding = p.locator("article.finding").first
        assert finding.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        assert p.locator("nav.toc").evaluate("e => getComputedStyle(e).display") == "none"
        assert p.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        assert len(p.pdf()) > 1000


# -- no browser -------------------------------------------------------------------

def test_one_plan_makes_index_its_page(tmp_path):
    paths = write_report([example("vanity-metrics")], INFOS, tmp_path)
    assert paths == [tmp_path / "index.html"] and sorted(tmp_path.iterdir()) == paths
    html = paths[0].read_text(encoding="utf-8")
    assert "Marlow Street Bakery 2027 plan" in html and 'class="crumbs"' not in html


def test_no_plan_still_writes_an_index(tmp_path):
    paths = write_report([], INFOS, tmp_path / "new" / "folder")
    assert paths == [tmp_path / "new" / "folder" / "index.html"]
    assert "No strategy file was reviewed" in paths[0].read_text(encoding="utf-8")


def test_pages_are_self_contained(report):
    _, paths = report
    for path in paths:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe|object)\b", html), path.name
        assert not re.search(r"\bsrc=|url\((?!#)|@import|https?://", html), path.name
        assert html.count("<style>") == 1


@pytest.mark.parametrize("paths", [
    ["../../x", "../../x", "/etc/passwd", "a/b/../../../c.yaml"],
    ["plans\\..\\..\\win.strategy.yaml", "C:\\plans\\q3.strategy.yaml", "..", ".", "", "~/.ssh/id"],
    ["index.strategy.yaml", "INDEX.yaml", "con.yaml", "team a/q3.strategy.yaml", "team-b/q3.strategy.yaml"],
    ["<script>.yaml", "plän ü.strategy.yaml", "x" * 400, "a" + "/" * 50 + "b", "\x00\n\t.yaml"],
])
def test_page_names_stay_inside_the_folder_and_are_unique(tmp_path, paths):
    out = tmp_path / "out"
    plans = [PlanInput(p, {"version": 1, "name": "Plan"}, "", []) for p in paths]
    written = write_report(plans, INFOS, out)
    assert written[0] == out / "index.html" and len(written) == len(paths) + 1
    assert len({w.name.lower() for w in written}) == len(written)
    for w in written:
        assert w.resolve().parent == out.resolve() and w.is_file()
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*\.html", w.name) and len(w.name) <= 90


def test_page_names_use_the_folder_only_when_base_names_clash():
    assert page_names(["examples/good.strategy.yaml", "a/q3.strategy.yaml", "b/q3.strategy.yaml"]) == [
        "good.html", "a-q3.html", "b-q3.html"]
    assert page_names(["index.yaml", "x/index.yaml"]) == ["index-2.html", "x-index.html"]


def test_output_is_deterministic(tmp_path):
    plans = all_plans()
    first = write_report(plans, INFOS, tmp_path / "a")
    second = write_report(plans, INFOS, tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))


def test_output_does_not_depend_on_hash_seed(tmp_path):
    script = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
              "from test_report_html import all_plans, INFOS, write_report;"
              "write_report(all_plans(), INFOS, Path(sys.argv[1]))")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed), str(Path(__file__).parent)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
    names = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "2").iterdir())
    assert all((tmp_path / "1" / n).read_bytes() == (tmp_path / "2" / n).read_bytes() for n in names)


def test_text_is_escaped(tmp_path):
    evil = "<script>alert(1)</script>"
    data = {"version": 1, "name": evil, "owner": '"><img src=x onerror=alert(1)>', "sponsor": "A & B",
            "kpis": [{"id": "k", "name": evil, "category": evil}], "channels": [{"id": "c", "name": evil, "kind": evil}]}
    finding = {"path": evil, "line": 1, "column": 1, "end_line": 1, "end_column": 5, "code": "X<1>",
               "rule": evil, "severity": "error", "message": evil, "pointer": "/<b>"}
    rules = {"X<1>": RuleInfo("X<1>", evil, "error", evil, evil, evil, evil, "`" + evil + "`", "javascript:alert(1)")}
    plans = [PlanInput(evil, data, "<b>bold</b>\n</style><script>x</script>\n", [finding])] * 2
    written = write_report(plans, rules, tmp_path)
    for page in written:
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html and "<b>" not in html and "javascript:" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    plan_page = written[1].read_text(encoding="utf-8")
    assert "A &amp; B" in plan_page and "<mark>&lt;b&gt;b</mark>old&lt;/b&gt;" in plan_page
    assert "&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;" in plan_page


def test_script_in_a_plan_name_reads_as_text_in_the_browser(browser, tmp_path):
    evil = "<script>alert(1)</script>"
    [page] = write_report([PlanInput("x.yaml", {"version": 1, "name": evil}, "version: 1\n", [])], INFOS, tmp_path)
    with Page(browser, page) as p:
        dialogs = []
        p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        assert p.locator("h1").inner_text() == evil
        assert p.locator("script").count() == 0 and dialogs == []


# malformed plans: any JSON-like value where the plan format expects something else
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                     st.text(max_size=12), st.sampled_from(["offline", "hybrid", "vanity", "two-way", "advocacy",
                                                            "social", "paid", "web", "k1", "o1", ""]))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "name", "kind", "medium", "category", "stage", "touchpoint", "channel",
                                     "amount", "budget", "start", "end", "tools", "allocations", "currency",
                                     "segments", "x"]), inner, max_size=5)),
    max_leaves=20)
_plans = st.dictionaries(st.sampled_from(["version", "name", "owner", "sponsor", "period", "objectives", "audience",
                                          "value_proposition", "kpis", "channels", "tactics", "listening",
                                          "customer_care", "loyalty", "review", "budget", "language"]),
                         _values, max_size=10)
_findings = st.lists(st.one_of(_values, st.fixed_dictionaries({}, optional={
    "line": _scalars, "column": _scalars, "end_line": _scalars, "end_column": _scalars,
    "code": st.sampled_from(["SL201", "SL502", "SL001", "ZZ9"]) | _scalars, "severity": _scalars,
    "message": _scalars, "pointer": st.sampled_from(["", "/", "/kpis/0", "/a~1b", "x"]) | _scalars})), max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.none(), _values, _plans), findings=_findings, source=st.text(max_size=60))
def test_malformed_input_never_raises(data, findings, source):
    with tempfile.TemporaryDirectory() as out:
        plans = [PlanInput("a.yaml", data, source, findings), PlanInput(None, data, None, None)]
        paths = write_report(plans, INFOS, Path(out))
        assert len(paths) == 3 and all(p.stat().st_size > 1000 for p in paths)


def test_huge_values_are_cut_so_a_page_stays_small(tmp_path):
    text = "version: 1\nname: " + "N" * 2_000_000 + "\nowner: " + "O" * 1_000_000 + "\nsponsor: CEO\n"
    paths = write_report([plan_input("huge.strategy.yaml", text), example("good")], INFOS, tmp_path)
    assert all(p.stat().st_size < 200_000 for p in paths)
    page = (tmp_path / "huge.html").read_text(encoding="utf-8")
    assert "N" * 200 + "\u2026" in page and "N" * 201 not in page
    assert "O" * 200 + "\u2026" in page and "O" * 201 not in page


@pytest.mark.parametrize("data", [
    {"kpis": "many", "channels": {"a": 1}, "tactics": [None, 1, "x", []], "budget": [1, 2]},
    {"budget": {"allocations": [{"channel": ["x"], "amount": float("inf")}, {"channel": "a", "amount": -5},
                                {"channel": "a", "amount": True}, {"amount": 10**30}], "currency": 42}},
    {"budget": {"allocations": [{"channel": "a", "amount": 1e308}, {"channel": "a", "amount": 1e308},
                                {"channel": "b", "amount": 0.004}], "currency": "X" * 500}},
    {"tactics": [{"budget": 1e308}, {"budget": 10**400}, {"budget": float("nan")}, {"budget": 1e15}]},
    {"channels": [{"id": ["list"], "kind": {"d": 1}}, {"id": "a", "medium": ["online"]}],
     "tactics": [{"channel": {"id": "a"}, "stage": ["attention"], "touchpoint": {}}]},
    {"period": {"start": ["2027"], "end": None}, "name": 12, "owner": ["x"], "sponsor": {"a": 1}},
    {"period": "always", "audience": {"segments": {"id": "x"}}, "loyalty": [], "review": "monthly"},
])
def test_wrong_types_in_a_plan_are_skipped(tmp_path, data):
    write_report([PlanInput("p.yaml", data, "a: 1\n", [{"line": 99, "code": "SL201", "severity": "loud"}])],
                 INFOS, tmp_path)


def test_hooks_decide_kpi_categories_and_media():
    plan = {"kpis": [{"id": "a", "name": "Likes"}, {"id": "b", "name": "Retention", "category": "outcome"}],
            "channels": [{"id": "shop", "name": "Shop"}, {"id": "web", "name": "Site", "kind": "owned"}],
            "tactics": [{"id": "t", "channel": "shop"}, {"id": "u", "channel": "web"}, {"id": "v", "touchpoint": "hybrid"}],
            "budget": {"currency": "EUR", "allocations": [{"channel": "shop", "amount": 300}, {"channel": "web", "amount": 100}]}}

    def bars(charts, key):
        return {b.label: b.value for b in next(c for c in charts if c.key == key).bars}

    plain = plan_charts(plan, default_kpi_category, default_channel_medium)
    assert bars(plain, "kpi-mix") == {"outcome": 1, "engagement": 0, "awareness": 0, "activity": 0, "vanity": 0,
                                      "unknown": 1}
    assert bars(plain, "touchpoints") == {"online": 0, "offline": 0, "hybrid": 1, "unknown": 2}
    assert bars(plain, "budget-kind") == {"owned": 100, "unknown": 300}
    inferred = plan_charts(plan, lambda k, p: "vanity" if k.get("name") == "Likes" else k.get("category"),
                           lambda c, p: "offline" if c.get("name") == "Shop" else "online")
    assert bars(inferred, "kpi-mix")["vanity"] == 1 and "unknown" not in bars(inferred, "kpi-mix")
    assert bars(inferred, "touchpoints") == {"online": 1, "offline": 1, "hybrid": 1}
    assert bars(inferred, "budget-medium") == {"online": 100, "offline": 300, "hybrid": 0}
    assert next(c for c in inferred if c.key == "budget-medium").bars[0].display == "100 EUR"


def test_the_hooks_reach_the_page(tmp_path):
    [page] = write_report([example("vanity-metrics")], INFOS, tmp_path,
                          kpi_category=lambda k, p: "vanity", channel_medium=lambda c, p: "hybrid")
    html = page.read_text(encoding="utf-8")
    assert "KPI mix by category: outcome 0 (0%), engagement 0 (0%), awareness 0 (0%), activity 0 (0%), vanity 4 (100%)" in html
    assert "online 0 (0%), offline 0 (0%), hybrid 5 (100%)" in html


def test_scorecard_mapping():
    known = {r.code for r in RULES} | NEW_CODES
    for element in ELEMENTS:
        assert set(element.codes) <= known and element.absent <= set(element.codes), element.key
    codes = [c for e in ELEMENTS for c in e.codes]
    assert len(codes) == len(set(codes))  # a rule speaks for one element
    full = plan_input("good.yaml", (ROOT / "examples" / "good.strategy.yaml").read_text(encoding="utf-8")).data
    assert {r.element.key: r.status for r in rate(full, [])} == {e.key: PRESENT for e in ELEMENTS}
    status = {r.element.key: r.status for r in rate(full, [{"code": "SL201"}, {"code": "SL502"}, {"code": "SL802"}])}
    assert (status["kpis"], status["listening"], status["review"]) == (WEAK, MISSING, WEAK)
    empty = {r.element.key: r.status for r in rate({"name": "x", "loyalty": "stamps", "tactics": [{"id": "t"}]}, [])}
    assert empty["relationships"] == PRESENT  # one of loyalty, word of mouth, advocacy is there
    assert empty["a_path"] == MISSING  # tactics, but none has a stage
    assert empty["sponsor"] == MISSING and empty["two_way"] == PRESENT


def test_rule_infos_cite_articles_by_title():
    info = INFOS["SL201"]
    assert info.article == "RIP Social Media: Long Live Social" and info.quote and info.fix
    assert info.help_uri == ""
    assert all(".txt" not in i.article for i in INFOS.values())
    assert {i.article for i in INFOS.values()} - {""} == {
        "Why Social Media Doesn't Matter Anymore", "Social Media Replaces Nothing Yet Complements Everything",
        "RIP Social Media: Long Live Social", "It is Time to Drop Social Media \u2026 Long Live Social Marketing",
        "Social Marketing Doesn't Work"}
    linked = rule_infos(RULES, help_uri="https://example.test/rules#{code}-{slug}")
    assert linked["SL201"].help_uri == "https://example.test/rules#SL201-vanity-only-kpis"


def test_many_plans_get_a_page_each(tmp_path):
    base = example("good")
    plans = [PlanInput(f"team{i}/plan.strategy.yaml", base.data, base.source, base.findings) for i in range(500)]
    paths = write_report(plans, INFOS, tmp_path / "many")
    assert len(paths) == 501 and len({p.name for p in paths}) == 501
    index = paths[0].read_text(encoding="utf-8")
    assert all(f'href="{p.name}"' in index for p in paths[1:])


def test_the_rules_own_inference_as_hooks(tmp_path):
    kpi_category, channel_medium = classifiers(RULES)
    [page] = write_report([example("vanity-metrics")], INFOS, tmp_path,
                          kpi_category=kpi_category, channel_medium=channel_medium)
    html = page.read_text(encoding="utf-8")
    assert "vanity 4 (100%); total 4." in html  # named like likes and followers, or category: vanity
    assert "Online and offline tactics: online 2 (40%), offline 2 (40%), hybrid 1 (20%); total 5." in html
