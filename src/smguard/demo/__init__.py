"""The bundled demo data set: a fictitious bilingual company, used by ``make demo`` and the tests."""

from __future__ import annotations

from pathlib import Path


def demo_dataset_path() -> Path:
    return Path(__file__).parent / "data"
