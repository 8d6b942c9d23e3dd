"""SM505 follower-growth-without-customer-growth."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import polars as pl

from smguard.rules.base import Evidence, Finding, NotRun, RuleOptions, T, rule
from smguard.rules.context import AuditContext


class Options(RuleOptions):
    # Followers must grow by at least this much over the period (a fifth) before their growth is compared...
    min_follower_growth: float = 0.2
    # ...and by at least this many people.
    min_new_followers: int = 100
    # "Flat" customers: the customer base grew less than this fraction of the followers' relative growth
    # (followers +50% while customers +2% is 0.04). The article: growth that does not turn into buyers is the
    # fifth mistake.
    max_growth_ratio: float = 0.1
    # A period shorter than this says little about growth.
    min_days: int = 28


def _follower_series(ctx: AuditContext) -> pl.DataFrame:
    """Per brand account: d0, d1, f0, f1 (first and last daily totals)."""
    brand = ctx.brand_accounts["id"].implode()
    if ctx.dataset.has("follower_counts"):
        c = ctx.table("follower_counts").filter(pl.col("account_id").is_in(brand))
        if c.height:
            return (
                c.sort("date")
                .group_by("account_id")
                .agg(
                    pl.col("date").first().alias("d0"),
                    pl.col("date").last().alias("d1"),
                    pl.col("followers").first().alias("f0"),
                    pl.col("followers").last().alias("f1"),
                )
            )
    return pl.DataFrame(
        schema={"account_id": pl.String, "d0": pl.Date, "d1": pl.Date, "f0": pl.Int64, "f1": pl.Int64}
    )


def _from_followers(ctx: AuditContext) -> pl.DataFrame:
    """Totals at the start and end of the data set's period, rebuilt from followed_at / unfollowed_at."""
    start, end = ctx.dataset.period()
    f = ctx.dataset.followers.filter((pl.col("owner") == "brand") & pl.col("followed_at").is_not_null())
    if start is None or f.height == 0:
        return _follower_series(ctx).clear()
    end = min(end, ctx.as_of) if end is not None else ctx.as_of

    def active(t) -> pl.Expr:
        return (pl.col("followed_at") <= t) & (
            pl.col("unfollowed_at").is_null() | (pl.col("unfollowed_at") > t)
        )

    tz = ctx.tz
    return (
        f.group_by("account_id")
        .agg(active(start).sum().cast(pl.Int64).alias("f0"), active(end).sum().cast(pl.Int64).alias("f1"))
        .with_columns(
            pl.lit(start).dt.convert_time_zone(tz).dt.date().alias("d0"),
            pl.lit(end).dt.convert_time_zone(tz).dt.date().alias("d1"),
        )
        .select("account_id", "d0", "d1", "f0", "f1")
    )


@rule("SM505", "follower-growth-without-customer-growth", requires=("customers",), options=Options)
def follower_growth_without_customer_growth(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """A brand account's followers grew strongly while the number of customers stayed flat.

    **What it does** For each brand account, takes the first and last daily totals in `follower_counts.jsonl`
    (or, without it, rebuilds the totals at the start and end of the data set's period from the followers'
    `followed_at`/`unfollowed_at`). Over the same dates it counts new customers (`first_order_at`) against the
    customers there were before. When followers grew by at least `min_follower_growth` (20%) and
    `min_new_followers` (100) over at least `min_days` (28) days, while customers grew by less than
    `max_growth_ratio` (a tenth) of that relative growth, the account is reported. An account that started
    the period with fewer than `min_new_followers` followers is new: its growth is not compared.

    **Why it matters** The article: a like is not a sale, and followers matter only when they become
    customers. Growing the audience without growing the customer base is effort spent on people who do not buy
    (or on bought followers).

    **Example** `@acme_coffee` went from 5,000 to 9,000 followers (+80%) in three months while customers went
    from 1,200 to 1,215 (+1.3%) → evidence `{"type": "account", "id": "weibo-main"}`.
    """
    cust = ctx.table("customers").filter(pl.col("first_order_at").is_not_null())
    if cust.height == 0:
        raise NotRun("needs customers with first_order_at to see when customers were won")
    series = _follower_series(ctx)
    if series.height == 0 and not ctx.dataset.has("followers"):
        raise NotRun(
            "needs follower_counts.jsonl (or followers.jsonl with followed_at) to see follower growth"
        )
    if ctx.dataset.has("followers"):  # accounts without daily totals: rebuild them from the follower list
        rebuilt = _from_followers(ctx).filter(~pl.col("account_id").is_in(series["account_id"].implode()))
        series = pl.concat([series, rebuilt], how="vertical_relaxed")
    tz = ctx.tz
    first = cust.select(pl.col("first_order_at").dt.convert_time_zone(tz).dt.date().alias("d"))["d"]
    acc = ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")
    series = series.join(acc, on="account_id").sort("account_id")
    for r in series.iter_rows(named=True):
        d0, d1, f0, f1 = r["d0"], r["d1"], r["f0"], r["f1"]
        if d0 is None or d1 is None or (d1 - d0) < timedelta(days=opts.min_days) or f0 is None or f1 is None:
            continue
        if f0 < opts.min_new_followers:
            continue  # an account that started from (almost) nothing: no audience "before" to compare with
        gained = f1 - f0
        fgrowth = gained / max(f0, 1)
        if gained < opts.min_new_followers or fgrowth < opts.min_follower_growth:
            continue
        base = int((first < d0).sum())
        new = int(((first >= d0) & (first <= d1)).sum())
        if base == 0:
            continue  # a brand new business: no "before" to compare with
        cgrowth = new / base
        if cgrowth >= opts.max_growth_ratio * fgrowth:
            continue
        handle = r["handle"] or r["account_id"]
        fp, cp = f"{fgrowth:+.0%}", f"{cgrowth:+.1%}"
        yield Finding(
            severity="medium",
            title=T(f"{handle}: followers {fp}, customers {cp}", f"{handle}：粉丝 {fp}，客户 {cp}"),
            message=T(
                f"From {d0} to {d1} {handle} went from {f0} to {f1} followers ({fp}), while customers grew "
                f"from {base} to {base + new} ({cp}): the new followers are not becoming buyers.",
                f"{d0} 至 {d1}，{handle} 的粉丝从 {f0} 增至 {f1}（{fp}），而客户只从 {base} 增至 {base + new}"
                f"（{cp}）：新增粉丝没有转化为买家。",
            ),
            recommendation=T(
                "Stop optimising for follower counts (giveaways, follow-for-follow, bought followers); "
                "target campaigns at likely buyers and track how many followers place a first order.",
                "不要再以涨粉为目标（抽奖、互关、买粉）；把投放定向到潜在买家，并跟踪有多少粉丝完成首单。",
            ),
            account_id=r["account_id"],
            evidence=[Evidence("account", r["account_id"])],
            data={
                "from": str(d0),
                "to": str(d1),
                "followers_start": f0,
                "followers_end": f1,
                "follower_growth": round(fgrowth, 4),
                "customers_before": base,
                "new_customers": new,
                "customer_growth": round(cgrowth, 4),
            },
        )
