"""SM403 no-retargeting-anywhere."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m4_tools._tools import (
    brand_campaigns,
    marketing_tools,
    require_campaigns,
    tool_kinds,
    uses_retargeting,
)


class Options(RuleOptions):
    pass


def _offers_retargeting(ctx: AuditContext, platform: str) -> bool:
    tools = marketing_tools(ctx, platform)
    if tools is None:
        return True
    return any("retargeting" in tool_kinds(t) for t in tools)


@rule("SM403", "no-retargeting-anywhere", requires=(), options=Options)
def no_retargeting_anywhere(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """No brand account has ever run retargeting (re-reaching visitors or customers who already met the brand).

    **What it does** Looks across the campaigns of all brand accounts for one of kind `retargeting`, or with
    `targeting.retargeting` true, or with a `targeting.custom_audience`. When there is none, it reports once,
    with the brand accounts whose platform offers retargeting as evidence. Without `campaigns.jsonl` the rule
    does not run.

    **Why it matters** The article names "re-targeting lost visitors" as one of the two jobs the platforms'
    marketing tools do. People who visited or bought once are the cheapest to convert; never re-reaching them
    wastes the audience the brand already paid for.

    **Example** Three ad campaigns, all targeted by location and age, none retargeting → one finding.
    """
    require_campaigns(ctx)
    camps = brand_campaigns(ctx)
    if camps.height and camps.filter(uses_retargeting()).height:
        return
    accounts = ctx.brand_accounts.sort("id")
    # evidence: the brand accounts whose platform offers retargeting (all of them when the profiles are unknown)
    able = [
        pid
        for pid, plat in zip(accounts["id"].to_list(), accounts["platform"].to_list(), strict=True)
        if _offers_retargeting(ctx, plat)
    ]
    accounts = accounts.filter(pl.col("id").is_in(able))
    if accounts.height == 0:
        return
    n = camps.height
    yield Finding(
        severity="low",
        title=T("No retargeting on any brand account", "所有品牌账号都没有做再营销"),
        message=T(
            f"None of the {n} campaigns of the {accounts.height} brand accounts re-reaches people who already "
            "met the brand (no retargeting campaign, no retargeting flag, no custom audience).",
            f"{accounts.height} 个品牌账号的 {n} 个营销活动中，没有一个针对已接触过品牌的人群"
            "（没有再营销活动、没有开启再营销、没有自定义人群包）。",
        ),
        recommendation=T(
            "Set up retargeting: a custom audience from your customer list or site visitors (Meta custom "
            "audiences， 广点通/粉丝通 人群包， X tailored audiences）， with an offer that brings them back.",
            "开展再营销：用客户名单或网站访客建立自定义人群（如广点通、粉丝通人群包，Meta 自定义受众），配合回流优惠。",
        ),
        account_id=None,
        evidence=Evidence.many("account", accounts["id"].to_list()),
        data={
            "campaigns": n,
            "accounts": accounts.height,
            "platforms": sorted(set(accounts["platform"].to_list())),
        },
    )
