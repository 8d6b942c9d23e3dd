"""SM606 automated-replies-in-business-hours."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m6_overdoing._auto import brand_out, handles, in_business_hours


class Options(RuleOptions):
    # The article: automatic sending helps when the company cannot answer in time, "如半夜的时候" (e.g. at
    # midnight). In business hours a person should answer. Defaults: a usual office week; override per brand.
    business_days: list[int] = [1, 2, 3, 4, 5]  # ISO weekdays, 1 = Monday
    business_start: str = "09:00"  # local time, inclusive
    business_end: str = "18:00"  # local time, exclusive
    examples: int = 3


@rule("SM606", "automated-replies-in-business-hours", requires=("messages",), options=Options)
def automated_replies_in_business_hours(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Automated replies that a brand account sent during business hours, when a person could have answered.

    **What it does** Takes the brand accounts' outbound messages marked `automated` and reports those sent,
    in the data set's local time, on a business day (`business_days`, default Monday-Friday) between
    `business_start` and `business_end` (default 09:00-18:00). One finding per account, each such reply as
    evidence.

    **Why it matters** The article sees auto-replies as a help for hours nobody can answer, such as midnight.
    Used while staff are at work, they tell fans the brand would rather not talk to them.

    **Example** An auto-reply sent Tuesday 14:05 local time is evidence; one sent Saturday 02:00 is fine.
    """
    out = brand_out(ctx).filter(pl.col("automated"))
    if out.height == 0:
        return
    local = pl.col("created_at").dt.convert_time_zone(ctx.tz)
    hit = out.filter(in_business_hours(ctx.tz, opts.business_days, opts.business_start, opts.business_end))
    hit = hit.with_columns(local.dt.strftime("%Y-%m-%d %H:%M").alias("t"))
    if hit.height == 0:
        return
    hit = hit.join(handles(ctx), on="account_id", how="left").sort("account_id", "created_at", "id")
    hours = f"{opts.business_start}-{opts.business_end}"
    for (account_id,), g in hit.group_by("account_id", maintain_order=True):
        handle = g["handle"][0] or account_id
        n = g.height
        ex = ", ".join(g["t"].head(opts.examples).to_list())
        yield Finding(
            severity="low",
            title=T(
                f"{handle} sent {n} automated replies during business hours",
                f"{handle} 在工作时间发送了 {n} 条自动回复",
            ),
            message=T(
                f"{handle} sent {n} automated replies on business days between {hours} local time "
                f"(e.g. {ex}), when a person could have answered.",
                f"{handle} 在工作日 {hours}（当地时间）发送了 {n} 条自动回复（例如 {ex}），这些时段本应由人工回复。",
            ),
            recommendation=T(
                "Switch the auto-responder off in business hours and have the team answer; keep it for nights "
                "and holidays.",
                "工作时间关闭自动回复，由团队人工答复；自动回复只用于夜间和节假日。",
            ),
            account_id=account_id,
            evidence=Evidence.many("message", g["id"].to_list()),
            data={"replies": n, "business_hours": hours, "business_days": opts.business_days},
        )
