"""The strategy review: a self-contained static HTML report of lint results.

    from stratlint.report import PlanInput, RuleInfo, write_report, rule_infos

    paths = write_report(plans, rule_infos(load_rules().rules), Path("review"))

``write_report`` writes one page per plan plus ``index.html``, a side-by-side
comparison that links to them; with a single plan, ``index.html`` is that
plan's page. Pages need no network, no script and no other file.

``render_plan`` and ``render_index`` (in :mod:`stratlint.report.render`)
render one page at a time, for a caller that renders in worker processes
(``stratlint report``); pages are written only inside the output folder,
replacing only earlier report pages.
"""
from stratlint.report.model import PlanInput, RuleInfo, rule_infos
from stratlint.report.render import write_report

__all__ = ["PlanInput", "RuleInfo", "rule_infos", "write_report"]
