"""Mistake 2 rules beyond the fixture cases."""

from __future__ import annotations

from smguard.rules.engine import run_rules
from smguard.testing import make_dataset, overriding_labeler

SETTINGS = {"timezone": "Asia/Shanghai", "as_of": "2026-10-31T23:59:59+08:00"}
ACCOUNTS = [
    {"id": "wb", "platform": "weibo", "handle": "@acme", "owner": "brand"},
    {"id": "wb-li", "platform": "weibo", "handle": "@lina", "owner": "employee", "employee_id": "e1"},
    {"id": "x-tom", "platform": "x", "handle": "@tom", "owner": "employee", "employee_id": "e2"},
]


def run(ds, codes, labels=None, policy=None):
    res = run_rules(
        ds,
        select=lambda r: r.code in codes,
        labeler=overriding_labeler(labels),
        strict=True,
        extra_policy=policy,
    )
    return [f for f in res.findings if f.severity != "info"], res


def ev(findings, code):
    return sorted(e.id for f in findings if f.rule == code for e in f.evidence)


def test_scheduled_post_with_embargoed_term_is_caught(tmp_path):
    posts = [
        {
            "id": "p1",
            "account_id": "wb",
            "created_at": "2026-11-10T10:00:00+08:00",
            "text": "倒计时！枫叶计划下周见",
            "source": "scheduled",
        },
        {
            "id": "p2",
            "account_id": "wb",
            "created_at": "2026-11-20T10:00:00+08:00",
            "text": "枫叶计划正式发布",
            "source": "scheduled",
        },
    ]
    embargo = [{"term": "Maple Oat Latte", "aliases": ["枫叶计划"], "until": "2026-11-15"}]
    ds = make_dataset(tmp_path / "ds", {"accounts": ACCOUNTS, "posts": posts, "embargo": embargo}, SETTINGS)
    found, _ = run(ds, {"SM203"})
    assert ev(found, "SM203") == ["p1"]  # p2 is published after the embargo ends
    assert found[0].data["scheduled"] is True
    found, _ = run(ds, {"SM203"}, policy={"include_scheduled": False})
    assert found == []


def test_grace_days_for_new_joiners(tmp_path):
    tables = {
        "accounts": ACCOUNTS,
        "employees": [
            {"id": "e1", "name": "Li Na", "joined_at": "2024-01-01"},
            {"id": "e2", "name": "Tom", "joined_at": "2026-10-28"},
        ],
        "guidelines": [{"version": "2.0", "published_at": "2026-09-01T09:00:00+08:00"}],
        "acknowledgments": [
            {"employee_id": "e1", "version": "2.0", "signed_at": "2026-09-02T10:00:00+08:00"}
        ],
    }
    ds = make_dataset(tmp_path / "ds", tables, SETTINGS)
    found, _ = run(ds, {"SM202"})
    assert ev(found, "SM202") == ["e2"]
    found, _ = run(ds, {"SM202"}, policy={"signature_grace_days": 14})
    assert found == []


def test_signature_after_as_of_does_not_count(tmp_path):
    tables = {
        "accounts": ACCOUNTS,
        "employees": [{"id": "e1", "name": "Li Na", "joined_at": "2024-01-01"}],
        "guidelines": [{"version": "2.0", "published_at": "2026-09-01T09:00:00+08:00"}],
        "acknowledgments": [
            {"employee_id": "e1", "version": "2.0", "signed_at": "2026-11-05T10:00:00+08:00"}
        ],
    }
    ds = make_dataset(tmp_path / "ds", tables, SETTINGS)
    found, _ = run(ds, {"SM202"})
    assert ev(found, "SM202") == ["e1"]


def test_sm202_not_run_without_published_version(tmp_path):
    tables = {
        "accounts": ACCOUNTS,
        "employees": [{"id": "e1"}],
        "guidelines": [{"version": "1.0", "published_at": "2027-01-01T00:00:00+08:00"}],
    }
    ds = make_dataset(tmp_path / "ds", tables, SETTINGS)
    found, res = run(ds, {"SM201", "SM202"})
    assert [f.rule for f in found] == ["SM201"]
    assert any(n["rule"] == "SM202" for n in res.not_run)


def test_real_labeler_employee_posts(tmp_path):
    """No pinned labels: clear cases in Chinese and English."""
    posts = [
        {
            "id": "bad_zh",
            "account_id": "wb-li",
            "created_at": "2026-10-02T21:00:00+08:00",
            "text": "我们公司的新品就是垃圾，老板只会压榨员工，大家别买",
        },
        {
            "id": "ok_zh",
            "account_id": "wb-li",
            "created_at": "2026-10-03T21:00:00+08:00",
            "text": "周末和朋友去爬山，天气真好",
        },
        {
            "id": "bad_en",
            "account_id": "x-tom",
            "created_at": "2026-10-04T21:00:00+08:00",
            "text": "My company sucks. Management is toxic and our products are terrible, don't buy them.",
        },
        {
            "id": "ok_en",
            "account_id": "x-tom",
            "created_at": "2026-10-05T21:00:00+08:00",
            "text": "Great hike with friends this weekend",
        },
    ]
    ds = make_dataset(tmp_path / "ds", {"accounts": ACCOUNTS, "posts": posts}, SETTINGS)
    found, _ = run(ds, {"SM204"})
    assert ev(found, "SM204") == ["bad_en", "bad_zh"]
