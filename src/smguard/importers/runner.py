"""Run importers over sources into one data set (used by ``smguard import`` and by tests)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from smguard.importers import registry
from smguard.importers.base import ImportContext, Importer, ImportFileError, Source
from smguard.importers.builder import DatasetBuilder


@dataclass
class SourceResult:
    path: str
    importers: list[str] = field(default_factory=list)
    added: int = 0
    error: str | None = None


@dataclass
class ImportResult:
    builder: DatasetBuilder
    sources: list[SourceResult]

    @property
    def added(self) -> int:
        return sum(s.added for s in self.sources)

    @property
    def read_anything(self) -> bool:
        """True when at least one record was read (new or already in the data set)."""
        return any(c["added"] + c["duplicate"] for c in self.builder.counts.values())


def import_sources(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    ctx: ImportContext,
    format_name: str | None = None,
    dataset_name: str | None = None,
) -> ImportResult:
    """Import every path (folder, zip or file) into ``out_dir``. Problems go to ``ctx.problems``.

    Raises ``KeyError`` for an unknown ``format_name``; never for bad input.
    """
    forced: list[Importer] | None = [registry.get(format_name)] if format_name else None
    builder = DatasetBuilder(out_dir, ctx, name=dataset_name, timezone=ctx.default_tz)
    results: list[SourceResult] = []
    try:
        for p in paths:
            res = SourceResult(str(p))
            results.append(res)
            try:
                source = Source.open(p)
            except ImportFileError as exc:
                res.error = exc.message
                ctx.problem(str(p), "", exc.message)
                continue
            if forced is not None:
                try:
                    claimed = forced[0].claim(source)
                except Exception:  # noqa: BLE001 - --format means: read it anyway
                    claimed = []
                plan = [(forced[0], source.subset(claimed) if claimed else source)]
            else:
                plan = registry.assign(source)
            if not plan and source.kind == "zip":
                damaged = _damaged_member(source)
                if damaged:
                    res.error = "damaged zip"
                    ctx.problem(
                        str(p), "", f"the zip file is damaged ({damaged}); unpack it to see what survives"
                    )
                    continue
            if not plan:
                res.error = "format not recognised"
                ctx.problem(
                    str(p),
                    "",
                    "format not recognised: no importer knows these files (use --format NAME; "
                    f"known formats: {', '.join(registry.names())})",
                )
                continue
            if forced is None and source.kind in ("dir", "zip"):
                claimed = {m for _, v in plan for m in v.members()}
                rest = [m for m in source.members() if m not in claimed]
                if rest:
                    shown = ", ".join(rest[:5]) + (", …" if len(rest) > 5 else "")
                    ctx.warning(
                        str(p), "", f"{len(rest)} file(s) not read (no importer recognises them): {shown}"
                    )
            for imp, view in plan:
                label = f"{source.name} ({imp.name})"
                res.importers.append(imp.name)
                builder.source_label = label
                before = sum(c["added"] for (lbl, _), c in builder.counts.items() if lbl == label)
                try:
                    for table, record in imp.read(view, ctx):
                        builder.add(table, record, origin=str(p))
                except Exception as exc:  # noqa: BLE001 - an importer bug must not lose the other sources
                    ctx.problem(str(p), "", f"the {imp.name} importer stopped: {type(exc).__name__}: {exc}")
                res.added += (
                    sum(c["added"] for (lbl, _), c in builder.counts.items() if lbl == label) - before
                )
            close = getattr(source, "close", None)
            if close:
                close()
    finally:
        builder.close()
    return ImportResult(builder, results)


def _damaged_member(source: Source) -> str | None:
    """The first member of a (not too big) zip whose data is damaged, or ``None``."""
    import zipfile
    import zlib

    zf = getattr(source, "_zip", None)
    if zf is None or source.path.stat().st_size > 200 << 20:
        return None
    try:
        bad = zf.testzip()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        return f"cannot decompress: {exc}"
    return f"{bad} fails its checksum" if bad else None
