"""Configuration: :mod:`~stratlint.config.files` finds and reads
``.stratlint.yaml`` / ``[tool.stratlint]`` (with ``extends`` and presets);
:mod:`~stratlint.config.settings` resolves a run's settings from the
rules' defaults, the config and the command line."""
