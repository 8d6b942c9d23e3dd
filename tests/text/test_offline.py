"""The shipped model loads from package files, with no network, and the lexicon fallback still works."""

import socket

import numpy as np

from smguard.text import lexicon, model
from smguard.text.normalize import prepare


def test_model_loads_offline(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    model.load.cache_clear()
    try:
        clf = model.load()
        assert clf is not None
        assert clf.W.shape[0] == (1 << clf.bits) + 4
        out = clf.classify_batch(prepare(["my order is late", "订单还没到"]), "inbound")
        assert out["complaint"].shape == (2,)
    finally:
        model.load.cache_clear()


def test_model_files_are_small():
    from importlib import resources

    total = sum(
        f.stat().st_size
        for f in resources.files("smguard.text").joinpath("models").iterdir()
        if f.name.endswith(".npz")
    )
    assert total < 8_000_000


def test_lexicon_fallback_when_model_missing(monkeypatch):
    import smguard.text as text

    monkeypatch.setattr(model, "load", lambda: None)
    assert text.backend_info()["backend"] == "lexicon"
    out = text.classify_texts(["傻逼客服", "Sorry about that, please DM us", "谢谢，很满意"], kind="reply")
    assert out["abusive"].tolist() == [True, False, False]
    assert out["apology"][1] and out["offers_private"][1]
    assert out["sentiment"][2] == "positive"
    assert isinstance(lexicon.VERSION, str)
    assert out["complaint_score"].dtype == np.float64
