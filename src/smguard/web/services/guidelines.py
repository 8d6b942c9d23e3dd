"""Guidelines (mistake 2): versions in Markdown, signing, who has not signed, the embargo list, alerts."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smguard.store.models import Account, Acknowledgment, Embargo, Employee, Guideline, Post, User
from smguard.web.services.common import NotFound, Refused, iso, now


def guideline_json(g: Guideline, with_text: bool = True) -> dict[str, Any]:
    out = {
        "version": g.version,
        "title": g.title,
        "published_at": iso(g.published_at),
        "requires_signature": g.requires_signature,
        "published_by": g.published_by,
    }
    if with_text:
        out["text"] = g.text  # Markdown; the pages render it with escaping
    return out


def current(db: Session) -> Guideline | None:
    """The current version: the latest ``published_at`` not in the future."""
    return db.scalar(
        select(Guideline)
        .where(Guideline.published_at <= now())
        .order_by(Guideline.published_at.desc())
        .limit(1)
    )


def versions(db: Session) -> list[dict[str, Any]]:
    return [
        guideline_json(g, with_text=False)
        for g in db.scalars(select(Guideline).order_by(Guideline.published_at.desc()))
    ]


def get(db: Session, version: str) -> Guideline:
    g = db.get(Guideline, version)
    if g is None:
        raise NotFound(f"no guidelines version {version!r}")
    return g


def overview(db: Session, user: User) -> dict[str, Any]:
    """The current version, whether the user (as an employee) signed it, and the list of versions."""
    g = current(db)
    signed_at = None
    if g is not None and user.employee_id:
        ack = db.get(Acknowledgment, (user.employee_id, g.version))
        signed_at = iso(ack.signed_at) if ack else None
    return {
        "current": guideline_json(g) if g else None,
        "versions": versions(db),
        "can_sign": bool(user.employee_id) and g is not None and g.requires_signature,
        "signed": signed_at is not None,
        "signed_at": signed_at,
    }


def publish(
    db: Session,
    user: User,
    text: str,
    title: str | None = None,
    version: str | None = None,
    requires_signature: bool = True,
) -> Guideline:
    """Publish a new version now. The version name defaults to the next number."""
    text = (text or "").strip()
    if not text:
        raise ValueError("the guidelines text is empty")
    if version is None:
        existing = [g.version for g in db.scalars(select(Guideline))]
        nums = []
        for v in existing:
            with contextlib.suppress(ValueError):
                nums.append(float(v))
        version = f"{int(max(nums, default=0)) + 1}.0"
    version = version.strip()
    if not version or len(version) > 50:
        raise ValueError("give a version name of at most 50 characters")
    if db.get(Guideline, version) is not None:
        raise Refused(f"version {version} exists already; publish a new version")
    g = Guideline(
        version=version,
        published_at=now(),
        title=(title or "").strip() or None,
        text=text,
        requires_signature=requires_signature,
        published_by=user.id,
    )
    db.add(g)
    db.flush()
    return g


def sign(db: Session, user: User, version: str | None = None) -> dict[str, Any]:
    """The user's employee signs the given (default: current) version."""
    if not user.employee_id:
        raise Refused("only a user linked to an employee can sign the guidelines")
    g = get(db, version) if version else current(db)
    if g is None:
        raise NotFound("no guidelines published yet")
    ack = db.get(Acknowledgment, (user.employee_id, g.version))
    if ack is None:
        ack = Acknowledgment(employee_id=user.employee_id, version=g.version, signed_at=now())
        db.add(ack)
        db.flush()
    return {"employee_id": ack.employee_id, "version": ack.version, "signed_at": iso(ack.signed_at)}


def unsigned(db: Session, version: str | None = None) -> dict[str, Any]:
    """Current employees (not left) who have not signed the version (default: current)."""
    g = get(db, version) if version else current(db)
    if g is None:
        return {"version": None, "employees": [], "signed": 0, "total": 0}
    signed = set(db.scalars(select(Acknowledgment.employee_id).where(Acknowledgment.version == g.version)))
    at = now()
    emps = [
        e for e in db.scalars(select(Employee).order_by(Employee.id)) if e.left_at is None or e.left_at > at
    ]
    missing = [
        {"id": e.id, "name": e.name, "email": e.email, "department": e.department}
        for e in emps
        if e.id not in signed
    ]
    return {
        "version": g.version,
        "employees": missing,
        "signed": len(emps) - len(missing),
        "total": len(emps),
    }


# ------------------------------------------------------------------------------------------ embargo


def embargo_json(e: Embargo) -> dict[str, Any]:
    return {
        "id": e.id,
        "term": e.term,
        "aliases": e.aliases or [],
        "reason": e.reason,
        "until": e.until.isoformat() if e.until else None,
    }


def embargo_list(db: Session) -> list[dict[str, Any]]:
    return [embargo_json(e) for e in db.scalars(select(Embargo).order_by(Embargo.term))]


def _clean_aliases(aliases: list[str] | None) -> list[str]:
    return list(dict.fromkeys(a.strip() for a in aliases or [] if a and a.strip()))


def embargo_create(
    db: Session,
    term: str,
    aliases: list[str] | None = None,
    reason: str | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    term = (term or "").strip()
    if not term:
        raise ValueError("the term is empty")
    if db.scalar(select(Embargo).where(Embargo.term == term)) is not None:
        raise Refused(f"{term!r} is on the embargo list already")
    e = Embargo(term=term, aliases=_clean_aliases(aliases), reason=reason, until=until)
    db.add(e)
    db.flush()
    return embargo_json(e)


def embargo_update(db: Session, embargo_id: int, **changes: Any) -> dict[str, Any]:
    e = db.get(Embargo, embargo_id)
    if e is None:
        raise NotFound(f"no embargo {embargo_id}")
    if "term" in changes and changes["term"] is not None:
        term = changes["term"].strip()
        if not term:
            raise ValueError("the term is empty")
        e.term = term
    if "aliases" in changes:
        e.aliases = _clean_aliases(changes["aliases"])
    if "reason" in changes:
        e.reason = changes["reason"]
    if "until" in changes:
        e.until = changes["until"]
    db.flush()
    return embargo_json(e)


def embargo_delete(db: Session, embargo_id: int) -> None:
    e = db.get(Embargo, embargo_id)
    if e is None:
        raise NotFound(f"no embargo {embargo_id}")
    db.delete(e)


def alerts(db: Session, limit: int = 100) -> list[dict[str, Any]]:
    """Alerts on employee posts, newest first: the audit's SM203 (embargoed term) and SM204 (post against the
    company) evidence, plus a live scan of the employee posts in the store with the shared embargo matcher (so a
    term added to the list today shows up at once)."""
    from zoneinfo import ZoneInfo

    from smguard.guard.embargo import EmbargoMatcher
    from smguard.web.services.common import timezone
    from smguard.web.services.compose import embargo_rows

    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    from smguard.web.services.dashboard import latest_snapshot

    snap = latest_snapshot(db)
    for f in snap.findings if snap else []:
        if f.get("rule") not in ("SM203", "SM204"):
            continue
        for ev in f.get("evidence", []):
            if ev.get("type") != "post" or ev.get("id") in seen:
                continue
            p = db.get(Post, ev["id"])
            if p is None:
                continue
            a = db.get(Account, p.account_id)
            seen.add(p.id)
            out.append(
                {
                    "post_id": p.id,
                    "account_id": p.account_id,
                    "employee_id": a.employee_id if a else None,
                    "platform": a.platform if a else None,
                    "created_at": iso(p.created_at),
                    "text": p.text,
                    "rule": f["rule"],
                    "title": f.get("title"),
                    "terms": [],
                }
            )
    matcher = EmbargoMatcher.from_rows(embargo_rows(db))
    if not len(matcher):
        return out[:limit]
    tz = ZoneInfo(timezone(db))
    rows = db.execute(
        select(Post, Account)
        .join(Account, Post.account_id == Account.id)
        .where(Account.owner == "employee")
        .order_by(Post.created_at.desc())
        .limit(5000)
    ).all()
    if not rows:
        return out[:limit]
    texts = [p.text for p, _ in rows]
    dates = [p.created_at.astimezone(tz).date() for p, _ in rows]
    for i, matches in matcher.find_many(texts, dates):
        p, a = rows[i]
        terms = sorted({m.term for m in matches})
        known = next((x for x in out if x["post_id"] == p.id), None)
        if known is not None:
            known["terms"] = terms
            continue
        out.append(
            {
                "post_id": p.id,
                "account_id": a.id,
                "employee_id": a.employee_id,
                "platform": a.platform,
                "created_at": iso(p.created_at),
                "text": p.text,
                "rule": "SM203",
                "title": None,
                "terms": terms,
            }
        )
    out.sort(key=lambda x: x["created_at"] or "", reverse=True)
    return out[:limit]
