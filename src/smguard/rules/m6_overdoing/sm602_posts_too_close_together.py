"""SM602 posts-too-close-together."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.guard.cadence import DEFAULT_MAX_POSTS_PER_DAY, DEFAULT_MIN_GAP_MINUTES, close_pairs
from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m6_overdoing.sm601_too_many_posts_per_day import over_cap_days


class Options(RuleOptions):
    # The article: "尽可能增加间隔时间" (space posts out as much as possible) names no number. Two levels:
    # posts less than `burst_minutes` apart are a burst, published back to back, and are the finding;
    # gaps up to `min_gap_minutes` (the composer's advice, see smguard.guard.cadence) are only counted in a tip,
    # because two posts of an ordinary day land that close by chance.
    burst_minutes: float = 15
    min_gap_minutes: float = DEFAULT_MIN_GAP_MINUTES
    # How many example posts the message names.
    examples: int = 3
    # Same cap as SM601 (the article: "每天不要超过两到三条"); one [policy] value sets both. A burst on a day
    # already over the cap is part of that day's flood, which SM601 reports (one problem, one finding).
    max_posts_per_day: int = DEFAULT_MAX_POSTS_PER_DAY
    max_posts_per_day_by_platform: dict[str, int] = {}


@rule("SM602", "posts-too-close-together", requires=("posts",), options=Options)
def posts_too_close_together(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Brand posts published in a burst: less than 15 minutes (default) after the same account's previous post.

    **What it does** Sorts each brand account's published posts by time and reports, per account, every post
    that came less than `burst_minutes` (default 15) after the previous one. The evidence is the later post of
    each pair: it is the one that should have waited. Posts less than `min_gap_minutes` (default 60, the
    composer's advice) but at least `burst_minutes` apart are counted in an info tip without evidence. A burst
    on a local day on which the account went over the daily cap (as SM601: `max_posts_per_day`, default 3) is
    part of that day's flood: SM601 names the day, and this rule only counts those posts in an info note
    instead of naming them again.

    **Why it matters** The article advises spacing posts as far apart as possible. Bursts of posts bury each
    other in followers' feeds and read as spam, which costs followers.

    **Example** `@acme_coffee` posted at 10:00 and again at 10:03 → the 10:03 post is evidence; a post at
    10:40 would only be counted in the tip.
    """
    posts = ctx.brand_posts
    if posts.height < 2:
        return
    near = close_pairs(posts, max(opts.min_gap_minutes, opts.burst_minutes))
    if near.height == 0:
        return
    acc = ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")
    near = near.join(acc, on="account_id", how="left").sort("account_id", "created_at")
    pairs = near.filter(pl.col("gap_minutes") < opts.burst_minutes)
    # bursts on days over the cap belong to SM601's finding for that day
    heavy = over_cap_days(ctx, opts).select("account_id", "date")
    day_of = posts.select("id", "date")
    pairs = pairs.join(day_of, on="id", how="left")
    on_heavy = pairs.join(heavy, on=["account_id", "date"], how="semi")
    pairs = pairs.join(heavy, on=["account_id", "date"], how="anti")
    for (account_id,), g in on_heavy.group_by("account_id", maintain_order=True):
        handle = g["handle"][0] or account_id
        days = sorted({str(d) for d in g["date"].to_list()})
        yield Finding(
            severity="info",
            title=T(
                f"{g.height} posts from {handle} came in bursts on days over the cap",
                f"{handle} 有 {g.height} 条内容是在超出每日上限的日子里集中发出的",
            ),
            message=T(
                f"On {', '.join(days)}, {handle} also published {g.height} posts less than "
                f"{opts.burst_minutes:g} minutes after the previous one; those days are reported by SM601.",
                f"{handle} 在 {'、'.join(days)} 还有 {g.height} 条内容与上一条间隔不足 "
                f"{opts.burst_minutes:g} 分钟；这些日子已由 SM601 报告。",
            ),
            recommendation=T(
                "Spread the day's posts over several hours, and keep to the daily cap.",
                "把当天的内容分散到几个小时发布，并遵守每日上限。",
            ),
            account_id=account_id,
            data={"posts": g.height, "days": days, "burst_minutes": opts.burst_minutes},
        )
    tips = near.filter(pl.col("gap_minutes") >= opts.burst_minutes)
    for (account_id,), g in tips.group_by("account_id", maintain_order=True):
        handle = g["handle"][0] or account_id
        gap = f"{opts.min_gap_minutes:g}"
        yield Finding(
            severity="info",
            title=T(
                f"{g.height} posts from {handle} came less than {gap} min after the previous one",
                f"{handle} 有 {g.height} 条内容与上一条间隔不足 {gap} 分钟",
            ),
            message=T(
                f"{g.height} of {handle}'s posts followed the previous one by {opts.burst_minutes:g}-{gap} "
                "minutes. Not a burst, but more room between posts gives each one its own moment in the feed.",
                f"{handle} 有 {g.height} 条内容与上一条相隔 {opts.burst_minutes:g}-{gap} 分钟。"
                "虽不算集中刷屏，但拉开间隔能让每条内容都被看到。",
            ),
            recommendation=T(
                f"Leave at least {gap} minutes, better several hours, between posts.",
                f"两条内容之间至少间隔 {gap} 分钟，最好几个小时。",
            ),
            account_id=account_id,
            data={"posts": g.height, "min_gap_minutes": opts.min_gap_minutes},
        )
    tz = ctx.tz
    for (account_id,), g in pairs.group_by("account_id", maintain_order=True):
        handle = g["handle"][0] or account_id
        n = g.height
        ex = g.head(opts.examples).with_columns(
            pl.col("created_at").dt.convert_time_zone(tz).dt.strftime("%Y-%m-%d %H:%M").alias("t")
        )
        ex_en = "; ".join(
            f"post {r['id']} at {r['t']}, {r['gap_minutes']:.0f} min after {r['prev_id']}"
            for r in ex.iter_rows(named=True)
        )
        ex_zh = "；".join(
            f"{r['t']} 的 {r['id']} 距上一条 {r['prev_id']} 仅 {r['gap_minutes']:.0f} 分钟"
            for r in ex.iter_rows(named=True)
        )
        gap = f"{opts.burst_minutes:g}"
        yield Finding(
            severity="low",
            title=T(
                f"{n} posts from {handle} came less than {gap} min after the previous one",
                f"{handle} 有 {n} 条内容与上一条间隔不足 {gap} 分钟",
            ),
            message=T(
                f"{handle} ({g['platform'][0]}) published {n} posts less than {gap} minutes after its previous "
                f"post, e.g. {ex_en}. Posts this close bury each other in followers' feeds.",
                f"{handle}（{g['platform'][0]}）有 {n} 条内容与上一条的间隔不足 {gap} 分钟，例如：{ex_zh}。"
                "发得太密会互相挤占粉丝的信息流。",
            ),
            recommendation=T(
                f"Do not publish back to back: leave at least {opts.min_gap_minutes:g} minutes (better several "
                "hours) between posts and schedule the later ones.",
                f"不要连续发布：两条内容之间至少间隔 {opts.min_gap_minutes:g} 分钟（最好几个小时），用定时发布代替集中发布。",
            ),
            account_id=account_id,
            evidence=Evidence.many("post", g["id"].to_list()),
            data={
                "posts": n,
                "burst_minutes": opts.burst_minutes,
                "min_gap_seen_minutes": float(g["gap_minutes"].min()),
            },
        )
