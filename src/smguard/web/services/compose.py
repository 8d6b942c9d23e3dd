"""The composer and scheduler (mistakes 1, 2, 6): the checks of one draft post, and scheduling it.

The checks are the shared guardrails, never re-implemented here:

* platform fit: :func:`smguard.platforms.fit.check_post_fit` (the mistake-1 audit rules use it too);
* embargo: :class:`smguard.guard.embargo.EmbargoMatcher` (SM203);
* daily cap and spacing: :func:`smguard.guard.cadence.check_cadence` (SM601/SM602), against the account's
  posts already scheduled or published, which also proposes the next allowed slots.

The same :func:`check_post` answers ``POST /api/check/post``, the composer page and ``smguard check post``.
An issue is *blocking* when the platform would refuse or cut the post (fit ``error``), when it names an
embargoed term, or when it would exceed the daily cap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from smguard.guard.cadence import DEFAULT_MAX_POSTS_PER_DAY, DEFAULT_MIN_GAP_MINUTES, check_cadence
from smguard.guard.embargo import EmbargoMatcher
from smguard.platforms import PLATFORM_KEYS
from smguard.platforms.fit import check_post_fit
from smguard.store.models import Account, Embargo, Post, User
from smguard.web.services.common import NotFound, Refused, bi, get_meta, iso, new_id, now, policy_value


@dataclass
class CheckInput:
    text: str
    platform: str | None = None
    account_id: str | None = None
    media: list[dict[str, Any]] = field(default_factory=list)
    link: str | None = None
    at: datetime | None = None  # publication time; None: now


@dataclass
class CheckResult:
    platform: str
    account_id: str | None
    at: datetime
    timezone: str
    issues: list[dict[str, Any]]
    slots: list[datetime]
    checks_run: list[str]

    @property
    def blocking(self) -> bool:
        return any(i["blocking"] for i in self.issues)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": not self.blocking,
            "blocking": self.blocking,
            "platform": self.platform,
            "account_id": self.account_id,
            "at": iso(self.at),
            "timezone": self.timezone,
            "issues": self.issues,
            "slots": [iso(s) for s in self.slots],
            "checks_run": self.checks_run,
        }


def media_items(types: Iterable[str | Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    """``["photo", {"type": "video", "duration_s": 30}]`` → media objects as in the data set."""
    out = []
    for m in types or []:
        if isinstance(m, str):
            if m.strip():
                out.append({"type": m.strip()})
        elif isinstance(m, Mapping) and m.get("type"):
            out.append(dict(m))
    return out


def run_checks(
    inp: CheckInput,
    *,
    timezone: str = "UTC",
    embargo_rows: Iterable[Mapping[str, Any]] = (),
    existing: Iterable[datetime] | None = None,
    max_per_day: int = DEFAULT_MAX_POSTS_PER_DAY,
    min_gap_minutes: float = DEFAULT_MIN_GAP_MINUTES,
) -> CheckResult:
    """The checks without a database (``existing`` None: no cadence check)."""
    platform = (inp.platform or "other").lower()
    if platform not in PLATFORM_KEYS:
        raise ValueError(f"unknown platform {platform!r}; one of {', '.join(PLATFORM_KEYS)}")
    tz = ZoneInfo(timezone)
    at = inp.at or now()
    if at.tzinfo is None:
        at = at.replace(tzinfo=tz)
    issues: list[dict[str, Any]] = []
    run = ["fit", "embargo"]
    for fi in check_post_fit(platform, inp.text, inp.media, inp.link, posted_at=at.astimezone(tz)):
        issues.append(
            {
                "check": "fit",
                "code": fi.code,
                "rule": fi.rule,
                "severity": fi.severity,
                "blocking": fi.severity == "error",
                "message": bi(fi.message_en, fi.message_zh),
                "fix": bi(fi.fix_en, fi.fix_zh),
                "data": dict(fi.data),
            }
        )
    matcher = EmbargoMatcher.from_rows(list(embargo_rows))
    for m in matcher.find(inp.text, on_date=at.astimezone(tz).date()):
        until = m.until.isoformat() if m.until else None
        issues.append(
            {
                "check": "embargo",
                "code": "embargoed-term",
                "rule": "SM203",
                "severity": "error",
                "blocking": True,
                "message": bi(
                    f"“{m.text}” is under embargo ({m.term}"
                    + (f", until {until}" if until else ", until further notice")
                    + ").",
                    f"“{m.text}”处于保密期（{m.term}"
                    + (f"，至 {until}" if until else "，直至另行通知")
                    + "）。",
                ),
                "fix": bi(
                    "Remove it or publish after the embargo ends.", "删除该内容，或在保密期结束后发布。"
                ),
                "data": {
                    "term": m.term,
                    "alias": m.alias,
                    "start": m.start,
                    "end": m.end,
                    "until": until,
                    "reason": m.reason,
                },
            }
        )
    slots: list[datetime] = []
    if existing is not None:
        run.append("cadence")
        cad = check_cadence(
            list(existing), at, timezone=timezone, max_per_day=max_per_day, min_gap_minutes=min_gap_minutes
        )
        slots = cad.next_slots
        if cad.over_cap:
            issues.append(
                {
                    "check": "cadence",
                    "code": "over-daily-cap",
                    "rule": "SM601",
                    "severity": "error",
                    "blocking": True,
                    "message": bi(
                        f"This account already has {cad.posts_that_day} posts on {cad.day}; "
                        f"the cap is {max_per_day} a day.",
                        f"该账号在 {cad.day} 已有 {cad.posts_that_day} 条内容，每天上限为 {max_per_day} 条。",
                    ),
                    "fix": bi("Pick one of the proposed slots.", "请选择建议的发布时间。"),
                    "data": {
                        "day": cad.day.isoformat(),
                        "posts_that_day": cad.posts_that_day,
                        "cap": max_per_day,
                    },
                }
            )
        if cad.too_close:
            gap = round(cad.gap_minutes or 0)
            issues.append(
                {
                    "check": "cadence",
                    "code": "too-close",
                    "rule": "SM602",
                    "severity": "warning",
                    "blocking": False,
                    "message": bi(
                        f"Only {gap} minutes from another post of this account (at least "
                        f"{min_gap_minutes:g} recommended).",
                        f"与该账号另一条内容仅相隔 {gap} 分钟（建议至少 {min_gap_minutes:g} 分钟）。",
                    ),
                    "fix": bi(
                        "Space the posts out: pick one of the proposed slots.",
                        "请拉开发布间隔：选择建议的时间。",
                    ),
                    "data": {
                        "gap_minutes": cad.gap_minutes,
                        "nearest": iso(cad.nearest),
                        "min_gap_minutes": min_gap_minutes,
                    },
                }
            )
    order = {"error": 0, "warning": 1, "tip": 2}
    issues.sort(key=lambda i: (not i["blocking"], order.get(i["severity"], 3)))
    return CheckResult(platform, inp.account_id, at.astimezone(tz), timezone, issues, slots, run)


def embargo_rows(db: Session) -> list[dict[str, Any]]:
    return [
        {"term": e.term, "aliases": e.aliases or [], "reason": e.reason, "until": e.until}
        for e in db.scalars(select(Embargo))
    ]


def account_post_times(
    db: Session, account_id: str, around: datetime, exclude: str | None = None
) -> list[datetime]:
    """Times of the account's posts (published or scheduled) from a day before to 15 days after ``around``."""
    q = select(Post.created_at).where(
        Post.account_id == account_id,
        Post.created_at >= around - timedelta(days=1),
        Post.created_at <= around + timedelta(days=15),
    )
    if exclude:
        q = q.where(Post.id != exclude)
    return list(db.scalars(q))


def check_post(db: Session, inp: CheckInput) -> CheckResult:
    """Every check of one draft, with the store's embargo list, the account's posts and the data set's policy."""
    platform = inp.platform
    if inp.account_id:
        acc = db.get(Account, inp.account_id)
        if acc is None:
            raise NotFound(f"no account {inp.account_id!r}")
        if platform and platform.lower() != acc.platform:
            raise ValueError(f"account {acc.id} is on {acc.platform}, not {platform}")
        platform = acc.platform
    if not platform:
        raise ValueError("give a platform or an account")
    tz = str(get_meta(db, "timezone", "UTC"))
    at = inp.at or now()
    if at.tzinfo is None:
        at = at.replace(tzinfo=ZoneInfo(tz))
    existing = account_post_times(db, inp.account_id, at) if inp.account_id else None
    cap = int(policy_value(db, "SM601", "max_posts_per_day", DEFAULT_MAX_POSTS_PER_DAY))
    by_platform = policy_value(db, "SM601", "max_posts_per_day_by_platform", {}) or {}
    cap = int(by_platform.get(platform, cap)) if isinstance(by_platform, dict) else cap
    gap = float(policy_value(db, "SM602", "min_gap_minutes", DEFAULT_MIN_GAP_MINUTES))
    inp = CheckInput(inp.text, platform, inp.account_id, inp.media, inp.link, at)
    return run_checks(
        inp,
        timezone=tz,
        embargo_rows=embargo_rows(db),
        existing=existing,
        max_per_day=cap,
        min_gap_minutes=gap,
    )


def post_json(p: Post) -> dict[str, Any]:
    return {
        "id": p.id,
        "account_id": p.account_id,
        "created_at": iso(p.created_at),
        "text": p.text,
        "media": p.media or [],
        "link": p.link,
        "source": p.source,
        "status": p.status,
        "created_by": p.created_by,
        "metrics": {k: getattr(p, k) for k in ("likes", "comments", "shares", "views", "clicks")},
    }


def schedule_post(db: Session, user: User, inp: CheckInput, *, confirm: bool = False) -> dict[str, Any]:
    """Check, then schedule (or record as published when ``at`` is in the past) one post.

    Blocking issues refuse the post; warnings refuse it unless ``confirm``."""
    if not inp.account_id:
        raise ValueError("choose the account to post from")
    if inp.at is None:
        raise ValueError("choose when to publish")
    result = check_post(db, inp)
    if result.blocking or (
        result.issues and not confirm and any(i["severity"] == "warning" for i in result.issues)
    ):
        raise Refused(
            "the post did not pass the checks"
            if result.blocking
            else "the checks gave warnings; confirm to schedule anyway",
            {"check": result.to_json()},
        )
    at = inp.at if inp.at.tzinfo else inp.at.replace(tzinfo=ZoneInfo(result.timezone))
    p = Post(
        id=new_id("ws-post"),
        account_id=inp.account_id,
        created_at=at.astimezone(UTC),
        text=inp.text,
        media=inp.media or None,
        link=inp.link,
        source="scheduled",
        status="scheduled" if at > now() else "published",
        created_by=user.id,
    )
    db.add(p)
    db.flush()
    return {"post": post_json(p), "check": result.to_json()}


def queue(
    db: Session, account_id: str | None = None, start: datetime | None = None, days: int = 14
) -> list[dict]:
    """Posts (scheduled and published) in a window, for the queue/calendar: oldest first."""
    start = start or now() - timedelta(days=1)
    q = select(Post).where(Post.created_at >= start, Post.created_at < start + timedelta(days=days))
    if account_id:
        q = q.where(Post.account_id == account_id)
    return [post_json(p) for p in db.scalars(q.order_by(Post.created_at).limit(500))]


def cancel(db: Session, user: User, post_id: str) -> None:
    p = db.get(Post, post_id)
    if p is None:
        raise NotFound(f"no post {post_id!r}")
    if p.status != "scheduled":
        raise Refused("only a scheduled post can be cancelled")
    if user.role == "agent" and p.created_by != user.id:
        raise Refused("an agent can cancel only their own scheduled posts")
    db.delete(p)


def get_post(db: Session, post_id: str) -> Post:
    p = db.get(Post, post_id)
    if p is None:
        raise NotFound(f"no post {post_id!r}")
    return p


def account_list(db: Session) -> list[dict[str, Any]]:
    return [
        {
            "id": a.id,
            "platform": a.platform,
            "handle": a.handle,
            "owner": a.owner,
            "employee_id": a.employee_id,
        }
        for a in db.scalars(select(Account).order_by(Account.owner, Account.id))
    ]


def check_many(db: Session, base: CheckInput, targets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Write once, adapt per platform: check one draft for several accounts (or platforms), each target
    optionally with its own adapted ``text``/``media``/``link``. Returns one check per target, in order."""
    out = []
    for t in targets:
        inp = CheckInput(
            t.get("text") if t.get("text") is not None else base.text,
            t.get("platform"),
            t.get("account_id"),
            media_items(t["media"]) if t.get("media") is not None else base.media,
            t.get("link") if t.get("link") is not None else base.link,
            base.at,
        )
        out.append(check_post(db, inp).to_json())
    return out
