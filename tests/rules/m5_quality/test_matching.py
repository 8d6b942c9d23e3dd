"""Customer matching (CONTRACT §2) and fake-follower signals behind SM501-SM505."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from smguard.rules.context import AuditContext
from smguard.rules.m5_quality._customers import match_customers
from smguard.rules.m5_quality._signals import with_signals
from smguard.testing import make_dataset


def test_match_by_user_id_or_handle_per_platform(tmp_path):
    ds = make_dataset(
        tmp_path / "ds",
        {
            "accounts": [
                {"id": "wb", "platform": "weibo", "handle": "acme", "owner": "brand"},
                {"id": "ig", "platform": "instagram", "handle": "acme", "owner": "brand"},
            ],
            "customers": [
                {"id": "c1", "social": [{"platform": "weibo", "user_id": "111"}]},
                {"id": "c2", "social": [{"platform": "Instagram", "handle": "@Jane.Doe"}]},
                {"id": "c3", "social": [{"platform": "weibo", "handle": "bob"}]},
            ],
        },
    )
    df = pl.DataFrame(
        {
            "platform": ["weibo", "weibo", "instagram", "instagram", "weibo", "weibo"],
            "uid": ["111", "222", "999", "111", "333", None],
            "handle": ["x", "y", "jane.doe", "z", "@BOB", "＠bob"],
        }
    )
    out = match_customers(AuditContext(ds), df, "uid", "handle").sort("platform", "uid", nulls_last=True)
    got = dict(zip(zip(out["platform"], out["uid"], strict=True), out["customer_id"], strict=True))
    assert got[("weibo", "111")] == "c1"
    assert got[("weibo", "222")] is None
    assert got[("instagram", "999")] == "c2"  # handle, case-insensitive, leading @ ignored
    assert got[("instagram", "111")] is None  # user id 111 is a Weibo id, not an Instagram one
    assert got[("weibo", "333")] == "c3"
    assert got[("weibo", None)] == "c3"  # full-width ＠ too


def test_signals_need_three_and_unknown_never_counts():
    as_of = datetime(2026, 10, 31, tzinfo=UTC)
    ts = pl.Datetime("us", "UTC")
    df = pl.DataFrame(
        {
            "handle": ["user84920174", "jenny_sips12", "lurker", "x"],
            "has_avatar": [False, True, False, None],
            "posts_count": [0, 300, 0, None],
            "following_count": [2500, 300, 250, None],
            "followers_count": [2, 120, 1, None],
            "created_at": [
                datetime(2026, 10, 1, tzinfo=UTC),
                datetime(2015, 1, 1, tzinfo=UTC),
                datetime(2018, 1, 1, tzinfo=UTC),
                None,
            ],
            "followed_at": [datetime(2026, 10, 5, tzinfo=UTC)] * 4,
            "bio": ["", "coffee", "", None],
            "verified": [False, False, False, None],
        },
        schema_overrides={"created_at": ts, "followed_at": ts},
    )
    out = with_signals(df, as_of)
    assert out["fake"].to_list() == [True, False, False, False]
    assert out["strong"].to_list() == [5, 0, 2, 0]
