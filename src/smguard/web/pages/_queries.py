"""Small read-only queries the pages need that the services do not offer (yet). Nothing here decides
anything: the checks themselves stay in :mod:`smguard.web.services`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smguard.guard.cadence import DEFAULT_MAX_POSTS_PER_DAY
from smguard.store.models import Employee
from smguard.web.services.common import policy_value


def daily_cap(db: Session, platform: str) -> int:
    """The account's posts-per-day cap as ``services.compose.check_post`` reads it (SM601 policy)."""
    cap = int(policy_value(db, "SM601", "max_posts_per_day", DEFAULT_MAX_POSTS_PER_DAY))
    by_platform = policy_value(db, "SM601", "max_posts_per_day_by_platform", {}) or {}
    return int(by_platform.get(platform, cap)) if isinstance(by_platform, dict) else cap


def employee_names(db: Session) -> dict[str, str]:
    """Employee id → name, to show who wrote an alerted post."""
    return {e.id: e.name or e.id for e in db.scalars(select(Employee))}


def evidence_texts(db: Session, evidence: list[dict]) -> dict[tuple[str, str], str]:
    """(type, id) → the text of the message or post a finding's evidence points at (two IN queries)."""
    from smguard.store.models import Message, Post

    out: dict[tuple[str, str], str] = {}
    for kind, model in (("message", Message), ("post", Post)):
        ids = list({e["id"] for e in evidence if e.get("type") == kind and e.get("id")})
        if ids:
            for ident, text in db.execute(select(model.id, model.text).where(model.id.in_(ids))):
                out[(kind, ident)] = text or ""
    return out
