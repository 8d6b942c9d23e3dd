"""Matching social users to the company's customers (CONTRACT §2): by platform and ``user_id``, or by platform
and handle compared case-insensitively without a leading ``@``. Vectorised: two joins, no Python loops."""

from __future__ import annotations

import polars as pl

from smguard.rules.context import AuditContext


def norm_handle(col: pl.Expr) -> pl.Expr:
    return (col.str.strip_chars().str.normalize("NFKC").str.strip_chars_start("@").str.to_lowercase()
            .replace("", None))


def customer_keys(ctx: AuditContext) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(platform, user_id, customer_id) and (platform, handle_key, customer_id), one row per key."""
    c = ctx.table("customers").select(pl.col("id").alias("customer_id"), "social")
    s = c.explode("social").drop_nulls("social").unnest("social")
    s = s.with_columns(pl.col("platform").str.strip_chars().str.to_lowercase())
    ids = (s.filter(pl.col("user_id").is_not_null() & (pl.col("user_id") != ""))
           .select("platform", "user_id", "customer_id").unique(["platform", "user_id"], keep="first"))
    handles = (s.with_columns(norm_handle(pl.col("handle")).alias("handle_key")).drop_nulls("handle_key")
               .select("platform", "handle_key", "customer_id").unique(["platform", "handle_key"], keep="first"))
    return ids, handles


def customer_platforms(ctx: AuditContext) -> set[str]:
    """Platforms on which at least one customer has a known social identity."""
    ids, handles = customer_keys(ctx)
    return set(ids["platform"].to_list()) | set(handles["platform"].to_list())


def match_customers(ctx: AuditContext, df: pl.DataFrame, id_col: str, handle_col: str,
                    platform_col: str = "platform") -> pl.DataFrame:
    """``df`` with a ``customer_id`` column (null where the user is no known customer)."""
    ids, handles = customer_keys(ctx)
    out = df.with_columns(
        pl.col(platform_col).str.to_lowercase().alias("__p"),
        pl.col(id_col).cast(pl.String).alias("__u"),
        norm_handle(pl.col(handle_col).cast(pl.String)).alias("__h"),
    )
    out = out.join(ids.rename({"platform": "__p", "user_id": "__u", "customer_id": "__c1"}), on=["__p", "__u"],
                   how="left")
    out = out.join(handles.rename({"platform": "__p", "handle_key": "__h", "customer_id": "__c2"}),
                   on=["__p", "__h"], how="left")
    return out.with_columns(pl.coalesce("__c1", "__c2").alias("customer_id")).drop("__p", "__u", "__h", "__c1", "__c2")


def current_brand_followers(ctx: AuditContext) -> pl.DataFrame:
    """Followers of brand accounts who still follow at ``as_of``."""
    f = ctx.dataset.followers
    as_of = ctx.as_of
    return f.filter(
        (pl.col("owner") == "brand")
        & (pl.col("followed_at").is_null() | (pl.col("followed_at") <= as_of))
        & (pl.col("unfollowed_at").is_null() | (pl.col("unfollowed_at") > as_of))
    )
