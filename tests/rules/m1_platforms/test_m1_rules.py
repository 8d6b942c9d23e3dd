"""Mistake-1 rules beyond the fixture cases: the Polars pre-filters never drop a post that the exact check
(platforms.fit, shared with the composer) would flag, and options can be overridden by policy."""

from __future__ import annotations

import random

import pytest

from smguard.dataset.schema import PLATFORMS
from smguard.platforms.fit import check_post_fit
from smguard.rules.engine import run_rules
from smguard.rules.m1_platforms._common import RULE_CHECKS, SEVERITY
from smguard.testing import make_dataset

SETTINGS = {"timezone": "Asia/Shanghai", "as_of": "2026-10-31T23:59:59+08:00"}

PIECES = [
    "春季新品上市",
    "欢迎来店品尝",
    "Spring menu is here",
    "20% off",
    "😀",
    "👨‍👩‍👧",
    "#春季新品#",
    "#春季新品",
    "#coffee",
    "#coffee#",
    "#a #b",
    "＃话题＃",
    "C#",
    "房间#302",
    "# ",
    "https://acme.example/x",
    "acme.com",
    "www.acme.cn",
    "t.cn/abc",
    "acme.cn/shop",
    "coffee.shop",
    "e.g.",
    "你" * 40,
    "a" * 60,
    "咖" * 300,
    "x" * 700,
    "\n",
    " ",
    "#t1 #t2 #t3 #t4 #t5",
    "#t6",
    "https://t.co/a#frag",
    "＃ｔａｇ",
]
MEDIA = [
    [],
    [{"type": "photo"}],
    [{"type": "video", "duration_s": 30}],
    [{"type": "video", "duration_s": 9000}],
    [{"type": "video", "duration_s": 0.2}],
    [{"type": "photo"}] * 5,
    [{"type": "gif"}],
    [{"type": "link"}],
    [{"type": "document"}],
    [{"type": "photo"}, {"type": "video"}],
]


def _random_posts(seed: int, n: int) -> tuple[list[dict], list[dict]]:
    r = random.Random(seed)
    accounts = [{"id": f"a_{p}", "platform": p, "handle": "acme", "owner": "brand"} for p in PLATFORMS]
    posts = []
    for i in range(n):
        p = r.choice(PLATFORMS)
        text = "".join(r.choice(PIECES) + r.choice(["", " ", "。"]) for _ in range(r.randint(0, 12)))
        if r.random() < 0.05:
            text = "长" * r.choice([139, 140, 141, 279, 281, 1999, 2001, 2201, 3001])
        month, day = r.choice([(6, 1), (12, 18), (12, 19), (10, 1)]), r.randint(1, 9)
        year = 2025 if month[0] == 12 else 2026
        posts.append(
            {
                "id": f"p{i}",
                "account_id": f"a_{p}",
                "text": text,
                "media": r.choice(MEDIA),
                "created_at": f"{year}-{month[0]:02d}-{month[1] + day:02d}T10:00:00+08:00",
                "link": r.choice([None, "https://acme.example/l"]),
            }
        )
    return accounts, posts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_prefilters_agree_with_the_exact_check(tmp_path, seed):
    accounts, posts = _random_posts(seed, 600)
    ds = make_dataset(tmp_path / "ds", {"accounts": accounts, "posts": posts}, SETTINGS)
    res = run_rules(ds, select=lambda r: r.code in RULE_CHECKS, strict=True)
    got: dict[str, set[str]] = {code: set() for code in RULE_CHECKS}
    for f in res.findings:
        assert f.severity != "info"
        assert len(f.evidence) == 1 and f.evidence[0].type == "post"
        got[f.rule].add(f.evidence[0].id)
    rows = {r["id"]: r for r in ds.posts.to_dicts()}
    for code, checks in RULE_CHECKS.items():
        want = set()
        for pid, row in rows.items():
            issues = check_post_fit(
                row["platform"],
                row["text"],
                [dict(m) for m in row["media"]],
                row["link"],
                posted_at=row["date"],
                checks=checks,
            )
            if code == "SM102":
                issues = [i for i in issues if i.code == "text-over-limit"]
            if any(i.rule == code and i.severity in SEVERITY for i in issues):
                want.add(pid)
        assert got[code] == want, (code, sorted(want - got[code])[:5], sorted(got[code] - want)[:5])


def test_same_text_policy_override(tmp_path):
    posts = [
        {
            "id": "a",
            "account_id": "xx",
            "created_at": "2026-10-10T10:00:00+08:00",
            "text": "Happy holidays from all of us at Acme",
        },
        {
            "id": "b",
            "account_id": "fb",
            "created_at": "2026-10-10T10:05:00+08:00",
            "text": "Happy holidays from all of us at Acme!",
        },
        {"id": "c", "account_id": "li", "created_at": "2026-10-10T11:00:00+08:00", "text": "We are hiring"},
    ]
    accounts = [
        {"id": k, "platform": p, "handle": "acme", "owner": "brand"}
        for k, p in (("xx", "x"), ("fb", "facebook"), ("li", "linkedin"))
    ]
    ds = make_dataset(tmp_path / "d1", {"accounts": accounts, "posts": posts}, SETTINGS)
    assert not run_rules(ds, select=lambda r: r.code == "SM103", strict=True).findings
    ds = make_dataset(
        tmp_path / "d2",
        {"accounts": accounts, "posts": posts},
        {**SETTINGS, "policy": {"SM103": {"min_platforms": 2}}},
    )
    found = run_rules(ds, select=lambda r: r.code == "SM103", strict=True).findings
    assert [sorted(e.id for e in f.evidence) for f in found] == [["a", "b"]]
    assert "Happy holidays" in found[0].message.en and "X (Twitter)" in found[0].message.en
    assert "平台" in found[0].message.zh


def test_brand_on_two_platforms_is_held_to_two(tmp_path):
    accounts = [
        {"id": "wb", "platform": "weibo", "handle": "acme", "owner": "brand"},
        {"id": "wx", "platform": "wechat", "handle": "acme", "owner": "brand"},
    ]
    posts = [
        {
            "id": i,
            "account_id": a,
            "created_at": "2026-10-10T10:00:00+08:00",
            "text": "国庆特惠:全场拿铁第二杯半价,到店或小程序下单均可参加",
        }
        for i, a in (("a", "wb"), ("b", "wx"))
    ]
    ds = make_dataset(tmp_path / "d", {"accounts": accounts, "posts": posts}, SETTINGS)
    found = run_rules(ds, select=lambda r: r.code == "SM103", strict=True).findings
    assert len(found) == 1 and {e.id for e in found[0].evidence} == {"a", "b"}


def test_messages_name_post_platform_and_limit(tmp_path):
    accounts = [{"id": "xx", "platform": "x", "handle": "acme", "owner": "brand"}]
    posts = [
        {"id": "long1", "account_id": "xx", "created_at": "2026-10-10T10:00:00+08:00", "text": "新品" * 75}
    ]
    ds = make_dataset(tmp_path / "d", {"accounts": accounts, "posts": posts}, SETTINGS)
    f = run_rules(ds, select=lambda r: r.code == "SM102", strict=True).findings[0]
    assert f.account_id == "xx"
    for text in (f.message.en, f.message.zh):
        assert "long1" in text and "300" in text and "280" in text and "新品新品" in text
    assert f.recommendation.en and f.recommendation.zh
    assert f.data["issues"][0]["data"]["counting"] == "x_weighted"
