"""SM601 too-many-posts-per-day."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.guard.cadence import DEFAULT_MAX_POSTS_PER_DAY
from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext


class Options(RuleOptions):
    # The article: "每天不要超过两到三条" (no more than two or three posts a day); the upper end is the default.
    max_posts_per_day: int = DEFAULT_MAX_POSTS_PER_DAY
    # Optional cap per platform (e.g. {"x": 5}) where the brand has a documented reason to differ.
    max_posts_per_day_by_platform: dict[str, int] = {}
    # A day with at least this many times the cap in posts (6 for a cap of 3) is "medium"; fewer is "low".
    medium_factor: float = 2.0


def cap_table(ctx: AuditContext, opts: RuleOptions) -> pl.DataFrame:
    """Per brand account, the cap that applies to it (``opts`` has ``max_posts_per_day`` and
    ``max_posts_per_day_by_platform``; SM603 shares this)."""
    acc = ctx.brand_accounts.select(pl.col("id").alias("account_id"), "platform", "handle")
    by = opts.max_posts_per_day_by_platform
    return acc.with_columns(
        pl.col("platform")
        .replace_strict(by, default=opts.max_posts_per_day, return_dtype=pl.Int64)
        .alias("cap")
        if by
        else pl.lit(opts.max_posts_per_day, dtype=pl.Int64).alias("cap")
    )


def over_cap_days(ctx: AuditContext, opts: RuleOptions) -> pl.DataFrame:
    """The brand accounts' days above their cap: ``account_id``, ``date``, ``posts`` and the columns of
    :func:`cap_table` (SM602 leaves its bursts on these days to SM601)."""
    return (
        ctx.brand_posts.group_by("account_id", "date")
        .agg(pl.len().alias("posts"))
        .join(cap_table(ctx, opts), on="account_id", how="inner")
        .filter(pl.col("posts") > pl.col("cap"))
    )


@rule("SM601", "too-many-posts-per-day", requires=("posts",), options=Options)
def too_many_posts_per_day(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Days on which a brand account published more posts than the daily cap (default 3).

    **What it does** Counts each brand account's published posts per local calendar day (in the data set's
    timezone; scheduled posts still in the future are left out) and reports every day above the cap, one
    finding per account and day. The cap is `max_posts_per_day` (default 3), optionally per platform with
    `max_posts_per_day_by_platform`.

    **Why it matters** Posting too often is the first way of overdoing social media that the article names:
    even fans who like the content unfollow an account that floods their feed. It advises two or three posts
    a day at most.

    **Example** `@acme_coffee` published 6 posts on 2026-10-03 → one finding with evidence
    `{"type": "day", "account_id": "weibo-main", "date": "2026-10-03"}`.
    """
    if ctx.brand_posts.height == 0:
        return
    counts = over_cap_days(ctx, opts).sort("account_id", "date")
    for r in counts.iter_rows(named=True):
        handle = r["handle"] or r["account_id"]
        n, cap, day = r["posts"], r["cap"], str(r["date"])
        sev = "medium" if n >= opts.medium_factor * cap else "low"
        yield Finding(
            severity=sev,
            title=T(
                f"{n} posts on {day} from {handle} (cap {cap})",
                f"{handle} 在 {day} 发了 {n} 条（上限 {cap} 条）",
            ),
            message=T(
                f"{handle} ({r['platform']}) published {n} posts on {day}, more than the {cap} a day that keeps "
                "followers from feeling flooded.",
                f"{handle}（{r['platform']}）在 {day} 发布了 {n} 条内容，超过每天 {cap} 条的上限，粉丝容易觉得被刷屏而取关。",
            ),
            recommendation=T(
                f"Keep to at most {cap} posts a day: merge related updates into one post, or schedule the extra "
                "ones on quieter days, spaced several hours apart.",
                f"每天最多发 {cap} 条：把相关内容合并成一条，或把多出来的内容排到发帖较少的日子，并拉开几个小时的间隔。",
            ),
            account_id=r["account_id"],
            evidence=[Evidence.day(r["account_id"], day)],
            data={"date": day, "posts": n, "cap": cap, "platform": r["platform"]},
        )
