"""Hashed features: the fast scoring path equals the training matrix."""

import numpy as np

from smguard.text.features import extract, n_columns
from smguard.text.normalize import prepare


def test_dot_equals_training_matrix():
    texts = ["hello world, hello!", "", "我的手机坏了[怒]", "a", "ok then bye bye 😡", "混合 mixed text 123"]
    f = extract(prepare(texts), n_bits=12)
    W = np.random.default_rng(0).normal(size=(n_columns(12), 3)).astype(np.float32)
    W[1 << 12] = 0
    np.testing.assert_allclose(f.dot(W), f.matrix() @ W, rtol=1e-4, atol=1e-4)


def test_features_do_not_cross_texts():
    a = extract(prepare(["abc", "xyz"]), n_bits=16).matrix()
    b = extract(prepare(["abc"]), n_bits=16).matrix()
    c = extract(prepare(["xyz"]), n_bits=16).matrix()
    assert (a[0] != b[0]).nnz == 0 and (a[1] != c[0]).nnz == 0
    assert a[:, 1 << 16].nnz == 0  # the void column is never used in the training matrix


def test_short_and_empty_texts_at_the_end_of_a_batch():
    W = np.random.default_rng(1).normal(size=(n_columns(10), 2)).astype(np.float32)
    W[1 << 10] = 0
    for texts in (["hello there", ""], ["hello there", "a"], ["", "", "ab"], ["abc", "", ""], ["x"]):
        f = extract(prepare(texts), n_bits=10)
        np.testing.assert_allclose(f.dot(W), f.matrix() @ W, rtol=1e-4, atol=1e-4)
