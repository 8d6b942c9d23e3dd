"""Helpers shared by the mistake-2 rules (not a rule)."""

from __future__ import annotations

from datetime import datetime

import polars as pl


def short(text: str | None, width: int = 60) -> str:
    """One line of user text for a message, cut to ``width`` characters (renderers escape it)."""
    s = " ".join((text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def current_employees(employees: pl.DataFrame, as_of: datetime) -> pl.DataFrame:
    """Employees employed at ``as_of``: joined on or before it (or unknown), not left by then."""
    return employees.filter(
        (pl.col("joined_at").is_null() | (pl.col("joined_at") <= as_of))
        & (pl.col("left_at").is_null() | (pl.col("left_at") > as_of))
    )


def canon_version(col: pl.Expr) -> pl.Expr:
    """Version strings compared loosely: ``V2.0``, ``v2.0`` and `` 2.0 `` are the same version."""
    return col.cast(pl.String).str.strip_chars().str.to_lowercase().str.strip_prefix("v")


def handles(accounts: pl.DataFrame) -> dict[str, str]:
    """account id -> handle (or the id when the handle is missing)."""
    return {i: (h or i) for i, h in zip(accounts["id"].to_list(), accounts["handle"].to_list(), strict=True)}


def local_day(ts: datetime, tz: str) -> str:
    """The local calendar day of a timestamp, ``YYYY-MM-DD``."""
    from zoneinfo import ZoneInfo

    return ts.astimezone(ZoneInfo(tz)).date().isoformat()


# Beyond this many items of one rule on one account, the rest are reported together in one finding (with every
# item as evidence): a report with thousands of one-item findings is not read, and building them is slow.
MAX_FINDINGS_PER_ACCOUNT = 100


def split_capped(df: pl.DataFrame, cap: int, by: str = "account_id") -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split rows (already in priority order) into the first ``cap`` per ``by`` group and the rest."""
    if df.height == 0 or cap <= 0:
        return df.head(0), df
    n = pl.int_range(pl.len()).over(by)
    keep = df.with_columns(n.alias("__n"))
    return keep.filter(pl.col("__n") < cap).drop("__n"), keep.filter(pl.col("__n") >= cap).drop("__n")
