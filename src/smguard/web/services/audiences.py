"""Audiences and tools (mistake 4): follower segments by location, age, gender, interests and customer status
with their sizes, a CSV export for the platforms' ads managers, campaigns with their targeting, and the
per-platform checklist of marketing tools used and unused (from the platform profiles)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, select
from sqlalchemy.orm import Session

from smguard.platforms import get_profile
from smguard.store.models import Account, Campaign, Follower, FollowerInterest
from smguard.web.services.common import iso, now

AGE_BANDS = (
    (0, 17, "<18"),
    (18, 24, "18-24"),
    (25, 34, "25-34"),
    (35, 44, "35-44"),
    (45, 54, "45-54"),
    (55, 64, "55-64"),
    (65, 200, "65+"),
)


@dataclass
class Segment:
    account_id: str | None = None
    locations: list[str] | None = None
    age_min: int | None = None
    age_max: int | None = None
    genders: list[str] | None = None
    interests: list[str] | None = None
    customer: bool | None = None  # True: customers only; False: non-customers only
    include_suspect: bool = False  # fake-looking followers are left out of audiences by default


def _brand_accounts(db: Session) -> list[str]:
    return list(db.scalars(select(Account.id).where(Account.owner == "brand")))


def segment_query(db: Session, seg: Segment, columns: Any = None) -> Select:
    year = now().year
    q = select(*(columns if columns is not None else [Follower])).where(Follower.unfollowed_at.is_(None))
    if seg.account_id:
        q = q.where(Follower.account_id == seg.account_id)
    else:
        q = q.where(Follower.account_id.in_(_brand_accounts(db)))
    if seg.locations:
        q = q.where(Follower.location.in_(seg.locations))
    if seg.age_min is not None:
        q = q.where(Follower.birth_year <= year - seg.age_min)
    if seg.age_max is not None:
        q = q.where(Follower.birth_year >= year - seg.age_max)
    if seg.genders:
        q = q.where(Follower.gender.in_(seg.genders))
    if seg.interests:
        q = q.where(
            exists().where(
                and_(
                    FollowerInterest.account_id == Follower.account_id,
                    FollowerInterest.user_id == Follower.user_id,
                    FollowerInterest.interest.in_(seg.interests),
                )
            )
        )
    if seg.customer is True:
        q = q.where(Follower.customer_id.is_not(None))
    elif seg.customer is False:
        q = q.where(Follower.customer_id.is_(None))
    if not seg.include_suspect:
        q = q.where(Follower.suspect.is_(False))
    return q


def size(db: Session, seg: Segment) -> int:
    return db.scalar(segment_query(db, seg, [func.count()])) or 0


def facets(db: Session, seg: Segment | None = None, top: int = 20) -> dict[str, Any]:
    """Sizes of the segment split by location, age band, gender, interest and customer status."""
    seg = seg or Segment()
    base = segment_query(
        db,
        seg,
        [
            Follower.account_id,
            Follower.user_id,
            Follower.location,
            Follower.gender,
            Follower.birth_year,
            Follower.customer_id,
        ],
    ).subquery()
    total = db.scalar(select(func.count()).select_from(base)) or 0

    def group(col: Any) -> list[dict[str, Any]]:
        rows = db.execute(
            select(col, func.count()).select_from(base).group_by(col).order_by(func.count().desc()).limit(top)
        ).all()
        return [{"value": v, "size": n} for v, n in rows]

    year = now().year
    age = case(
        *[
            (and_(year - base.c.birth_year >= lo, year - base.c.birth_year <= hi), label)
            for lo, hi, label in AGE_BANDS
        ],
        else_=None,
    )
    interests = db.execute(
        select(FollowerInterest.interest, func.count())
        .join(
            base,
            and_(
                FollowerInterest.account_id == base.c.account_id, FollowerInterest.user_id == base.c.user_id
            ),
        )
        .group_by(FollowerInterest.interest)
        .order_by(func.count().desc())
        .limit(top)
    ).all()
    customers = db.scalar(select(func.count()).select_from(base).where(base.c.customer_id.is_not(None))) or 0
    return {
        "total": total,
        "location": group(base.c.location),
        "age": group(age),
        "gender": group(base.c.gender),
        "interests": [{"value": v, "size": n} for v, n in interests],
        "customer": [{"value": True, "size": customers}, {"value": False, "size": total - customers}],
    }


def _safe_cell(v: Any) -> Any:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def export_csv(db: Session, seg: Segment) -> Iterator[str]:
    """The segment as CSV lines (header first): platform, user_id, handle and profile fields."""
    accs = {a.id: a for a in db.scalars(select(Account))}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(
        [
            "platform",
            "account_id",
            "user_id",
            "handle",
            "location",
            "gender",
            "birth_year",
            "interests",
            "customer",
        ]
    )
    yield buf.getvalue()
    q = (
        segment_query(db, seg)
        .order_by(Follower.account_id, Follower.user_id)
        .execution_options(yield_per=2000)
    )
    for f in db.scalars(q):
        buf.seek(0)
        buf.truncate()
        acc = accs.get(f.account_id)
        w.writerow(
            [
                _safe_cell(x)
                for x in (
                    acc.platform if acc else "",
                    f.account_id,
                    f.user_id,
                    (f.handle or "").lstrip("@"),
                    f.location or "",
                    f.gender or "",
                    f.birth_year or "",
                    ";".join(f.interests or []),
                    "yes" if f.customer_id else "no",
                )
            ]
        )
        yield buf.getvalue()


def campaigns(db: Session) -> list[dict[str, Any]]:
    accs = {a.id: a for a in db.scalars(select(Account))}
    out = []
    for c in db.scalars(select(Campaign).order_by(Campaign.started_at.desc().nulls_last(), Campaign.id)):
        t = c.targeting or {}
        has = any(v not in (None, "", [], {}, False) for v in t.values())
        out.append(
            {
                "id": c.id,
                "account_id": c.account_id,
                "platform": accs[c.account_id].platform if c.account_id in accs else None,
                "kind": c.kind,
                "name": c.name,
                "started_at": iso(c.started_at),
                "ended_at": iso(c.ended_at),
                "budget": c.budget,
                "currency": c.currency,
                "targeting": t,
                "has_targeting": has,
                "impressions": c.impressions,
                "clicks": c.clicks,
                "conversions": c.conversions,
                "cost": c.cost,
            }
        )
    return out


def tools_checklist(db: Session, lang: str = "en") -> list[dict[str, Any]]:
    """Per brand account: the platform's marketing tools (platform profiles), used or not by its campaigns."""
    kinds_by_account: dict[str, set[str]] = {}
    for acc_id, kind in db.execute(select(Campaign.account_id, Campaign.kind)):
        kinds_by_account.setdefault(acc_id, set()).add(kind)
    out = []
    for a in db.scalars(select(Account).where(Account.owner == "brand").order_by(Account.id)):
        prof = get_profile(a.platform)
        used_kinds = kinds_by_account.get(a.id, set())
        tools = []
        for t in prof.marketing_tools:
            tools.append(
                {
                    "key": t.key,
                    "name": t.name_zh if lang == "zh" else t.name_en,
                    "what": t.what_zh if lang == "zh" else t.what_en,
                    "campaign_kinds": list(t.campaign_kinds),
                    "used": bool(used_kinds & set(t.campaign_kinds)),
                }
            )
        out.append(
            {
                "account_id": a.id,
                "platform": a.platform,
                "handle": a.handle,
                "platform_name": prof.name(lang),
                "tools": tools,
                "used": sum(t["used"] for t in tools),
                "unused": sum(not t["used"] for t in tools),
            }
        )
    return out
