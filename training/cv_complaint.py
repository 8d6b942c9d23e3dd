"""5-fold cross-validation of the `complaint` column as `make models` trains it (the numbers in docs/models.md).

    .venv/bin/python training/cv_complaint.py [--data ../shared/data] [--no-nb] [--preotiuc-weight W] [--C C]
        [--rationales W [--rationales-complaints-only]] [--teacher teacher_cv.npz [--teacher-weight W]] [--sweeps] [--pipeline [--dump OUT.jsonl]]

Folds split the Preotiuc-Pietro tweets and the waimai reviews (fixed seed); every fold trains on all other
complaint data except the validation parts of ChnSentiCorp (its dev file) and online_shopping, which are
scored too. Prints macro-F1 on the tweets and accuracy on the reviews per fold and on average.

``--teacher teacher_cv.npz`` adds the teacher-labelled transfer set (`smguard.text.train.transfer_set` with
the folds as groups), each text as a complaint and as not, weighted W x p and W x (1 - p) with the probability
p of the teacher trained without the fold (`training/teacher.py --cv`); variants of the fold's own tweets are
left out. This is how `make models` uses `training/teacher_complaint_en.npz`.

``--sweeps`` also scores the inbound messages of all sweeps (training/sweeps/) through the cue layer with each
fold's column and prints the share that agrees with their complaint labels, per language: what a change to the
column does to everyday messages, which the tweets do not show.

``--pipeline`` also scores each fold's tweets and waimai reviews, and ChnSentiCorp dev and the online_shopping
validation part, through the cue layer, as `smguard classify` reads them (languages detected; the fold's complaint
column in the shipped model, its other heads as shipped); ``--dump OUT.jsonl`` writes each text it scored there
with its label, column score and pipeline answer, to compare two versions of the cue layer text by text.

``--rationales W`` adds the annotators' rationale span of each tweet (X-CI's ``Explain`` column, same tweets and
labels) as an extra English example with the tweet's label and weight W, in the tweet's fold (a span never
trains the fold its tweet is scored in); spans equal to the whole tweet are left out. Not used by
``make models``: no gain in CV (docs/models.md).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import f1_score

from smguard.text import train as T

K = 5


def pipeline_complaint(texts: list[str], column: np.ndarray, bias: float) -> np.ndarray:
    """`complaint` as `classify_texts` gives it (languages detected, cue layer) with the shipped model's complaint
    column replaced by a fold's column. The other heads are as shipped: none saw complaint labels, but the
    sentiment column saw X-CI's sentiment labels of the same tweets."""
    from smguard.text import classify_texts, model
    from smguard.text.linear import HEADS, LinearClassifier

    base = model.load()
    W, B = base.W.copy(), base.B.copy()
    c = HEADS.cols("complaint")[0]
    W[:, c], B[c] = column, bias
    clf = LinearClassifier(W, B, base.bits, base.version, base.meta)
    return classify_texts(texts, kind="inbound", clf=clf)["complaint"].astype(int)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=T.REPO.parent / "shared/data")
    ap.add_argument("--no-nb", action="store_true", help="without the NB column scaling (the old head)")
    ap.add_argument("--preotiuc-weight", type=float, default=None)
    ap.add_argument("--C", type=float, default=T.C_DEFAULT["complaint"])
    ap.add_argument("--rationales", type=float, default=0.0, metavar="W", help="weight of rationale spans")
    ap.add_argument("--rationales-complaints-only", action="store_true", help="spans of complaints only")
    ap.add_argument("--teacher", type=Path, help="teacher_cv.npz of `training/teacher.py --cv`")
    ap.add_argument("--teacher-weight", type=float, default=T.TRANSFER_WEIGHT)
    ap.add_argument("--pipeline", action="store_true", help="also score each fold through the cue layer")
    ap.add_argument(
        "--sweeps", action="store_true", help="also score the sweeps' inbound messages through the cue layer"
    )
    ap.add_argument("--dump", type=Path, help="write each scored tweet and review (JSON lines) to this file")
    a = ap.parse_args(argv)
    public = T.load_public(a.data)
    parts = T.build_parts(public, T.load_own(T.REPO / "training"))["complaint"]
    if a.preotiuc_weight is not None:
        for p in parts:
            if p.source == "preotiuc":
                p.weight = a.preotiuc_weight
    texts, langs, y, val, w, src = T.stack_parts(parts)
    X = T._features(texts, langs, 18)
    nb_rows = None if a.no_nb else np.array([lg == T.NB_SCALE["complaint"] for lg in langs])
    fold = np.full(len(y), -1)
    rng = np.random.default_rng(T.SEED)
    for s in ("preotiuc", "waimai"):
        idx = np.flatnonzero(src == s)
        fold[idx] = rng.permutation(len(idx)) % K
    fixed = val & ~np.isin(src, ["preotiuc", "waimai"])
    if a.rationales > 0:
        rows = T._read_csv(a.data / "complaints-xci-severity/X-CI_Dataset.csv")[1:]
        span = {r[1].strip(): r[7].strip() for r in rows}
        extra = [
            i
            for i in np.flatnonzero(src == "preotiuc")
            if span.get(texts[i])
            and span[texts[i]] != texts[i]
            and (y[i] == 1 or not a.rationales_complaints_only)
        ]
        n = len(extra)
        print(f"{n} rationale spans")
        X = sp.vstack([X, T._features([span[texts[i]] for i in extra], ["en"] * n, 18)]).tocsr()
        y = np.concatenate([y, y[extra]])
        w = np.concatenate([w, np.full(n, a.rationales, np.float32)])
        src = np.concatenate([src, np.full(n, "rationale", dtype=object)])
        fold = np.concatenate([fold, fold[extra]])
        fixed = np.concatenate([fixed, np.zeros(n, bool)])
        if nb_rows is not None:
            nb_rows = np.concatenate([nb_rows, np.ones(n, bool)])
    hard = np.ones(len(y), bool)
    if a.teacher is not None:
        fold_pre = fold[src == "preotiuc"]
        cv_texts, group = T.transfer_set(public, fold_pre)
        z = T.load_teacher(a.teacher, cv_texts)
        if z is None:
            raise SystemExit(f"{a.teacher}: made from another transfer set")
        # (fold, text): the probability of the teacher trained without the fold, NaN for the fold's own variants
        P = z["p"].astype(np.float32)
        n = len(cv_texts)
        XT = T._features(cv_texts, ["en"] * n, 18)
        X = sp.vstack([X, XT, XT]).tocsr()
        y = np.concatenate([y, np.ones(n, y.dtype), np.zeros(n, y.dtype)])
        w = np.concatenate([w, np.zeros(2 * n, np.float32)])  # set per fold
        src = np.concatenate([src, np.full(2 * n, "teacher", dtype=object)])
        fold = np.concatenate([fold, np.full(2 * n, -1)])
        fixed = np.concatenate([fixed, np.zeros(2 * n, bool)])
        hard = np.concatenate([hard, np.zeros(2 * n, bool)])
        if nb_rows is not None:
            nb_rows = np.concatenate([nb_rows, np.ones(2 * n, bool)])
        print(f"{n} teacher-labelled texts, weight {a.teacher_weight}")
    res: dict[str, list[float]] = {
        "preotiuc macro-F1": [],
        "waimai accuracy": [],
        "chnsenticorp": [],
        "shopping": [],
    }
    if a.sweeps:  # texts, labels and language masks once; each fold only scores them
        sweep_items = [
            it
            for f in sorted((T.REPO / "training" / "sweeps").glob("sweep*.jsonl"))
            for it in T.read_jsonl(f)
            if it["kind"] == "inbound"
        ]
        sweep_texts = [it["text"] for it in sweep_items]
        sweep_gold = np.array([bool(it["complaint"]) for it in sweep_items])
        sweep_lang = {lg: np.array([it["lang"] == lg for it in sweep_items]) for lg in ("en", "zh")}
        for lg in sweep_lang:
            res[f"sweeps {lg}, pipeline"] = []
    if a.pipeline:
        res["preotiuc macro-F1, pipeline"] = []
        res["waimai accuracy, pipeline"] = []
        res["chnsenticorp, pipeline"] = []
        res["shopping, pipeline"] = []
    t0 = time.time()
    dumped: list[dict] = []
    for f in range(K):
        tr = (fold != f) & ~fixed
        if a.teacher is not None:
            # 0 weight for the variants of fold f's own tweets (NaN: its teacher did not label them)
            w[~hard] = np.concatenate(T.soft_label_weights(P[f], np.isnan(P[f]), a.teacher_weight))
        coef, bias = T._fit_rows(X, y, w, tr, False, a.C, nb_rows, None if hard.all() else hard)
        s = (X @ coef)[:, 0] + bias[0]
        m = (src == "preotiuc") & (fold == f)
        res["preotiuc macro-F1"].append(f1_score(y[m], s[m] > 0, average="macro"))
        m = (src == "waimai") & (fold == f)
        res["waimai accuracy"].append(float(np.mean((s[m] > 0) == y[m])))
        for name in ("chnsenticorp", "shopping"):
            m = (src == name) & fixed
            res[name].append(float(np.mean((s[m] > 0) == y[m])))
        if a.sweeps:
            pred = pipeline_complaint(sweep_texts, coef[:, 0], bias[0])
            for lg, m in sweep_lang.items():
                res[f"sweeps {lg}, pipeline"].append(float(np.mean(pred[m] == sweep_gold[m])))
        if a.pipeline:
            for name, key in (
                ("preotiuc", "preotiuc macro-F1, pipeline"),
                ("waimai", "waimai accuracy, pipeline"),
                ("chnsenticorp", "chnsenticorp, pipeline"),
                ("shopping", "shopping, pipeline"),
            ):
                m = (src == name) & ((fold == f) if name in ("preotiuc", "waimai") else fixed)
                pred = pipeline_complaint([texts[i] for i in np.flatnonzero(m)], coef[:, 0], bias[0])
                if a.dump:
                    dumped += [
                        {
                            "source": name,
                            "fold": f,
                            "text": texts[i],
                            "label": int(y[i]),
                            "column": round(float(s[i]), 4),
                            "pipeline": int(p),
                        }
                        for i, p in zip(np.flatnonzero(m), pred, strict=True)
                    ]
                score = f1_score(y[m], pred, average="macro") if name == "preotiuc" else np.mean(pred == y[m])
                res[key].append(float(score))
        print(
            f"fold {f}: "
            + ", ".join(f"{k} {v[-1]:.4f}" for k, v in res.items())
            + f" ({time.time() - t0:.0f}s)"
        )
    if a.dump:
        a.dump.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dumped), encoding="utf-8")
    print("mean: " + ", ".join(f"{k} {np.mean(v):.4f} (sd {np.std(v):.4f})" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
