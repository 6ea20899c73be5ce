"""Check functions for the hygiene rules."""
from __future__ import annotations
