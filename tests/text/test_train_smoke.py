"""Training runs end to end on a tiny synthetic copy of the data layout (not the real sets)."""

import csv
import json

from smguard.text import train
from smguard.text.linear import LinearClassifier
from smguard.text.normalize import prepare


def _csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        if header:
            w.writerow(header)
        w.writerows(rows)


def test_tiny_training_run(tmp_path):
    d = tmp_path / "data"
    bad_en = [f"my order {i} never arrived terrible" for i in range(20)]
    good_en = [f"thanks for order {i} great service" for i in range(20)]
    bad_zh = [f"第{i}次点，太慢了，难吃" for i in range(20)]
    good_zh = [f"第{i}次点，很好吃，很快" for i in range(20)]
    _csv(
        d / "complaints-preotiuc2019/complaints-data.csv",
        None,
        [[i, t, 1, "food"] for i, t in enumerate(bad_en)]
        + [[i, t, 0, "food"] for i, t in enumerate(good_en)],
    )
    _csv(
        d / "complaints-xci-severity/X-CI_Dataset.csv",
        ["id", "tweet", "label", "domain", "sentiment"],
        [[i, t, 1, "f", "Negative"] for i, t in enumerate(bad_en)]
        + [[i, t, 0, "f", "positive"] for i, t in enumerate(good_en)],
    )
    _csv(
        d / "en-davidson-hate-offensive/labeled_data.csv",
        ["", "count", "h", "o", "n", "class", "tweet"],
        [[i, 3, 0, 3, 0, 1, f"you stupid idiot {i}"] for i in range(20)]
        + [[i, 3, 0, 0, 3, 2, f"nice day {i}"] for i in range(20)],
    )
    _csv(
        d / "zh-waimai_10k/waimai_10k.csv",
        ["label", "review"],
        [[0, t] for t in bad_zh] + [[1, t] for t in good_zh],
    )
    _csv(
        d / "zh-online_shopping_10_cats/online_shopping_10_cats.csv",
        ["cat", "label", "review"],
        [["书", 0, t + "书"] for t in bad_zh] + [["书", 1, t + "书"] for t in good_zh],
    )
    for split in ("train", "dev"):
        (d / "zh-ChnSentiCorp-std").mkdir(parents=True, exist_ok=True)
        (d / "zh-ChnSentiCorp-std" / f"{split}.tsv").write_text(
            "label\ttext_a\n"
            + "".join(f"0\t{t}{split}\n1\t{g}{split}\n" for t, g in zip(bad_zh, good_zh, strict=True)),
            encoding="utf-8",
        )
        _csv(
            d / f"zh-COLD/{split}.csv",
            ["", "split", "topic", "label", "TEXT"],
            [[i, split, "r", 1, f"傻逼{i}{split}"] for i in range(20)]
            + [[i, split, "r", 0, f"你好{i}{split}"] for i in range(20)],
        )
    (d / "zh-SMP2020-EWECT").mkdir(parents=True)
    for f in ("virus_train", "usual_eval_labeled", "virus_eval_labeled"):
        recs = [{"id": i, "content": f"{f}开心{i}", "label": "happy"} for i in range(10)]
        recs += [{"id": i, "content": f"{f}气死{i}", "label": "angry"} for i in range(10)]
        recs += [{"id": i, "content": f"{f}通知{i}", "label": "neutral"} for i in range(10)]
        (d / "zh-SMP2020-EWECT" / f"{f}.json").write_text(
            json.dumps(recs, ensure_ascii=False), encoding="utf-8"
        )
    (d / "wordlist-ldnoobw").mkdir(parents=True)
    (d / "wordlist-ldnoobw/en").write_text("idiot\n", encoding="utf-8")
    (d / "wordlist-ldnoobw/zh").write_text("傻逼\n", encoding="utf-8")
    own = tmp_path / "own"
    own.mkdir()
    recs = [
        {"text": f"sorry {i}", "lang": "en", "labels": {"apology": 1}, "split": ("train", "val")[i % 2]}
        for i in range(10)
    ]
    recs += [
        {"text": f"hello {i}", "lang": "en", "labels": {"apology": 0}, "split": ("train", "val")[i % 2]}
        for i in range(10)
    ]
    (own / "replies_en.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "models"
    report = train.train(
        d,
        out,
        bits=12,
        training_dir=own,
        refit=False,
        heads=["complaint", "abusive", "apology"],
        log=lambda *a: None,
    )
    assert set(report["heads"]) == {"complaint", "abusive", "apology"}
    clf = LinearClassifier.from_file(out / "heads.npz")
    res = clf.classify_batch(prepare(["my order never arrived terrible", "太慢了，难吃"]), "inbound")
    assert res["complaint"].tolist() == [True, True]
    assert json.loads((out / "metrics.json").read_text(encoding="utf-8"))["bits"] == 12


def test_nb_scaling_is_folded_into_the_weights():
    """The NB-SVM column scale of one language is folded into the weights: scoring the raw features with the
    returned weights equals the logistic regression fitted on the scaled features; columns only the other
    language uses keep scale 1."""
    import numpy as np
    import scipy.sparse as sp

    rng = np.random.default_rng(0)
    X = sp.random(60, 12, density=0.4, format="lil", random_state=1, dtype=np.float32)
    X[:, 11] = 0  # a column the English rows never use
    X[40:, 11] = 1
    X = X.tocsr()
    y = rng.integers(0, 2, 60)
    en = np.arange(60) < 40
    r = train._nb_ratio(X, y, en)
    assert r[11] == 1.0 and np.all(r >= 0)
    w = np.ones(60, np.float32)
    coef, bias = train._fit_nb(X, y, w, 4.0, en)
    coef_s, bias_s = train._fit(X @ sp.diags(r), y, w, False, 4.0)
    np.testing.assert_allclose(X @ coef + bias, (X @ sp.diags(r)) @ coef_s + bias_s, rtol=1e-4, atol=1e-4)


def _tiny_public():
    import numpy as np

    train_tw = [f"alpha bravo charlie delta echo {i}" for i in range(12)]
    val_tw = [f"xray yankee zulu whiskey victor {i}" for i in range(4)]
    dav = [f"davidson tweet {i}" for i in range(7)]
    return {
        "preotiuc": {
            "texts": train_tw + val_tw,
            "labels": np.array([1, 0] * 8),
            "val": np.array([False] * 12 + [True] * 4),
        },
        "davidson": {"texts": dav, "labels": np.zeros(7, np.int64), "val": np.zeros(7, bool)},
    }


def test_transfer_set_is_deterministic_and_keeps_validation_tweets_apart():
    """Variants of validation tweets are flagged and built only from validation words (swaps and splices stay
    inside a split), so the train-split model never sees them; the set is the same on every run."""
    pub = _tiny_public()
    texts, group = train.transfer_set(pub)
    again, again_group = train.transfer_set(pub)
    from_val, again_val = group == 1, again_group == 1
    assert texts == again and from_val.tolist() == again_val.tolist()
    assert train.transfer_digest(texts) == train.transfer_digest(again)
    assert len(texts) == len(set(texts))
    val_words = {w for t in pub["preotiuc"]["texts"][12:] for w in t.split()}
    train_words = {w for t in pub["preotiuc"]["texts"][:12] for w in t.split()}
    variants = [(t, v) for t, v in zip(texts, from_val, strict=True) if not t.startswith("davidson")]
    assert any(v for _, v in variants) and any(not v for _, v in variants)
    for t, v in variants:
        assert set(t.split()) <= (val_words if v else train_words), t
    assert sum(t.startswith("davidson") for t in texts) == 7  # fewer tweets than TRANSFER_DAVIDSON: all
    assert group[[t.startswith("davidson") for t in texts]].tolist() == [-1] * 7


def test_teacher_rows_carry_the_teachers_probabilities(tmp_path):
    import numpy as np

    pub = _tiny_public()
    texts, group = train.transfer_set(pub)
    from_val = group == 1
    n = len(texts)
    p_tr = np.linspace(0, 1, n).astype(np.float16)
    p_all = np.full(n, 0.25, np.float16)
    f = tmp_path / "teacher.npz"
    np.savez(f, p_trainsplit=p_tr, p_all=p_all, digest=train.transfer_digest(texts))
    pos, neg = train.teacher_parts(pub, f, log=lambda *a: None)
    lam = train.TRANSFER_WEIGHT
    assert pos.labels.tolist() == [1] * n and neg.labels.tolist() == [0] * n
    expect = np.where(from_val, 0.0, lam * p_tr.astype(np.float32))
    np.testing.assert_allclose(pos.row_weights, expect, atol=1e-6)
    np.testing.assert_allclose(neg.row_weights, np.where(from_val, 0.0, lam - expect), atol=1e-6)
    np.testing.assert_allclose(pos.refit_weights, lam * 0.25)
    np.testing.assert_allclose(neg.refit_weights, lam * 0.75)
    # a file made from other data is ignored, with a message
    msgs = []
    np.savez(f, p_trainsplit=p_tr, p_all=p_all, digest="0" * 64)
    assert train.teacher_parts(pub, f, log=msgs.append) == []
    assert "other data" in msgs[0]
    assert train.teacher_parts(pub, tmp_path / "missing.npz") == []
