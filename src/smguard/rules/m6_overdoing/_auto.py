"""Shared by SM605-SM607: the brand accounts' outbound messages, with handle and platform."""

from __future__ import annotations

import polars as pl

from smguard.rules.context import AuditContext


def brand_out(ctx: AuditContext) -> pl.DataFrame:
    m = ctx.dataset.messages
    return m.filter((pl.col("owner") == "brand") & (pl.col("direction") == "out")
                    & (pl.col("created_at") <= ctx.as_of)).with_columns(pl.col("automated").fill_null(False))


def handles(ctx: AuditContext) -> pl.DataFrame:
    return ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")
