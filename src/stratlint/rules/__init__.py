"""The rule model and where rules come from: :mod:`~stratlint.rules.model`
(a rule and its steps), :mod:`~stratlint.rules.packs` (reading declarative
packs), :mod:`~stratlint.rules.plugins` (Python plugins),
:mod:`~stratlint.rules.registry` (the rule set of a run),
:mod:`~stratlint.rules.selectors` (how users name rules),
:mod:`~stratlint.rules.options` (config options laid over a rule's) and
:mod:`~stratlint.rules.docs` (``stratlint rules`` and ``explain``)."""
