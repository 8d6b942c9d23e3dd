"""SM504 customers-vs-non-customers-engagement."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m5_quality._customers import (
    current_brand_followers,
    customer_platforms,
    match_customers,
    matched_brand_followers,
)


class Options(RuleOptions):
    # The article: "提升对于与企业在社交媒体上进行互动的真正消费者的辨别能力" (know which of the people who
    # engage are real customers). Engagement "mostly from non-customers" is a finding when customers are fewer
    # than 1 in 33 of the people who comment, mention or message the account (the same line as SM501).
    low_engaged_customer_share: float = 0.03
    # Below this many distinct people engaging, the share is too noisy to judge.
    min_people: int = 30
    # The people who write to an account are a small, self-selected sample (questions from prospects,
    # complaints, giveaway entries). When the account's current followers are known (at least this many, as
    # SM501's min_followers) and customers are not rare among them (at least low_engaged_customer_share), a low
    # share among the people writing is reported as a statistic only: the audience is not the problem.
    min_followers: int = 50


@rule("SM504", "customers-vs-non-customers-engagement", requires=("messages", "customers"), options=Options)
def customers_vs_non_customers_engagement(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Who engages with a brand account: customers or non-customers; a finding when almost none are customers.

    **What it does** Takes the inbound comments, mentions, messages and reviews of each brand account, matches
    their authors (`author_id` or `author_handle`, on the account's platform) to `customers.jsonl`, and
    reports the share of engaging people and of messages that come from customers (info). When at least
    `min_people` (30) distinct people engaged and fewer than `low_engaged_customer_share` (3%) of them are customers, it is a
    finding, unless the account's current followers are known (`min_followers`, 50) and customers are not rare
    among them (at least the same 3%): then the share is a statistic only, since those who write are a small,
    self-selected part of the audience. Accounts on a platform where no customer has a known identity are not
    judged.

    **Why it matters** The article: a like is not a sale. What counts is recognising the real customers who
    interact with the brand; when the conversation is almost only with people who never buy, the content or
    the targeting attracts the wrong audience.

    **Example** 2,400 people commented on `@acme_coffee`, 31 of them customers (1.3%) → low finding, evidence
    the account.
    """
    plats = customer_platforms(ctx)
    m = (
        ctx.dataset.messages.lazy()
        .select("account_id", "platform", "owner", "direction", "created_at", "author_id", "author_handle")
        .filter(
            (pl.col("owner") == "brand")
            & (pl.col("direction") == "in")
            & (pl.col("created_at") <= ctx.as_of)
            & (pl.col("author_id").is_not_null() | pl.col("author_handle").is_not_null())
        )
        .collect()
    )
    if m.height == 0:
        return
    m = match_customers(
        ctx, m.select("account_id", "platform", "author_id", "author_handle"), "author_id", "author_handle"
    )
    follower_share: dict[str, float] = {}
    if ctx.dataset.has("followers") and current_brand_followers(ctx).height:
        f = matched_brand_followers(ctx)
        for fr in (
            f.group_by("account_id")
            .agg(pl.len().alias("n"), pl.col("customer_id").is_not_null().sum().alias("c"))
            .filter(pl.col("n") >= opts.min_followers)
            .iter_rows(named=True)
        ):
            follower_share[fr["account_id"]] = fr["c"] / fr["n"]
    person = pl.coalesce(
        pl.col("author_id"), pl.col("author_handle").str.to_lowercase().str.strip_chars_start("@")
    )
    stats = (
        m.with_columns(person.alias("person"))
        .group_by("account_id")
        .agg(
            pl.len().alias("messages"),
            pl.col("customer_id").is_not_null().sum().alias("customer_messages"),
            pl.col("person").n_unique().alias("people"),
            pl.col("customer_id").drop_nulls().n_unique().alias("customers"),
        )
        .join(
            ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform"), on="account_id"
        )
        .sort("account_id")
    )
    for r in stats.iter_rows(named=True):
        if r["platform"] not in plats:
            continue
        handle = r["handle"] or r["account_id"]
        people, cust = int(r["people"]), int(r["customers"])
        share = cust / people if people else 0.0
        mshare = r["customer_messages"] / r["messages"] if r["messages"] else 0.0
        pct, mpct = f"{share:.1%}", f"{mshare:.1%}"
        data = {
            "people": people,
            "customers": cust,
            "share_people": round(share, 4),
            "messages": r["messages"],
            "customer_messages": r["customer_messages"],
            "share_messages": round(mshare, 4),
        }
        bad = people >= opts.min_people and share < opts.low_engaged_customer_share
        fshare = follower_share.get(r["account_id"])
        if fshare is not None:
            data["share_followers"] = round(fshare, 4)
            if bad and fshare >= opts.low_engaged_customer_share:
                bad = False  # customers are among the followers: a statistic, not evidence of the mistake
        yield Finding(
            severity="low" if bad else "info",
            title=T(
                f"{pct} of the people engaging with {handle} are customers",
                f"与 {handle} 互动的人中 {pct} 是客户",
            ),
            message=T(
                f"{people} people commented on, mentioned or messaged {handle}; {cust} of them ({pct}) are "
                f"customers, writing {mpct} of the {r['messages']} messages."
                + (" The conversation is almost only with people who do not buy." if bad else ""),
                f"共有 {people} 人在 {handle} 评论、提及或私信，其中 {cust} 人（{pct}）是客户，"
                f"发出了 {r['messages']} 条消息中的 {mpct}。" + ("互动几乎全部来自非客户。" if bad else ""),
            ),
            recommendation=T(
                "Give customers reasons to join in (reviews, user photos, member perks) and aim content "
                "and targeting at likely buyers rather than at giveaway hunters.",
                "给客户参与的理由（评价、晒单、会员福利），内容和定向面向潜在买家，而不是只为抽奖而来的人。",
            ),
            account_id=r["account_id"],
            evidence=[Evidence("account", r["account_id"])] if bad else [],
            data=data,
        )
