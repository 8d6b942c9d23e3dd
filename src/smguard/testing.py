"""Helpers to build small data sets in tests (the project's own and its users' policy tests)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from smguard.dataset.load import load_dataset
from smguard.dataset.model import Dataset


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def write_dataset(
    folder: Path, tables: Mapping[str, Sequence[Mapping[str, Any]]], settings: Mapping[str, Any] | None = None
) -> Path:
    """Write ``tables`` (table name → rows) as JSONL files and ``settings`` as dataset.toml into ``folder``.

    ``settings`` may hold a ``policy`` mapping; nested mappings become ``[policy.SMxxx]`` tables.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if settings:
        lines: list[str] = []
        policy = dict(settings.get("policy") or {})
        for k, v in settings.items():
            if k != "policy":
                lines.append(f"{k} = {_toml_value(v)}")
        if policy:
            lines.append("[policy]")
            nested = {k: v for k, v in policy.items() if isinstance(v, Mapping)}
            for k, v in policy.items():
                if not isinstance(v, Mapping):
                    lines.append(f"{k} = {_toml_value(v)}")
            for k, v in nested.items():
                lines.append(f"[policy.{k}]")
                lines.extend(f"{kk} = {_toml_value(vv)}" for kk, vv in v.items())
        (folder / "dataset.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def make_dataset(
    folder: Path, tables: Mapping[str, Sequence[Mapping[str, Any]]], settings: Mapping[str, Any] | None = None
) -> Dataset:
    """Write and load a data set through the real loader."""
    return load_dataset(write_dataset(folder, tables, settings))


def overriding_labeler(overrides: Mapping[str, Mapping[str, Any]] | None = None):
    """The real text labeler, with labels forced for given texts (text → {label: value}).

    Rule fixture cases use this to pin the labels a rule depends on, so that the case tests the rule's logic
    and not the text model; the text models have their own tests.
    """
    import numpy as np

    from smguard.text import classify_texts

    overrides = overrides or {}

    def labeler(texts: Sequence[str], kind: str = "inbound", langs: Sequence[str | None] | None = None):
        out = classify_texts(texts, kind=kind, langs=langs)
        for i, text in enumerate(texts):
            for key, value in (overrides.get(text) or {}).items():
                if key in out:
                    arr = out[key]
                    if arr.dtype.kind in "USO":
                        arr = arr.astype(object)
                        out[key] = arr
                    arr[i] = value
        return {k: np.asarray(v) for k, v in out.items()}

    return labeler
