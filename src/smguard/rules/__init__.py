"""The rules, one module per rule, grouped by mistake (``m1_platforms`` … ``m6_overdoing``).

Importing :func:`all_rules` imports every rule module, which registers it in :data:`base.REGISTRY`.
"""

from __future__ import annotations

import importlib
import pkgutil

from smguard.rules.base import REGISTRY, Evidence, Finding, NotRun, Rule, RuleOptions, T, rule

GROUPS = ("m1_platforms", "m2_guidelines", "m3_complaints", "m4_tools", "m5_quality", "m6_overdoing")

__all__ = ["Evidence", "Finding", "NotRun", "Rule", "RuleOptions", "T", "all_rules", "rule", "REGISTRY"]


def all_rules() -> list[Rule]:
    """Every rule, sorted by code."""
    for group in GROUPS:
        pkg = importlib.import_module(f"smguard.rules.{group}")
        for info in pkgutil.iter_modules(pkg.__path__):
            importlib.import_module(f"{pkg.__name__}.{info.name}")
    return [REGISTRY[c] for c in sorted(REGISTRY)]
