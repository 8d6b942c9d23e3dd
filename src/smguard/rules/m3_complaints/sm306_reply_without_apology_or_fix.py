"""SM306 reply-without-apology-or-fix: a complaint answered without an apology or any intent to fix it."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT, split_capped
from smguard.rules.m3_complaints._threads import (
    APOLOGY_WORDS,
    CHANNEL_ZH,
    brand_replies,
    clearly_negative,
    complaint_expr,
    reply_targets,
    short,
    who,
    who_zh,
)


class Options(RuleOptions):
    # Only clear complaints are judged (this is the low-severity rule, and the one most exposed to imperfect
    # labels): complaint score at least this, and not a question (a question is answered by its answer).
    min_complaint_score: float = 0.6
    # A reply at least this long (words; CJK characters count 1/2 a word) that does not argue is a concrete
    # answer, not a brush-off like "Noted." or "We have received your message." (both under 6 words).
    concrete_answer_min_words: int = 12
    # A message with a question is judged when, without its questions, at least this many words remain (a
    # statement of the problem besides the question).
    statement_min_words: int = 3
    # ... or when its complaint score is at least this and its sentiment is clearly negative.
    question_complaint_score: float = 0.9
    # Automated replies (auto-responders) are judged by mistake 6; leave them out here.
    include_automated: bool = False
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


@rule("SM306", "reply-without-apology-or-fix", requires=("messages",), options=Options)
def reply_without_apology_or_fix(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Complaints whose answers neither apologise nor say what the brand will do about the problem.

    **What it does** Judges only clear complaints (complaint score at least ``min_complaint_score``, not
    merely a question: a question answered concretely is answered). Groups the brand's replies (written up
    to the audit moment; auto-responder messages are left out, mistake 6 covers them) by the complaint they
    answer (``in_reply_to``, following a reply to the brand's own reply up to the customer's message). When
    none of the replies to a complaint apologises, states an intent to fix, moves the case to a private
    channel (reply labels ``apology``, ``fix_intent``, ``offers_private``, or the words of an apology), asks
    the customer a (non-argumentative) question about the problem, or gives a concrete answer (at least
    ``concrete_answer_min_words`` words, not arguing), the first reply is one low finding: "Noted.",
    "We have received your message.", "知道了。"

    **Why it matters** A complaint is a chance to turn a bad experience into good service: a clear apology and
    a clear intent to put it right. A reply that only explains, deflects or says "noted" wastes that chance.

    **Example** To "我的外卖洒了一半" the brand replies "收到。" and nothing else: low finding naming that reply.
    """
    replies = brand_replies(ctx)
    if not opts.include_automated:
        replies = replies.filter(~pl.col("automated").fill_null(False))
    if replies.height == 0 or "apology" not in replies.columns:
        return
    clear = _clear_complaints(ctx, opts)
    if clear.height == 0:
        return
    r = reply_targets(ctx, replies).filter(pl.col("t_complaint").fill_null(False))
    r = r.join(clear, on="t_id", how="semi")
    if r.height == 0:
        return
    # Accepted as taking the complaint seriously: an apology, an intent to fix, moving the case to a private
    # channel ("please DM us your order number"), or a (non-argumentative) question that works on the problem
    # ("which iOS version are you on?"). Real support teams answer like this (TWCS sample).
    text = pl.col("text").fill_null("")
    calm = ~pl.col("argumentative").fill_null(False)
    asks = text.str.contains(r"[?？]") & calm
    # the words of an apology are unambiguous: they back up the apology label when it misses one
    says_sorry = text.str.to_lowercase().str.contains(APOLOGY_WORDS)
    concrete = (_words(text) >= opts.concrete_answer_min_words) & calm
    r = r.with_columns(
        (
            pl.col("apology").fill_null(False)
            | pl.col("fix_intent").fill_null(False)
            | pl.col("offers_private").fill_null(False)
            | asks
            | says_sorry
            | concrete
        ).alias("ok")
    )
    per = (
        r.sort("created_at")
        .group_by("t_id", maintain_order=True)
        .agg(
            pl.col("ok").any().alias("any_ok"),
            pl.col("id").first().alias("reply_id"),
            pl.col("account_id").first(),
            pl.col("platform").first(),
            pl.col("channel").first(),
            pl.col("date").first(),
            pl.col("text").first(),
            pl.col("t_author_id").first(),
            pl.col("t_author_handle").first(),
            pl.col("t_text").first(),
            pl.len().alias("n_replies"),
        )
        .filter(~pl.col("any_ok"))
    )
    handle = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["handle"].to_list(), strict=True))
    one_by_one, rest = split_capped(per.sort("account_id", "date"), opts.max_findings_per_account)
    yield from _summaries(rest, handle)
    for row in one_by_one.iter_rows(named=True):
        acct = handle.get(row["account_id"]) or row["account_id"]
        ch = row["channel"]
        cust, cust_zh = (
            who(row["t_author_handle"], row["t_author_id"]),
            who_zh(row["t_author_handle"], row["t_author_id"]),
        )
        yield Finding(
            severity="low",
            title=T(
                f"Reply to a complaint without apology or fix ({acct})",
                f"回复投诉时既未致歉也未提出解决（{acct}）",
            ),
            message=T(
                f"{cust} complained “{short(row['t_text'], 40)}”; {acct} ({row['platform']}, {ch}) answered on "
                f"{row['date'].isoformat()} “{short(row['text'], 50)}” — no apology and no word on fixing it.",
                f"{cust_zh} 投诉：“{short(row['t_text'], 40)}”；{acct}（{row['platform']}，"
                f"{CHANNEL_ZH.get(ch, ch)}）于 {row['date'].isoformat()} 回复：“{short(row['text'], 50)}”——"
                "既没有致歉，也没有说明如何解决。",
            ),
            recommendation=T(
                "Answer complaints with a clear apology and what you will do about it (refund, replacement, a "
                "fix and when), e.g. \"We're sorry your order arrived cold — we'll refund it today; please DM us "
                'the order number."',
                "回复投诉时要明确致歉，并说明将如何处理（退款、补发、修复及时间），例如：“很抱歉您的餐送到时已经凉了，"
                "我们今天就为您退款，请私信我们订单号。”",
            ),
            account_id=row["account_id"],
            evidence=[Evidence.message(row["reply_id"])],
            data={"complaint": row["t_id"], "replies_to_complaint": row["n_replies"]},
        )


def _words(text: pl.Expr) -> pl.Expr:
    """Length of a text in words: Latin words plus half the CJK characters."""
    latin = text.str.count_matches(r"[A-Za-z0-9]+")
    cjk = text.str.count_matches(r"[\u3400-\u9fff]")
    return latin + cjk / 2


def _clear_complaints(ctx: AuditContext, opts: Options) -> pl.DataFrame:
    """``t_id`` of the inbound messages that are clearly complaints: complaint (label or clearly negative, as
    everywhere in mistake 3) with a complaint score of at least ``min_complaint_score`` (or clearly negative
    sentiment), and not merely a question: "Can I return a lock bought online?" is a help request however
    the complaint head scores it, and a concrete answer to it needs no apology. A message with a statement
    besides its question ("Ordered ten days ago and it still hasn't shipped. What's going on?") is judged, and
    so is a question with a very high complaint score and clearly negative sentiment."""
    inb = ctx.inbound
    score = pl.col("complaint_score").fill_null(0.0) if "complaint_score" in inb.columns else pl.lit(1.0)
    text = pl.col("text").fill_null("")
    # what is left once the question sentences are taken out
    statement = text.str.replace_all(r"[^.!。！?？\n]*[?？]+", "")
    merely_question = text.str.contains(r"[?？]") & (_words(statement) < opts.statement_min_words)
    strong = (score >= opts.min_complaint_score) | clearly_negative()
    very_strong = (score >= opts.question_complaint_score) & clearly_negative()
    # two steps (the same rows): the text patterns run only on the complaints, not on every message
    return (
        inb.filter(complaint_expr() & strong)
        .filter(~merely_question | very_strong)
        .select(pl.col("id").alias("t_id"))
    )


def _summaries(rest: pl.DataFrame, handle: dict) -> Iterator[Finding]:
    if rest.height == 0:
        return
    per = rest.group_by("account_id", maintain_order=True).agg(pl.col("reply_id"), pl.col("platform").first())
    for row in per.iter_rows(named=True):
        n, acct = len(row["reply_id"]), handle.get(row["account_id"]) or row["account_id"]
        yield Finding(
            severity="low",
            title=T(
                f"{n} more replies to complaints without apology or fix ({acct})",
                f"{acct} 另有 {n} 条回复投诉时既未致歉也未提出解决",
            ),
            message=T(
                f"Besides those listed one by one, {n} more complaints on {acct} ({row['platform']}) were "
                "answered without an apology or any word on fixing the problem.",
                f"除逐条列出的以外，{acct}（{row['platform']}）还有 {n} 条投诉的回复既没有致歉，也没有说明如何解决。",
            ),
            recommendation=T(
                "Give the team reply templates that start with an apology and say what happens next.",
                "为团队准备以致歉开头、并说明后续处理的回复模板。",
            ),
            account_id=row["account_id"],
            evidence=Evidence.many("message", row["reply_id"]),
            data={"count": n},
        )
