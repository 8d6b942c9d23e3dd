"""The cadence check shared by SM601/SM602, the composer and `smguard check post`."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import polars as pl

from smguard.guard.cadence import check_cadence, close_pairs, days_over_cap, posts_per_day

SH = ZoneInfo("Asia/Shanghai")


def t(day: int, h: int, m: int = 0) -> datetime:
    return datetime(2026, 10, day, h, m, tzinfo=SH)


def test_free_slot_is_ok():
    r = check_cadence([t(3, 9), t(3, 14)], t(3, 18), timezone="Asia/Shanghai")
    assert r.ok and r.posts_that_day == 2 and not r.over_cap and not r.too_close
    assert r.next_slots[0] == t(3, 18)


def test_fourth_post_breaks_cap_and_next_slot_is_next_day():
    r = check_cadence([t(3, 9), t(3, 12), t(3, 15)], t(3, 20), timezone="Asia/Shanghai")
    assert r.over_cap and not r.too_close and not r.ok
    assert r.day.isoformat() == "2026-10-03"
    assert all(s.astimezone(SH).date().isoformat() != "2026-10-03" for s in r.next_slots)
    assert r.next_slots[0] == t(4, 20)


def test_too_close_proposes_one_gap_later():
    r = check_cadence([t(3, 10)], t(3, 10, 20), timezone="Asia/Shanghai", min_gap_minutes=60)
    assert r.too_close and not r.over_cap and r.gap_minutes == 20
    assert r.next_slots[0] == t(3, 11)
    # suggestions are themselves spaced and each one is valid
    for a, b in zip(r.next_slots, r.next_slots[1:], strict=False):
        assert b - a >= timedelta(minutes=60)


def test_earlier_neighbour_counts_too():
    r = check_cadence([t(3, 10, 30)], t(3, 10), timezone="Asia/Shanghai")
    assert r.too_close
    assert r.next_slots[0] == t(3, 11, 30)


def test_local_day_decides_the_cap():
    # 23:30 and 00:30 local are on different days even though both are the same UTC day
    r = check_cadence([t(3, 9), t(3, 12), t(3, 23, 30)], t(4, 0, 40), timezone="Asia/Shanghai")
    assert not r.over_cap and r.posts_that_day == 0 and not r.too_close


def test_naive_times_are_read_in_the_timezone():
    naive = [datetime(2026, 10, 3, 9), datetime(2026, 10, 3, 12), datetime(2026, 10, 3, 15)]
    r = check_cadence(naive, datetime(2026, 10, 3, 18), timezone="Asia/Shanghai")
    assert r.over_cap


def test_cap_option_and_no_existing_posts():
    assert check_cadence([], t(3, 9), timezone="Asia/Shanghai").ok
    r = check_cadence([t(3, 9), t(3, 12)], t(3, 18), timezone="Asia/Shanghai", max_per_day=2)
    assert r.over_cap


def test_history_helpers_match_the_single_check():
    df = pl.DataFrame(
        {
            "account_id": ["a"] * 5 + ["b"],
            "id": ["p1", "p2", "p3", "p4", "p5", "q1"],
            "created_at": [t(3, 9), t(3, 9, 30), t(3, 12), t(3, 15), t(4, 9), t(3, 9, 5)],
        }
    ).with_columns(pl.col("created_at").dt.convert_time_zone("UTC"))
    df = df.with_columns(pl.col("created_at").dt.convert_time_zone("Asia/Shanghai").dt.date().alias("date"))
    over = days_over_cap(df, 3)
    assert over.select("account_id", "posts").rows() == [("a", 4)]
    assert posts_per_day(df).height == 3
    close = close_pairs(df, 60)
    assert close["id"].to_list() == ["p2"] and close["prev_id"].to_list() == ["p1"]
