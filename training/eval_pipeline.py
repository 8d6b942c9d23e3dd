"""Validation parts of the public sets through the full pipeline (linear heads + cue layer), as ``classify_texts``
runs it, with a train-split model (``heads_trainsplit.npz`` from ``train --keep-trainsplit``): the "→" numbers
of docs/models.md.

    .venv/bin/python training/eval_pipeline.py /tmp/run/heads_trainsplit.npz [--data ../shared/data] [--dump OUT.jsonl]

``--dump`` writes each validation text with its label and prediction (JSON lines), to compare two versions.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from smguard.text import classify_texts
from smguard.text.linear import LinearClassifier
from smguard.text.train import REPO, load_public

CHECKS = (  # (set, outputs); languages are detected, as `smguard classify` does without a lang field
    ("preotiuc", ("complaint",)),
    # sentiment == "negative" vs the negative-review label: a checker may read this field instead
    ("waimai", ("complaint", "sentiment")),
    ("shopping", ("complaint", "sentiment")),
    ("chnsenticorp", ("complaint", "sentiment")),
    ("cold", ("abusive",)),
    ("davidson", ("abusive",)),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data")
    ap.add_argument(
        "--dump", type=Path, help="write each text, label and prediction (JSON lines) to this file"
    )
    a = ap.parse_args(argv)
    dumped: list[str] = []
    clf = LinearClassifier.from_file(a.model)
    public = load_public(a.data)
    for name, outs in CHECKS:
        s = public[name]
        texts = [t for t, v in zip(s["texts"], s["val"], strict=True) if v]
        y = s["labels"][s["val"]]
        # the pipeline as shipped, with the train-split weights; once per set, every output read from it
        res = classify_texts(texts, kind="inbound", clf=clf)
        for out in outs:
            pred = (res[out] == "negative" if out == "sentiment" else res[out]).astype(int)
            if a.dump:
                dumped += [
                    json.dumps(
                        {"set": name, "output": out, "text": t, "label": int(g), "pred": int(p)},
                        ensure_ascii=False,
                    )
                    for t, g, p in zip(texts, y, pred, strict=True)
                ]
            print(
                f"{name:14s} {out:10s} n={len(y):5d} accuracy {np.mean(pred == y):.4f} "
                f"macro-F1 {f1_score(y, pred, average='macro'):.4f}"
            )
    if a.dump:
        a.dump.write_text("".join(d + "\n" for d in dumped), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
