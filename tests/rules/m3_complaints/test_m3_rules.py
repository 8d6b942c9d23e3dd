"""Mistake 3 rules beyond the fixture cases: policy shapes, the per-account cap, and the real text labeler."""

from __future__ import annotations

import json

from smguard.dataset.load import load_dataset
from smguard.rules.engine import run_rules
from smguard.testing import make_dataset, overriding_labeler

AS_OF = "2026-10-31T12:00:00+08:00"
ACCOUNTS = [
    {"id": "wb", "platform": "weibo", "handle": "@acme", "owner": "brand"},
    {"id": "x", "platform": "x", "handle": "@acme_en", "owner": "brand"},
]


def msg(id, ts, text, acct="wb", ch="comment", d="in", author="u1", reply=None, **kw):
    row = {"id": id, "account_id": acct, "created_at": ts, "channel": ch, "direction": d, "text": text, **kw}
    if d == "in":
        row.update(author_id=author, author_handle=f"h_{author}")
    if reply:
        row["in_reply_to"] = reply
    return row


def run(ds, codes, labels=None, policy=None):
    res = run_rules(
        ds,
        select=lambda r: r.code in codes,
        labeler=overriding_labeler(labels),
        strict=True,
        extra_policy=policy,
    )
    return [f for f in res.findings if f.severity != "info"], res


def ids(findings, code=None):
    return sorted(e.id for f in findings if code is None or f.rule == code for e in f.evidence)


def test_per_platform_window_from_dataset_toml(tmp_path):
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "accounts.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ACCOUNTS), encoding="utf-8")
    text = "My order never arrived. Terrible."
    rows = [
        msg("c1", "2026-10-29T09:00:00+08:00", text, acct="x", ch="mention"),
        msg("c2", "2026-10-29T09:00:00+08:00", text, acct="wb", ch="mention", author="u2"),
    ]
    (folder / "messages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folder / "dataset.toml").write_text(
        f'timezone = "Asia/Shanghai"\nas_of = "{AS_OF}"\n'
        "[policy.SM301.response_window_hours_by_platform]\nx = 96\n",
        encoding="utf-8",
    )
    ds = load_dataset(folder)
    found, res = run(ds, {"SM301"}, {text: {"complaint": True}})
    assert not res.problems
    assert ids(found) == ["c2"]  # x allows 96 h, weibo keeps the default 24 h


def test_cap_keeps_every_item_as_evidence(tmp_path):
    text = "外卖送到时咖啡全洒了，差评"
    rows = [msg(f"c{i}", f"2026-10-2{i}T09:00:00+08:00", text, author=f"u{i}") for i in range(5)]
    ds = make_dataset(
        tmp_path / "ds",
        {"accounts": ACCOUNTS, "messages": rows},
        {"timezone": "Asia/Shanghai", "as_of": AS_OF},
    )
    found, _ = run(ds, {"SM301"}, {text: {"complaint": True}}, {"max_findings_per_account": 2})
    assert len(found) == 3
    assert ids(found) == [f"c{i}" for i in range(5)]
    singles = [f for f in found if len(f.evidence) == 1]
    assert ids(singles) == ["c0", "c1"]  # the oldest are listed one by one


def test_unanswered_ignores_future_and_other_accounts_replies(tmp_path):
    text = "My order never arrived. Terrible."
    rows = [
        msg("c1", "2026-10-25T09:00:00+08:00", text, acct="x", ch="dm"),
        msg(
            "r1",
            "2026-11-05T09:00:00+08:00",
            "Sorry, refund on its way",
            acct="x",
            ch="dm",
            d="out",
            reply="c1",
        ),
        msg("c2", "2026-11-02T09:00:00+08:00", text, acct="x", ch="dm", author="u2"),
    ]  # after as_of
    ds = make_dataset(
        tmp_path / "ds",
        {"accounts": ACCOUNTS, "messages": rows},
        {"timezone": "Asia/Shanghai", "as_of": AS_OF},
    )
    found, _ = run(ds, {"SM301"}, {text: {"complaint": True}})
    assert ids(found) == ["c1"]


def test_real_labeler_on_clear_examples(tmp_path):
    """No pinned labels: the text labels (lexicon or model) must get these clear cases right."""
    rows = [
        # unanswered complaints, Chinese and English
        msg(
            "zc",
            "2026-10-25T09:00:00+08:00",
            "外卖送到的时候咖啡全洒了，杯盖都没盖好，太差了，我要投诉",
            author="a",
        ),
        msg(
            "ec",
            "2026-10-25T09:00:00+08:00",
            "My order never arrived and nobody answers. Terrible service, I want a refund.",
            acct="x",
            ch="mention",
            author="b",
        ),
        # praise: needs no answer
        msg("zp", "2026-10-25T09:00:00+08:00", "谢谢店员的热情服务，拿铁很好喝，推荐！", author="c"),
        msg(
            "ep",
            "2026-10-25T09:00:00+08:00",
            "Thanks, the new latte is great!",
            acct="x",
            ch="mention",
            author="d",
        ),
        # a complaint answered badly, one answered well
        msg(
            "c3",
            "2026-10-20T09:00:00+08:00",
            "The app crashes every time I pay, this is ridiculous.",
            acct="x",
            ch="comment",
            author="e",
        ),
        msg(
            "r3",
            "2026-10-20T10:00:00+08:00",
            "That's not our fault, you should have updated the app.",
            acct="x",
            ch="comment",
            d="out",
            reply="c3",
        ),
        msg("c4", "2026-10-20T09:00:00+08:00", "咖啡是凉的，太失望了", author="f"),
        msg(
            "r4",
            "2026-10-20T10:00:00+08:00",
            "非常抱歉给您带来不好的体验，我们马上为您处理退款。",
            d="out",
            reply="c4",
        ),
        # an abusive customer answered twice in public without moving to private messages
        msg("a1", "2026-10-21T09:00:00+08:00", "你们这群骗子，脑残品牌，滚！", author="g"),
        msg("r5", "2026-10-21T09:10:00+08:00", "请你搞清楚，是你自己没看说明。", d="out", reply="a1"),
        msg("a2", "2026-10-21T09:20:00+08:00", "废物，去死吧", author="g", in_reply_to="r5"),
        msg("r6", "2026-10-21T09:30:00+08:00", "随便你，爱买不买。", d="out", reply="a2"),
    ]
    ds = make_dataset(
        tmp_path / "ds",
        {"accounts": ACCOUNTS, "messages": rows},
        {"timezone": "Asia/Shanghai", "as_of": AS_OF},
    )
    found, _ = run(ds, {"SM301", "SM302", "SM304", "SM305", "SM306"})
    unanswered = ids(found, "SM301") + ids(found, "SM302")
    assert "zc" in unanswered and "ec" in unanswered
    assert "zp" not in unanswered and "ep" not in unanswered
    assert "r3" in ids(found, "SM304")
    assert "r4" not in ids(found, "SM304") and "r4" not in ids(found, "SM306")
    assert set(ids(found, "SM305")) == {"r5", "r6"}
