"""Posting cadence: would one more post break the daily cap or the spacing between an account's posts?

The article behind smguard (mistake 6, "overdoing it") says a brand should post no more than two or three times
a day and, where it must post more than once, leave as much time between posts as it can. This module turns
that advice into one pure function, :func:`check_cadence`, shared by

- the audit rules SM601 (days over the cap) and SM602 (posts too close together), which apply the same
  definitions to the history with Polars (:func:`posts_per_day`, :func:`close_pairs`),
- the composer in the web workspace and ``smguard check post``, which ask before a post is scheduled.

Nothing here reads a clock or a file: the caller passes every time and the data set's timezone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import polars as pl

# The article: "每天不要超过两到三条" (no more than two or three posts a day); the upper end is the default.
DEFAULT_MAX_POSTS_PER_DAY = 3
# The article: "尽可能增加间隔时间" (space posts out as much as possible). It names no number; one hour is
# the smallest gap at which two posts no longer land in the same feed refresh for most followers, and it is
# far below the ~4 h that three posts spread over a waking day give. A gap below it is a burst, not a cadence.
DEFAULT_MIN_GAP_MINUTES = 60


@dataclass(frozen=True)
class CadenceCheck:
    """The answer for one proposed post time."""

    proposed: datetime
    day: date  # the local day the post would fall on
    posts_that_day: int  # existing posts on that local day (the proposed one not counted)
    over_cap: bool  # the proposed post would make the day exceed the cap
    too_close: bool  # it would be less than the minimum gap from an existing post
    nearest: datetime | None  # the existing post closest in time
    gap_minutes: float | None  # minutes to that post
    next_slots: list[datetime] = field(default_factory=list)  # the next times that break neither rule

    @property
    def ok(self) -> bool:
        return not (self.over_cap or self.too_close)


def _aware(t: datetime, tz: ZoneInfo) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=tz)


def _fits(
    t: datetime, times: Sequence[datetime], per_day: dict[date, int], tz: ZoneInfo, cap: int, gap: timedelta
) -> bool:
    if per_day.get(t.astimezone(tz).date(), 0) + 1 > cap:
        return False
    return all(abs(t - e) >= gap for e in times)


def check_cadence(
    existing: Iterable[datetime],
    proposed: datetime,
    *,
    timezone: str = "UTC",
    max_per_day: int = DEFAULT_MAX_POSTS_PER_DAY,
    min_gap_minutes: float = DEFAULT_MIN_GAP_MINUTES,
    suggestions: int = 3,
    horizon_days: int = 14,
) -> CadenceCheck:
    """Check one proposed post time against an account's other posts (published or scheduled).

    ``existing`` and ``proposed`` are datetimes; naive ones are read in ``timezone`` (the data set's), which
    also decides the local day. Returns whether the post would exceed ``max_per_day`` on its local day or come
    less than ``min_gap_minutes`` from another post, and up to ``suggestions`` next times (at or after the
    proposed one, within ``horizon_days``) that break neither rule, earliest first.
    """
    tz = ZoneInfo(timezone)
    proposed = _aware(proposed, tz)
    times = sorted(_aware(t, tz) for t in existing)
    gap = timedelta(minutes=min_gap_minutes)
    per_day: dict[date, int] = {}
    for t in times:
        d = t.astimezone(tz).date()
        per_day[d] = per_day.get(d, 0) + 1
    day = proposed.astimezone(tz).date()
    count = per_day.get(day, 0)
    nearest = min(times, key=lambda t: abs(t - proposed)) if times else None
    gap_min = abs(nearest - proposed).total_seconds() / 60 if nearest is not None else None
    over = count + 1 > max_per_day
    close = gap_min is not None and gap_min < min_gap_minutes

    slots: list[datetime] = []
    if suggestions > 0 and max_per_day > 0:
        end = proposed + timedelta(days=horizon_days)
        # Candidate times: the proposed one, one gap after each later post, and the same local time of day
        # on the following days. The earliest valid candidate is always one of these.
        cands = {proposed}
        cands.update(t + gap for t in times if proposed < t + gap <= end)
        local = proposed.astimezone(tz)
        for k in range(1, horizon_days + 1):
            nxt = datetime.combine(local.date() + timedelta(days=k), local.timetz().replace(tzinfo=None))
            cands.add(nxt.replace(tzinfo=tz))
        chosen: list[datetime] = []
        for c in sorted(cands, key=lambda x: x.astimezone(UTC)):
            if c > end:
                break
            if _fits(c, times, per_day, tz, max_per_day, gap) and all(abs(c - s) >= gap for s in chosen):
                chosen.append(c)
                if len(chosen) >= suggestions:
                    break
        slots = [c.astimezone(tz) for c in chosen]
    return CadenceCheck(proposed, day, count, over, close, nearest, gap_min, slots)


# ------------------------------------------------------------------------------------ the same, for history


def posts_per_day(posts: pl.DataFrame) -> pl.DataFrame:
    """Posts per account and local day: columns ``account_id``, ``date``, ``posts`` (``date`` must be the local
    day, as the loader derives it)."""
    return posts.group_by("account_id", "date").agg(pl.len().alias("posts"))


def days_over_cap(posts: pl.DataFrame, max_per_day: int = DEFAULT_MAX_POSTS_PER_DAY) -> pl.DataFrame:
    """(account, local day) pairs with more than ``max_per_day`` posts, with the count and the post ids."""
    return (
        posts.group_by("account_id", "date")
        .agg(pl.len().alias("posts"), pl.col("id").sort_by("created_at").alias("post_ids"))
        .filter(pl.col("posts") > max_per_day)
        .sort("account_id", "date")
    )


def close_pairs(posts: pl.DataFrame, min_gap_minutes: float = DEFAULT_MIN_GAP_MINUTES) -> pl.DataFrame:
    """Posts that follow the same account's previous post by less than ``min_gap_minutes``.

    One row per later post: ``account_id``, ``id`` (the later post), ``created_at``, ``prev_id``,
    ``prev_created_at``, ``gap_minutes``. The later post is the one that should have waited.
    """
    s = posts.select("account_id", "id", "created_at").sort("account_id", "created_at", "id")
    s = s.with_columns(
        pl.col("id").shift(1).over("account_id").alias("prev_id"),
        pl.col("created_at").shift(1).over("account_id").alias("prev_created_at"),
    )
    s = s.with_columns(
        ((pl.col("created_at") - pl.col("prev_created_at")).dt.total_seconds() / 60.0).alias("gap_minutes")
    )
    return s.filter(pl.col("prev_id").is_not_null() & (pl.col("gap_minutes") < min_gap_minutes))
