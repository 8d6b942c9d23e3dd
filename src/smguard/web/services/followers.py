"""Followers quality (mistake 5): customer share, fake/inactive share, engaged customers, and the trend."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from smguard.store.models import Account, Follower, FollowerCount, Message
from smguard.web.services.common import now

INACTIVE_DAYS = 90


def quality(db: Session) -> list[dict[str, Any]]:
    """Per brand account: current followers, customers among them, suspect (fake-looking) and inactive ones,
    engaged customers (customers who wrote to the account), and the daily follower totals."""
    out = []
    since = now() - timedelta(days=INACTIVE_DAYS)
    for a in db.scalars(select(Account).where(Account.owner == "brand").order_by(Account.id)):
        cur = and_(Follower.account_id == a.id, Follower.unfollowed_at.is_(None))
        total, customers, suspect = db.execute(
            select(
                func.count(),
                func.count(Follower.customer_id),
                func.count().filter(Follower.suspect.is_(True)),
            ).where(cur)
        ).one()
        inactive = db.scalar(select(func.count()).where(cur, Follower.posts_count == 0)) or 0
        writers = (
            select(Message.author_id)
            .where(Message.account_id == a.id, Message.direction == "in", Message.author_id.is_not(None))
            .distinct()
            .subquery()
        )
        engaged = (
            db.scalar(
                select(func.count())
                .select_from(Follower)
                .where(
                    cur, Follower.customer_id.is_not(None), Follower.user_id.in_(select(writers.c.author_id))
                )
            )
            or 0
        )
        engaged_recent = (
            db.scalar(
                select(func.count(func.distinct(Message.author_id))).where(
                    Message.account_id == a.id, Message.direction == "in", Message.created_at >= since
                )
            )
            or 0
        )
        trend = [
            {"date": d.isoformat(), "followers": n}
            for d, n in db.execute(
                select(FollowerCount.date, FollowerCount.followers)
                .where(FollowerCount.account_id == a.id)
                .order_by(FollowerCount.date)
            )
        ]

        def share(n: int, total: int = total) -> float | None:
            return round(n / total, 4) if total else None

        out.append(
            {
                "account_id": a.id,
                "platform": a.platform,
                "handle": a.handle,
                "followers": total,
                "customers": customers,
                "customer_share": share(customers),
                "suspect": int(suspect),
                "suspect_share": share(int(suspect)),
                "inactive": inactive,
                "inactive_share": share(inactive),
                "engaged_customers": engaged,
                "active_writers_90d": engaged_recent,
                "trend": trend,
            }
        )
    return out
