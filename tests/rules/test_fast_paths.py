"""The speed-ups of the rule engine compute exactly what the plain definitions compute (own fixed data)."""

from __future__ import annotations

import dataclasses
import gc
import itertools
import pickle

import polars as pl
import pytest

from smguard.rules.base import Evidence
from smguard.rules.context import AuditContext, _beside
from smguard.rules.m3_complaints._threads import complaint_expr, help_expr, help_mask

TEXTS = [
    None,
    "",
    "Where is my order?",
    "Anyone else riding this weekend?",
    "哈哈真的吗？",
    "你们几点开门？",
    "Love it! Can I get it in blue?",
    "Great coffee today.",
    "请问可以退货吗",
    "what time do u open",
    "Is there parking? thanks",
    "My order never came!!",
]
CHANNELS = [None, "comment", "dm", "mention", "review"]
SENTIMENTS = [(None, None), ("positive", 0.9), ("positive", 0.2), ("negative", -0.8), ("neutral", 0.0)]
HELP_LABELS = [None, False, True]


def _inbound_rows() -> pl.DataFrame:
    rows = [
        {
            "id": f"m{i}",
            "text": text,
            "channel": channel,
            "sentiment": sentiment,
            "sentiment_score": score,
            "help_request": label,
            "complaint": i % 3 == 0,
        }
        for i, (text, channel, (sentiment, score), label) in enumerate(
            itertools.product(TEXTS, CHANNELS, SENTIMENTS, HELP_LABELS)
        )
    ]
    return pl.DataFrame(
        rows,
        schema={
            "id": pl.String,
            "text": pl.String,
            "channel": pl.String,
            "sentiment": pl.String,
            "sentiment_score": pl.Float64,
            "help_request": pl.Boolean,
            "complaint": pl.Boolean,
        },
    )


def test_help_mask_is_help_expr():
    df = _inbound_rows()
    assert df.height == len(TEXTS) * len(CHANNELS) * len(SENTIMENTS) * len(HELP_LABELS)
    expected = df.select(help_expr()).to_series()
    got = help_mask(df)
    assert got.null_count() == 0
    assert got.to_list() == expected.to_list()
    assert 0 < got.sum() < df.height  # the fixture has both kinds
    # and on subsets (row positions shift), including none of the regex rows and an empty frame
    for sub in (df.filter(pl.col("channel") == "dm"), df.slice(7, 50), df.head(0)):
        assert help_mask(sub).to_list() == sub.select(help_expr()).to_series().to_list()


def test_complaint_expr_never_null():
    # needing_answer() stores complaint_expr() as a column and filters on it: a null would drop a row
    assert _inbound_rows().select(complaint_expr()).to_series().null_count() == 0


def test_evidence_constructors_match_the_dataclass():
    pairs = [
        (Evidence.post("p1"), Evidence("post", "p1")),
        (Evidence.message("m1"), Evidence("message", "m1")),
        (Evidence.day("a1", "2026-10-01"), Evidence("day", account_id="a1", date="2026-10-01")),
        (Evidence.follower("a1", "u1"), Evidence("follower", "u1", account_id="a1")),
    ]
    for fast, plain in pairs:
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert fast.to_json() == plain.to_json()
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
        assert pickle.loads(pickle.dumps(fast)) == fast
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.id = "x"  # type: ignore[misc]
    assert Evidence.many("like", ["l1", "l2"]) == [Evidence("like", "l1"), Evidence("like", "l2")]
    assert Evidence.many("follower", ["u1"], account_id="a1") == [Evidence.follower("a1", "u1")]
    assert Evidence.many("message", []) == []
    with pytest.raises(ValueError):
        Evidence.many("tweet", ["t1"])
    with pytest.raises(ValueError):
        Evidence("tweet", "t1")


def test_labels_beside_rows_equal_the_join():
    rows = pl.DataFrame({"id": ["b", "a", "c"], "text": ["x", "y", None]})
    labels = pl.DataFrame(
        {"id": ["b", "a", "c"], "complaint": [True, False, True], "lang": ["en", "zh", None]}
    )
    assert _beside(rows, labels).equals(rows.join(labels, on="id", how="left"))
    assert _beside(rows, labels.select("id")).equals(rows)
    # a label named like a column of the rows: the join (with its suffix) is kept
    clash = labels.rename({"lang": "text"})
    assert _beside(rows, clash).equals(rows.join(clash, on="id", how="left"))


def test_memo_computes_once():
    ctx = AuditContext(dataset=None)  # type: ignore[arg-type]
    calls = []
    assert ctx.memo("k", lambda: calls.append(1) or 42) == 42
    assert ctx.memo("k", lambda: calls.append(1) or 43) == 42
    assert calls == [1]


@pytest.mark.parametrize("enabled", [True, False])
def test_run_rules_restores_the_garbage_collector(tmp_path, enabled):
    from smguard.rules.engine import run_rules
    from smguard.testing import make_dataset

    ds = make_dataset(
        tmp_path / "ds", {"accounts": [{"id": "a1", "platform": "x", "handle": "@a", "owner": "brand"}]}
    )
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        run_rules(ds, select=lambda r: r.code == "SM601", labeler=lambda texts, kind="inbound": {})
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
