"""Shared by SM401-SM404: brand campaigns, and the marketing tools of a platform from its profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from smguard.rules.base import NotRun
from smguard.rules.context import AuditContext


def require_campaigns(ctx: AuditContext) -> None:
    """Mistake 4 can only be judged when the data set says which campaigns ran. A campaigns file that is
    present but empty means "no campaigns" (which is the mistake); a missing file means "unknown"."""
    if "campaigns" not in ctx.dataset.present:
        raise NotRun(
            "needs campaigns.jsonl (the use of the platforms' marketing tools); without it smguard "
            "cannot tell whether the brand runs any ads or promotions. Add the file, even empty, to "
            "say there were none."
        )
    if ctx.table("campaigns").height == 0 and ctx.dataset.counts_read.get("campaigns", 0) > 0:
        raise NotRun(
            "campaigns.jsonl has lines but none could be read (see the input problems); smguard cannot "
            "tell which campaigns ran"
        )


def brand_campaigns(ctx: AuditContext) -> pl.DataFrame:
    c = ctx.table("campaigns")
    return c.filter(pl.col("owner") == "brand")


def uses_retargeting() -> pl.Expr:
    """A campaign that re-reaches people who already met the brand: kind retargeting, the retargeting flag, or
    a custom audience (an uploaded customer list or site visitors)."""
    return (
        (pl.col("kind") == "retargeting")
        | pl.col("t_retargeting").fill_null(False)
        | pl.col("t_custom_audience").is_not_null()
    )


@dataclass(frozen=True)
class GenericTool:
    """A kind of marketing tool named by the data set format, used only when the platform profiles are not
    available (so SM404 still gives its tip in general terms)."""

    key: str
    name_en: str
    name_zh: str
    campaign_kinds: tuple[str, ...]
    what_en: str = ""
    what_zh: str = ""


GENERIC_TOOLS = (
    GenericTool(
        "ads",
        "targeted ads",
        "定向广告",
        ("ad",),
        "reach people by location, age, gender, interests",
        "按地域、年龄、性别、兴趣触达人群",
    ),
    GenericTool(
        "promoted_post",
        "promoted posts",
        "内容推广",
        ("promoted_post",),
        "boost a post beyond followers",
        "让内容触达粉丝以外的人",
    ),
    GenericTool(
        "event",
        "event promotion",
        "活动推广",
        ("event",),
        "invite people to a webinar, fair or launch",
        "邀请用户参加研讨会、展会或发布会",
    ),
    GenericTool(
        "retargeting",
        "retargeting",
        "再营销",
        ("retargeting",),
        "win back visitors who left",
        "重新触达流失的访客",
    ),
    GenericTool(
        "lead_form",
        "lead forms",
        "线索表单",
        ("lead_form",),
        "collect contacts of interested people",
        "收集感兴趣用户的联系方式",
    ),
    GenericTool(
        "audience_search",
        "audience search",
        "用户搜索",
        ("audience_search",),
        "find users by location, age, gender, interests",
        "按地域、年龄、性别、兴趣搜索用户",
    ),
)


def marketing_tools(ctx: AuditContext, platform: str) -> list[Any] | None:
    """The platform's marketing tools from its profile; generic tool kinds when the profiles are not
    installed; ``None`` when the profiles exist but know nothing of this platform."""
    try:
        from smguard.platforms import get_profile  # noqa: F401 - availability check
    except ImportError:
        return list(GENERIC_TOOLS)
    try:
        prof = ctx.profile(platform)
    except Exception:  # noqa: BLE001 - a missing or unknown profile only means "no tools known"
        return None
    tools = getattr(prof, "marketing_tools", None)
    return list(tools) if tools is not None else None


def tool_name(tool: Any, lang: str) -> str:
    if isinstance(tool, str):
        return tool
    return str(
        getattr(tool, f"name_{lang}", None) or getattr(tool, "name_en", None) or getattr(tool, "key", tool)
    )


def tool_kinds(tool: Any) -> tuple[str, ...]:
    return tuple(getattr(tool, "campaign_kinds", ()) or ())
