"""SM603's scipy-free tail test decides exactly as scipy's Poisson tail does (own grid of counts and rates)."""

from __future__ import annotations

import pytest

from smguard.rules.m6_overdoing.sm603_unfollow_spike_after_heavy_day import _poisson_tail, _tail_at_least

KS = [0, 1, 2, 3, 4, 5, 7, 10, 13, 20, 41, 60, 100, 250, 1000, 5000, 50_000]
LAMS = [0.1, 0.35, 1.0, 2.5, 4.0, 9.9, 33.3, 100.0, 1234.5, 20_000.0]
THRESHOLDS = [0.0, 1e-300, 1e-12, 0.001, 0.01, 0.5, 1.0, 2.0, -1.0]


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_same_decision_as_scipy(threshold):
    for k in KS:
        for lam in LAMS:
            assert _tail_at_least(k, lam, threshold) == (_poisson_tail(k, lam) >= threshold), (k, lam)


def test_thresholds_at_the_exact_tail():
    # a threshold equal to (or a hair away from) the tail itself is decided by scipy's value
    for k, lam in [(3, 0.1), (10, 2.5), (41, 4.0), (250, 100.0)]:
        p = _poisson_tail(k, lam)
        for t in (p, p * (1 + 1e-9), p * (1 - 1e-9), p * (1 + 1e-3), p * (1 - 1e-3)):
            assert _tail_at_least(k, lam, t) == (p >= t), (k, lam, t)
