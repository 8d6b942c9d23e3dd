"""Shared by the mistake-1 rules: run :func:`smguard.platforms.fit.check_post_fit` on brand posts.

Big tables are first narrowed in Polars with a cheap condition that is a *superset* of the real check
(for example "more than 140 code points" before counting X's weighted length); only the candidates go
through the Python check, so the decision itself has one implementation, the composer's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import polars as pl

from smguard.platforms import all_profiles
from smguard.platforms.base import PlatformProfile
from smguard.platforms.fit import FitIssue, check_post_fit
from smguard.rules.base import Evidence, Finding, T
from smguard.rules.context import AuditContext

SEVERITY = {"error": "medium", "warning": "low"}  # tips are never evidence of the mistake
POST_COLUMNS = ("id", "account_id", "created_at", "date", "platform", "text", "media", "link")


def profiles_where(pred: Callable[[PlatformProfile], bool]) -> list[str]:
    return [k for k, p in all_profiles().items() if pred(p)]


def media_dicts(media: Any) -> list[dict]:
    return [dict(m) for m in (media or []) if m is not None]


#: The check groups of :func:`check_post_fit` each rule needs (so a rule does not pay for the others).
RULE_CHECKS = {
    "SM101": ("format",),
    "SM102": ("length",),
    "SM104": ("hashtags", "links"),
    "SM105": ("format",),
    "SM106": ("media",),
}


def post_issues(row: dict[str, Any], rule_code: str, codes: set[str] | None = None) -> list[FitIssue]:
    """The fit issues of one post that ``rule_code`` reports (tips left out)."""
    issues = check_post_fit(
        row["platform"],
        row.get("text") or "",
        media_dicts(row.get("media")),
        row.get("link"),
        posted_at=row.get("date"),
        checks=RULE_CHECKS.get(rule_code),
    )
    return [
        i
        for i in issues
        if i.rule == rule_code and i.severity in SEVERITY and (codes is None or i.code in codes)
    ]


def fit_findings(
    ctx: AuditContext,
    candidates: pl.DataFrame,
    rule_code: str,
    title: T,
    codes: set[str] | None = None,
) -> Iterator[Finding]:
    """One finding per candidate post that really has issues of ``rule_code``: evidence is that post."""
    cols = [c for c in POST_COLUMNS if c in candidates.columns]
    for row in candidates.select(cols).sort("created_at").iter_rows(named=True):
        issues = post_issues(row, rule_code, codes)
        if not issues:
            continue
        worst = min(issues, key=lambda i: 0 if i.severity == "error" else 1)
        day = str(row.get("date") or "")
        msg_en = " ".join(i.message_en for i in issues)
        msg_zh = "".join(i.message_zh for i in issues)
        fix_en = " ".join(dict.fromkeys(i.fix_en for i in issues))
        fix_zh = "".join(dict.fromkeys(i.fix_zh for i in issues))
        yield Finding(
            severity=SEVERITY[worst.severity],  # type: ignore[arg-type]
            title=title,
            message=T(f"Post {row['id']} ({day}): {msg_en}", f"帖子 {row['id']}({day}):{msg_zh}"),
            recommendation=T(fix_en, fix_zh),
            account_id=row["account_id"],
            evidence=[Evidence.post(str(row["id"]))],
            data={"platform": row["platform"], "date": day, "issues": [i.to_json() for i in issues]},
        )
