"""The plan schema: :mod:`~stratlint.schema.compiled` answers "is this plan
valid?" fast; :mod:`~stratlint.schema.explain` says what is wrong, where,
in words a marketer reads (SL002)."""
