"""The list of importers, auto-detection and lookup by ``--format NAME``.

Each importer module defines ``IMPORTERS = [SomeImporter(), ...]`` and is named in ``MODULES`` below.
Order matters for auto-detection: in a folder or zip, each file goes to the first importer (in this order)
that claims it, so specific formats come before general ones (the generic CSV/Excel importer is last).
A module listed here that does not exist yet is skipped (modules are written by several people at once).
"""

from __future__ import annotations

import importlib

from smguard.importers.base import Importer, Source

MODULES: tuple[str, ...] = (
    # Western platforms (issue 4, part A)
    "smguard.importers.x_archive",
    "smguard.importers.x_api",
    "smguard.importers.facebook",
    "smguard.importers.instagram",
    "smguard.importers.youtube",
    "smguard.importers.linkedin",
    # Chinese platforms and generic tables (issue 4, part B)
    "smguard.importers.weibo",
    "smguard.importers.wechat",
    "smguard.importers.douyin",
    "smguard.importers.tiktok",
    # the generic CSV/Excel-with-mapping importer claims anything with a mapping: keep it last
    "smguard.importers.generic",
)

_cache: list[Importer] | None = None


def all_importers() -> list[Importer]:
    """Every available importer, in detection order."""
    global _cache
    if _cache is None:
        found: list[Importer] = []
        for mod_name in MODULES:
            try:
                mod = importlib.import_module(mod_name)
            except ModuleNotFoundError as exc:
                if exc.name == mod_name:  # not written yet
                    continue
                raise
            found.extend(getattr(mod, "IMPORTERS", []))
        _cache = found
    return list(_cache)


def names() -> list[str]:
    return [imp.name for imp in all_importers()]


def get(name: str) -> Importer:
    """The importer called ``name`` (``--format NAME``). Raises ``KeyError`` with the known names."""
    for imp in all_importers():
        if imp.name == name:
            return imp
    raise KeyError(f"unknown format {name!r}; known formats: {', '.join(names())}")


def detect_importers(source: Source) -> list[Importer]:
    """All importers that can read (part of) ``source``, in registry order."""
    out = []
    for imp in all_importers():
        try:
            if imp.detect(source):
                out.append(imp)
        except Exception:  # noqa: BLE001 - a detector must never break detection of the others
            continue
    return out


def assign(source: Source, importers: list[Importer] | None = None) -> list[tuple[Importer, Source]]:
    """Split ``source`` between importers: each member goes to the first importer that claims it.

    Returns ``(importer, view)`` pairs where ``view`` shows only that importer's members.
    """
    taken: set[str] = set()
    plan: list[tuple[Importer, Source]] = []
    for imp in importers if importers is not None else all_importers():
        free = [m for m in source.members() if m not in taken]
        if not free:
            break
        view = source if len(free) == len(source.members()) else source.subset(free)
        try:
            claimed = imp.claim(view)
        except Exception:  # noqa: BLE001 - a broken detector must not stop the import of other files
            claimed = []
        claimed = [m for m in claimed if m not in taken]
        if claimed:
            taken.update(claimed)
            plan.append((imp, source.subset(claimed)))
    return plan
