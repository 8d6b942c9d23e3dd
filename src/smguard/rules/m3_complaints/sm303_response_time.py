"""SM303 response-time: how fast each brand account answers complaints and help requests."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m3_complaints._threads import (
    DEFAULT_WINDOW_HOURS,
    brand_inbound,
    needing_answer,
    window_expr,
    with_answers,
)


class Options(RuleOptions):
    # The response window of SM301/SM302: customers expect an answer within a day (Sprout Social Index),
    # platforms show how fast a page answers (Facebook's "responds within …"). Messages younger than this and
    # not answered yet are left out of the statistics (they may still be answered in time).
    response_window_hours: float = DEFAULT_WINDOW_HOURS
    # Per-platform windows, e.g. {x = 4}; platforms not named use response_window_hours.
    response_window_hours_by_platform: dict[str, float] = {}
    # A first answer later than this is reported (low). Two days, twice the 24 h expectation: an answer on the
    # next day is slow but common; one after more than two days means the inbox is not being watched.
    slow_reply_hours: float = 48.0


def _h(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{v * 60:.0f} min" if v < 1 else f"{v:.1f} h"


def _h_zh(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{v * 60:.0f} 分钟" if v < 1 else f"{v:.1f} 小时"


@rule("SM303", "response-time", requires=("messages",), options=Options)
def response_time(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """First-response time per brand account, and complaints or questions answered later than the window.

    **What it does** For every brand account with complaints or help requests (text labels) received up to
    the audit moment, measures the first response time (first ``out`` reply naming the message, or the same
    customer's follow-up, on any channel): an info finding with the share answered, the median and the 90th
    percentile, per account and platform (in ``data`` for charts); messages younger than the response window
    (24 h) and not answered yet are left out. Messages answered only after ``slow_reply_hours`` (default
    48 h, twice the 24 h that customers expect) are listed in one low finding per account naming those
    messages. Messages never answered are SM301's and SM302's.

    **Why it matters** A late answer is better than none, but customers expect one within a day, and a page's
    answer speed is visible to everybody. The statistics show which account needs more people or a rota.

    **Example** @acme on X: 120 complaints and questions, 62% answered, median 21 h, 90% within 70 h; 18
    answered after more than 48 h: an info finding and a low finding naming those 18 messages.
    """
    inb = brand_inbound(ctx)
    if inb.height == 0 or "complaint" not in inb.columns:
        return
    need = needing_answer(ctx)
    if need.height == 0:
        return
    df = (
        with_answers(need, ctx)
        .with_columns(
            ((pl.col("answered_at") - pl.col("created_at")).dt.total_seconds() / 3600).alias("rt_h"),
            window_expr(opts.response_window_hours, opts.response_window_hours_by_platform).alias("win"),
        )
        .with_columns(
            (pl.col("answered_at").is_not_null() & (pl.col("rt_h") > opts.slow_reply_hours)).alias("slow"),
        )
        .filter(
            pl.col("answered_at").is_not_null() | ((pl.lit(ctx.as_of) - pl.col("created_at")) > pl.col("win"))
        )
    )
    if df.height == 0:
        return
    stats = (
        df.group_by("account_id", "platform")
        .agg(
            pl.len().alias("needing"),
            pl.col("answered_at").is_not_null().sum().alias("answered"),
            pl.col("rt_h").median().alias("median_h"),
            pl.col("rt_h").quantile(0.9, interpolation="linear").alias("p90_h"),
            pl.col("slow").sum().alias("slow"),
            (pl.col("win").dt.total_seconds() / 3600).first().alias("window_h"),
        )
        .sort("account_id")
    )
    handle = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["handle"].to_list(), strict=True))
    slow_ids = (
        df.filter(pl.col("slow"))
        .sort("created_at")
        .group_by("account_id", maintain_order=True)
        .agg(pl.col("id"), pl.col("rt_h").max().alias("worst_h"))
    )
    slow_by = {r["account_id"]: r for r in slow_ids.iter_rows(named=True)}
    for s in stats.iter_rows(named=True):
        acct = handle.get(s["account_id"]) or s["account_id"]
        rate = s["answered"] / s["needing"]
        data = {
            "platform": s["platform"],
            "needing_reply": s["needing"],
            "answered": s["answered"],
            "answer_rate": round(rate, 3),
            "median_first_response_h": None if s["median_h"] is None else round(s["median_h"], 2),
            "p90_first_response_h": None if s["p90_h"] is None else round(s["p90_h"], 2),
            "answered_late": s["slow"],
            "window_h": s["window_h"],
            "slow_reply_h": opts.slow_reply_hours,
        }
        yield Finding(
            severity="info",
            title=T(f"Response times of {acct} ({s['platform']})", f"{acct}（{s['platform']}）的响应时间"),
            message=T(
                f"{acct} ({s['platform']}) received {s['needing']} complaints and help requests; {rate:.0%} were "
                f"answered. First response: median {_h(s['median_h'])}, 90% within {_h(s['p90_h'])}.",
                f"{acct}（{s['platform']}）收到 {s['needing']} 条投诉和求助，回复了 {rate:.0%}。首次响应时间："
                f"中位数 {_h_zh(s['median_h'])}，90% 在 {_h_zh(s['p90_h'])} 以内。",
            ),
            recommendation=T(
                f"Aim to answer every complaint and question within {s['window_h']:g} h, faster on busy "
                "platforms; share the inbox in a rota so nights and weekends are covered.",
                f"争取在 {s['window_h']:g} 小时内回复每一条投诉和求助，在繁忙的平台上更快；安排轮班处理消息，覆盖夜间和周末。",
            ),
            account_id=s["account_id"],
            data=data,
        )
        slow = slow_by.get(s["account_id"])
        if slow:
            n = len(slow["id"])
            yield Finding(
                severity="low",
                title=T(
                    f"{n} complaints or questions answered late on {acct}",
                    f"{acct} 有 {n} 条投诉或求助回复过慢",
                ),
                message=T(
                    f"{n} of {s['answered']} answered complaints and help requests on {acct} ({s['platform']}) "
                    f"got their first reply only after more than {opts.slow_reply_hours:g} h (slowest "
                    f"{_h(slow['worst_h'])}).",
                    f"{acct}（{s['platform']}）已回复的 {s['answered']} 条投诉和求助中，有 {n} 条在超过 "
                    f"{opts.slow_reply_hours:g} 小时后才首次回复（最慢 {_h_zh(slow['worst_h'])}）。",
                ),
                recommendation=T(
                    "Check the inbox several times a day, use the platform's notifications, and send a short "
                    "personal first answer quickly even when the full fix takes longer.",
                    "每天多次查看消息，打开平台通知；即使问题需要更长时间解决，也要先尽快给出简短的人工回复。",
                ),
                account_id=s["account_id"],
                evidence=Evidence.many("message", slow["id"]),
                data=data,
            )
