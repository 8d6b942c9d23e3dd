"""SM607 identical-auto-replies."""

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
    # The article: fans can tell when a machine answers them; the same automated text again and again is the
    # clearest tell. Five identical sends is a pattern, not a coincidence.
    min_repeats: int = 5
    # Business hours as in SM606 (one [policy] value sets all three rules): an auto-responder that only runs
    # outside them is the use the article recommends ("如半夜的时候", e.g. at midnight) and is not counted.
    business_days: list[int] = [1, 2, 3, 4, 5]
    business_start: str = "09:00"
    business_end: str = "18:00"


@rule("SM607", "identical-auto-replies", requires=("messages",), options=Options)
def identical_auto_replies(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """The same automated reply text sent many times (default 5 or more) by one brand account.

    **What it does** Groups each brand account's automated outbound messages by their text (ignoring case,
    full/half-width forms, spaces, punctuation and emoji: only letters and digits count) and reports every text sent at
    least `min_repeats` times, with each of those replies as evidence. An out-of-office responder that runs
    only outside business hours (as SM606 defines them) may repeat its one message: it is not counted, and
    neither is an out-of-office text sent only outside business hours by an account that also automates
    other replies.

    **Why it matters** The article asks to use auto-replies sparingly so that fans believe a person is talking
    to them. One canned sentence repeated to everyone gives the machine away.

    **Example** "Thanks for your message, we will get back to you soon!" sent automatically 37 times → one
    finding, the 37 replies as evidence.
    """
    out = brand_out(ctx).filter(pl.col("automated"))
    if out.height == 0:
        return
    night_only = off_hours_only_accounts(ctx, opts.business_days, opts.business_start, opts.business_end)
    out = out.filter(~pl.col("account_id").is_in(list(night_only)))
    out = out.with_columns(auto_key(pl.col("text")).alias("key")).filter(pl.col("key") != "")
    # an out-of-office text sent only outside business hours may repeat, whatever else the account automates
    off = off_hours_only_texts(out, ctx.tz, opts.business_days, opts.business_start, opts.business_end)
    out = out.join(off, on=["account_id", "key"], how="anti")
    groups = (
        out.sort("created_at", "id")
        .group_by("account_id", "key", maintain_order=True)
        .agg(pl.len().alias("n"), pl.col("id"), pl.col("text").first())
        .filter(pl.col("n") >= opts.min_repeats)
        .join(handles(ctx), on="account_id", how="left")
        .sort(["account_id", "n"], descending=[False, True])
    )
    for r in groups.iter_rows(named=True):
        handle = r["handle"] or r["account_id"]
        n = r["n"]
        text = (r["text"] or "").replace("\n", " ")
        short = text if len(text) <= 80 else text[:77] + "…"
        yield Finding(
            severity="low",
            title=T(
                f"{handle} sent the same automated reply {n} times", f"{handle} 同一条自动回复发了 {n} 次"
            ),
            message=T(
                f"{handle} sent the automated reply “{short}” {n} times.",
                f"{handle} 把自动回复“{short}”发送了 {n} 次。",
            ),
            recommendation=T(
                "Answer by hand where you can; where an auto-reply is needed, say when a person will answer and "
                "vary it by situation instead of one canned sentence for everyone.",
                "尽量人工回复；必须自动回复时，说明何时会有人跟进，并按情况区分内容，不要对所有人发同一句话。",
            ),
            account_id=r["account_id"],
            evidence=Evidence.many("message", r["id"]),
            data={"repeats": n, "text": text},
        )
