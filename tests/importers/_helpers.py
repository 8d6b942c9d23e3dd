"""Helpers shared by the importer tests (not a test module)."""

from __future__ import annotations

import json
from pathlib import Path

from smguard.importers.base import ImportContext
from smguard.importers.runner import ImportResult, import_sources

FIXTURES = Path(__file__).parent / "fixtures"


def run(
    tmp_path: Path, *sources: str | Path, brand: tuple[str, ...] = (), tz: str = "UTC", fmt: str | None = None
):
    """Import fixture folders/files into ``tmp_path / "ds"``; returns (tables, ctx, result)."""
    ctx = ImportContext(brand_account_ids=set(brand), default_tz=tz)
    paths = [s if isinstance(s, Path) else FIXTURES / s for s in sources]
    result: ImportResult = import_sources(paths, tmp_path / "ds", ctx, format_name=fmt)
    return read_tables(tmp_path / "ds"), ctx, result


def read_tables(folder: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for p in sorted(folder.glob("*.jsonl")):
        out[p.stem] = [
            json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    return out


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


def errors(ctx: ImportContext) -> list[str]:
    return [str(p) for p in ctx.problems if p.level == "error"]
