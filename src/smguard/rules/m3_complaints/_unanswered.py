"""The shared logic of SM301 (complaints) and SM302 (help requests) (not a rule)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import polars as pl

from smguard.rules.base import Evidence, Finding, NotRun, T
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import split_capped
from smguard.rules.m3_complaints._threads import (
    CHANNEL_ZH,
    abusive_expr,
    brand_inbound,
    duration_en,
    duration_zh,
    needing_answer,
    short,
    who,
    who_zh,
    window_expr,
    with_answers,
)


def unanswered(ctx: AuditContext, opts, kind: str) -> Iterator[Finding]:
    """Findings for messages of ``kind`` ("complaint" or "help") left without an answer beyond the window."""
    if not ctx.dataset.brand_account_ids:
        raise NotRun("the data set has no brand account")
    inb = brand_inbound(ctx)
    if inb.height == 0 or "complaint" not in inb.columns:
        return
    # help requests that are also complaints are SM301's
    inb = needing_answer(ctx, kind)
    if inb.height == 0:
        return
    as_of = ctx.as_of
    todo = (
        with_answers(inb, ctx)
        .filter(pl.col("answered_at").is_null())
        .with_columns(
            (pl.lit(as_of) - pl.col("created_at")).alias("waited"),
            window_expr(opts.response_window_hours, opts.response_window_hours_by_platform).alias("win"),
        )
        .filter(pl.col("waited") > pl.col("win"))
        .sort("created_at")
    )
    todo = _drop_last_word(todo, ctx)
    todo = _drop_handled_abuse(todo, ctx, opts)
    if todo.height == 0:
        return
    handle = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["handle"].to_list(), strict=True))
    high_after = timedelta(hours=opts.high_after_hours)
    cols = (
        "id",
        "account_id",
        "platform",
        "channel",
        "author_id",
        "author_handle",
        "text",
        "date",
        "waited",
        "win",
    )
    one_by_one, rest = split_capped(todo.sort("account_id", "created_at"), opts.max_findings_per_account)
    yield from _summaries(rest, handle, high_after, kind)
    for row in one_by_one.select(cols).iter_rows(named=True):
        waited: timedelta = row["waited"]
        acct = handle.get(row["account_id"]) or row["account_id"]
        ch = row["channel"]
        public = ch != "dm"
        quote = short(row["text"])
        if kind == "complaint":
            sev = "high" if waited >= high_after else "medium"
            what_en, what_zh = "Complaint", "投诉"
            title = T(
                f"Unanswered complaint from {who(row['author_handle'], row['author_id'])}",
                f"未回复的投诉：{who_zh(row['author_handle'], row['author_id'])}",
            )
            rec = T(
                (
                    "Answer it now, in public where it was made: apologise, say what you will do to fix it, and "
                    "invite the customer to a private message for order details. "
                )
                if public
                else "Answer the message now: apologise, say what you will do to fix it and when.",
                "现在就回复，在对方投诉的地方公开回复：致歉、说明将如何解决，并邀请对方私信提供订单细节。"
                if public
                else "现在就回复这条私信：致歉，说明将如何解决以及何时解决。",
            )
        else:
            sev = "medium" if waited >= high_after else "low"
            what_en, what_zh = "Help request", "求助"
            title = T(
                f"Unanswered help request from {who(row['author_handle'], row['author_id'])}",
                f"未回复的求助：{who_zh(row['author_handle'], row['author_id'])}",
            )
            rec = T(
                "Answer it now with the information asked for, or say who will and when; check the inbox at "
                "least daily so nobody waits longer than the response window.",
                "现在就回复，提供对方需要的信息，或说明由谁、何时答复；至少每天查看一次消息，确保没有人等待超过响应时限。",
            )
        win_h = row["win"].total_seconds() / 3600
        yield Finding(
            severity=sev,
            title=title,
            message=T(
                f"{what_en} from {who(row['author_handle'], row['author_id'])} to {acct} ({row['platform']}, "
                f"{ch}) on {row['date'].isoformat()} has waited {duration_en(waited)} without any reply "
                f"(response window {win_h:g} h): “{quote}”.",
                f"{who_zh(row['author_handle'], row['author_id'])} 于 {row['date'].isoformat()} 发给 {acct}"
                f"（{row['platform']}，{CHANNEL_ZH.get(ch, ch)}）的{what_zh}已等待 {duration_zh(waited)}，"
                f"仍无任何回复（响应时限 {win_h:g} 小时）：“{quote}”。",
            ),
            recommendation=rec,
            account_id=row["account_id"],
            evidence=[Evidence.message(row["id"])],
            data={
                "waited_hours": round(waited.total_seconds() / 3600, 1),
                "window_hours": win_h,
                "channel": ch,
                "public": public,
            },
        )


def _summaries(rest: pl.DataFrame, handle: dict, high_after: timedelta, kind: str) -> Iterator[Finding]:
    """One finding per account for the items beyond the per-account cap (every item is evidence)."""
    if rest.height == 0:
        return
    per = rest.group_by("account_id", maintain_order=True).agg(
        pl.col("id"),
        pl.col("platform").first(),
        pl.col("date").min().alias("first"),
        pl.col("date").max().alias("last"),
        pl.col("waited").max().alias("longest"),
        pl.col("win").first(),
    )
    for row in per.iter_rows(named=True):
        n = len(row["id"])
        acct = handle.get(row["account_id"]) or row["account_id"]
        win_h = row["win"].total_seconds() / 3600
        if kind == "complaint":
            sev = "high" if row["longest"] >= high_after else "medium"
            en, zh = "complaints", "投诉"
        else:
            sev = "medium" if row["longest"] >= high_after else "low"
            en, zh = "help requests", "求助"
        yield Finding(
            severity=sev,
            title=T(f"{n} more unanswered {en} on {acct}", f"{acct} 另有 {n} 条未回复的{zh}"),
            message=T(
                f"Besides those listed one by one, {n} more {en} to {acct} ({row['platform']}) received "
                f"between {row['first']} and {row['last']} have had no reply for more than {win_h:g} h.",
                f"除逐条列出的以外，{acct}（{row['platform']}）在 {row['first']} 至 {row['last']} 期间还有 {n} 条"
                f"{zh}超过 {win_h:g} 小时无人回复。",
            ),
            recommendation=T(
                "Work through the backlog oldest first, and staff the inbox so every message gets a "
                "personal answer within the response window.",
                "从最早的开始逐条处理积压的消息，并安排足够人手，确保每条消息都在响应时限内得到人工回复。",
            ),
            account_id=row["account_id"],
            evidence=Evidence.many("message", row["id"]),
            data={"count": n, "window_hours": win_h},
        )


# After a customer turns abusive, the right move is ONE public answer that moves the talk to private messages,
# then silence in public (SM305). Their further abusive messages are not "unanswered".
HANDLED_ABUSE_HOURS = 72.0


def _drop_handled_abuse(todo: pl.DataFrame, ctx: AuditContext, opts) -> pl.DataFrame:
    """Leave out abusive messages whose author the brand already answered on that account shortly before."""
    if "abusive" not in todo.columns:
        return todo
    abusive = todo.filter(abusive_expr() & pl.col("author_id").is_not_null())
    if abusive.height == 0:
        return todo
    msgs = ctx.dataset.messages
    # the messages of those authors, and the brand's answers to them (directly or to our answer to them)
    theirs = msgs.filter(
        (pl.col("direction") == "in") & pl.col("author_id").is_in(abusive["author_id"].unique().implode())
    ).select(pl.col("id").alias("target"), "author_id")
    outs = msgs.filter(
        (pl.col("direction") == "out")
        & pl.col("in_reply_to").is_not_null()
        & (pl.col("created_at") <= ctx.as_of)
    ).select("id", "account_id", "created_at", "in_reply_to")
    first = outs.join(theirs, left_on="in_reply_to", right_on="target", how="inner")
    second = outs.join(
        first.select(pl.col("id").alias("_p"), "author_id"), left_on="in_reply_to", right_on="_p", how="inner"
    )
    answers = pl.concat(
        [
            first.select("account_id", "author_id", "created_at"),
            second.select("account_id", "author_id", "created_at"),
        ]
    )
    hours = getattr(opts, "abusive_thread_hours", HANDLED_ABUSE_HOURS)
    handled = (
        abusive.select("id", "account_id", "author_id", "created_at")
        .join(answers.rename({"created_at": "reply_at"}), on=["account_id", "author_id"])
        .filter(
            (pl.col("reply_at") <= pl.col("created_at"))
            & (pl.col("created_at") - pl.col("reply_at") <= timedelta(hours=hours))
        )["id"]
        .unique()
    )
    return todo.filter(~pl.col("id").is_in(handled.implode()))


# A customer's message that answers the brand's own reply to them, in a thread the brand has already taken up,
# is the customer's last word (typically an angry one at the end of a public quarrel, judged by SM304/SM305),
# not an ignored complaint.
LAST_WORD_HOURS = 72.0


def _drop_last_word(todo: pl.DataFrame, ctx: AuditContext) -> pl.DataFrame:
    replies_to_brand = todo.filter(pl.col("in_reply_to").is_not_null() & pl.col("author_id").is_not_null())
    if replies_to_brand.height == 0:
        return todo
    msgs = ctx.dataset.messages
    outs = msgs.filter(pl.col("direction") == "out").select(
        pl.col("id").alias("in_reply_to"),
        pl.col("in_reply_to").alias("_answered"),
        pl.col("created_at").alias("_at"),
    )
    inb = msgs.filter(pl.col("direction") == "in").select(
        pl.col("id").alias("_answered"), pl.col("author_id").alias("_author")
    )
    last = (
        replies_to_brand.select("id", "author_id", "created_at", "in_reply_to")
        .join(outs, on="in_reply_to", how="inner")
        .join(inb, on="_answered", how="inner")
        .filter(
            (pl.col("_author") == pl.col("author_id"))
            & (pl.col("created_at") - pl.col("_at") <= timedelta(hours=LAST_WORD_HOURS))
        )["id"]
        .unique()
    )
    return todo.filter(~pl.col("id").is_in(last.implode()))
