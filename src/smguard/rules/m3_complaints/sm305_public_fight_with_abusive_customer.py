"""SM305 public-fight-with-abusive-customer: the brand keeps answering an abusive customer in public."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m3_complaints._threads import (
    abusive_expr,
    brand_inbound,
    brand_replies,
    is_public,
    reply_targets,
    short,
    who,
    who_zh,
)

# How many ``in_reply_to`` steps a reply's chain is climbed to find the abusive message it belongs to.
THREAD_DEPTH = 6


def _in_abusive_thread(ctx: AuditContext, replies: pl.DataFrame, abusive: pl.DataFrame) -> pl.DataFrame:
    """Ids of the replies that belong to an abusive message's thread: the abusive message (or a message that
    answers it, at any depth up to ``THREAD_DEPTH``) is in the reply's ``in_reply_to`` chain, or the reply is a
    comment under the same post as an abusive comment of that customer. A polite answer to the same customer's
    separate question elsewhere is not part of the fight."""
    msgs = ctx.dataset.messages.select(pl.col("id").alias("_c"), pl.col("in_reply_to").alias("_up"))
    bad_ids = abusive.select(pl.col("id").alias("_c")).with_columns(pl.lit(True).alias("_bad"))
    chain = replies.select("id", pl.col("in_reply_to").alias("_c"), pl.lit(False).alias("hit"))
    for _ in range(THREAD_DEPTH):
        chain = (
            chain.join(bad_ids, on="_c", how="left")
            .with_columns((pl.col("hit") | pl.col("_bad").fill_null(False)).alias("hit"))
            .drop("_bad")
            .join(msgs, on="_c", how="left")
            .drop("_c")
            .rename({"_up": "_c"})
        )
    by_chain = chain.filter(pl.col("hit")).select("id")
    posts = (
        abusive.filter(pl.col("post_id").is_not_null())
        .select("account_id", pl.col("author_id").alias("t_author_id"), "post_id")
        .unique()
    )
    by_post = (
        replies.filter(pl.col("post_id").is_not_null())
        .join(posts, on=["account_id", "t_author_id", "post_id"], how="semi")
        .select("id")
    )
    return pl.concat([by_chain, by_post]).unique()


ONE_REPLY_EN = "The brand’s only public reply offers no private channel"


class Options(RuleOptions):
    # Abusive messages by the same customer on the same account less than this apart form one episode, and
    # brand replies to that customer until this long after the last abusive message belong to it (3 days:
    # a comment thread is usually over by then).
    abusive_thread_hours: float = 72.0


@rule("SM305", "public-fight-with-abusive-customer", requires=("messages",), options=Options)
def public_fight_with_abusive_customer(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """After a customer turns abusive in public, the brand answers more than once in public, or without
    offering to continue in private.

    **What it does** Finds inbound public messages (comment, mention, review) of brand accounts labelled
    ``abusive``. For each customer and account, abusive messages less than ``abusive_thread_hours`` apart form
    one episode; the brand's public replies in that customer's abusive thread (replies whose ``in_reply_to``
    chain leads to an abusive message, or comments under the same post as one) from the first abusive message
    until ``abusive_thread_hours`` after the last one are counted; an answer to the same customer's separate,
    polite question elsewhere is not. A message labelled ``abusive`` that is clearly positive, or a polite
    question (help request with a question mark, sentiment not negative), or scored below 0.65 by the abuse
    head without very negative sentiment, is not treated as abusive. The right behaviour is exactly one public
    reply that offers a private channel (DM, hotline, e-mail); replies in private messages are fine.
    Evidence: the first public reply when it offers no private channel, and every further public reply.

    **Why it matters** When a customer loses their temper and uses foul language, the brand should say once,
    calmly, that it will continue in private messages, and then stop replying in the comments. That shows it
    is in control, takes the customer seriously and will not be drawn into a quarrel.

    **Example** A Douyin commenter writes "你们就是一群骗子，滚！"; the brand answers three times in the
    comments, arguing each time: medium finding naming the three replies.
    """
    inb = brand_inbound(ctx)
    if inb.height == 0 or "abusive" not in inb.columns:
        return
    abusive = inb.filter(abusive_expr() & is_public() & pl.col("author_id").is_not_null())
    if abusive.height == 0:
        return
    win = timedelta(hours=opts.abusive_thread_hours)
    episodes = (
        abusive.sort("account_id", "author_id", "created_at")
        .with_columns(
            (pl.col("created_at").diff().over("account_id", "author_id").fill_null(timedelta(0)) > win)
            .cum_sum()
            .over("account_id", "author_id")
            .alias("episode")
        )
        .group_by("account_id", "author_id", "episode")
        .agg(
            pl.col("created_at").min().alias("start"),
            pl.col("created_at").max().alias("last"),
            pl.col("id").sort_by("created_at").first().alias("abusive_id"),
            pl.col("text").sort_by("created_at").first().alias("abusive_text"),
            pl.col("author_handle").drop_nulls().first().alias("author_handle"),
            pl.col("platform").first().alias("platform"),
            pl.len().alias("n_abusive"),
        )
    )
    replies = brand_replies(ctx).filter(is_public())
    if replies.height == 0:
        return
    replies = reply_targets(ctx, replies).filter(pl.col("t_author_id").is_not_null())
    replies = replies.join(_in_abusive_thread(ctx, replies, abusive), on="id", how="semi")
    cols = ["id", "account_id", "created_at", "text", "t_author_id"]
    if "offers_private" in replies.columns:
        cols.append("offers_private")
    joined = (
        episodes.join(
            replies.select(cols).rename(
                {"t_author_id": "author_id", "id": "reply_id", "created_at": "reply_at", "text": "reply_text"}
            ),
            on=["account_id", "author_id"],
            how="inner",
        )
        .filter((pl.col("reply_at") >= pl.col("start")) & (pl.col("reply_at") <= pl.col("last") + win))
        # ties broken by id: the episodes come from an unordered group_by, so without them the findings'
        # order (and which reply counts as the first) could change from run to run
        .sort("reply_at", "reply_id", "account_id", "author_id", "episode")
    )
    if joined.height == 0:
        return
    if "offers_private" not in joined.columns:
        joined = joined.with_columns(pl.lit(False).alias("offers_private"))
    joined = joined.with_columns(
        pl.col("offers_private").fill_null(False),
        pl.col("reply_at").rank("ordinal").over("account_id", "author_id", "episode").alias("nth"),
    ).with_columns(((pl.col("nth") > 1) | ~pl.col("offers_private")).alias("bad"))
    per = (
        joined.group_by("account_id", "author_id", "episode", maintain_order=True)
        .agg(
            pl.col("reply_id").filter(pl.col("bad")).alias("bad_ids"),
            pl.col("reply_text").filter(pl.col("bad")).first().alias("bad_text"),
            pl.len().alias("n_public"),
            pl.col("offers_private").first().alias("first_offers"),
            pl.col("offers_private").any().alias("any_offers"),
            pl.col("abusive_id").first(),
            pl.col("abusive_text").first(),
            pl.col("author_handle").first(),
            pl.col("platform").first(),
            pl.col("start").first(),
        )
        .filter(pl.col("bad_ids").list.len() > 0)
        .sort("start", "account_id", "author_id", "episode")
    )
    handle = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["handle"].to_list(), strict=True))
    for row in per.iter_rows(named=True):
        acct = handle.get(row["account_id"]) or row["account_id"]
        cust, cust_zh = (
            who(row["author_handle"], row["author_id"]),
            who_zh(row["author_handle"], row["author_id"]),
        )
        n = row["n_public"]
        problems_en, problems_zh = [], []
        if n > 1:
            problems_en.append(f"answered {n} times in public")
            problems_zh.append(f"公开回复了 {n} 次")
        if not row["first_offers"]:
            problems_en.append("its first public reply offers no private channel")
            problems_zh.append("第一条公开回复没有提出私信沟通" if n > 1 else "公开回复没有提出私信沟通")
        yield Finding(
            severity="medium",
            title=T(
                f"Public back-and-forth with abusive {cust} on {acct}",
                f"{acct} 在公开场合与辱骂用户 {cust_zh} 来回争执",
            ),
            message=T(
                f"{cust} turned abusive on {acct} ({row['platform']}): “{short(row['abusive_text'], 40)}”. "
                f"{'The brand ' + ' and '.join(problems_en) if n > 1 else ONE_REPLY_EN}; "
                f"e.g. “{short(row['bad_text'], 50)}”.",
                f"{cust_zh} 在 {acct}（{row['platform']}）出言辱骂：“{short(row['abusive_text'], 40)}”。"
                f"品牌{'，且'.join(problems_zh)}；例如：“{short(row['bad_text'], 50)}”。",
            ),
            recommendation=T(
                "Answer an abusive customer once in public, calmly: acknowledge the problem and say you will "
                "continue by private message (or phone/e-mail), then stop replying in the comments and follow up "
                "in private.",
                "对出言不逊的顾客只公开回复一次，保持冷静：承认问题，并告知将通过私信（或电话、邮件）继续沟通；之后不再在评论区"
                "回复，转为私下跟进。",
            ),
            account_id=row["account_id"],
            evidence=Evidence.many("message", row["bad_ids"]),
            data={
                "abusive_message": row["abusive_id"],
                "public_replies": n,
                "first_reply_offers_private": bool(row["first_offers"]),
            },
        )
