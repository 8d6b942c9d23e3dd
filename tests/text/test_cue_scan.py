"""The cue layer's scanning shortcuts (literal alternatives as one regex, row subsets by filter) must find exactly
what a plain scan finds: own fixed texts, both languages, compared with an Aho-Corasick + regex scan of all rows."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from smguard.text import classify_texts, patterns
from smguard.text.normalize import prepare

TEXTS = [
    "@brand my order never arrived and i was charged twice!!",
    "do you open on sundays? what time do you close",
    "thanks, all sorted now, no problems at all",
    "this is the worst service, you idiots",
    "is there a warranty on the kettle?",
    "checked in at the airport lounge",
    "why is my refund still not here?? seriously",
    "订单还没到，已经等了三天还没送到",
    "请问你们几点开门？",
    "没问题，谢谢客服，很满意",
    "什么垃圾东西，骗子！",
    "sb商家",
    "滚吧",
    "打卡签到",
    "我们公司老板又拖欠工资",
    "we have received your message, please dm us your order number",
    "sorry for the trouble, we will fix it today",
    "",
    "ok",
    "为什么又坏了？？",
]

GROUPS = [
    g
    for g in vars(patterns).values()
    if isinstance(g, str)
    and g.startswith("(?:")
    or (isinstance(g, tuple) and len(g) >= 2 and isinstance(g[0], str))
]


def _plain(s: pl.Series, pattern: str) -> np.ndarray:
    lits, rest = patterns._compiled(pattern)
    hit = np.zeros(len(s), dtype=bool)
    if lits:
        hit |= s.str.contains_any(list(lits)).to_numpy()
    if rest is not None:
        hit |= s.str.contains(rest).to_numpy()
    return hit


@pytest.fixture(scope="module")
def batch():
    b = prepare(TEXTS)
    return b, b.texts()


def test_groups_found(batch):
    assert len(GROUPS) >= 15


def test_contains_same_as_plain_scan(batch):
    _, texts = batch
    s = pl.Series("t", texts, dtype=pl.String)
    for g in GROUPS:
        for part in (g,) if isinstance(g, str) else g[:2]:
            assert (patterns._contains(s, part) == _plain(s, part)).all(), part[:60]


def test_scanner_row_subsets(batch):
    b, texts = batch
    scan = patterns._Scanner(texts, b.lang)
    s = pl.Series("t", texts, dtype=pl.String)
    rng = np.random.default_rng(7)
    for g in GROUPS:
        full = scan(g)
        if isinstance(g, str):
            assert (full == _plain(s, g)).all()
        else:
            want = (_plain(s, g[0]) & scan.sel[0]) | (_plain(s, g[1]) & scan.sel[1])
            assert (full == want).all(), g[0][:60]
        rows = rng.random(len(texts)) < 0.5
        assert (scan(g, rows=rows) == (full & rows)).all()


def test_outputs_fixed():
    out = classify_texts(TEXTS, kind="inbound")
    assert out["complaint"][[0, 3, 6, 7, 10, 19]].all()
    assert not out["complaint"][[2, 8, 17]].any()
    assert out["help_request"][[1, 4, 8]].all()
    assert out["abusive"][[3, 10, 11]].all()
    assert out["sentiment"][17] == "neutral"
