"""The loaded data set: typed Polars tables plus the data set's settings and the problems found reading it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

UTC_DT = pl.Datetime("us", "UTC")

# Column types of the loaded tables, as the rules see them (after parsing, flattening and derivation).
MEDIA_STRUCT = pl.Struct({"type": pl.String, "duration_s": pl.Float64, "id": pl.String, "url": pl.String})
SOCIAL_STRUCT = pl.Struct({"platform": pl.String, "user_id": pl.String, "handle": pl.String})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, in plain words, with where it is."""

    file: str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"  # "error": the row or value was dropped; "warning": kept, but worth knowing

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class DatasetError(Exception):
    """The data set cannot be read at all (exit status 2)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Dataset:
    """A data set in format v1, loaded.

    ``tables`` has an entry for every table of :data:`smguard.dataset.schema.TABLES` (empty when its file is
    missing); ``present`` names the tables whose file existed, so a rule can say it could not run.
    Derived columns: ``date`` (local calendar day) on posts, messages and likes; ``platform`` and ``owner`` on
    posts, messages, likes, campaigns and followers; post metrics flattened to ``likes``, ``comments``,
    ``shares``, ``views``, ``clicks``; campaign targeting flattened to ``t_*`` columns and ``has_targeting``.
    """

    name: str
    timezone: str
    as_of: datetime
    tables: dict[str, pl.DataFrame]
    present: set[str]
    language: str | None = None
    policy: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    path: Path | None = None
    counts_read: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, table: str) -> pl.DataFrame:
        return self.tables[table]

    def has(self, table: str) -> bool:
        """True when the table's file was in the data set and holds at least one valid row."""
        return table in self.present and self.tables[table].height > 0

    @property
    def accounts(self) -> pl.DataFrame:
        return self.tables["accounts"]

    @property
    def posts(self) -> pl.DataFrame:
        return self.tables["posts"]

    @property
    def messages(self) -> pl.DataFrame:
        return self.tables["messages"]

    @property
    def followers(self) -> pl.DataFrame:
        return self.tables["followers"]

    @property
    def brand_account_ids(self) -> list[str]:
        return self.accounts.filter(pl.col("owner") == "brand")["id"].to_list()

    def period(self) -> tuple[datetime | None, datetime | None]:
        """First and last timestamp of the posts and messages."""
        lows, highs = [], []
        for t in ("posts", "messages"):
            df = self.tables[t]
            if df.height:
                lows.append(df["created_at"].min())
                highs.append(df["created_at"].max())
        return (min(lows) if lows else None, max(highs) if highs else None)
