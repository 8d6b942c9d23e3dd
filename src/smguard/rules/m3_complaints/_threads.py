"""Conversation helpers shared by the mistake-3 rules (not a rule): who answered what, and when.

Everything is a Polars join or group-by over whole tables, so a million messages take well under a second.

* An ``out`` message whose ``in_reply_to`` names a message answers it, whatever its channel (CONTRACT §2).
* A customer's follow-up that replies to their own message (``in_reply_to`` = the first message, same author)
  continues the same request: a brand reply to the follow-up answers the first message too.
* Only replies written up to the audit moment (``as_of``) count.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

import polars as pl

from smguard.dataset.schema import PUBLIC_CHANNELS
from smguard.rules.context import AuditContext

# The response window: how long a complaint or help request may wait for a first answer.
# Default 24 h: most customers expect an answer on social media within a day (Sprout Social Index 2016-2022:
# ~76-79% expect a response within 24 h), and platforms reward faster service (Facebook Pages' "very
# responsive" badge asks for answers within 15 minutes; X/Twitter users commonly expect under an hour). The
# data set's [policy] can set ``response_window_hours`` or a per-platform override.
DEFAULT_WINDOW_HOURS = 24.0


# A message the sentiment head calls clearly positive is not treated as a complaint ("等了一整年，太喜欢了"),
# nor as a help request unless it asks a question: a guard against keyword false alarms of the labels.
POSITIVE_SCORE = 0.5
# A clearly negative message to the brand is treated as a complaint even when the complaint head missed it
# ("Very poor quality."): people rarely write to a company in anger about anything else.
NEGATIVE_SCORE = -0.5


def _clearly_positive() -> pl.Expr:
    return ((pl.col("sentiment") == "positive") & (pl.col("sentiment_score") >= POSITIVE_SCORE)).fill_null(
        False
    )


def clearly_negative() -> pl.Expr:
    return ((pl.col("sentiment") == "negative") & (pl.col("sentiment_score") <= NEGATIVE_SCORE)).fill_null(
        False
    )


def _asks() -> pl.Expr:
    return pl.col("text").fill_null("").str.contains(r"[?？]")


def complaint_expr() -> pl.Expr:
    """Inbound messages that are complaints: label ``complaint`` or clearly negative, and not clearly positive."""
    return (pl.col("complaint").fill_null(False) | clearly_negative()) & ~_clearly_positive()


# A question addressed to the brand (not chit-chat such as "Anyone else riding this weekend?"): it speaks to the
# brand ("you", "你们", "贵店"), asks how/where/when/whether it can, or is a private message.
ADDRESSED = (
    r"(?i)\b(?:you|your|u|ur)\b|\b(?:how|where|when|what time|which|can i|could i|may i|do i|is there|are there)\b"
    r"|你们|您|贵|请问|怎么|如何|哪里|哪儿|能不能|可不可以|可以.{0,12}吗|有没有|什么时候|多久|多少钱"
)


def help_expr() -> pl.Expr:
    """Inbound messages that ask the brand something: label ``help_request``, or a question mark in a question
    addressed to the brand (``ADDRESSED``, or a private message) when the label missed it; a clearly positive
    message counts only with the label and a question ("Love it! Can I get it in blue?"). Chit-chat with a
    question mark ("Anyone else riding this weekend?", "哈哈真的吗？") is not a help request."""
    labelled = pl.col("help_request").fill_null(False)
    addressed = pl.col("text").fill_null("").str.contains(ADDRESSED) | (pl.col("channel") == "dm").fill_null(
        False
    )
    return (labelled & (~_clearly_positive() | _asks())) | (_asks() & addressed & ~_clearly_positive())


def help_mask(df: pl.DataFrame) -> pl.Series:
    """``help_expr()`` evaluated on ``df``, the same values, faster: the ``ADDRESSED`` regex, by far the costliest
    part (about a second on a million texts), runs only on the rows whose answer hangs on it (a question, not
    clearly positive, not a private message), not on every text."""
    flags = df.select(
        pl.col("help_request").fill_null(False).alias("labelled"),
        _asks().alias("asks"),
        _clearly_positive().alias("positive"),
        (pl.col("channel") == "dm").fill_null(False).alias("dm"),
    )
    asks, positive, dm = flags["asks"], flags["positive"], flags["dm"]
    open_question = asks & ~positive
    undecided = open_question & ~dm
    addressed = pl.repeat(False, df.height, dtype=pl.Boolean, eager=True)
    rows = undecided.arg_true()
    if rows.len():
        found = df.filter(undecided).select(pl.col("text").fill_null("").str.contains(ADDRESSED)).to_series()
        addressed = addressed.scatter(rows, found)
    labelled = flags["labelled"] & (~positive | asks)
    return (labelled | (open_question & (dm | addressed))).alias("help")


# The words of an apology (English, Chinese): unambiguous enough to back up the ``apology`` label.
APOLOGY_WORDS = r"\bsorry\b|\bapolog|抱歉|对不起|致歉|歉意|不好意思|對不起"


def says_sorry() -> pl.Expr:
    """Replies whose text says sorry in so many words."""
    return pl.col("text").fill_null("").str.to_lowercase().str.contains(APOLOGY_WORDS)


# The ``abusive`` label counts when its score is at least this, or the message is very negative: true abuse
# scores far above the decision threshold ("你们就是一群骗子，滚！" 0.99), while a label that fires on a
# plain complaint or question sits just above it ("Ordered a pump ten days ago… Where is it?" 0.55).
ABUSIVE_SCORE = 0.65
VERY_NEGATIVE = -0.7


def abusive_expr() -> pl.Expr:
    """Inbound messages that are abusive: label ``abusive`` with ``abusive_score`` of at least ``ABUSIVE_SCORE``
    (or very negative sentiment), and neither clearly positive nor a polite question (a help request with a
    question mark whose sentiment is not negative): a guard against a label that fires on a product name or a
    plain complaint ("Do you have the Commuter 3 in a medium frame?")."""
    polite_question = (
        pl.col("help_request").fill_null(False)
        & _asks()
        & (pl.col("sentiment").fill_null("neutral") != "negative")
    )
    very_negative = (pl.col("sentiment_score") <= VERY_NEGATIVE).fill_null(False)
    sure = (pl.col("abusive_score") >= ABUSIVE_SCORE).fill_null(True) | very_negative
    return pl.col("abusive").fill_null(False) & sure & ~_clearly_positive() & ~polite_question


def window_expr(hours: float, by_platform: Mapping[str, float]) -> pl.Expr:
    """The response window of each row (by its ``platform`` column), as a Duration expression."""
    expr: pl.Expr = pl.lit(float(hours))
    if by_platform:
        expr = pl.col("platform").replace_strict(
            {str(k): float(v) for k, v in by_platform.items()}, default=float(hours), return_dtype=pl.Float64
        )
    return pl.duration(microseconds=(expr * 3_600_000_000).cast(pl.Int64))


def brand_inbound(ctx: AuditContext) -> pl.DataFrame:
    """Labelled inbound messages of brand accounts, received up to ``as_of`` (computed once per audit)."""
    return ctx.memo(
        "m3.brand_inbound",
        lambda: ctx.inbound.filter((pl.col("owner") == "brand") & (pl.col("created_at") <= ctx.as_of)),
    )


def brand_replies(ctx: AuditContext) -> pl.DataFrame:
    """Labelled out messages of brand accounts, written up to ``as_of`` (computed once per audit)."""
    return ctx.memo(
        "m3.brand_replies",
        lambda: ctx.replies.filter((pl.col("owner") == "brand") & (pl.col("created_at") <= ctx.as_of)),
    )


def _needing_answer(ctx: AuditContext) -> pl.DataFrame:
    inb = brand_inbound(ctx)
    flagged = inb.with_columns(complaint_expr().alias("_complaint"), help_mask(inb).alias("_help"))
    return flagged.filter(pl.col("_complaint") | pl.col("_help"))


def needing_answer(ctx: AuditContext, kind: str = "any") -> pl.DataFrame:
    """``brand_inbound`` messages that need an answer, in their order: ``kind`` "complaint"
    (``complaint_expr``), "help" (``help_expr`` and not a complaint: those are SM301's) or "any" (either).
    Each message is classified once per audit, however many rules ask."""
    flagged = ctx.memo("m3.needing_answer", lambda: _needing_answer(ctx))
    if kind == "complaint":
        flagged = flagged.filter(pl.col("_complaint"))
    elif kind == "help":
        flagged = flagged.filter(pl.col("_help") & ~pl.col("_complaint"))
    elif kind != "any":
        raise ValueError(f"unknown kind {kind!r}")
    return flagged.drop("_complaint", "_help")


# A customer who writes several messages in a row (three DMs, two comments under one post) before the brand
# answers the last one has been answered: messages of the same customer, account and channel (and post, for
# comments) count as one conversation when the answered one came at most this long after.
CONVERSATION_HOURS = 24.0


def first_answers(ctx: AuditContext) -> pl.DataFrame:
    """For each message that got an answer: ``id``, ``answered_at`` (first answer), ``answer_id``, ``n_answers``
    (answers through a later message of the same conversation are looked up for complaints and help requests).

    Counted as answers: a direct answer (``in_reply_to`` = the message); an answer to the same customer's
    follow-up that replies to it; an answer to a later message of the same conversation (same customer,
    account, channel and post, at most ``CONVERSATION_HOURS`` later). Computed once per audit.
    """
    return ctx.memo("m3.first_answers", lambda: _first_answers(ctx))


def _first_answers(ctx: AuditContext) -> pl.DataFrame:
    msgs = ctx.dataset.messages
    out = msgs.filter(
        (pl.col("direction") == "out")
        & pl.col("in_reply_to").is_not_null()
        & (pl.col("created_at") <= ctx.as_of)
    )
    direct = (
        out.group_by("in_reply_to")
        .agg(
            pl.col("created_at").min().alias("answered_at"),
            pl.col("id").sort_by("created_at").first().alias("answer_id"),
            pl.len().alias("n_answers"),
        )
        .rename({"in_reply_to": "id"})
    )
    # follow-ups: an inbound message by the same author that replies to an inbound message
    inb = msgs.filter(pl.col("direction") == "in").select(
        "id", "account_id", "author_id", "channel", "post_id", "created_at", "in_reply_to"
    )
    follow = (
        inb.filter(pl.col("in_reply_to").is_not_null() & pl.col("author_id").is_not_null())
        .select("id", "author_id", "in_reply_to")
        .join(
            inb.select(pl.col("id").alias("in_reply_to"), pl.col("author_id").alias("parent_author")),
            on="in_reply_to",
            how="inner",
        )
        .filter(pl.col("author_id") == pl.col("parent_author"))
        .select(pl.col("in_reply_to").alias("id"), pl.col("id").alias("child"))
        .join(direct.rename({"id": "child"}), on="child", how="inner")
        .select(direct.columns)
    )
    # conversations: the next answered message of the same customer, account, channel and post
    keys = ["account_id", "author_id", "channel", "_post"]
    conv_in = inb.filter(pl.col("author_id").is_not_null()).with_columns(
        pl.col("post_id").fill_null("").alias("_post")
    )
    answered = (
        conv_in.join(direct, on="id", how="inner")
        .select(*keys, pl.col("created_at").alias("x_at"), "answered_at", "answer_id", "n_answers")
        .sort("x_at")
    )
    # only the messages that need an answer (complaints, help requests) are looked up: that is all the rules ask
    # (the same rows as ``conv_in`` semi-joined with them, in the same order)
    need = needing_answer(ctx).filter(pl.col("author_id").is_not_null())
    conv = (
        need.with_columns(pl.col("post_id").fill_null("").alias("_post"))
        .select("id", *keys, "created_at")
        .sort("created_at")
        .join_asof(
            answered,
            left_on="created_at",
            right_on="x_at",
            by=keys,
            strategy="forward",
            tolerance=timedelta(hours=CONVERSATION_HOURS),
            check_sortedness=False,
        )
        .filter(pl.col("answered_at").is_not_null() & (pl.col("answered_at") >= pl.col("created_at")))
        .select(direct.columns)
    )
    both = pl.concat([direct, follow, conv], how="vertical_relaxed")
    return both.group_by("id").agg(
        pl.col("answered_at").min(),
        pl.col("answer_id").sort_by("answered_at").first(),
        pl.col("n_answers").max(),
    )


def with_answers(inbound: pl.DataFrame, ctx: AuditContext) -> pl.DataFrame:
    """``inbound`` with ``answered_at``, ``answer_id``, ``n_answers`` (null/0 when unanswered)."""
    return inbound.join(first_answers(ctx), on="id", how="left").with_columns(
        pl.col("n_answers").fill_null(0)
    )


def reply_targets(ctx: AuditContext, replies: pl.DataFrame) -> pl.DataFrame:
    """``replies`` with the inbound message each answers: ``t_id``, ``t_author_id``, ``t_author_handle``,
    ``t_channel``, ``t_created_at``, ``t_complaint``, ``t_abusive``, ``t_text``.

    A reply to a brand message (a thread) is followed up to two levels to the customer's message.
    """
    msgs = ctx.dataset.messages
    inbound = ctx.inbound.select(
        pl.col("id").alias("t_id"),
        pl.col("author_id").alias("t_author_id"),
        pl.col("author_handle").alias("t_author_handle"),
        pl.col("channel").alias("t_channel"),
        pl.col("created_at").alias("t_created_at"),
        complaint_expr().alias("t_complaint"),
        pl.col("abusive").alias("t_abusive"),
        pl.col("text").alias("t_text"),
    )
    outs = msgs.filter(pl.col("direction") == "out").select(
        pl.col("id").alias("_o"), pl.col("in_reply_to").alias("_up")
    )
    r = replies.with_columns(pl.col("in_reply_to").alias("_t"))
    for _ in range(2):  # a reply to our own reply: climb to what that one answered
        r = (
            r.join(outs, left_on="_t", right_on="_o", how="left")
            .with_columns(
                pl.when(pl.col("_up").is_not_null()).then(pl.col("_up")).otherwise(pl.col("_t")).alias("_t")
            )
            .drop("_up")
        )
    # the messages answered, first: a left join against all inbound messages would hash a million ids
    inbound = inbound.filter(pl.col("t_id").is_in(r["_t"].drop_nulls().implode()))
    return (
        r.join(inbound, left_on="_t", right_on="t_id", how="left")
        .with_columns(
            pl.when(pl.col("t_author_id").is_not_null() | pl.col("t_created_at").is_not_null())
            .then(pl.col("_t"))
            .otherwise(None)
            .alias("t_id")
        )
        .drop("_t")
    )


def is_public(col: str = "channel") -> pl.Expr:
    return pl.col(col).is_in(list(PUBLIC_CHANNELS))


def short(text: str | None, width: int = 60) -> str:
    """One line of user text for a message, cut to ``width`` characters (renderers escape it)."""
    s = " ".join((text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def who(handle: str | None, author_id: str | None) -> str:
    h = (handle or "").strip()
    if h:
        return h if h.startswith("@") else "@" + h
    return f"user {author_id}" if author_id else "an unknown user"


def who_zh(handle: str | None, author_id: str | None) -> str:
    h = (handle or "").strip()
    if h:
        return h if h.startswith("@") else "@" + h
    return f"用户 {author_id}" if author_id else "未知用户"


def duration_en(td: timedelta) -> str:
    hours = td.total_seconds() / 3600
    if hours < 1:
        return f"{max(1, round(hours * 60))} min"
    if hours < 48:
        return f"{hours:.0f} h"
    d, h = divmod(round(hours), 24)
    return f"{d} days {h} h" if h else f"{d} days"


def duration_zh(td: timedelta) -> str:
    hours = td.total_seconds() / 3600
    if hours < 1:
        return f"{max(1, round(hours * 60))} 分钟"
    if hours < 48:
        return f"{hours:.0f} 小时"
    d, h = divmod(round(hours), 24)
    return f"{d} 天 {h} 小时" if h else f"{d} 天"


def local_day(ts: datetime, tz: str) -> str:
    from zoneinfo import ZoneInfo

    return ts.astimezone(ZoneInfo(tz)).date().isoformat()


CHANNEL_ZH = {"comment": "评论", "mention": "提及", "dm": "私信", "review": "评价"}
