"""The rule model: what a rule pack entry becomes once read."""
from __future__ import annotations

from dataclasses import dataclass

from stratlint.checks import CheckSpec
from stratlint.findings import Severity


@dataclass(frozen=True, slots=True)
class Step:
    function: CheckSpec
    options: dict


@dataclass(slots=True)
class Rule:
    code: str
    slug: str
    severity: Severity
    summary: str
    given: tuple[str, ...]
    steps: tuple[Step, ...]
    message: str | dict[str, str]
    docs: dict
    source: str
    location: dict | None = None
    #: instead of steps: the diagnostic of a stage of the run this rule
    #: reports ("parse", "unused-suppression", "expired-waiver", "missing-reason")
    reports: str | None = None
    #: runs whatever --select, --ignore or a severity of off say
    always_on: bool = False
    #: a ``where`` test on the whole plan: when it holds, the rule does not
    #: run on that plan (``{field: organization.size, below: 5}``)
    unless: dict | None = None
    #: False for an opt-in rule: it runs only when named in a selection or given a severity
    enabled: bool = True
    fixable: bool = False
    fix: dict | None = None  # what 'check --fix' inserts: {at, add} (see stratlint.fix.fixes)
    where: str = ""  # file:line of the rule's definition, for error messages

    def template(self, variant: str | None) -> str:
        if isinstance(self.message, str):
            return self.message
        if variant in self.message:
            return self.message[variant]
        return next(iter(self.message.values()))
