"""Scores 0–100 per mistake and overall. The formula is documented in docs/scores.md; keep the two in step.

Each finding weighs by severity (``info`` weighs nothing: it is a tip, not evidence of the mistake). A rule's
weight is capped so one noisy rule cannot sink a score alone. A mistake's penalty is the sum over its rules,
and its score is ``round(100 * exp(-penalty / SCALE))``: 100 means no sign of the mistake, and each further
problem costs less than the one before, so scores stay comparable between small and large data sets.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from smguard.rules.base import Finding

SEVERITY_WEIGHT = {"high": 12.0, "medium": 6.0, "low": 2.0, "info": 0.0}
RULE_CAP = 40.0
SCALE = 50.0
MISTAKES = (1, 2, 3, 4, 5, 6)


def penalties(findings: Iterable[Finding]) -> dict[int, float]:
    per_rule: dict[tuple[int, str], float] = defaultdict(float)
    for f in findings:
        per_rule[(f.mistake, f.rule)] += SEVERITY_WEIGHT[f.severity]
    out = {m: 0.0 for m in MISTAKES}
    for (m, _), w in per_rule.items():
        out[m] += min(RULE_CAP, w)
    return out


def scores(findings: Iterable[Finding]) -> dict[int, int]:
    return {m: round(100 * math.exp(-p / SCALE)) for m, p in penalties(findings).items()}


def overall(per_mistake: dict[int, int]) -> int:
    """The mean of the six scores: every mistake counts the same."""
    return round(sum(per_mistake.values()) / len(per_mistake))
