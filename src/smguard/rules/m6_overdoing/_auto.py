"""Shared by SM605-SM607: the brand accounts' outbound messages, with handle and platform."""

from __future__ import annotations

import polars as pl

from smguard.rules.context import AuditContext


def brand_out(ctx: AuditContext) -> pl.DataFrame:
    cached = ctx.__dict__.get("_m6_brand_out")
    if cached is not None:
        return cached
    m = ctx.dataset.messages.lazy().select("id", "account_id", "created_at", "text", "automated", "owner", "direction")
    out = m.filter((pl.col("owner") == "brand") & (pl.col("direction") == "out")
                   & (pl.col("created_at") <= ctx.as_of)).with_columns(pl.col("automated").fill_null(False)).collect()
    ctx.__dict__["_m6_brand_out"] = out  # shared by SM605-SM607 within one audit
    return out


def handles(ctx: AuditContext) -> pl.DataFrame:
    return ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")
