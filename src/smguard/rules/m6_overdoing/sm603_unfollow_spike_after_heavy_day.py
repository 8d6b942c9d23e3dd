"""SM603 unfollow-spike-after-heavy-day."""

from __future__ import annotations

import math
from collections.abc import Iterator

import polars as pl

from smguard.guard.cadence import DEFAULT_MAX_POSTS_PER_DAY
from smguard.rules.base import Evidence, Finding, NotRun, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m6_overdoing.sm601_too_many_posts_per_day import cap_table


class Options(RuleOptions):
    # Same cap as SM601 (the article: "每天不要超过两到三条"); one [policy] value sets both.
    max_posts_per_day: int = DEFAULT_MAX_POSTS_PER_DAY
    max_posts_per_day_by_platform: dict[str, int] = {}
    # The article: posting too often "会导致掉粉" (makes followers leave). We look at the 1-2 days after a
    # heavy day: that is when followers who saw the flood react.
    days_after: int = 2
    # A spike: at least this many times the account's usual daily unfollows (on days that follow no heavy day),
    spike_factor: float = 3.0
    # at least this many unfollows on one day,
    min_unfollows: int = 3
    # and a count the usual daily rate (a Poisson rate, at least 0.1 a day) would reach by chance on fewer than
    # this share of days: one day in a thousand.
    max_spike_chance: float = 0.001


def _daily_losses(ctx: AuditContext) -> pl.DataFrame:
    """Per brand account and local day, followers lost: from unfollowed_at where the account has it, otherwise
    from drops of the daily follower totals. Columns account_id, date, lost, source."""
    brand = ctx.brand_accounts["id"]
    parts: list[pl.DataFrame] = []
    have: set[str] = set()
    if ctx.dataset.has("followers"):
        f = ctx.dataset.followers.filter(
            pl.col("account_id").is_in(brand.implode())
            & pl.col("unfollowed_at").is_not_null()
            & (pl.col("unfollowed_at") <= ctx.as_of)
        )
        if f.height:
            u = (
                f.with_columns(pl.col("unfollowed_at").dt.convert_time_zone(ctx.tz).dt.date().alias("date"))
                .group_by("account_id", "date")
                .agg(pl.len().cast(pl.Int64).alias("lost"))
                .with_columns(pl.lit("unfollowed_at").alias("source"))
            )
            parts.append(u)
            have = set(u["account_id"].unique().to_list())
    if ctx.dataset.has("follower_counts"):
        c = ctx.table("follower_counts").filter(
            pl.col("account_id").is_in(brand.implode()) & ~pl.col("account_id").is_in(list(have))
        )
        if c.height:
            c = (
                c.sort("account_id", "date")
                .with_columns(
                    pl.col("followers").shift(1).over("account_id").alias("prev"),
                    pl.col("date").shift(1).over("account_id").alias("prev_date"),
                )
                .filter((pl.col("date") - pl.col("prev_date")) == pl.duration(days=1))
            )
            c = c.select(
                "account_id",
                "date",
                (pl.col("prev") - pl.col("followers")).clip(lower_bound=0).cast(pl.Int64).alias("lost"),
                pl.lit("follower_counts").alias("source"),
            )
            parts.append(c)
    if not parts:
        return pl.DataFrame(
            schema={"account_id": pl.String, "date": pl.Date, "lost": pl.Int64, "source": pl.String}
        )
    return pl.concat(parts)


def _poisson_tail(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam), in closed form (no loop over k: a loss of 50,000 costs nothing)."""
    from scipy.special import pdtrc

    return float(pdtrc(int(k) - 1, lam)) if k > 0 else 1.0


# A tail this close to the threshold (relative) is left to scipy's exact value.
_MARGIN = 1e-6


def _tail_at_least(k: int, lam: float, threshold: float) -> bool:
    """``_poisson_tail(k, lam) >= threshold``, usually decided without scipy (importing scipy.special costs
    ~0.2 s): for ``k`` above ``lam`` the tail is a sum of Poisson terms that fall at least geometrically, summed
    here in floating point to ~1e-12; only a tail within ``_MARGIN`` of the threshold, or a sum that does not
    settle, is looked up with scipy, so the decision is always scipy's."""
    k = int(k)
    if k > 0 and 0 < lam < k:
        term = math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1))
        total, j = 0.0, k
        for _ in range(10_000):
            total += term
            j += 1
            term *= lam / j
            if term <= total * 1e-17:
                if total < threshold * (1 - _MARGIN):
                    return False
                if total > threshold * (1 + _MARGIN):
                    return True
                break
    return _poisson_tail(k, lam) >= threshold


@rule("SM603", "unfollow-spike-after-heavy-day", requires=("posts",), options=Options)
def unfollow_spike_after_heavy_day(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Unfollows spiking in the day or two after a brand account posted more than the daily cap.

    **What it does** Finds the days on which a brand account went over the daily cap (as SM601), then looks at
    the followers it lost on each of the next `days_after` days (default 2): from the followers' `unfollowed_at`
    when the data has it, otherwise from drops in `follower_counts`. When the worst of those days lost at least
    `spike_factor` (default 3) times the account's usual daily loss, at least `min_unfollows` (default 3)
    followers, and a number the usual rate would reach by chance on fewer than one day in a thousand (Poisson),
    the heavy day is reported as the likely cause.

    **Why it matters** The article warns that posting too often makes even engaged fans unfollow. This rule
    shows the cost in the brand's own numbers.

    **Example** 7 posts on 2026-10-03; 2026-10-04 lost 41 followers against a usual 4 a day → evidence
    `{"type": "day", "account_id": "weibo-main", "date": "2026-10-03"}`.
    """
    if not (ctx.dataset.has("followers") or ctx.dataset.has("follower_counts")):
        raise NotRun("needs followers.jsonl with unfollowed_at, or follower_counts.jsonl, to see unfollows")
    posts = ctx.brand_posts
    if posts.height == 0:
        return
    heavy = (
        posts.group_by("account_id", "date")
        .agg(pl.len().alias("posts"))
        .join(cap_table(ctx, opts).select("account_id", "cap"), on="account_id")
        .filter(pl.col("posts") > pl.col("cap"))
        .drop("cap")
    )
    if heavy.height == 0:
        return
    losses = _daily_losses(ctx)
    if losses.height == 0:
        return
    k = max(1, opts.days_after)
    # days that follow a heavy day (any of the k after it) are not "usual" days
    window = pl.concat(
        [
            heavy.select("account_id", (pl.col("date") + pl.duration(days=i)).alias("date"))
            for i in range(0, k + 1)
        ]
    ).unique()
    # usual daily loss: mean over every day of the account's observed span outside the windows (0 on days
    # without a row), so a sparse unfollow log is not mistaken for a high baseline
    usual = losses.join(window, on=["account_id", "date"], how="anti")
    span = losses.group_by("account_id").agg(
        pl.col("date").min().alias("d0"), pl.col("date").max().alias("d1"), pl.col("source").first()
    )
    span = span.with_columns(((pl.col("d1") - pl.col("d0")).dt.total_days() + 1).alias("days"))
    win_days = window.join(span, on="account_id").filter(
        pl.col("date").is_between(pl.col("d0"), pl.col("d1"))
    )
    win_days = win_days.group_by("account_id").agg(pl.len().alias("win"))
    base = (
        span.join(
            usual.group_by("account_id").agg(pl.col("lost").sum().alias("usual_lost")),
            on="account_id",
            how="left",
        )
        .join(win_days, on="account_id", how="left")
        .with_columns(
            (
                pl.col("usual_lost").fill_null(0)
                / (pl.col("days") - pl.col("win").fill_null(0)).clip(lower_bound=1)
            ).alias("baseline")
        )
    )
    after = pl.concat(
        [
            heavy.select("account_id", "date", "posts", (pl.col("date") + pl.duration(days=i)).alias("d"))
            for i in range(1, k + 1)
        ]
    )
    after = after.join(
        losses.select("account_id", pl.col("date").alias("d"), "lost"), on=["account_id", "d"], how="left"
    ).with_columns(pl.col("lost").fill_null(0))
    top = (
        after.sort("lost", descending=True)
        .group_by("account_id", "date", "posts")
        .agg(pl.col("lost").first().alias("lost"), pl.col("d").first().alias("peak_day"))
        .join(base.select("account_id", "baseline", "source"), on="account_id", how="inner")
        .filter(
            (pl.col("lost") >= opts.min_unfollows)
            & (pl.col("lost") >= opts.spike_factor * pl.col("baseline"))
        )
        .join(
            ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform"), on="account_id"
        )
        .sort("account_id", "date")
    )
    for r in top.iter_rows(named=True):
        if _tail_at_least(r["lost"], max(r["baseline"], 0.1), opts.max_spike_chance):
            continue
        handle = r["handle"] or r["account_id"]
        day, peak, lost, n = str(r["date"]), str(r["peak_day"]), r["lost"], r["posts"]
        base_s = f"{r['baseline']:.1f}"
        how_en = "unfollowed" if r["source"] == "unfollowed_at" else "net follower loss"
        yield Finding(
            severity="medium",
            title=T(
                f"{handle} lost {lost} followers on {peak}, after {n} posts on {day}",
                f"{handle} 在 {day} 发了 {n} 条后，{peak} 掉粉 {lost} 人",
            ),
            message=T(
                f"{handle} published {n} posts on {day}, over the daily cap; on {peak} it lost {lost} "
                f"followers ({how_en}), against a usual {base_s} a day.",
                f"{handle} 在 {day} 发布了 {n} 条，超过每日上限；{peak} 掉粉 {lost} 人，"
                f"而平时每天约 {base_s} 人。",
            ),
            recommendation=T(
                "Spread posts over the week and keep to the daily cap; the unfollows show the flood cost followers.",
                "把内容分散到一周各天发布，遵守每日上限；掉粉说明刷屏已经在流失粉丝。",
            ),
            account_id=r["account_id"],
            evidence=[Evidence.day(r["account_id"], day)],
            data={
                "date": day,
                "posts": n,
                "peak_day": peak,
                "lost": lost,
                "usual_per_day": r["baseline"],
                "source": r["source"],
            },
        )
