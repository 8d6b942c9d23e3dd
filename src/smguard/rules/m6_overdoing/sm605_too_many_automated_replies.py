"""SM605 too-many-automated-replies."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m6_overdoing._auto import (
    auto_key,
    brand_out,
    handles,
    off_hours_only_accounts,
    off_hours_only_texts,
)


class Options(RuleOptions):
    # The article: use automatic sending "少量" (sparingly), so that readers believe a person answers them.
    # One automated reply in five is where it stops being sparing.
    max_automated_share: float = 0.2
    # Below this many outbound messages an account's share says little.
    min_out_messages: int = 10
    # Business hours as in SM606 (one [policy] value sets all three rules): an auto-responder that only runs
    # outside them is the use the article recommends ("如半夜的时候", e.g. at midnight) and is not counted.
    business_days: list[int] = [1, 2, 3, 4, 5]
    business_start: str = "09:00"
    business_end: str = "18:00"


@rule("SM605", "too-many-automated-replies", requires=("messages",), options=Options)
def too_many_automated_replies(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Brand accounts whose outbound messages are automated more often than the cap (default 20%).

    **What it does** Per brand account, counts the outbound messages (`direction` `out`) and those marked
    `automated`. When at least `min_out_messages` (default 10) were sent and the automated share is above
    `max_automated_share` (default 0.2), it reports the account with its automated messages as evidence.
    An account whose auto-responder runs only outside business hours (as SM606 defines them; at most 5% of its
    automated messages inside) is not counted: that is the use the article recommends. Nor is an out-of-office
    message (the same automated text sent repeatedly, only outside business hours) of an account that also
    automates other replies.

    **Why it matters** The article allows auto-replies for times nobody can answer, such as midnight, but asks
    to use them sparingly: platforms show when a message was sent, and fans notice when a machine talks to them.

    **Example** 40 of `@acme_coffee`'s 100 replies were sent by the auto-responder → one finding, the 40
    automated replies as evidence.
    """
    out = brand_out(ctx)
    if out.height == 0:
        return
    night_only = off_hours_only_accounts(ctx, opts.business_days, opts.business_start, opts.business_end)
    out = out.filter(~pl.col("account_id").is_in(list(night_only)))
    if out.height == 0:
        return
    # a fixed out-of-office message is the use the article recommends ("如半夜的时候"): it neither counts
    # towards the share nor is evidence, also on an account that automates other replies by day
    auto_keys = out.filter(pl.col("automated")).with_columns(auto_key(pl.col("text")).alias("key"))
    off = off_hours_only_texts(auto_keys, ctx.tz, opts.business_days, opts.business_start, opts.business_end)
    if off.height:  # the text key of every message only when there is an out-of-office text to leave out
        out = out.with_columns(auto_key(pl.col("text")).alias("key")).join(
            off, on=["account_id", "key"], how="anti"
        )
    stats = (
        out.group_by("account_id")
        .agg(pl.len().alias("total"), pl.col("automated").sum().alias("auto"))
        .with_columns((pl.col("auto") / pl.col("total")).alias("share"))
        .filter((pl.col("total") >= opts.min_out_messages) & (pl.col("share") > opts.max_automated_share))
        .join(handles(ctx), on="account_id", how="left")
        .sort("account_id")
    )
    if stats.height == 0:
        return
    auto = out.filter(pl.col("automated") & pl.col("account_id").is_in(stats["account_id"].implode()))
    ids = auto.sort("created_at", "id").group_by("account_id", maintain_order=True).agg(pl.col("id"))
    by = dict(zip(ids["account_id"].to_list(), ids["id"].to_list(), strict=True))
    cap = f"{opts.max_automated_share:.0%}"
    for r in stats.iter_rows(named=True):
        handle = r["handle"] or r["account_id"]
        n, total, share = int(r["auto"]), int(r["total"]), float(r["share"])
        yield Finding(
            severity="medium" if share > 2 * opts.max_automated_share else "low",
            title=T(
                f"{share:.0%} of {handle}'s replies are automated",
                f"{handle} 的回复中 {share:.0%} 是自动回复",
            ),
            message=T(
                f"{n} of the {total} messages {handle} sent ({share:.0%}) were automated, above the {cap} that "
                "still reads as a person answering.",
                f"{handle} 发出的 {total} 条消息中有 {n} 条（{share:.0%}）是自动发送的，超过了 {cap} 的上限，"
                "粉丝会觉得是机器在回复。",
            ),
            recommendation=T(
                "Keep the auto-responder for hours when nobody is on duty (nights, holidays) and answer by hand "
                "otherwise; a short personal reply beats a canned one.",
                "只在无人值守的时段（深夜、节假日）使用自动回复，其余时间由人工回复；简短的真人回复胜过模板回复。",
            ),
            account_id=r["account_id"],
            evidence=Evidence.many("message", by.get(r["account_id"], [])),
            data={"automated": n, "total": total, "share": round(share, 4), "cap": opts.max_automated_share},
        )
