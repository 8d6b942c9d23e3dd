"""Train the text heads: ``python -m smguard.text.train --data ../shared/data`` (what ``make models`` runs).

Reads the public sets in ``--data`` (see their PROVENANCE.md files) and the hand-written sets in ``training/``,
splits off a validation part with a fixed seed (the official dev files for COLD and ChnSentiCorp), trains one
scikit-learn logistic regression per head on the hashed n-gram features of :mod:`smguard.text.features`,
reports validation metrics, then refits on train + validation and writes ``smguard/text/models/heads.npz``
and ``metrics.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from smguard.text.features import extract, n_columns
from smguard.text.linear import HEADS, LinearClassifier
from smguard.text.normalize import LANGS, prepare

SEED = 20261126
VAL_FRACTION = 0.15
REPO = Path(__file__).resolve().parents[3]
csv.field_size_limit(10_000_000)


@dataclass
class Part:
    """Texts with labels for one head from one source."""

    source: str
    texts: list[str]
    labels: np.ndarray  # int
    val: np.ndarray  # bool: held out for validation
    weight: float = 1.0
    langs: list[str | None] = field(default_factory=list)
    row_weights: np.ndarray | None = None  # per row, instead of ``weight`` (soft labels)
    refit_weights: np.ndarray | None = None  # per row, for the refit on all data, if different


def stack_parts(
    plist: list[Part],
) -> tuple[list[str], list[str | None], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The parts of one head as one training set: texts, languages, labels, validation mask, weights, sources."""
    texts = [t for p in plist for t in p.texts]
    langs = [lg for p in plist for lg in (p.langs or [None] * len(p.texts))]
    y = np.concatenate([p.labels for p in plist])
    val = np.concatenate([p.val for p in plist])
    w = part_weights(plist)
    src = np.concatenate([np.full(len(p.texts), p.source, dtype=object) for p in plist])
    return texts, langs, y, val, w, src


def part_weights(plist: list[Part], refit: bool = False) -> np.ndarray:
    """Each row's weight: the part's ``row_weights`` (``refit_weights`` for the refit on all data, when a part
    has them), else its scalar ``weight``."""

    def one(p: Part) -> np.ndarray:
        w = p.refit_weights if refit and p.refit_weights is not None else p.row_weights
        return np.full(len(p.texts), p.weight, np.float32) if w is None else w

    return np.concatenate([one(p) for p in plist]).astype(np.float32)


def _split(n: int, key: str, fraction: float = VAL_FRACTION) -> np.ndarray:
    rng = np.random.default_rng([SEED, sum(map(ord, key))])
    val = np.zeros(n, dtype=bool)
    val[rng.permutation(n)[: int(round(n * fraction))]] = True
    return val


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _dedupe(texts: list[str], labels: list[int]) -> tuple[list[str], np.ndarray]:
    seen: dict[str, int] = {}
    out_t, out_l = [], []
    for t, y in zip(texts, labels, strict=True):
        t = (t or "").strip()
        if not t or t in seen:
            continue
        seen[t] = 1
        out_t.append(t)
        out_l.append(y)
    return out_t, np.array(out_l, dtype=np.int64)


def load_public(data: Path) -> dict[str, dict]:
    """Each public set as {"texts", "labels", "val"} with its own labels."""
    sets: dict[str, dict] = {}

    def add(name: str, texts: list[str], labels: list[int], val: np.ndarray | None = None) -> None:
        if val is None:
            t, y = _dedupe(texts, labels)
            v = _split(len(t), name)
        else:
            t, y, v = texts, np.array(labels, dtype=np.int64), val
        sets[name] = {"texts": t, "labels": y, "val": v}

    rows = _read_csv(data / "complaints-preotiuc2019/complaints-data.csv")
    add("preotiuc", [r[1] for r in rows], [int(r[2]) for r in rows])
    rows = _read_csv(data / "complaints-xci-severity/X-CI_Dataset.csv")[1:]
    smap = {"negative": 0, "neutral": 1, "positive": 2}
    add("xci_sentiment", [r[1] for r in rows], [smap[r[4].strip().lower()] for r in rows])
    rows = _read_csv(data / "en-davidson-hate-offensive/labeled_data.csv")[1:]
    add("davidson", [r[6] for r in rows], [0 if r[5] == "2" else 1 for r in rows])
    rows = _read_csv(data / "zh-waimai_10k/waimai_10k.csv")[1:]
    add("waimai", [r[1] for r in rows], [1 - int(r[0]) for r in rows])  # 1 = negative
    rows = _read_csv(data / "zh-online_shopping_10_cats/online_shopping_10_cats.csv")[1:]
    add("shopping", [r[2] for r in rows], [1 - int(r[1]) for r in rows])
    # ChnSentiCorp and COLD: official train / dev files; dev is the validation part
    for name, folder, reader in (("chnsenticorp", "zh-ChnSentiCorp-std", "tsv"), ("cold", "zh-COLD", "csv")):
        texts, labels, val = [], [], []
        for fname, is_val in (("train", False), ("dev", True)):
            if reader == "tsv":
                with (data / folder / f"{fname}.tsv").open(encoding="utf-8") as fh:
                    rows = [line.rstrip("\n").split("\t") for line in fh][1:]
                pairs = [(r[1], 1 - int(r[0])) for r in rows if len(r) >= 2]  # 1 = negative
            else:
                rows = _read_csv(data / folder / f"{fname}.csv")[1:]
                pairs = [(r[4], int(r[3])) for r in rows]  # 1 = offensive
            texts += [p[0] for p in pairs]
            labels += [p[1] for p in pairs]
            val += [is_val] * len(pairs)
        add(name, texts, labels, np.array(val))
    smp_texts, smp_labels = [], []
    emap = {"angry": 0, "sad": 0, "fear": 0, "neutral": 1, "happy": 2}
    anger = []
    for f in ("virus_train", "usual_eval_labeled", "virus_eval_labeled"):
        for rec in json.loads((data / "zh-SMP2020-EWECT" / f"{f}.json").read_text(encoding="utf-8")):
            if rec["label"] in emap:
                smp_texts.append(rec["content"])
                smp_labels.append(emap[rec["label"]])
                anger.append(rec["label"] == "angry")
    add("smp_sentiment", smp_texts, smp_labels)
    words = []
    for lang in ("en", "zh"):
        words += [
            w.strip()
            for w in (data / "wordlist-ldnoobw" / lang).read_text(encoding="utf-8").splitlines()
            if w.strip()
        ]
    sets["ldnoobw"] = {
        "texts": words,
        "labels": np.ones(len(words), np.int64),
        "val": np.zeros(len(words), bool),
    }
    return sets


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON-lines file (blank lines skipped): our own sets and the sweeps."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_own(training: Path) -> dict[str, dict]:
    """Hand-written sets in training/*.jsonl: {"text", "lang", "labels": {head: 0/1}, "split"}; and the training
    sweeps of training/sweeps/ (:func:`load_sweeps`)."""
    out: dict[str, dict] = {}
    for path in sorted(training.glob("*.jsonl")):
        out[path.stem] = {"records": read_jsonl(path)}
    sweeps = load_sweeps(training / "sweeps")
    if sweeps:
        out["sweeps"] = {"records": sweeps}
    return out


# The independent sweeps (training/sweeps/sweepNN.jsonl, docs/models.md "sweeps"): labelled everyday messages, brand
# replies and employee posts written by testers who saw none of our code or data. Sweeps 6-15 train the columns that
# have no public data set behind a target (the four reply heads, sentiment, post_negative from the posts' sentiment,
# and the about-own-company column from the posts' labels); sweeps 16, 17, 19-22 and 24 stay held out to measure them
# (sweep 23 was measured, then tuned on, and shares nine short lines with training sweeps: neither).
# The complaint and abuse columns do not read the sweeps (their public targets: the sweep-6 English rows cost the
# Preotiuc tweets 0.45 point), nor does help_request (in a trial the sweeps' request labels cost our own held-apart
# English requests 4 points).
TRAIN_SWEEPS = range(6, 16)
# Posts-only sweeps (employee and brand posts) that train only the two post columns, about-own-company and
# post_negative: every other column stays as the sweeps 6-15 left it, so the public targets cannot move. Sweeps 25 and
# 26 (300 posts each, 27 Nov) hold mostly grievances told without the usual words, and posts that look close but are
# not about the own company.
POST_SWEEPS = (18, 25, 26)
HELD_OUT_SWEEPS = (16, 17, 19, 20, 21, 22, 24)
SWEEP_HEADS = {
    "inbound": ("sentiment",),
    "reply": ("apology", "fix_intent", "argumentative", "offers_private", "sentiment"),
    "post": ("sentiment",),
}
SENTIMENT_CLASS = {"negative": 0, "neutral": 1, "positive": 2}


def read_sweep(folder: Path, n: int) -> list[dict]:
    """The items of sweep ``n`` (``folder/sweepNN.jsonl``); none if the file is missing."""
    path = folder / f"sweep{n:02d}.jsonl"
    return read_jsonl(path) if path.is_file() else []


def load_sweeps(folder: Path) -> list[dict]:
    """The training sweeps as own-set records (split "train"): the labels of :data:`SWEEP_HEADS`, sentiment as
    its class index, and for posts ``post_negative`` = sentiment negative and ``about_company`` (below); the
    posts-only sweeps (:data:`POST_SWEEPS`) give their posts these two labels only. A text that a held-out sweep also has
    ("What time do you close on Sundays?", "🔥🔥🔥": the testers wrote a few of the same short lines) is left out."""
    held = {item["text"] for n in HELD_OUT_SWEEPS for item in read_sweep(folder, n)}
    recs: list[dict] = []
    for n in (*TRAIN_SWEEPS, *POST_SWEEPS):
        for item in read_sweep(folder, n):
            if item["text"] in held or (n in POST_SWEEPS and item["kind"] != "post"):
                continue
            # (a posts-only sweep teaches only the two post columns below)
            heads = SWEEP_HEADS[item["kind"]] if n in TRAIN_SWEEPS else ()
            labels = {h: SENTIMENT_CLASS[item[h]] if h == "sentiment" else int(item[h]) for h in heads}
            if item["kind"] == "post":
                labels["post_negative"] = int(item["sentiment"] == "negative")
                # the "about own company" column: a post labelled negative about the company is about it; a
                # negative post labelled not negative about the company is about something else (the flag is
                # about-company AND negative); a calm post labelled not negative says nothing either way
                if item["negative_about_company"]:
                    labels["about_company"] = 1
                elif item["sentiment"] == "negative":
                    labels["about_company"] = 0
            recs.append(
                {
                    "text": item["text"],
                    "lang": item["lang"],
                    "kind": item["kind"],
                    "labels": labels,
                    "split": "train",
                }
            )
    return recs


def load_vader_lexicon() -> tuple[list[str], np.ndarray]:
    """VADER's word valences (MIT licence) as one-word sentiment examples, if vaderSentiment is installed."""
    try:
        import vaderSentiment
    except ImportError:
        return [], np.zeros(0, np.int64)
    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isalpha():
            continue
        v = float(parts[1])
        if abs(v) >= 1.0:
            texts.append(parts[0])
            labels.append(2 if v > 0 else 0)
    return texts, np.array(labels, np.int64)


# Distillation of a contextual teacher into the English part of the complaint column (docs/models.md,
# "Distilled teacher"). training/teacher.py fine-tunes a small sentence transformer on the staged tweets and
# writes its complaint probabilities for the transfer set below; the teacher never ships, only what the linear
# column learns from its soft labels.
TEACHER_FILE = REPO / "training" / "teacher_complaint_en.npz"
TRANSFER_VARIANTS = 16
TRANSFER_DAVIDSON = 5000
TRANSFER_WEIGHT = 0.25


def transfer_set(public: dict, groups: np.ndarray | None = None) -> tuple[list[str], np.ndarray]:
    """Unlabelled English texts for the teacher to label: TRANSFER_VARIANTS variants of each staged
    Preotiuc-Pietro tweet (Tang et al. 2019: words dropped or swapped for words of other tweets, a window of
    3-12 words, or the start of the tweet spliced onto the end of another) and TRANSFER_DAVIDSON Davidson tweets.
    Swaps and splices stay inside the tweet's group (default: 1 = validation split, 0 = training split; the
    cross-validation passes its folds), so a model never learns from variants of the tweets it is scored on.
    Returns the texts and each text's group (-1 for Davidson). Deterministic (fixed seed)."""
    s = public["preotiuc"]
    toks = [t.split() for t in s["texts"]]
    g = np.asarray(s["val"], bool).astype(np.int64) if groups is None else np.asarray(groups, np.int64)
    rng = np.random.default_rng([SEED, 11])
    members = {k: np.flatnonzero(g == k) for k in np.unique(g).tolist()}
    vocab = {k: [w for i in idx for w in toks[i]] for k, idx in members.items()}
    out: list[str] = []
    out_group: list[int] = []
    seen: set[str] = set()
    for i, t in enumerate(toks):
        k = int(g[i])
        for _ in range(TRANSFER_VARIANTS):
            u = rng.random()
            if u < 0.5 or len(t) < 4:
                words = []
                for w in t:
                    x = rng.random()
                    if x < 0.15:
                        continue
                    words.append(vocab[k][rng.integers(len(vocab[k]))] if x < 0.25 else w)
            elif u < 0.75:
                n = int(rng.integers(3, min(12, len(t)) + 1))
                a = int(rng.integers(0, len(t) - n + 1))
                words = t[a : a + n]
            else:
                other = toks[members[k][rng.integers(len(members[k]))]]
                words = t[: int(rng.integers(1, len(t)))] + other[int(rng.integers(0, max(len(other), 1))) :]
            text = " ".join(words)
            if text and text not in seen:
                seen.add(text)
                out.append(text)
                out_group.append(k)
    d = public["davidson"]
    for j in rng.permutation(len(d["texts"]))[:TRANSFER_DAVIDSON]:
        out.append(d["texts"][j])
        out_group.append(-1)
    return out, np.array(out_group, np.int64)


def soft_label_weights(p, drop: np.ndarray, weight: float) -> tuple[np.ndarray, np.ndarray]:
    """A text with the teacher's probability p as two rows: as a complaint with weight x p and as not with
    weight x (1 - p) (their log-loss is the cross-entropy with p); both 0 where ``drop``."""
    p = np.asarray(p, np.float32)
    pos = np.where(drop, 0.0, weight * p).astype(np.float32)
    neg = np.where(drop, 0.0, weight * (1 - p)).astype(np.float32)
    return pos, neg


def transfer_digest(texts: list[str]) -> str:
    import hashlib

    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def load_teacher(path: Path, texts: list[str]):
    """The arrays of a teacher file (``np.load``) if it was made for exactly these transfer texts, else None."""
    z = np.load(path)
    return z if str(z["digest"]) == transfer_digest(texts) else None


def teacher_parts(public: dict, path: Path | None = None, log=print) -> list[Part]:
    """The transfer set as soft-labelled complaint rows: each text once as a complaint and once as not, weighted
    TRANSFER_WEIGHT x p and TRANSFER_WEIGHT x (1 - p) (the cross-entropy with the teacher's probability p).
    Rows carry the train-split teacher's p (0 weight for rows derived from validation tweets); the refit uses the
    teacher trained on all staged tweets (``Part.refit_weights``). Empty when the file is missing or was made
    from other data."""
    path = path or TEACHER_FILE
    if not path.is_file():
        return []
    texts, group = transfer_set(public)
    from_val = group == 1
    z = load_teacher(path, texts)
    if z is None:
        log(f"{path.name}: made from other data (transfer set differs), teacher rows not used")
        return []
    n = len(texts)
    split = soft_label_weights(z["p_trainsplit"], from_val, TRANSFER_WEIGHT)
    every = soft_label_weights(z["p_all"], np.zeros(n, bool), TRANSFER_WEIGHT)
    parts = []
    for label, q_tr, q_all in ((1, split[0], every[0]), (0, split[1], every[1])):
        parts.append(
            Part(
                "teacher",
                texts,
                np.full(n, label, np.int64),
                np.zeros(n, bool),
                TRANSFER_WEIGHT,
                ["en"] * n,
                row_weights=q_tr,
                refit_weights=q_all,
            )
        )
    return parts


def build_parts(public: dict, own: dict) -> dict[str, list[Part]]:
    P: dict[str, list[Part]] = {h: [] for h in HEADS}

    def pub(head: str, name: str, weight: float = 1.0, labels=None, lang: str | None = None) -> None:
        s = public[name]
        y = s["labels"] if labels is None else labels
        P[head].append(Part(name, s["texts"], y, s["val"], weight, [lang] * len(s["texts"])))

    pub("complaint", "preotiuc", 4.0, lang="en")
    pub("complaint", "waimai", 1.0, lang="zh")
    pub("complaint", "shopping", 0.5, lang="zh")
    pub("complaint", "chnsenticorp", 0.5, lang="zh")
    pub("abusive", "davidson", 1.0, lang="en")
    pub("abusive", "cold", 1.0, lang="zh")
    pub("abusive", "ldnoobw", 0.3)
    pub("sentiment", "xci_sentiment", 3.0, lang="en")
    pub("sentiment", "smp_sentiment", 1.0, lang="zh")
    # review polarity; ChnSentiCorp (hotels) at full weight: at 0.5 the Weibo emotions outweighed its domain and
    # the `sentiment` output read its dev set at 0.921 (target 0.92), at 1.0 at 0.930 (shopping +0.2, waimai same,
    # SMP2020 3-class -0.4 points; docs/models.md)
    for name, weight in (("waimai", 0.5), ("shopping", 0.5), ("chnsenticorp", 1.0)):
        s = public[name]
        pub("sentiment", name, weight, labels=np.where(s["labels"] == 1, 0, 2), lang="zh")
    vt, vy = load_vader_lexicon()
    if len(vt):
        P["sentiment"].append(Part("vader_lexicon", vt, vy, np.zeros(len(vt), bool), 0.5, ["en"] * len(vt)))
    # the fallback lexicon's phrases as short positive examples: they generalise beyond our fragments
    from smguard.text.lexicon import TERMS

    for head in LEXICON_HEADS:
        terms = [t for by in TERMS[head].values() for t in by]
        P[head].append(
            Part(
                "lexicon",
                terms,
                np.ones(len(terms), np.int64),
                np.zeros(len(terms), bool),
                3.0,
                [None] * len(terms),
            )
        )
    # post_negative: is the post negative at all (about anything); our posts plus public sentiment labels
    for name in ("xci_sentiment", "smp_sentiment"):
        s = public[name]
        P["post_negative"].append(
            Part(
                f"{name}_neg",
                s["texts"],
                (s["labels"] == 0).astype(np.int64),
                s["val"],
                0.3,
                ["en" if name.startswith("xci") else "zh"] * len(s["texts"]),
            )
        )
    # about-own-company column: everyday posts and tweets to brands are not about the poster's own company
    # (without them the column's prior came from our posts alone, 70 % of which are about the company)
    for name, lang in (("davidson", "en"), ("xci_sentiment", "en"), ("smp_sentiment", "zh")):
        s = public[name]
        k = min(1500, len(s["texts"]))
        idx = np.random.default_rng([SEED, 7]).permutation(len(s["texts"]))[:k]
        P["negative_about_company"].append(
            Part(
                f"{name}_not_company",
                [s["texts"][i] for i in idx],
                np.zeros(k, np.int64),
                s["val"][idx],
                0.1,
                [lang] * k,
            )
        )
    # a sample of public texts as negatives for help_request (reviews and posts rarely ask for help)
    for name in ("davidson", "shopping", "smp_sentiment"):
        s = public[name]
        k = min(800, len(s["texts"]))
        idx = np.random.default_rng(SEED).permutation(len(s["texts"]))[:k]
        P["help_request"].append(
            Part(f"{name}_neg", [s["texts"][i] for i in idx], np.zeros(k, np.int64), s["val"][idx], 0.2)
        )
    for name, s in own.items():
        by_head: dict[str, tuple[list[str], list[int], list[bool], list[str]]] = {}
        for r in s["records"]:
            for label, y in r.get("labels", {}).items():
                head = OWN_LABEL_TO_HEAD.get(label, label)
                if head not in P or (label == head and head in TRAINED_FROM):
                    continue
                t = by_head.setdefault(head, ([], [], [], []))
                t[0].append(r["text"])
                t[1].append(int(y))
                t[2].append(r.get("split") == "val")
                t[3].append(r.get("lang"))
        for head, (texts, labels, val, langs) in by_head.items():
            w = OWN_WEIGHT.get(head, 1.0)
            P[head].append(Part(f"own:{name}", texts, np.array(labels), np.array(val), w, langs))
    return P


def _features(texts: list[str], langs: list[str | None], bits: int):
    X = []
    for i in range(0, len(texts), 50000):
        b = prepare(texts[i : i + 50000], langs[i : i + 50000])
        X.append(extract(b, bits).matrix())
    import scipy.sparse as sp

    return sp.vstack(X).tocsr()


def _nb_ratio(X, y, rows: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Per-column scale for NB-SVM style features (Wang & Manning 2012): |log-count ratio| of the binary
    head's classes, learnt on ``rows`` (one language); columns the other rows use keep scale 1, shared columns
    get the occurrence-weighted mix. Scaling column j by r_j and fitting w is the same model as weights
    r * w on the unscaled features, so the scale is folded into the shipped weights (no run-time cost)."""
    B = X.copy()
    B.data = (B.data != 0).astype(np.float32)  # occurrence, not count
    Bs, ys = B[rows], y[rows]
    p = alpha + np.asarray(Bs[ys == 1].sum(0)).ravel()
    q = alpha + np.asarray(Bs[ys == 0].sum(0)).ravel()
    r = np.abs(np.log((p / p.sum()) / (q / q.sum())))
    n_in = np.asarray(Bs.sum(0)).ravel()
    n_out = np.asarray(B[~rows].sum(0)).ravel() if (~rows).any() else np.zeros_like(n_in)
    mix = np.where(n_in + n_out > 0, (n_in * r + n_out) / np.maximum(n_in + n_out, 1), 1.0)
    return mix.astype(np.float32)


def _fit_nb(X, y, w, C: float, rows: np.ndarray, ratio_rows: np.ndarray | None = None):
    """Logistic regression on NB-scaled columns; returns weights for the unscaled features. The scale is
    learnt on ``ratio_rows`` (default all): the teacher's soft-labelled rows, in both classes, would blur it."""
    import scipy.sparse as sp

    if ratio_rows is None:
        r = _nb_ratio(X, y, rows)
    else:
        r = _nb_ratio(X[ratio_rows], y[ratio_rows], rows[ratio_rows])
    coef, bias = _fit(X @ sp.diags(r), y, w, False, C)
    return coef * r[:, None], bias


def _fit_rows(X, y, w, m, multiclass: bool, C: float, nb_rows=None, ratio_rows=None):
    m = m & (w > 0)
    if nb_rows is None:
        return _fit(X[m], y[m], w[m], multiclass, C)
    return _fit_nb(X[m], y[m], w[m], C, nb_rows[m], None if ratio_rows is None else ratio_rows[m])


def _fit(X, y, w, multiclass: bool, C: float):
    from sklearn.linear_model import LogisticRegression

    if multiclass:
        # run to convergence (about 280 L-BFGS iterations for sentiment): stopped at 200, the weights depended
        # on floating-point noise, and a rerun on another machine moved them by up to 0.7
        clf = LogisticRegression(C=C, max_iter=1000, tol=1e-4)
    else:
        clf = LogisticRegression(C=C, solver="liblinear", max_iter=200, tol=1e-4)
    clf.fit(X, y, sample_weight=w)
    coef = clf.coef_.T.astype(np.float32)  # (D, k)
    bias = clf.intercept_.astype(np.float32)
    return coef, bias


def _metrics(y, pred) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "n": int(len(y)),
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "macro_f1": round(float(f1_score(y, pred, average="macro")), 4),
    }


# the post column learns "is about the poster's own company / its products"; the shipped flag
# negative_about_company = about own company AND (sentiment negative OR abusive), see linear.py
OWN_LABEL_TO_HEAD = {"about_company": "negative_about_company"}
TRAINED_FROM = {"negative_about_company": "about_company"}
LEXICON_HEADS = (
    "help_request",
    "apology",
    "fix_intent",
    "argumentative",
    "offers_private",
    "abusive",
    "negative_about_company",
)
OWN_WEIGHT = {"complaint": 1.0, "abusive": 3.0, "sentiment": 1.0, "help_request": 2.0}
# NB-SVM style column scaling (see _nb_ratio), learnt on the rows of one language: English complaints
# (5-fold CV on the Preotiuc-Pietro tweets, docs/models.md)
NB_SCALE = {"complaint": "en"}
C_DEFAULT = {
    "complaint": 16.0,
    "abusive": 8.0,
    "sentiment": 4.0,
    "help_request": 16.0,
    "apology": 16.0,
    "fix_intent": 16.0,
    "argumentative": 16.0,
    "offers_private": 16.0,
    "negative_about_company": 16.0,
    "post_negative": 16.0,
}


def train(
    data: Path,
    out_dir: Path,
    bits: int = 18,
    training_dir: Path | None = None,
    refit: bool = True,
    heads: list[str] | None = None,
    log=print,
    keep_trainsplit: bool = False,
) -> dict:
    t0 = time.time()
    public = load_public(data)
    own = load_own(training_dir) if training_dir and training_dir.is_dir() else {}
    parts = build_parts(public, own)
    parts["complaint"] += teacher_parts(public, log=log)
    D = n_columns(bits)
    W = np.zeros((D, len(HEADS.columns())), dtype=np.float32)
    B = np.zeros(len(HEADS.columns()), dtype=np.float32)
    report: dict = {"seed": SEED, "bits": bits, "val_fraction": VAL_FRACTION, "heads": {}}
    if heads and (out_dir / "heads.npz").is_file():  # retrain some heads, keep the others
        old = LinearClassifier.from_file(out_dir / "heads.npz")
        if old.bits == bits and old.W.shape == W.shape:
            W, B = old.W, old.B
            if (out_dir / "metrics.json").is_file():
                report["heads"] = json.loads((out_dir / "metrics.json").read_text(encoding="utf-8"))["heads"]
    W_tr, B_tr = W.copy(), B.copy()
    for head in heads or list(HEADS):
        plist = parts.get(head, [])
        if not plist or sum(len(p.texts) for p in plist) == 0:
            log(f"[{head}] no data, skipped")
            continue
        texts, langs, y, val, w, src = stack_parts(plist)
        X = _features(texts, langs, bits)
        multiclass = HEADS.width(head) > 1
        if len(set(y[~val].tolist())) < 2:
            log(f"[{head}] only one class in the training part, skipped")
            continue
        C = C_DEFAULT.get(head, 4.0)
        nb_rows = np.array([lg == NB_SCALE[head] for lg in langs]) if head in NB_SCALE else None
        hard = src != "teacher"
        coef, bias = _fit_rows(X, y, w, ~val, multiclass, C, nb_rows, hard)
        scores = X[val] @ coef + bias
        pred = scores.argmax(1) if multiclass else (scores[:, 0] > 0).astype(int)
        res: dict = {"C": C, "train_n": int((~val).sum()), "val_n": int(val.sum()), "by_source": {}}
        if not hard.all():
            res["teacher_rows"] = int((~hard).sum())
        for s in sorted(set(src[val])):
            m = src[val] == s
            res["by_source"][s] = _metrics(y[val][m], pred[m])
            if multiclass:  # polarity accuracy for binary sources (neutral predictions count as wrong)
                pol = np.where(scores[m][:, 2] > scores[m][:, 0], 2, 0)
                res["by_source"][s]["polarity_accuracy"] = round(float((pol == y[val][m]).mean()), 4)
        log(f"[{head}] train {res['train_n']} val {res['val_n']} ({time.time() - t0:.0f}s)")
        for s, m in res["by_source"].items():
            log(f"    {s:24s} {m}")
        report["heads"][head] = res
        cols = HEADS.cols(head)
        W_tr[:, cols] = coef
        B_tr[cols] = bias
        if refit:
            w_all = part_weights(plist, refit=True)
            coef, bias = _fit_rows(X, y, w_all, np.ones(len(y), dtype=bool), multiclass, C, nb_rows, hard)
        W[:, cols] = coef
        B[cols] = bias
    W[1 << bits] = 0  # the void column; the language columns after it are learnt
    W_tr[1 << bits] = 0
    out_dir.mkdir(parents=True, exist_ok=True)
    report["train_seconds"] = round(time.time() - t0, 1)
    report["langs"] = list(LANGS)
    _write(out_dir, LinearClassifier(W, B, bits, version=_version(bits, W, B)), report, log)
    if keep_trainsplit:
        LinearClassifier(W_tr, B_tr, bits).save(out_dir / "heads_trainsplit.npz")
    report["own_end_to_end"] = evaluate_own(LinearClassifier(W_tr, B_tr, bits), own, log)
    _write(out_dir, None, report, log)
    return report


def _version(bits: int, W: np.ndarray, B: np.ndarray) -> str:
    """``linear-<date>-b<bits>-<digest>``: the digest of the shipped (float16) weights tells two models trained on
    the same day apart in reports and in ``smguard.text.backend_info()``."""
    import hashlib

    digest = hashlib.sha1(W.astype(np.float16).tobytes() + B.astype(np.float32).tobytes()).hexdigest()[:8]
    return f"linear-{time.strftime('%Y%m%d')}-b{bits}-{digest}"


def _write(out_dir: Path, clf: LinearClassifier | None, report: dict, log) -> None:
    if clf is not None:
        clf.save(out_dir / "heads.npz")
        log(f"wrote {out_dir / 'heads.npz'} ({(out_dir / 'heads.npz').stat().st_size / 1e6:.2f} MB)")
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


def merge(parts: list[Path], out_dir: Path, training_dir: Path | None, log=print) -> dict:
    """Combine runs that trained different heads (``--heads``, ``--keep-trainsplit``) into one model.

    Lets the heads train in parallel processes; each part contributes the columns of the heads it lists in
    its metrics.json.
    """
    W = B = W_tr = B_tr = None
    report: dict = {"heads": {}, "merged_from": [str(p) for p in parts]}
    bits = None
    for part in parts:
        m = json.loads((part / "metrics.json").read_text(encoding="utf-8"))
        clf = LinearClassifier.from_file(part / "heads.npz")
        tr = LinearClassifier.from_file(part / "heads_trainsplit.npz")
        if W is None:
            bits = clf.bits
            W, B = np.zeros_like(clf.W), np.zeros_like(clf.B)
            W_tr, B_tr = np.zeros_like(clf.W), np.zeros_like(clf.B)
            report.update({k: v for k, v in m.items() if k not in ("heads", "own_end_to_end")})
        for head, res in m["heads"].items():
            cols = HEADS.cols(head)
            W[:, cols], B[cols] = clf.W[:, cols], clf.B[cols]
            W_tr[:, cols], B_tr[cols] = tr.W[:, cols], tr.B[cols]
            report["heads"][head] = res
    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir, LinearClassifier(W, B, bits, version=_version(bits, W, B)), report, log)
    own = load_own(training_dir) if training_dir and training_dir.is_dir() else {}
    report["own_end_to_end"] = evaluate_own(LinearClassifier(W_tr, B_tr, bits), own, log)
    _write(out_dir, None, report, log)
    return report


def evaluate_own(clf: LinearClassifier, own: dict, log=print) -> dict:
    """Validation part of our own sets through the full pipeline (``classify_texts`` with these weights)."""
    from sklearn.metrics import f1_score

    from smguard.text import classify_texts

    out: dict = {}
    for name, s in own.items():
        recs = [r for r in s["records"] if r.get("split") == "val"]
        if not recs:
            continue
        labels = sorted({lab for r in recs for lab in r.get("labels", {})})
        kind = recs[0].get("kind", "inbound")
        res = classify_texts([r["text"] for r in recs], kind, [r.get("lang") for r in recs], clf=clf)
        out[name] = {"n": len(recs)}
        for label in labels:
            if label not in res:
                continue
            has = np.array([label in r["labels"] for r in recs])
            y = np.array([int(r["labels"].get(label, 0)) for r in recs])[has]
            if label == "sentiment":
                pred = np.select([res["sentiment"] == "negative", res["sentiment"] == "neutral"], [0, 1], 2)[
                    has
                ]
                out[name][label] = {"accuracy": round(float((pred == y).mean()), 4)}
                continue
            pred = res[label].astype(int)[has]
            out[name][label] = {
                "accuracy": round(float((pred == y).mean()), 4),
                "f1": round(float(f1_score(y, pred, zero_division=0)), 4),
                "positives": int(y.sum()),
            }
        log(f"[own end-to-end] {name}: {out[name]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data")
    ap.add_argument("--training", type=Path, default=REPO / "training")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "models")
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--heads", nargs="*", default=None)
    ap.add_argument("--no-refit", action="store_true", help="ship the train-split model (faster)")
    ap.add_argument(
        "--keep-trainsplit", action="store_true", help="also write heads_trainsplit.npz (needed by --merge)"
    )
    ap.add_argument(
        "--merge",
        nargs="+",
        type=Path,
        default=None,
        metavar="DIR",
        help="combine the outputs of runs with different --heads into --out",
    )
    a = ap.parse_args(argv)
    if a.merge:
        merge(a.merge, a.out, a.training)
        return 0
    if not a.data.is_dir():
        print(f"error: data folder {a.data} not found", file=sys.stderr)
        return 2
    train(
        a.data,
        a.out,
        a.bits,
        a.training,
        refit=not a.no_refit,
        heads=a.heads,
        keep_trainsplit=a.keep_trainsplit,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
