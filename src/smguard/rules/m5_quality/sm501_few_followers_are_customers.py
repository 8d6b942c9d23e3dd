"""SM501 few-followers-are-customers."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m5_quality._customers import (
    current_brand_followers,
    customer_platforms,
    matched_brand_followers,
)


class Options(RuleOptions):
    # The article: "有多少粉丝真的是客户呢?" (how many followers are really customers?) gives no number. We call
    # it a problem only when customers are a very small minority: under 3% of followers (fewer than 1 in 33)
    # is "low", under 1% (1 in 100) "medium". A modest share (a B2B page, a channel for prospects) is reported
    # as a statistic only: matching depends on how many customers have their handles in the CRM.
    low_customer_share: float = 0.03
    medium_customer_share: float = 0.01
    # Below this many current followers a share is too noisy to judge.
    min_followers: int = 50


@rule("SM501", "few-followers-are-customers", requires=("followers", "customers"), options=Options)
def few_followers_are_customers(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """How many of a brand account's current followers are known customers; a finding when very few are.

    **What it does** Matches every current follower of each brand account to `customers.jsonl` (same platform
    and `user_id`, or same platform and handle, case-insensitive, leading `@` ignored) and reports the share
    as a statistic (info). When the account has at least `min_followers` (default 50) followers and the share
    is below `low_customer_share` (default 3%), it is a finding (below `medium_customer_share`, 1%, a medium one). Accounts on
    a platform where no customer has a known identity are only described: the share cannot be measured there.

    **Why it matters** The article's fifth mistake is counting followers instead of asking how many of them
    are customers. A large audience of people who never buy is a vanity number; the work is to reach and keep
    real customers.

    **Example** `@acme_coffee` has 12,000 followers, 84 of them customers (0.7%) → medium finding, evidence
    the account.
    """
    f = current_brand_followers(ctx)
    plats = customer_platforms(ctx)
    acc = ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")
    if f.height:
        m = matched_brand_followers(ctx)
        stats = m.group_by("account_id").agg(
            pl.len().alias("followers"), pl.col("customer_id").is_not_null().sum().alias("customers")
        )
    else:
        stats = pl.DataFrame(schema={"account_id": pl.String, "followers": pl.UInt32, "customers": pl.UInt32})
    stats = acc.join(stats, on="account_id", how="inner").sort("account_id")
    for r in stats.iter_rows(named=True):
        handle = r["handle"] or r["account_id"]
        n, c = int(r["followers"]), int(r["customers"])
        share = c / n if n else 0.0
        data = {"followers": n, "customers": c, "share": round(share, 4), "platform": r["platform"]}
        if r["platform"] not in plats:
            yield Finding(
                severity="info",
                title=T(
                    f"Cannot tell how many of {handle}'s followers are customers",
                    f"无法判断 {handle} 的粉丝中有多少是客户",
                ),
                message=T(
                    f"No customer in customers.jsonl has a {r['platform']} identity, so none of {handle}'s "
                    f"{n} followers can be matched to a customer.",
                    f"customers.jsonl 中没有客户登记 {r['platform']} 账号，{handle} 的 {n} 个粉丝无法与客户对应。",
                ),
                recommendation=T(
                    f"Record customers' {r['platform']} handles in your CRM (e.g. at checkout or in "
                    "the loyalty programme) to measure which followers buy.",
                    f"在 CRM 中记录客户的 {r['platform']} 账号（如结账或会员注册时），才能衡量哪些粉丝真正购买。",
                ),
                account_id=r["account_id"],
                data=data,
            )
            continue
        pct = f"{share:.1%}"
        if n >= opts.min_followers and share < opts.low_customer_share:
            sev = "medium" if share < opts.medium_customer_share else "low"
            yield Finding(
                severity=sev,
                title=T(
                    f"Only {pct} of {handle}'s followers are customers", f"{handle} 的粉丝中只有 {pct} 是客户"
                ),
                message=T(
                    f"Of {handle}'s {n} current followers only {c} ({pct}) match a customer; the follower "
                    "count says little about sales.",
                    f"{handle} 现有 {n} 个粉丝，其中只有 {c} 个（{pct}）能与客户对应，粉丝数并不代表销售。",
                ),
                recommendation=T(
                    "Measure followers by who buys: invite existing customers to follow (receipts, "
                    "packaging, loyalty perks), and aim content and targeted campaigns at likely "
                    "buyers rather than at follower counts.",
                    "以购买者而不是粉丝数衡量效果：通过小票、包装、会员权益邀请现有客户关注，"
                    "内容和定向投放面向潜在买家，而不是为了涨粉。",
                ),
                account_id=r["account_id"],
                evidence=[Evidence("account", r["account_id"])],
                data=data,
            )
        else:
            yield Finding(
                severity="info",
                title=T(f"{pct} of {handle}'s followers are customers", f"{handle} 的粉丝中 {pct} 是客户"),
                message=T(
                    f"{c} of {handle}'s {n} current followers match a customer ({pct}).",
                    f"{handle} 现有 {n} 个粉丝，其中 {c} 个是客户（{pct}）。",
                ),
                recommendation=T(
                    "Track this share over time; it matters more than the follower count.",
                    "持续跟踪这一比例，它比粉丝总数更重要。",
                ),
                account_id=r["account_id"],
                data=data,
            )
