"""Render one computed report to every format the user asked for.

The report is computed once (:mod:`smguard.report.model`); the human-facing view of it is built once per
language (:mod:`smguard.report.view`) and laid out by :mod:`~smguard.report.terminal`,
:mod:`~smguard.report.markdown` and :mod:`~smguard.report.html`. The JSON (:mod:`~smguard.report.json_report`)
is the contract's format and reads the report directly.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from smguard.report import html, markdown, terminal
from smguard.report.json_report import write_json
from smguard.report.model import Report
from smguard.report.view import build_view

__all__ = ["render_all", "render_terminal"]


def render_terminal(report: Report, console: Console, lang: str = "en") -> None:
    terminal.render_terminal(report, console, lang)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_all(
    report: Report, *, json_out: Path | None, html_out: Path | None, md_out: Path | None, lang: str = "en"
) -> list[tuple[str, Path]]:
    """Write the requested files; returns ``[(kind, path), …]`` of what was written."""
    written: list[tuple[str, Path]] = []
    if json_out:
        write_json(report, json_out, lang)
        written.append(("JSON", json_out))
    if html_out or md_out:
        view = build_view(report, lang)
        if html_out:
            _write(html_out, html.render_view(view))
            written.append(("HTML", html_out))
        if md_out:
            _write(md_out, markdown.render_view(view))
            written.append(("Markdown", md_out))
    return written
