"""SM304 argumentative-reply: the brand argues with, blames or mocks a customer."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT, split_capped
from smguard.rules.m3_complaints._threads import (
    CHANNEL_ZH,
    brand_replies,
    reply_targets,
    says_sorry,
    short,
    who,
    who_zh,
)


class Options(RuleOptions):
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


@rule("SM304", "argumentative-reply", requires=("messages",), options=Options)
def argumentative_reply(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Brand replies that argue with the customer: blaming, contradicting, lecturing or sarcasm.

    **What it does** Takes every ``out`` message of a brand account written up to the audit moment and the
    reply label ``argumentative`` of the text classifier (blame such as "your fault", contradiction such as
    "that's not true", "calm down", "爱买不买") and not apologising (words of apology, or the ``apology``
    label on a reply whose sentiment is not negative). Each such reply is one medium finding naming the
    reply (and, in the message, the customer it answered).

    **Why it matters** Never get drawn into an argument to win it: even when the brand is right, a public
    quarrel makes it look defensive, and every reader sides with the customer. State the facts politely,
    apologise for the experience and offer a fix.

    **Example** To "My order is wrong AGAIN" the brand answers "That's not true, maybe read the app next
    time": medium finding naming that reply.
    """
    replies = brand_replies(ctx)
    if replies.height == 0 or "argumentative" not in replies.columns:
        return
    # a reply that apologises is not picking a fight: guards against a label that fires on firm but polite
    # wording ("Apologies, that should not have happened")
    # ("Apologies, that should not have happened"). An apology label on a reply that is negative in tone and
    # has no word of apology ("That's not our fault, you should have updated the app.") does not count.
    label = pl.col("apology").fill_null(False) if "apology" in replies.columns else pl.lit(False)
    calm = (
        (pl.col("sentiment").fill_null("neutral") != "negative")
        if "sentiment" in replies.columns
        else pl.lit(True)
    )
    apologises = says_sorry() | (label & calm)
    bad = replies.filter(pl.col("argumentative").fill_null(False) & ~apologises)
    if bad.height == 0:
        return
    bad = reply_targets(ctx, bad).sort("created_at")
    handle = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["handle"].to_list(), strict=True))
    cols = (
        "id",
        "account_id",
        "platform",
        "channel",
        "date",
        "text",
        "t_id",
        "t_author_id",
        "t_author_handle",
        "t_text",
    )
    one_by_one, rest = split_capped(bad.sort("account_id", "created_at"), opts.max_findings_per_account)
    yield from _summaries(rest, handle)
    for row in one_by_one.select(cols).iter_rows(named=True):
        acct = handle.get(row["account_id"]) or row["account_id"]
        ch = row["channel"]
        to_en = to_zh = ""
        if row["t_id"] is not None:
            to_en = (
                f" to {who(row['t_author_handle'], row['t_author_id'])} "
                f"(who wrote “{short(row['t_text'], 40)}”)"
            )
            to_zh = f"回复 {who_zh(row['t_author_handle'], row['t_author_id'])}（对方写道“{short(row['t_text'], 40)}”）"
        public = ch != "dm"
        yield Finding(
            severity="medium",
            title=T(f"Argumentative reply by {acct}", f"{acct} 的回复在与顾客争论"),
            message=T(
                f"{acct} ({row['platform']}, {ch}) replied on {row['date'].isoformat()}{to_en}: "
                f"“{short(row['text'])}”. It argues with or blames the customer"
                + (" in public." if public else "."),
                f"{acct}（{row['platform']}，{CHANNEL_ZH.get(ch, ch)}）于 {row['date'].isoformat()} {to_zh}："
                f"“{short(row['text'])}”。这条回复在" + ("公开" if public else "") + "与顾客争论或指责顾客。",
            ),
            recommendation=T(
                "Do not argue, even when you are right: apologise for the experience, say what you will do, and "
                "offer to continue in a private message. Consider deleting or correcting this reply.",
                "不要争论，即使你是对的：为对方的体验致歉，说明将如何处理，并提出私信继续沟通。考虑删除或更正这条回复。",
            ),
            account_id=row["account_id"],
            evidence=[Evidence.message(row["id"])],
            data={"answers": row["t_id"], "public": public},
        )


def _summaries(rest: pl.DataFrame, handle: dict) -> Iterator[Finding]:
    if rest.height == 0:
        return
    per = rest.group_by("account_id", maintain_order=True).agg(
        pl.col("id"),
        pl.col("platform").first(),
        pl.col("date").min().alias("first"),
        pl.col("date").max().alias("last"),
    )
    for row in per.iter_rows(named=True):
        n, acct = len(row["id"]), handle.get(row["account_id"]) or row["account_id"]
        yield Finding(
            severity="medium",
            title=T(f"{n} more argumentative replies by {acct}", f"{acct} 另有 {n} 条与顾客争论的回复"),
            message=T(
                f"Besides those listed one by one, {acct} ({row['platform']}) wrote {n} more replies "
                f"between {row['first']} and {row['last']} that argue with or blame customers.",
                f"除逐条列出的以外，{acct}（{row['platform']}）在 {row['first']} 至 {row['last']} 期间还有 {n} 条"
                "回复在与顾客争论或指责顾客。",
            ),
            recommendation=T(
                "Train whoever answers on this account: never argue; apologise, say what you will "
                "do, and move details to private messages.",
                "培训负责该账号回复的人员：绝不争论；致歉，说明将如何处理，并把细节转到私信沟通。",
            ),
            account_id=row["account_id"],
            evidence=Evidence.many("message", row["id"]),
            data={"count": n},
        )
