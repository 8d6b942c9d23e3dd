"""The dashboard: the six scores of the latest audit snapshot, their weekly trend, and the top findings with
links to their evidence."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smguard.report.model import MISTAKE_TITLES
from smguard.store.models import AuditSnapshot, ScoreHistory
from smguard.web.services.common import get_meta, iso

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


def evidence_link(ev: dict[str, Any]) -> str | None:
    """Where a piece of evidence is shown: an API path (the pages map it to their own URL)."""
    kind, ident = ev.get("type"), ev.get("id")
    if not ident:
        return None
    return {
        "message": f"/api/inbox/{ident}",
        "post": f"/api/posts/{ident}",
        "employee": "/api/guidelines/unsigned",
        "campaign": "/api/campaigns",
        "follower": "/api/followers/quality",
        "day": f"/api/posts/queue?account_id={ev.get('account_id')}",
        "account": "/api/tools",
        "like": "/api/likes/queue",
    }.get(kind)


def latest_snapshot(db: Session) -> AuditSnapshot | None:
    return db.scalar(
        select(AuditSnapshot).order_by(AuditSnapshot.as_of.desc(), AuditSnapshot.id.desc()).limit(1)
    )


def dashboard(db: Session, lang: str = "en", top: int = 10) -> dict[str, Any]:
    snap = latest_snapshot(db)
    trend = [
        {"week": h.week.isoformat(), "as_of": iso(h.as_of), "scores": h.scores, "overall": h.overall}
        for h in db.scalars(select(ScoreHistory).order_by(ScoreHistory.week))
    ]
    mistakes = {str(m): {"en": t[0], "zh": t[1]} for m, t in MISTAKE_TITLES.items()}
    if snap is None:
        return {
            "dataset": get_meta(db, "dataset_name"),
            "snapshot": None,
            "scores": None,
            "overall": None,
            "trend": trend,
            "top_findings": [],
            "mistakes": mistakes,
            "not_run": [],
        }
    findings = [f for f in snap.findings if f.get("severity") != "info"]
    findings.sort(key=lambda f: (SEVERITY_ORDER.get(f.get("severity"), 9), f.get("rule", "")))
    top_findings = []
    for f in findings[:top]:
        item = dict(f)
        for k in ("title", "message", "recommendation"):
            if isinstance(item.get(k), dict):
                item[k] = item[k].get(lang) or item[k].get("en")
        item["evidence"] = [{**e, "link": evidence_link(e)} for e in f.get("evidence", [])[:20]]
        top_findings.append(item)
    by_mistake: dict[str, int] = {}
    for f in findings:
        by_mistake[str(f.get("mistake"))] = by_mistake.get(str(f.get("mistake")), 0) + 1
    return {
        "dataset": snap.dataset_name,
        "snapshot": {"id": snap.id, "as_of": iso(snap.as_of), "created_at": iso(snap.created_at)},
        "scores": snap.scores,
        "overall": snap.overall,
        "trend": trend,
        "top_findings": top_findings,
        "findings_per_mistake": by_mistake,
        "mistakes": mistakes,
        "not_run": snap.not_run,
    }


def findings(db: Session, mistake: int | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """Every finding of the latest snapshot (optionally of one mistake), texts in ``lang``."""
    snap = latest_snapshot(db)
    if snap is None:
        return []
    out = []
    for f in snap.findings:
        if mistake is not None and f.get("mistake") != mistake:
            continue
        item = dict(f)
        for k in ("title", "message", "recommendation"):
            if isinstance(item.get(k), dict):
                item[k] = item[k].get(lang) or item[k].get("en")
        item["evidence"] = [{**e, "link": evidence_link(e)} for e in f.get("evidence", [])]
        out.append(item)
    return out
