"""The shipped model: one weight matrix over hashed features, one column per head (three for sentiment).

Scoring a batch is one feature extraction plus one sparse x dense product per n-gram order
(:meth:`smguard.text.features.Features.dot`); binary heads go through a sigmoid, sentiment through a softmax
over (negative, neutral, positive).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from smguard.text.features import extract, n_columns
from smguard.text.normalize import Batch


class _Heads:
    """Column layout of the weight matrix."""

    def __init__(self, spec: list[tuple[str, int]]):
        self.spec = spec
        self._cols: dict[str, list[int]] = {}
        i = 0
        for name, width in spec:
            self._cols[name] = list(range(i, i + width))
            i += width

    def __iter__(self):
        return iter(name for name, _ in self.spec)

    def cols(self, name: str) -> list[int]:
        return self._cols[name]

    def width(self, name: str) -> int:
        return len(self._cols[name])

    def columns(self) -> list[int]:
        return [c for name, _ in self.spec for c in self._cols[name]]


HEADS = _Heads(
    [
        ("complaint", 1),
        ("help_request", 1),
        ("abusive", 1),
        ("sentiment", 3),
        ("apology", 1),
        ("fix_intent", 1),
        ("argumentative", 1),
        ("offers_private", 1),
        ("negative_about_company", 1),
        ("post_negative", 1),
    ]
)
INBOUND_HEADS = ("complaint", "help_request", "abusive", "sentiment")
KIND_HEADS = {
    "inbound": INBOUND_HEADS,
    "reply": INBOUND_HEADS + ("apology", "fix_intent", "argumentative", "offers_private"),
    "post": INBOUND_HEADS + ("negative_about_company", "post_negative"),
}
SENTIMENT_LABELS = np.array(["negative", "neutral", "positive"], dtype=object)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


class LinearClassifier:
    def __init__(
        self, W: np.ndarray, B: np.ndarray, bits: int, version: str = "linear", meta: dict | None = None
    ):
        self.W = W
        self.B = B
        self.bits = bits
        self.version = version
        self.meta = meta or {}
        self._kind_w: dict[str, tuple[np.ndarray, np.ndarray, dict[str, list[int]]]] = {}

    def _weights(self, kind: str):
        """Contiguous weights of one kind's heads. Sentiment keeps 2 columns (negative and positive minus
        neutral: the softmax does not change), one less column to gather per feature."""
        if kind not in self._kind_w:
            Ws: list[np.ndarray] = []
            Bs: list[float] = []
            where: dict[str, list[int]] = {}
            for h in KIND_HEADS[kind]:
                hc = HEADS.cols(h)
                if h == "sentiment":
                    neg, neu, pos = hc
                    ws = [self.W[:, neg] - self.W[:, neu], self.W[:, pos] - self.W[:, neu]]
                    bs = [self.B[neg] - self.B[neu], self.B[pos] - self.B[neu]]
                else:
                    ws = [self.W[:, c] for c in hc]
                    bs = [self.B[c] for c in hc]
                where[h] = list(range(len(Ws), len(Ws) + len(ws)))
                Ws += ws
                Bs += bs
            self._kind_w[kind] = (
                np.ascontiguousarray(np.stack(Ws, axis=1), dtype=np.float32),
                np.array(Bs, dtype=np.float32),
                where,
            )
        return self._kind_w[kind]

    def scores(self, batch: Batch, kind: str = "inbound") -> tuple[np.ndarray, dict[str, list[int]]]:
        W, B, where = self._weights(kind)
        S = extract(batch, self.bits).dot(W)
        S += B
        return S, where

    def classify_batch(self, batch: Batch, kind: str = "inbound") -> dict[str, np.ndarray]:
        S, where = self.scores(batch, kind)
        out: dict[str, np.ndarray] = {}
        for h in KIND_HEADS[kind]:
            cols = where[h]
            if h == "sentiment":
                z = np.zeros((len(S), 3), dtype=np.float64)  # neutral is the reference, logit 0
                z[:, 0] = S[:, cols[0]]
                z[:, 2] = S[:, cols[1]]
                z = z - z.max(axis=1, keepdims=True)
                e = np.exp(z)
                p = e / e.sum(axis=1, keepdims=True)
                out["sentiment"] = SENTIMENT_LABELS[p.argmax(axis=1)]
                out["sentiment_score"] = (p[:, 2] - p[:, 0]).astype(np.float64)
                continue
            s = S[:, cols[0]]
            out[h] = s > 0
            if h in ("complaint", "abusive"):
                out[f"{h}_score"] = _sigmoid(s.astype(np.float64))
            elif kind != "inbound":  # probabilities for the cue layer (smguard.text.patterns), not returned
                out[f"_p_{h}"] = _sigmoid(s.astype(np.float64))
        if "negative_about_company" in out:
            # the column says "about the poster's own company or its products"; "post_negative" says the post
            # is negative (trained on posts); negative sentiment or abuse also count (the union had the best
            # recall at the same accuracy on our held-apart posts)
            negative = out.pop("post_negative") | out["abusive"] | (out["sentiment"] == "negative")
            out["negative_about_company"] = out["negative_about_company"] & negative
        return out

    def save(self, path: Path) -> None:
        meta = dict(self.meta, version=self.version, bits=self.bits, heads=HEADS.spec)
        W16 = self.W.astype(np.float16)
        rows = np.flatnonzero(np.any(W16 != 0, axis=1)).astype(np.int32)
        np.savez_compressed(
            path,
            rows=rows,
            W=W16[rows],
            B=self.B.astype(np.float32),
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        )

    @classmethod
    def from_file(cls, path) -> LinearClassifier:
        width = len(HEADS.columns())
        with np.load(path) as z:
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
            bits = int(meta["bits"])
            W = np.zeros((n_columns(bits), width), dtype=np.float32)  # older files may have fewer heads
            W[z["rows"], : z["W"].shape[1]] = z["W"].astype(np.float32)
            B = np.zeros(width, dtype=np.float32)
            B[: len(z["B"])] = z["B"].astype(np.float32)
        return cls(W, B, bits, meta.get("version", "linear"), meta)
