"""What a rule sees: the loaded data set, lazily computed text labels, platform profiles, and helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from typing import Any, TypeVar

import polars as pl

from smguard.dataset.model import Dataset

V = TypeVar("V")


class AuditContext:
    """The read-only input of every rule. Text labels are computed at most once, and only when a rule asks.

    ``labeler`` is ``smguard.text.classify_texts`` by default; tests may pass another function with the same
    signature ``(texts, kind, langs) -> dict[str, numpy array]``.
    """

    def __init__(self, dataset: Dataset, labeler: Any = None):
        self.dataset = dataset
        self._labeler = labeler
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], V]) -> V:
        """``compute()``, run at most once per audit under ``key``: work that several rules share (the
        mistake-3 conversation tables, the mistake-1 platform checks) is done once and reused. The value is
        shared, so rules must not modify it (Polars tables are immutable anyway)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # ------------------------------------------------------------------ basics
    @property
    def tz(self) -> str:
        return self.dataset.timezone

    @property
    def as_of(self) -> datetime:
        return self.dataset.as_of

    def table(self, name: str) -> pl.DataFrame:
        return self.dataset.tables[name]

    @cached_property
    def accounts(self) -> pl.DataFrame:
        return self.dataset.accounts

    @cached_property
    def brand_accounts(self) -> pl.DataFrame:
        return self.accounts.filter(pl.col("owner") == "brand")

    @cached_property
    def account_platform(self) -> dict[str, str]:
        return dict(zip(self.accounts["id"].to_list(), self.accounts["platform"].to_list(), strict=True))

    @cached_property
    def brand_posts(self) -> pl.DataFrame:
        """Posts of brand accounts published up to ``as_of`` (scheduled ones in the future are left out)."""
        p = self.dataset.posts
        return p.filter((pl.col("owner") == "brand") & (pl.col("created_at") <= self.as_of))

    @cached_property
    def published_posts(self) -> pl.DataFrame:
        """Every account's posts published up to ``as_of``."""
        return self.dataset.posts.filter(pl.col("created_at") <= self.as_of)

    def profile(self, platform: str) -> Any:
        from smguard.platforms import get_profile

        return get_profile(platform)

    # ------------------------------------------------------------------ text labels
    @property
    def labeler(self) -> Any:
        if self._labeler is None:
            from smguard.text import classify_texts

            self._labeler = classify_texts
        return self._labeler

    def _label(self, df: pl.DataFrame, kind: str) -> pl.DataFrame:
        texts = df["text"].fill_null("").to_list()
        out = self.labeler(texts, kind=kind) if texts else {}
        cols: dict[str, Any] = {"id": df["id"]}
        for key, values in out.items():
            cols[key] = pl.Series(key, values)
        return pl.DataFrame(cols) if texts else pl.DataFrame({"id": df["id"]})

    @cached_property
    def _inbound_messages(self) -> pl.DataFrame:
        return self.dataset.messages.filter(pl.col("direction") == "in")

    @cached_property
    def _out_messages(self) -> pl.DataFrame:
        return self.dataset.messages.filter(pl.col("direction") == "out")

    @cached_property
    def inbound_labels(self) -> pl.DataFrame:
        """Labels of every inbound message: id, lang, complaint, complaint_score, help_request, abusive, …"""
        return self._label(self._inbound_messages, "inbound")

    @cached_property
    def reply_labels(self) -> pl.DataFrame:
        """Labels of every outbound message (a brand's reply): also apology, fix_intent, argumentative, …"""
        return self._label(self._out_messages, "reply")

    @cached_property
    def post_labels(self) -> pl.DataFrame:
        """Labels of every post: also negative_about_company."""
        return self._label(self.dataset.posts, "post")

    @cached_property
    def inbound(self) -> pl.DataFrame:
        """Inbound messages with their labels."""
        return _beside(self._inbound_messages, self.inbound_labels)

    @cached_property
    def replies(self) -> pl.DataFrame:
        """Outbound messages with their labels."""
        return _beside(self._out_messages, self.reply_labels)

    @cached_property
    def labelled_posts(self) -> pl.DataFrame:
        return _beside(self.dataset.posts, self.post_labels)


def _beside(rows: pl.DataFrame, labels: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with their label columns. The labels were computed from these very rows, in this order, and ids
    are unique (the loader drops duplicates), so the columns are put side by side: the same table as a left
    join on ``id``, without hashing a million ids (~0.2 s)."""
    extra = labels.drop("id")
    if extra.width == 0:
        return rows
    if labels.height != rows.height or set(extra.columns) & set(rows.columns):
        return rows.join(labels, on="id", how="left")
    return rows.hstack(extra.get_columns())
