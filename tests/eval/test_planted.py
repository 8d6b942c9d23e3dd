"""Planted-mistake evaluation (bench/planted_eval.py), small: two seeds, New York (with the end of daylight
saving time) and Shanghai. A data set written from the contract only, audited by the real command line; per
mistake, at least 90% of the planted items must be found among the evidence of low/medium/high findings, and
at least 90% of that evidence must be planted (the acceptance criterion of issue 2)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("planted_eval", ROOT / "bench" / "planted_eval.py")
planted_eval = importlib.util.module_from_spec(_spec)
sys.modules["planted_eval"] = planted_eval
_spec.loader.exec_module(planted_eval)

RUNS = [(1, "America/New_York"), (2, "America/New_York"), (1, "Asia/Shanghai"), (2, "Asia/Shanghai")]

# Known gaps per mistake (mistake -> reason), marked xfail. None: M2 and M3 pass with the shipped text models
# since the rule fixes of 2026-11-26 (SM305 thread, SM306 clear complaints, SM204 company reference); with the
# keyword fallback (--text-models lexicon) M3 recall is 0.74-0.98 over seeds 1-6, limited by its complaint labels.
GAPS: dict[int, str] = {}

_cache: dict[tuple[int, str], dict] = {}


def _result(seed: int, tz: str) -> dict:
    if (seed, tz) not in _cache:
        _cache[(seed, tz)] = planted_eval.run(seed, 1, tz, verbose=False)
    return _cache[(seed, tz)]


def _params():
    for seed, tz in RUNS:
        for m in planted_eval.MISTAKES:
            marks = [pytest.mark.xfail(strict=False, reason=GAPS[m])] if m in GAPS else []
            yield pytest.param(seed, tz, m, marks=marks, id=f"M{m}-{tz.split('/')[1]}-seed{seed}")


@pytest.mark.parametrize(("seed", "tz", "mistake"), list(_params()))
def test_recall_and_precision_per_mistake(seed: int, tz: str, mistake: int) -> None:
    r = _result(seed, tz)[mistake]
    assert r["planted"] > 0
    assert r["recall"] >= 0.9, f"M{mistake} recall {r['recall']:.2f}; missed: {r['misses'][:8]}"
    assert r["precision"] >= 0.9, (
        f"M{mistake} precision {r['precision']:.2f}; false alarms: {r['false_alarms'][:8]}"
    )


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a = planted_eval.generate(tmp_path / "a", seed=3, size=1, tz="Asia/Shanghai")
    b = planted_eval.generate(tmp_path / "b", seed=3, size=1, tz="Asia/Shanghai")
    assert a == b
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name
