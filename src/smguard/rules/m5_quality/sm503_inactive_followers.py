"""SM503 inactive-followers."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m5_quality._customers import current_brand_followers


class Options(RuleOptions):
    # Only mention the statistic when at least this share of followers with a known post count never posted.
    min_silent_share: float = 0.2


@rule("SM503", "inactive-followers", requires=("followers",), options=Options)
def inactive_followers(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Statistic: the share of a brand account's followers who have never posted anything.

    **What it does** Among each brand account's current followers whose `posts_count` is known, counts those
    with 0 posts. When they are at least `min_silent_share` (default 20%) it adds an info note. The data set format
    has no "last active" date, so "inactive" means "never posted"; this is a statistic, not evidence of the
    mistake (SM502 flags the clearly fake accounts).

    **Why it matters** The article asks how many followers are real, engaged people. Silent accounts still
    count in the follower total but never comment, share or buy.

    **Example** 3,100 of `@acme_coffee`'s 8,000 followers never posted (39%) → info note.
    """
    f = current_brand_followers(ctx).filter(pl.col("posts_count").is_not_null())
    if f.height == 0:
        return
    stats = (
        f.group_by("account_id")
        .agg(pl.len().alias("known"), (pl.col("posts_count") == 0).sum().alias("silent"))
        .with_columns((pl.col("silent") / pl.col("known")).alias("share"))
        .filter(pl.col("share") >= opts.min_silent_share)
        .join(ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle"), on="account_id")
        .sort("account_id")
    )
    for r in stats.iter_rows(named=True):
        handle = r["handle"] or r["account_id"]
        pct = f"{r['share']:.0%}"
        yield Finding(
            severity="info",
            title=T(f"{pct} of {handle}'s followers never posted", f"{handle} 的粉丝中 {pct} 从未发过内容"),
            message=T(
                f"{r['silent']} of the {r['known']} followers of {handle} with a known post count have never "
                "posted: they add to the follower total but rarely engage.",
                f"{handle} 已知发帖数的 {r['known']} 个粉丝中，有 {r['silent']} 个从未发过内容：计入粉丝总数，但很少互动。",
            ),
            recommendation=T(
                "Judge the audience by engaged followers and customers, not by the total.",
                "用有互动的粉丝和客户衡量受众，而不是粉丝总数。",
            ),
            account_id=r["account_id"],
            data={"followers_known": r["known"], "never_posted": r["silent"], "share": round(r["share"], 4)},
        )
