"""Shared by SM605-SM607: the brand accounts' outbound messages, with handle and platform."""

from __future__ import annotations

import polars as pl

from smguard.rules.context import AuditContext


def brand_out(ctx: AuditContext) -> pl.DataFrame:
    cached = ctx.__dict__.get("_m6_brand_out")
    if cached is not None:
        return cached
    m = ctx.dataset.messages.lazy().select(
        "id", "account_id", "created_at", "text", "automated", "owner", "direction"
    )
    out = (
        m.filter(
            (pl.col("owner") == "brand")
            & (pl.col("direction") == "out")
            & (pl.col("created_at") <= ctx.as_of)
        )
        .with_columns(pl.col("automated").fill_null(False))
        .collect()
    )
    ctx.__dict__["_m6_brand_out"] = out  # shared by SM605-SM607 within one audit
    return out


def handles(ctx: AuditContext) -> pl.DataFrame:
    return ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")


def minutes_of(hhmm: str) -> int:
    h, _, m = hhmm.strip().partition(":")
    return int(h) * 60 + int(m or 0)


def in_business_hours(tz: str, days: list[int], start: str, end: str) -> pl.Expr:
    """True for a ``created_at`` on a business day between ``start`` (inclusive) and ``end`` (exclusive), local."""
    local = pl.col("created_at").dt.convert_time_zone(tz)
    mins = local.dt.hour().cast(pl.Int32) * 60 + local.dt.minute().cast(pl.Int32)
    return local.dt.weekday().is_in(days) & (mins >= minutes_of(start)) & (mins < minutes_of(end))


# An auto-responder counts as "off-hours only" when at most this share of its messages fell in business hours
# (a few stragglers at 09:00 sharp are a clock, not a habit).
OFF_HOURS_TOLERANCE = 0.05


def off_hours_only_accounts(ctx: AuditContext, days: list[int], start: str, end: str) -> set[str]:
    """Brand accounts whose automated messages are (almost) all outside business hours: the use the article
    recommends ("如半夜的时候"), which SM605 and SM607 do not count against them."""
    auto = brand_out(ctx).filter(pl.col("automated"))
    if auto.height == 0:
        return set()
    s = (
        auto.with_columns(in_business_hours(ctx.tz, days, start, end).alias("biz"))
        .group_by("account_id")
        .agg(pl.col("biz").mean().alias("share"))
    )
    return set(s.filter(pl.col("share") <= OFF_HOURS_TOLERANCE)["account_id"].to_list())


def auto_key(col: pl.Expr) -> pl.Expr:
    """The text of an automated message reduced to its letters and digits (case and width folded): the same
    canned sentence with other punctuation, emoji or spacing is the same sentence."""
    return col.fill_null("").str.normalize("NFKC").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", "")


def off_hours_only_texts(auto: pl.DataFrame, tz: str, days: list[int], start: str, end: str) -> pl.DataFrame:
    """(account_id, key) of an out-of-office message: an automated text (``auto`` has a ``key`` column from
    ``auto_key``) sent more than once and (almost) always outside business hours. That is the use the article
    recommends ("如半夜的时候"), even on an account whose other auto-replies run by day."""
    if auto.height == 0:
        return auto.select("account_id", "key")
    return (
        auto.with_columns(in_business_hours(tz, days, start, end).alias("biz"))
        .group_by("account_id", "key")
        .agg(pl.col("biz").mean().alias("share"), pl.len().alias("n"))
        .filter((pl.col("share") <= OFF_HOURS_TOLERANCE) & (pl.col("n") >= 2))
        .select("account_id", "key")
    )
