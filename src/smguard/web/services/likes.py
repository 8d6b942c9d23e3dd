"""Likes and automation (mistake 6): a like queue that proposes only fans' posts mentioning the brand or its
products, and auto-reply rules limited to off-hours by default, with a cap on their share of replies."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from smguard.store.models import Account, AutoReplyRule, Follower, Like, Message
from smguard.web.services.common import NotFound, Refused, get_meta, iso, new_id, now

MAX_SHARE_LIMIT = 0.5  # no rule may automate more than half of the replies


def brand_terms(db: Session) -> list[str]:
    return list(get_meta(db, "brand_terms", []) or [])


def like_queue(db: Session, account_id: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Mentions and comments by followers ("fans") that name the brand or its products and are not liked yet,
    newest first. Matching uses the audit's brand-term folding (SM604)."""
    from smguard.rules.m6_overdoing._brand_terms import fold

    terms = brand_terms(db)
    if not terms:
        return []
    fan = exists().where(
        and_(
            Follower.account_id == Message.account_id,
            Follower.user_id == Message.author_id,
            Follower.unfollowed_at.is_(None),
        )
    )
    liked = exists().where(and_(Like.account_id == Message.account_id, Like.target_post_id == Message.id))
    q = (
        select(Message)
        .where(
            Message.direction == "in",
            Message.channel.in_(("mention", "comment")),
            Message.abusive.is_(False),
            fan,
            ~liked,
        )
        .order_by(Message.created_at.desc())
    )
    if account_id:
        q = q.where(Message.account_id == account_id)
    out = []
    for m in db.scalars(q.limit(5000)):
        folded = fold(m.text)
        hit = next((t for t in terms if t in folded), None)
        if hit is None:
            continue
        out.append(
            {
                "message_id": m.id,
                "account_id": m.account_id,
                "author_id": m.author_id,
                "author_handle": m.author_handle,
                "text": m.text,
                "created_at": iso(m.created_at),
                "matched_term": hit,
            }
        )
        if len(out) >= limit:
            break
    return out


def like(db: Session, message_id: str) -> dict[str, Any]:
    """Like a fan's post from the queue (recorded as a like by the brand account)."""
    m = db.get(Message, message_id)
    if m is None or m.direction != "in":
        raise NotFound(f"no inbound message {message_id!r}")
    if not any(q["message_id"] == message_id for q in like_queue(db, m.account_id, limit=100000)):
        raise Refused("only fans' posts that mention the brand or its products can be liked from the queue")
    lk = Like(
        id=new_id("ws-like"),
        account_id=m.account_id,
        created_at=now(),
        target_post_id=m.id,
        target_author_id=m.author_id,
        target_text=m.text,
    )
    db.add(lk)
    db.flush()
    return {"id": lk.id, "account_id": lk.account_id, "target_post_id": lk.target_post_id}


# ------------------------------------------------------------------------------------------ auto-replies


def rule_json(r: AutoReplyRule) -> dict[str, Any]:
    return {
        "id": r.id,
        "account_id": r.account_id,
        "name": r.name,
        "trigger": r.trigger,
        "reply_text": r.reply_text,
        "off_hours_only": r.off_hours_only,
        "off_hours_start": r.off_hours_start,
        "off_hours_end": r.off_hours_end,
        "max_share": r.max_share,
        "enabled": r.enabled,
    }


def _validate(values: dict[str, Any], db: Session) -> None:
    if "max_share" in values and values["max_share"] is not None:
        s = float(values["max_share"])
        if not 0 <= s <= MAX_SHARE_LIMIT:
            raise ValueError(f"max_share must be between 0 and {MAX_SHARE_LIMIT} (automate sparingly)")
    for k in ("off_hours_start", "off_hours_end"):
        if k in values and values[k] is not None and not 0 <= int(values[k]) <= 23:
            raise ValueError(f"{k} is an hour 0-23")
    if values.get("account_id") and db.get(Account, values["account_id"]) is None:
        raise NotFound(f"no account {values['account_id']!r}")
    if "reply_text" in values and not (values["reply_text"] or "").strip():
        raise ValueError("the reply text is empty")


def rules(db: Session) -> list[dict[str, Any]]:
    return [rule_json(r) for r in db.scalars(select(AutoReplyRule).order_by(AutoReplyRule.id))]


def create_rule(db: Session, **values: Any) -> dict[str, Any]:
    _validate(values, db)
    r = AutoReplyRule(**{k: v for k, v in values.items() if v is not None})
    db.add(r)
    db.flush()
    return rule_json(r)


def update_rule(db: Session, rule_id: int, **values: Any) -> dict[str, Any]:
    r = db.get(AutoReplyRule, rule_id)
    if r is None:
        raise NotFound(f"no auto-reply rule {rule_id}")
    _validate(values, db)
    for k, v in values.items():
        setattr(r, k, v)
    db.flush()
    return rule_json(r)


def delete_rule(db: Session, rule_id: int) -> None:
    r = db.get(AutoReplyRule, rule_id)
    if r is None:
        raise NotFound(f"no auto-reply rule {rule_id}")
    db.delete(r)


def automation_share(db: Session, days: int = 30) -> list[dict[str, Any]]:
    """Per brand account: share of automated replies over the last ``days`` days of its replies, against the
    strictest cap of its enabled rules."""
    caps: dict[str | None, float] = {}
    for r in db.scalars(select(AutoReplyRule).where(AutoReplyRule.enabled.is_(True))):
        caps[r.account_id] = min(caps.get(r.account_id, 1.0), r.max_share)
    last = db.scalar(select(func.max(Message.created_at)).where(Message.direction == "out")) or now()
    since = last - timedelta(days=days)
    out = []
    for a in db.scalars(select(Account).where(Account.owner == "brand").order_by(Account.id)):
        total, auto = db.execute(
            select(func.count(), func.count().filter(Message.automated.is_(True))).where(
                Message.account_id == a.id, Message.direction == "out", Message.created_at >= since
            )
        ).one()
        cap = min(caps.get(a.id, 1.0), caps.get(None, 1.0))
        share = auto / total if total else 0.0
        out.append(
            {
                "account_id": a.id,
                "platform": a.platform,
                "replies": total,
                "automated": auto,
                "share": round(share, 4),
                "cap": cap if cap < 1.0 else None,
                "over_cap": cap < 1.0 and share > cap,
            }
        )
    return out


def may_fire(db: Session, rule_id: int, at: Any = None) -> dict[str, Any]:
    """Whether an auto-reply rule may answer at ``at`` (default now): outside business hours when the rule is
    off-hours only (local time of the data set), and only while the account's automated share of replies over
    the last 30 days is under the rule's cap. ``reasons`` says why not."""
    from datetime import datetime

    from smguard.web.services.common import zone

    r = db.get(AutoReplyRule, rule_id)
    if r is None:
        raise NotFound(f"no auto-reply rule {rule_id}")
    at = at or now()
    if isinstance(at, datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=zone(db))
    hour = at.astimezone(zone(db)).hour
    start, end = r.off_hours_start, r.off_hours_end
    off_hours = (hour >= start or hour < end) if start > end else (start <= hour < end)
    reasons = []
    if not r.enabled:
        reasons.append("disabled")
    if r.off_hours_only and not off_hours:
        reasons.append(f"business hours: the rule answers only from {start}:00 to {end}:00 local time")
    shares = [s for s in automation_share(db) if r.account_id in (None, s["account_id"])]
    over = [s["account_id"] for s in shares if s["replies"] and s["automated"] / s["replies"] >= r.max_share]
    if over:
        reasons.append(f"automated share at or over the cap of {r.max_share:.0%} on {', '.join(over)}")
    return {
        "rule_id": r.id,
        "at": iso(at),
        "allowed": not reasons,
        "reasons": reasons,
        "off_hours": off_hours,
    }
