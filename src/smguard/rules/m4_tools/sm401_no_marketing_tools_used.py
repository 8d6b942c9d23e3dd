"""SM401 no-marketing-tools-used."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m4_tools._tools import brand_campaigns, marketing_tools, require_campaigns, tool_name


class Options(RuleOptions):
    pass


@rule("SM401", "no-marketing-tools-used", requires=(), options=Options)
def no_marketing_tools_used(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Brand accounts that never ran a campaign of any kind with their platform's marketing tools.

    **What it does** For every brand account, looks for at least one entry in `campaigns.jsonl` (an ad, a
    promoted post, an event promotion, retargeting, a lead form, an audience search or any other use of the
    platform's own marketing tools). An account with none is reported, naming the tools its platform offers.
    Accounts on a platform whose profile lists no marketing tools are skipped. Without `campaigns.jsonl` the
    rule does not run (an empty file means "no campaigns").

    **Why it matters** The article's fourth mistake: Weibo, WeChat, Facebook, X, LinkedIn, YouTube and
    Pinterest all offer built-in tools to reach potential customers by location, age, gender and interests,
    and to win back visitors who left. Posting without ever using them leaves that reach unused.

    **Example** `@acme_douyin` has no campaign at all → evidence `{"type": "account", "id": "douyin-main"}`,
    with a pointer to DOU+ and Ocean Engine.
    """
    require_campaigns(ctx)
    used = set(brand_campaigns(ctx)["account_id"].unique().to_list())
    accounts = ctx.brand_accounts.filter(~pl.col("id").is_in(list(used))).sort("id")
    for r in accounts.iter_rows(named=True):
        tools = marketing_tools(ctx, r["platform"])
        if tools is not None and len(tools) == 0:
            continue  # the platform offers nothing to use
        handle = r["handle"] or r["id"]
        names_en = ", ".join(tool_name(t, "en") for t in (tools or [])[:4])
        names_zh = "、".join(tool_name(t, "zh") for t in (tools or [])[:4])
        tip_en = f" {r['platform']} offers e.g. {names_en}." if names_en else ""
        tip_zh = f"{r['platform']} 提供的工具例如：{names_zh}。" if names_zh else ""
        yield Finding(
            severity="medium",
            title=T(
                f"{handle} has never used the platform's marketing tools", f"{handle} 从未使用平台的营销工具"
            ),
            message=T(
                f"The data set has no ad, promoted post, event promotion or other campaign for {handle} "
                f"({r['platform']}): it relies on organic posts alone.{tip_en}",
                f"数据中没有 {handle}（{r['platform']}）的任何广告、推广、活动推广或其他营销活动，只靠自然发帖。{tip_zh}",
            ),
            recommendation=T(
                "Start with a small promoted post or ad targeted by location, age and interests at the people "
                "most likely to buy, then add retargeting of visitors who did not buy.",
                "先用少量预算推广一条内容或投放广告，按地域、年龄、兴趣定向到最可能购买的人群，再对看过但未购买的访客做再营销。",
            ),
            account_id=r["id"],
            evidence=[Evidence("account", r["id"])],
            data={"platform": r["platform"], "tools": [tool_name(t, "en") for t in (tools or [])]},
        )
