"""SM404 unused-platform-tools."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m4_tools._tools import (
    brand_campaigns,
    marketing_tools,
    require_campaigns,
    tool_kinds,
    tool_name,
    uses_retargeting,
)


class Options(RuleOptions):
    pass


@rule("SM404", "unused-platform-tools", requires=(), options=Options)
def unused_platform_tools(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Tip: which of its platform's marketing tools each brand account has never used.

    **What it does** For each brand account, compares the campaign kinds it has run (a campaign with a
    retargeting flag or custom audience also counts as retargeting) with the marketing tools in its platform's
    profile, and lists the tools it never tried. This is a tip (severity info), not evidence of the mistake.

    **Why it matters** The article points out that each major platform has its own tools, from ads targeted by
    location, age, gender and interests to event invitations and retargeting. Knowing which ones are still
    untried is the quickest way to find the next experiment.

    **Example** `@acme_weibo` ran promoted posts but never an event promotion or retargeting → an info finding
    naming those Weibo tools.
    """
    require_campaigns(ctx)
    camps = brand_campaigns(ctx)
    kinds = (
        camps.group_by("account_id").agg(pl.col("kind").unique(), uses_retargeting().any().alias("rt"))
        if camps.height
        else pl.DataFrame(schema={"account_id": pl.String, "kind": pl.List(pl.String), "rt": pl.Boolean})
    )
    used = {
        r["account_id"]: set(r["kind"]) | ({"retargeting"} if r["rt"] else set())
        for r in kinds.iter_rows(named=True)
    }
    for r in ctx.brand_accounts.sort("id").iter_rows(named=True):
        tools = marketing_tools(ctx, r["platform"])
        if not tools:
            continue
        have = used.get(r["id"], set())
        unused = [t for t in tools if tool_kinds(t) and not (set(tool_kinds(t)) & have)]
        if not unused:
            continue
        handle = r["handle"] or r["id"]
        en = "; ".join(
            f"{tool_name(t, 'en')} ({getattr(t, 'what_en', '').rstrip('.')})".replace(" ()", "")
            for t in unused
        )
        zh = "；".join(
            f"{tool_name(t, 'zh')}（{getattr(t, 'what_zh', '').rstrip('。')}）".replace("（）", "")
            for t in unused
        )
        yield Finding(
            severity="info",
            title=T(
                f"{handle} has not tried {len(unused)} of {r['platform']}'s marketing tools",
                f"{handle} 还有 {len(unused)} 个 {r['platform']} 营销工具未使用",
            ),
            message=T(f"Not yet used by {handle}: {en}.", f"{handle} 尚未使用：{zh}。"),
            recommendation=T(
                "Try one of them with a small budget and compare its cost per customer with what you "
                "use now.",
                "挑一个用小预算试投，并与现有方式比较每获得一位客户的成本。",
            ),
            account_id=r["id"],
            evidence=[],
            data={
                "platform": r["platform"],
                "unused": [getattr(t, "key", tool_name(t, "en")) for t in unused],
                "used_kinds": sorted(have),
            },
        )
