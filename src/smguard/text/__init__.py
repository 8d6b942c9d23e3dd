"""Text understanding for Chinese and English: complaints, help requests, abuse, sentiment, reply quality.

Batch API (stable)::

    from smguard.text import classify_texts, backend_info
    out = classify_texts(["@brand my order never arrived", "谢谢客服，很满意"], kind="inbound")
    out["complaint"]  # numpy bool array aligned with the input

``classify_texts`` returns a dict of numpy arrays aligned with ``texts``. Keys are exactly the output names of
``smguard classify`` (CONTRACT.md section 4): ``lang``, ``complaint``, ``complaint_score``, ``help_request``,
``abusive``, ``abusive_score``, ``sentiment``, ``sentiment_score``; with ``kind="reply"`` also ``apology``,
``fix_intent``, ``argumentative``, ``offers_private``; with ``kind="post"`` also ``negative_about_company``.

The trained linear models shipped in ``smguard/text/models/`` are used; if they are missing the keyword lexicon
is used instead. ``backend_info()`` says which one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from smguard.text.linear import LinearClassifier

KINDS = ("inbound", "reply", "post")
CHUNK = 10_000
INBOUND_KEYS = (
    "lang",
    "complaint",
    "complaint_score",
    "help_request",
    "abusive",
    "abusive_score",
    "sentiment",
    "sentiment_score",
)
REPLY_KEYS = ("apology", "fix_intent", "argumentative", "offers_private")
POST_KEYS = ("negative_about_company",)

_DTYPES = {
    "lang": object,
    "sentiment": object,
    "complaint_score": np.float64,
    "abusive_score": np.float64,
    "sentiment_score": np.float64,
}


def output_keys(kind: str = "inbound") -> tuple[str, ...]:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return INBOUND_KEYS + (REPLY_KEYS if kind == "reply" else ()) + (POST_KEYS if kind == "post" else ())


def _empty(kind: str) -> dict[str, np.ndarray]:
    return {k: np.zeros(0, dtype=_DTYPES.get(k, bool)) for k in output_keys(kind)}


def classify_texts(
    texts: Sequence[str],
    kind: str = "inbound",
    langs: Sequence[str | None] | None = None,
    *,
    clf: LinearClassifier | None = None,
) -> dict[str, np.ndarray]:
    """Classify a batch of texts. Returns ``{output name: numpy array aligned with texts}``. ``clf`` runs other
    linear weights through the same pipeline instead of the shipped ones (the training scripts' evaluations)."""
    keys = output_keys(kind)
    if langs is not None and len(langs) != len(texts):
        raise ValueError(f"langs has {len(langs)} entries for {len(texts)} texts")
    if len(texts) == 0:
        return _empty(kind)
    if len(texts) > CHUNK:  # bounded memory, and small batches stay in the CPU caches
        parts = [
            classify_texts(
                texts[i : i + CHUNK], kind, None if langs is None else langs[i : i + CHUNK], clf=clf
            )
            for i in range(0, len(texts), CHUNK)
        ]
        return {k: np.concatenate([p[k] for p in parts]) for k in keys}
    from smguard.text import model
    from smguard.text.normalize import prepare

    batch = prepare(texts, langs)
    if clf is None:
        clf = model.load()
    raw = clf.classify_batch(batch, kind) if clf is not None else _lexicon(batch, kind)
    from smguard.text import patterns

    raw = patterns.apply(batch.texts(), raw, kind, batch.lang, batch.n_chars)
    out: dict[str, np.ndarray] = {"lang": batch.lang.astype(object)}
    for k in keys[1:]:
        v = raw[k]
        if k in ("complaint_score", "abusive_score"):
            v = np.clip(np.asarray(v, dtype=np.float64), 0.0, 1.0)
        elif k == "sentiment_score":
            v = np.clip(np.asarray(v, dtype=np.float64), -1.0, 1.0)
        elif k != "sentiment":
            v = np.asarray(v, dtype=bool)
        out[k] = v
    # an empty text says nothing: defined result
    empty = batch.n_chars == 0
    if empty.any():
        for k in keys[1:]:
            if k == "sentiment":
                out[k][empty] = "neutral"
            else:
                out[k][empty] = 0
    return out


def _lexicon(batch, kind):
    from smguard.text import lexicon

    return lexicon.classify_batch(batch, kind)


def backend_info() -> dict[str, str]:
    """Which backend ``classify_texts`` uses: ``{"backend": "model"|"lexicon", "version": ..., "note": ...}``."""
    from smguard.text import model

    clf = model.load()
    if clf is not None:
        return {
            "backend": "model",
            "version": clf.version,
            "note": "hashed character/word n-gram linear models trained on public sets (docs/models.md)",
        }
    from smguard.text import lexicon

    return {
        "backend": "lexicon",
        "version": lexicon.VERSION,
        "note": "keyword fallback: trained model files are missing from smguard/text/models/",
    }


__all__ = ["classify_texts", "backend_info", "output_keys", "KINDS"]
