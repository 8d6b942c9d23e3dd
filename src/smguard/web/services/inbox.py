"""The inbox (mistake 3): inbound messages ordered by urgency with response clocks, threads, replies with a live
tone check, suggested replies, the one-click private offer for abusive threads, assignment and resolution.

Order: urgency first (abusive and complaints, then help requests, then the rest, then praise), then the
longest-waiting message first. The response clock of a message is the time since it arrived (until it is
answered; then the time it took). Every list is a keyset page over an index in that order.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, or_, select, update
from sqlalchemy.orm import Session

from smguard.store.models import LABELS, URGENCY, Message, User
from smguard.web.permissions import allowed
from smguard.web.services.common import NotFound, Refused, accounts, bi, iso, new_id, now

PUBLIC_CHANNELS = ("comment", "mention", "review")


@dataclass
class InboxFilter:
    view: str = "all"  # all | needs_reply
    label: str | None = None
    account_id: str | None = None
    assigned: str | None = None  # "me" | "none" | a user id
    limit: int = 50
    cursor: str | None = None


def _encode_cursor(m: Any) -> str:
    raw = json.dumps([m.urgency, m.created_at.isoformat(), m.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[int, datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        u, c, i = json.loads(raw)
        return int(u), datetime.fromisoformat(c), str(i)
    except (ValueError, TypeError) as exc:
        raise ValueError("bad cursor") from exc


def message_json(
    m: Message, accs: dict[str, Any] | None = None, at: datetime | None = None
) -> dict[str, Any]:
    at = at or now()
    acc = (accs or {}).get(m.account_id)
    if m.direction == "in":
        end = m.replied_at if not m.needs_reply and m.replied_at else at
        waiting = max(0, int((end - m.created_at).total_seconds()))
    else:
        waiting = None
    return {
        "id": m.id,
        "thread_id": m.thread_id,
        "account_id": m.account_id,
        "platform": acc.platform if acc else None,
        "account_handle": acc.handle if acc else None,
        "channel": m.channel,
        "public": m.channel in PUBLIC_CHANNELS,
        "direction": m.direction,
        "author_id": m.author_id,
        "author_handle": m.author_handle,
        "text": m.text,
        "created_at": iso(m.created_at),
        "in_reply_to": m.in_reply_to,
        "post_id": m.post_id,
        "automated": m.automated,
        "lang": m.lang,
        "label": m.label,
        "urgency": m.urgency,
        "complaint": m.complaint,
        "help_request": m.help_request,
        "abusive": m.abusive,
        "sentiment": m.sentiment,
        "needs_reply": m.needs_reply,
        "replied_at": iso(m.replied_at),
        "waiting_seconds": waiting,  # the response clock
        "assigned_to": m.assigned_to,
        "resolved": m.resolved,
        "private_only": m.private_only,
        "sent_by": m.sent_by,
    }


# the columns an inbox row shows: plain rows are several times cheaper to build than ORM objects
INBOX_COLUMNS = tuple(
    getattr(Message, c)
    for c in (
        "id",
        "thread_id",
        "account_id",
        "channel",
        "direction",
        "author_id",
        "author_handle",
        "text",
        "created_at",
        "in_reply_to",
        "post_id",
        "automated",
        "lang",
        "label",
        "urgency",
        "complaint",
        "help_request",
        "abusive",
        "sentiment",
        "needs_reply",
        "replied_at",
        "assigned_to",
        "resolved",
        "private_only",
        "sent_by",
    )
)


def inbox_query(user: User, f: InboxFilter) -> Select:
    """The inbox page query: filters, keyset cursor, order (urgency desc, oldest first, id), limit + 1."""
    q = select(*INBOX_COLUMNS)
    if f.label and f.label not in LABELS:
        raise ValueError(f"label must be one of {', '.join(LABELS)}")
    # Only inbound messages are open, assigned or carry a label other than "other": for those filters the
    # direction condition is implied, and leaving it out lets the database use the filter's own index.
    if f.view == "needs_reply":
        q = q.where(Message.needs_reply.is_(True))
    elif not f.assigned and f.label in (None, "other"):
        q = q.where(Message.direction == "in")
    if f.label:
        # the urgency of an inbound message follows from its label; saying so lets PostgreSQL use the
        # (needs_reply, urgency, …) index range instead of filtering the more urgent labels out row by row
        q = q.where(Message.label == f.label, Message.urgency == URGENCY[f.label])
    if f.account_id:
        q = q.where(Message.account_id == f.account_id)
    if f.assigned:
        if f.assigned == "me":
            q = q.where(Message.assigned_to == user.id)
        elif f.assigned == "none":
            q = q.where(Message.assigned_to.is_(None))
        else:
            try:
                q = q.where(Message.assigned_to == int(f.assigned))
            except ValueError:
                raise ValueError("assigned must be 'me', 'none' or a user id") from None
    if f.cursor:
        u, c, i = _decode_cursor(f.cursor)
        q = q.where(
            or_(
                Message.urgency < u,
                and_(
                    Message.urgency == u,
                    or_(Message.created_at > c, and_(Message.created_at == c, Message.id > i)),
                ),
            )
        )
    limit = max(1, min(int(f.limit), 200))
    return q.order_by(Message.urgency.desc(), Message.created_at.asc(), Message.id.asc()).limit(limit + 1)


def list_inbox(db: Session, user: User, f: InboxFilter) -> dict[str, Any]:
    """One page of the inbox. Returns ``{"items": [...], "next_cursor": str | None}``."""
    q = inbox_query(user, f)
    limit = max(1, min(int(f.limit), 200))
    rows = list(db.execute(q))
    more = len(rows) > limit
    rows = rows[:limit]
    accs = accounts(db)
    at = now()
    return {
        "items": [message_json(m, accs, at) for m in rows],
        "next_cursor": _encode_cursor(rows[-1]) if more and rows else None,
    }


def get_message(db: Session, message_id: str) -> Message:
    m = db.get(Message, message_id)
    if m is None:
        raise NotFound(f"no message {message_id!r}")
    return m


def thread(db: Session, message_id: str) -> dict[str, Any]:
    """The message's whole reply chain, oldest first, with the thread's state."""
    m = get_message(db, message_id)
    msgs = list(
        db.scalars(
            select(Message).where(Message.thread_id == m.thread_id).order_by(Message.created_at, Message.id)
        )
    )
    accs = accounts(db)
    at = now()
    root = msgs[0] if msgs else m
    inbound = [x for x in msgs if x.direction == "in"]
    return {
        "thread_id": m.thread_id,
        "message": message_json(m, accs, at),
        "messages": [message_json(x, accs, at) for x in msgs],
        "private_only": any(x.private_only for x in msgs),
        "resolved": bool(inbound) and all(x.resolved for x in inbound),
        "label": max(inbound, key=lambda x: x.urgency).label if inbound else root.label,
        "suggestions": suggestions(m),
    }


# ------------------------------------------------------------------------------------------ tone check

REPLY_TEMPLATES: dict[str, dict[str, list[str]]] = {
    "complaint": {
        "en": [
            "We're sorry about this, {name}. We'll fix it right away: please send us your order number by "
            "direct message and we'll sort it out today.",
            "Sorry for the trouble, {name}! We've passed this to our team and will fix it and get back to "
            "you within 24 hours.",
        ],
        "zh": [
            "{name}，非常抱歉给您带来不好的体验！我们会马上处理，请私信我们订单号，今天内为您解决。",
            "{name}，抱歉让您久等了！问题已转给相关同事，我们会在24小时内解决并回复您。",
        ],
    },
    "help_request": {
        "en": [
            "Thanks for asking, {name}! Here's how we can help: send us a direct message with the details "
            "and we'll walk you through it."
        ],
        "zh": ["{name}，感谢您的提问！请私信我们具体情况，我们会一步步帮您解决。"],
    },
    "abusive": {
        "en": [
            "We're sorry you're unhappy, {name}. We'd like to help: please send us a direct message so we can "
            "look into this personally."
        ],
        "zh": ["{name}，很抱歉让您不满意。我们希望能帮到您，请私信我们，我们会一对一为您处理。"],
    },
    "praise": {
        "en": ["Thank you so much, {name}! We're glad you enjoyed it."],
        "zh": ["{name}，谢谢您的喜欢与支持！"],
    },
    "other": {
        "en": ["Thanks for your message, {name}! Let us know if there's anything we can do."],
        "zh": ["{name}，感谢您的留言！有任何需要随时告诉我们。"],
    },
}
PRIVATE_OFFER = bi(
    "We're sorry about your experience. We'd like to help you personally: please send us a direct message and "
    "we'll continue there.",
    "很抱歉给您带来不好的体验。我们希望单独为您处理，请私信我们，我们将在私信中继续跟进。",
)


def _lang(m: Message, lang: str | None = None) -> str:
    return lang if lang in ("en", "zh") else ("zh" if (m.lang or "").startswith("zh") else "en")


def suggestions(m: Message, lang: str | None = None) -> list[str]:
    """Suggested replies in the message's language: complaints get an apology and a promise to fix."""
    label = m.label if m.direction == "in" else "other"
    lang = _lang(m, lang)
    name = (m.author_handle or "").strip() or ("您好" if lang == "zh" else "there")
    return [t.format(name=name) for t in REPLY_TEMPLATES.get(label, REPLY_TEMPLATES["other"])[lang]]


def tone_check(text: str, about: Message | None = None) -> dict[str, Any]:
    """Live tone check of a draft reply (smguard.text.classify_texts, kind="reply").

    Warns when the reply argues or blames, and, when it answers a complaint, when it does not apologise or does
    not promise a fix. ``ok`` is False when there is any warning.
    """
    from smguard.text import classify_texts

    out = classify_texts([text], kind="reply")
    labels = {k: (v[0].item() if hasattr(v[0], "item") else v[0]) for k, v in out.items()}
    warnings = []
    if labels.get("argumentative"):
        warnings.append(
            {
                "code": "argumentative",
                **bi(
                    "This reply sounds like arguing or blaming the customer. Acknowledge the problem instead.",
                    "这条回复听起来像在争辩或指责顾客。请先承认问题。",
                ),
            }
        )
    if labels.get("abusive"):
        warnings.append(
            {
                "code": "abusive",
                **bi("This reply contains rude or abusive words.", "这条回复包含不礼貌或攻击性的用词。"),
            }
        )
    complaint = (
        about is not None and about.direction == "in" and (about.complaint or about.label == "complaint")
    )
    if complaint:
        if not labels.get("apology"):
            warnings.append(
                {
                    "code": "missing_apology",
                    **bi("The customer is complaining: apologise first.", "顾客在投诉：请先道歉。"),
                }
            )
        if not labels.get("fix_intent"):
            warnings.append(
                {
                    "code": "missing_fix",
                    **bi(
                        "Say what you will do to fix it (and by when).",
                        "请说明将如何解决问题（以及何时解决）。",
                    ),
                }
            )
    return {"ok": not warnings, "warnings": warnings, "labels": labels}


# ------------------------------------------------------------------------------------------ actions


def _thread_private(db: Session, thread_id: str) -> bool:
    return (
        db.scalar(
            select(Message.id).where(Message.thread_id == thread_id, Message.private_only.is_(True)).limit(1)
        )
        is not None
    )


def _answer(
    db: Session,
    m: Message,
    user: User,
    text: str,
    channel: str,
    *,
    offers_private: bool = False,
    labels: dict[str, Any] | None = None,
) -> Message:
    at = now()
    labels = labels or {}
    out = Message(
        id=new_id("ws"),
        account_id=m.account_id,
        created_at=at,
        channel=channel,
        direction="out",
        text=text,
        in_reply_to=m.id,
        post_id=m.post_id,
        automated=False,
        thread_id=m.thread_id,
        lang=labels.get("lang"),
        label="other",
        urgency=0,
        complaint=bool(labels.get("complaint", False)),
        help_request=bool(labels.get("help_request", False)),
        abusive=bool(labels.get("abusive", False)),
        sentiment=labels.get("sentiment"),
        apology=labels.get("apology"),
        fix_intent=labels.get("fix_intent"),
        argumentative=labels.get("argumentative"),
        offers_private=offers_private or labels.get("offers_private"),
        sent_by=user.id,
    )
    db.add(out)
    if m.direction == "in":
        m.needs_reply = False
        m.replied_at = m.replied_at or at
    db.flush()
    return out


def reply(
    db: Session, user: User, message_id: str, text: str, *, private: bool = False, confirm: bool = False
) -> dict[str, Any]:
    """Reply to a message. The tone check runs first: with warnings the reply is refused unless ``confirm``.

    A private-only thread takes no further public reply (only direct messages)."""
    m = get_message(db, message_id)
    text = (text or "").strip()
    if not text:
        raise ValueError("the reply is empty")
    if len(text) > 5000:
        raise ValueError("the reply is too long (5000 characters at most)")
    channel = "dm" if private or m.channel == "dm" else m.channel
    if channel != "dm" and _thread_private(db, m.thread_id):
        raise Refused(
            "this thread is private-only: the public offer to continue in private was sent; "
            "reply by direct message",
            {"private_only": True},
        )
    check = tone_check(text, m)
    if not check["ok"] and not confirm:
        raise Refused(
            "the tone check found problems; change the reply or confirm to send it anyway", {"tone": check}
        )
    out = _answer(db, m, user, text, channel, labels=check["labels"])
    return {"reply": message_json(out, accounts(db)), "tone": check}


def offer_private(
    db: Session, user: User, message_id: str, lang: str | None = None, text: str | None = None
) -> dict[str, Any]:
    """Post ONE public offer to continue in private and mark the thread private-only.

    A second offer (or any further public reply) is refused."""
    m = get_message(db, message_id)
    if m.direction != "in":
        raise ValueError("offer private on an inbound message")
    if m.channel == "dm":
        raise Refused("this conversation is already private (a direct message)")
    if _thread_private(db, m.thread_id):
        raise Refused(
            "this thread is already private-only; the public offer was sent once", {"private_only": True}
        )
    body = (text or "").strip() or PRIVATE_OFFER[_lang(m, lang)]
    out = _answer(db, m, user, body, m.channel, offers_private=True)
    db.execute(
        update(Message)
        .where(Message.thread_id == m.thread_id)
        .values(private_only=True)
        .execution_options(synchronize_session=False)
    )
    db.refresh(m)
    return {"reply": message_json(out, accounts(db)), "thread": thread(db, m.id)}


def assign(db: Session, message_id: str, user_id: int | None) -> dict[str, Any]:
    m = get_message(db, message_id)
    if m.direction != "in":
        raise ValueError("only inbound messages are assigned")
    if user_id is not None:
        target = db.get(User, user_id)
        if target is None or not target.active or not allowed(target.role, "inbox"):
            raise ValueError("assign to an active admin, manager or agent")
    m.assigned_to = user_id
    db.flush()
    return message_json(m, accounts(db))


def resolve(db: Session, message_id: str, resolved: bool = True) -> dict[str, Any]:
    """Mark the message (and the other inbound messages of its thread) resolved, or open again."""
    m = get_message(db, message_id)
    at = now()
    for x in db.scalars(select(Message).where(Message.thread_id == m.thread_id, Message.direction == "in")):
        x.resolved = resolved
        x.resolved_at = at if resolved else None
        if resolved:
            x.needs_reply = False
        else:
            x.needs_reply = x.replied_at is None
    db.flush()
    db.refresh(m)
    return message_json(m, accounts(db))


def counts(db: Session) -> dict[str, int]:
    """Open messages per label (the inbox tabs). Uses the needs_reply index."""
    from sqlalchemy import func

    rows = db.execute(
        select(Message.label, func.count()).where(Message.needs_reply.is_(True)).group_by(Message.label)
    ).all()
    out = {label: 0 for label in LABELS}
    out.update({label: n for label, n in rows})
    out["needs_reply"] = sum(n for _, n in rows)
    return out
