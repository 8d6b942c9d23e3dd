"""SM402 campaign-without-targeting."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m4_tools._tools import brand_campaigns


class Options(RuleOptions):
    pass


@rule("SM402", "campaign-without-targeting", requires=("campaigns",), options=Options)
def campaign_without_targeting(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Brand campaigns that ran without any targeting (no location, age, gender, interests or audience).

    **What it does** Reports every campaign of a brand account whose `targeting` is missing, null, `{}` or has
    every field empty, null or false (the data set format's definition), one finding per campaign.

    **Why it matters** The article's point about the platforms' tools is reach by location, age, gender and
    interests: the message goes to the people who need it. An untargeted campaign pays to reach everyone and
    mostly reaches people who will never buy.

    **Example** Campaign `c7` "Autumn launch" (ad, budget 5,000 CNY) with `"targeting": {}` → evidence
    `{"type": "campaign", "id": "c7"}`.
    """
    c = brand_campaigns(ctx).filter(~pl.col("has_targeting").fill_null(False)).sort("account_id", "id")
    if c.height == 0:
        return
    acc = ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle")
    c = c.join(acc, on="account_id", how="left")
    for r in c.iter_rows(named=True):
        handle = r["handle"] or r["account_id"]
        name = r["name"] or r["id"]
        budget = ""
        if r["budget"] is not None:
            budget = f"{r['budget']:,.0f} {r['currency'] or ''}".strip()
        b_en = f", budget {budget}" if budget else ""
        b_zh = f"，预算 {budget}" if budget else ""
        yield Finding(
            severity="medium",
            title=T(f"Campaign “{name}” ran without targeting", f"营销活动“{name}”没有设置定向"),
            message=T(
                f"{handle}'s {r['kind']} campaign “{name}” ({r['id']}{b_en}) had no targeting at all: no "
                "location, age, gender, interests or audience.",
                f"{handle} 的 {r['kind']} 活动“{name}”（{r['id']}{b_zh}）没有任何定向：未设地域、年龄、性别、兴趣或人群包。",
            ),
            recommendation=T(
                "Target the next campaign at your buyers: the locations you deliver to, the age range and "
                "interests of your customers, or a custom audience built from your customer list.",
                "下次投放请定向到目标买家：可配送的地域、客户的年龄段和兴趣，或用客户名单建立自定义人群。",
            ),
            account_id=r["account_id"],
            evidence=[Evidence("campaign", r["id"])],
            data={"kind": r["kind"], "budget": r["budget"], "currency": r["currency"]},
        )
