"""Hashed character and word n-gram features, computed with vectorised rolling hashes over a whole batch.

A :class:`~smguard.text.normalize.Batch` holds all texts in one code-point buffer. With a separator put in
front of every text, position ``i`` of the buffer belongs to exactly one text, so the character n-gram that
starts at ``i`` belongs to that text too, and each n-gram order gives a CSR matrix whose ``indptr`` is just the
separator positions: no sorting, no Python loop per text. N-grams that run into the next text are sent to
the void column ``D`` (= 2**n_bits), whose weight is always 0. Word uni- and bigrams (runs of ASCII
letters/digits) work the same way.

Columns ``D+1 .. D+3`` hold the language of the text (zh, en, other). Feature values are counts scaled by
``1/sqrt(number of features of the text)``; the language column is not scaled. A weight matrix therefore has
``D + RESERVED`` rows.

The same code builds the training matrices, so training and inference see identical features.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from smguard.text.normalize import LANGS, Batch, word_spans

CHAR_ORDERS = (1, 2, 3, 4)
_P = np.uint64(0x100000001B3)
_K = [
    np.uint64(k)
    for k in (
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x2545F4914F6CDD1D,
        0x9FB21C651E98DF25,
    )
]
RESERVED = 4  # columns after the hashed ones: D = void, D+1..D+3 = language


def n_columns(n_bits: int) -> int:
    return (1 << n_bits) + RESERVED


def _to_cols(h: np.ndarray, k: np.uint64, bits: int) -> np.ndarray:
    return ((h * k) >> np.uint64(64 - bits)).astype(np.int32)


_ONES = np.ones(0, np.float32)


def _ones(n: int) -> np.ndarray:
    global _ONES
    if len(_ONES) < n:
        _ONES = np.ones(max(n, 2 * len(_ONES)), np.float32)
    return _ONES[:n]


class Features:
    """Per-order CSR blocks of one batch, plus the row scale and language columns."""

    def __init__(self, blocks: list[sp.csr_matrix], scale: np.ndarray, lang_col: np.ndarray, n_bits: int):
        self.blocks = blocks
        self.scale = scale
        self.lang_col = lang_col
        self.n_bits = n_bits

    def dot(self, W: np.ndarray) -> np.ndarray:
        """Scores ``X @ W`` (W: dense ``(2**n_bits, H)``)."""
        acc = None
        for b in self.blocks:
            r = b @ W
            acc = r if acc is None else acc + r
        if acc is None:
            acc = np.zeros((len(self.scale), W.shape[1]), dtype=W.dtype)
        acc *= self.scale[:, None].astype(acc.dtype)
        acc += W[self.lang_col]
        return acc

    def matrix(self) -> sp.csr_matrix:
        """One canonical CSR matrix (for training)."""
        n = len(self.scale)
        D = n_columns(self.n_bits)
        X = sp.csr_matrix((n, D), dtype=np.float32)
        for b in self.blocks:
            X = X + b
        X.sum_duplicates()
        X = sp.diags(self.scale.astype(np.float32)) @ X
        X = X.tocsr()
        X.data[X.indices >= (1 << self.n_bits)] = 0
        X.eliminate_zeros()
        L = sp.csr_matrix((np.ones(n, np.float32), self.lang_col, np.arange(n + 1)), shape=(n, D))
        return (X + L).tocsr()


def _csr(cols: np.ndarray, indptr: np.ndarray, n: int, D: int) -> sp.csr_matrix:
    m = sp.csr_matrix((n, D), dtype=np.float32)
    m.indices, m.indptr, m.data = cols, indptr, _ones(len(cols))
    m.has_sorted_indices = False  # duplicates and any order: fine for products, summed in matrix()
    m.has_canonical_format = False
    return m


def extract(batch: Batch, n_bits: int = 18, char_orders=CHAR_ORDERS, words: bool = True) -> Features:
    n = batch.n
    D = n_columns(n_bits)
    void = np.int32(1 << n_bits)
    c = np.empty(len(batch.codes) + 1, dtype=np.uint64)
    c[0] = 0
    c[1:] = batch.codes
    starts = np.flatnonzero(c == 0)  # one per text, in order
    L = len(c)
    blocks: list[sp.csr_matrix] = []
    count = np.zeros(n, dtype=np.float64)
    m = (batch.n_chars + 1).astype(np.int64)  # characters per text plus its leading separator
    h = None
    for k in range(1, max(char_orders) + 1):
        if L - k + 1 <= 0:
            break
        h = c.copy() if h is None else h[:-1] * _P + c[k - 1 :]
        if k not in char_orders:
            continue
        cols = _to_cols(h, _K[k - 1], n_bits)
        if k > 1:  # n-grams that run over the next text's separator: the k-1 positions before each separator
            cross = (starts[1:, None] - np.arange(1, k)[None, :]).ravel()
            cols[cross[(cross >= 0) & (cross < len(cols))]] = void
        indptr = np.empty(n + 1, dtype=np.int32)
        indptr[:n] = np.minimum(starts, L - k + 1)
        indptr[n] = L - k + 1
        blocks.append(_csr(cols, indptr, n, D))
        count += np.maximum(m - k + 1, 0)
    if words:
        ws, _, wd, wh = batch.words if batch.words is not None else word_spans(batch.codes, batch.doc)
        nw = len(ws)
        # words of text i are [wstart[i], wstart[i+1]) because word positions are in buffer order
        wstart = np.searchsorted(wd, np.arange(n)) if nw else np.zeros(n, np.int64)
        per_doc = np.diff(np.append(wstart, nw))
        if nw:
            cols = _to_cols(wh, _K[5], n_bits)
            indptr = np.append(wstart, nw).astype(np.int32)
            blocks.append(_csr(cols, indptr, n, D))
            if nw > 1:
                bh = wh[:-1] * _P + wh[1:]
                bcols = _to_cols(bh, _K[6], n_bits)
                bcols[wd[:-1] != wd[1:]] = void
                bptr = np.minimum(np.append(wstart, nw), nw - 1).astype(np.int32)
                blocks.append(_csr(bcols, bptr, n, D))
        count += per_doc + np.maximum(per_doc - 1, 0)
    scale = 1.0 / np.sqrt(np.maximum(count, 1.0))
    base = int(void) + 1
    lang_col = np.full(n, base + LANGS.index("other"), dtype=np.int64)
    lang_col[batch.lang == "zh"] = base + LANGS.index("zh")
    lang_col[batch.lang == "en"] = base + LANGS.index("en")
    return Features(blocks, scale.astype(np.float32), lang_col, n_bits)
