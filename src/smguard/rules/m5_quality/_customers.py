"""Matching social users to the company's customers (CONTRACT §2): by platform and ``user_id``, or by platform
and handle compared case-insensitively without a leading ``@``. Vectorised: two joins, no Python loops."""

from __future__ import annotations

import polars as pl

from smguard.rules.context import AuditContext


def norm_handle(col: pl.Expr) -> pl.Expr:
    """Handle key: lower case, surrounding spaces and leading ``@`` (or full-width ``＠``) removed."""
    return col.str.strip_chars(" \t\u3000").str.strip_chars_start("@＠").str.to_lowercase().replace("", None)


def customer_keys(ctx: AuditContext) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(platform, user_id, customer_id) and (platform, handle_key, customer_id), one row per key."""
    return ctx.memo("m5.customer_keys", lambda: _customer_keys(ctx))  # shared by SM501/SM504 in one audit


def _customer_keys(ctx: AuditContext) -> tuple[pl.DataFrame, pl.DataFrame]:
    c = ctx.table("customers").select(pl.col("id").alias("customer_id"), "social")
    s = c.explode("social").drop_nulls("social").unnest("social")
    s = s.with_columns(pl.col("platform").str.strip_chars().str.to_lowercase())
    ids = (
        s.filter(pl.col("user_id").is_not_null() & (pl.col("user_id") != ""))
        .select("platform", "user_id", "customer_id")
        .unique(["platform", "user_id"], keep="first")
    )
    handles = (
        s.with_columns(norm_handle(pl.col("handle")).alias("handle_key"))
        .drop_nulls("handle_key")
        .select("platform", "handle_key", "customer_id")
        .unique(["platform", "handle_key"], keep="first")
    )
    return ids, handles


def customer_platforms(ctx: AuditContext) -> set[str]:
    """Platforms on which at least one customer has a known social identity."""
    ids, handles = customer_keys(ctx)
    return set(ids["platform"].unique().to_list()) | set(handles["platform"].unique().to_list())


def match_customers(
    ctx: AuditContext, df: pl.DataFrame, id_col: str, handle_col: str, platform_col: str = "platform"
) -> pl.DataFrame:
    """``df`` with a ``customer_id`` column (null where the user is no known customer).

    Works one platform at a time (a data set has a handful), so each join is on one string key; handles are
    only normalised for the rows that their id did not match."""
    ids, handles = customer_keys(ctx)
    parts: list[pl.DataFrame] = []
    for (plat,), part in df.partition_by(platform_col, as_dict=True, maintain_order=False).items():
        p = (plat or "").lower()
        kid = ids.filter(pl.col("platform") == p).select(
            pl.col("user_id").alias("__u"), pl.col("customer_id")
        )
        part = (
            part.with_columns(pl.col(id_col).cast(pl.String).alias("__u"))
            .join(kid, on="__u", how="left")
            .drop("__u")
        )
        kh = handles.filter(pl.col("platform") == p).select(
            pl.col("handle_key").alias("__h"), pl.col("customer_id").alias("__c2")
        )
        if kh.height:
            miss = part["customer_id"].is_null() & part[handle_col].is_not_null()
            if miss.any():
                hit = (
                    part.filter(miss)
                    .with_row_index("__i")
                    .with_columns(norm_handle(pl.col(handle_col).cast(pl.String)).alias("__h"))
                    .join(kh, on="__h", how="inner")
                    .unique("__i", keep="first")
                )
                if hit.height:
                    idx = miss.arg_true().gather(hit["__i"])
                    filled = part["customer_id"].scatter(idx, hit["__c2"])
                    part = part.with_columns(filled.alias("customer_id"))
        parts.append(part)
    if not parts:
        return df.with_columns(pl.lit(None, dtype=pl.String).alias("customer_id"))
    return pl.concat(parts, how="vertical_relaxed")


def current_brand_followers(ctx: AuditContext) -> pl.DataFrame:
    """Followers of brand accounts who still follow at ``as_of``."""
    as_of = ctx.as_of
    return ctx.memo(  # shared by SM501-SM504 in one audit
        "m5.current_followers",
        lambda: ctx.dataset.followers.filter(
            (pl.col("owner") == "brand")
            & (pl.col("followed_at").is_null() | (pl.col("followed_at") <= as_of))
            & (pl.col("unfollowed_at").is_null() | (pl.col("unfollowed_at") > as_of))
        ),
    )


def matched_brand_followers(ctx: AuditContext) -> pl.DataFrame:
    """``current_brand_followers`` (``account_id``, ``user_id``, ``handle``, ``platform``) with ``customer_id``:
    matched once per audit for SM501 and SM504 (a million followers take a few tenths of a second). Row order
    is not meaningful."""
    return ctx.memo(
        "m5.matched_followers",
        lambda: match_customers(
            ctx,
            current_brand_followers(ctx).select("account_id", "user_id", "handle", "platform"),
            "user_id",
            "handle",
        ),
    )
