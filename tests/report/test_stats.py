"""The numbers behind the charts, computed once from the data set and the findings."""

from __future__ import annotations

import numpy as np

from smguard.report.stats import compute_stats, item_key


def test_posting_per_day_against_the_cap(hostile_report):
    posting = {p["account_id"]: p for p in hostile_report.stats["posting"]}
    ig = posting["ig"]
    assert ig["cap"] == 3 and ig["posts"] == 5 and ig["days_over_cap"] == 1
    assert ig["busiest"] == ["2026-10-20", 5]
    assert ig["series"] == [["2026-10-20", 5]]


def test_response_and_complaints(hostile_report):
    resp = {r["platform"]: r for r in hostile_report.stats["response"]}
    assert resp["instagram"]["inbound"] == 1
    assert resp["instagram"]["unanswered_needing_reply"] == 1
    assert hostile_report.stats["complaints"]["unanswered"] == 1
    assert hostile_report.stats["labels_from"] == "audit"  # the audit's own labels are reused


def test_every_shown_evidence_item_is_described(hostile_report):
    items = hostile_report.stats["items"]
    for f in hostile_report.findings:
        for ev in f.evidence[:25]:
            assert item_key(ev.to_json()) in items, (f.rule, ev)


def test_stats_answer_times_and_labels(tmp_path):
    from smguard.report.model import build_report
    from smguard.testing import make_dataset

    tables = {
        "accounts": [{"id": "a", "platform": "weibo", "handle": "acme", "owner": "brand"}],
        "messages": [
            {
                "id": "m1",
                "account_id": "a",
                "created_at": "2026-10-01T10:00:00+08:00",
                "channel": "comment",
                "direction": "in",
                "text": "我的订单还没到，太差了",
            },
            {
                "id": "r1",
                "account_id": "a",
                "created_at": "2026-10-01T12:00:00+08:00",
                "channel": "comment",
                "direction": "out",
                "text": "非常抱歉，马上为您处理",
                "in_reply_to": "m1",
            },
            {
                "id": "m2",
                "account_id": "a",
                "created_at": "2026-10-01T10:00:00+08:00",
                "channel": "dm",
                "direction": "in",
                "text": "你好",
            },
            {
                "id": "r2",
                "account_id": "a",
                "created_at": "2026-10-01T10:00:05+08:00",
                "channel": "dm",
                "direction": "out",
                "text": "自动回复",
                "in_reply_to": "m2",
                "automated": True,
            },
        ],
    }
    ds = make_dataset(tmp_path, tables, {"timezone": "Asia/Shanghai"})
    report = build_report(ds)
    (row,) = report.stats["response"]
    assert row["median_hours"] == 2.0 and row["answered_share"] == 0.5 and row["auto_answered_share"] == 0.5
    # Without the audit's labels, stats classify the inbound messages themselves (same result).
    fresh = compute_stats(ds, report)
    assert fresh["labels_from"] == "report" and fresh["complaints"] == report.stats["complaints"]
    forced = compute_stats(
        ds,
        report,
        labels={
            "inbound": {
                "complaint": np.array([False, False]),
                "help_request": np.array([False, False]),
                "abusive": np.array([False, False]),
            }
        },
    )
    assert forced["complaints"]["complaints"] == 0
