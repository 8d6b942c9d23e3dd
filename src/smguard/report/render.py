"""Render one computed report: terminal, JSON, Markdown, HTML. (Basic versions; see report.terminal etc.)"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from smguard.report.json_report import to_json
from smguard.report.model import MISTAKE_TITLES, Report


def render_terminal(report: Report, console: Console, lang: str = "en") -> None:
    t = Table(title=f"smguard — {report.dataset_name}")
    t.add_column("#")
    t.add_column("mistake")
    t.add_column("score", justify="right")
    t.add_column("findings", justify="right")
    for m, (en, zh) in MISTAKE_TITLES.items():
        n = sum(1 for f in report.findings if f.mistake == m and f.severity != "info")
        t.add_row(str(m), zh if lang == "zh" else en, str(report.scores[m]), str(n))
    console.print(t)
    console.print(f"overall: {report.overall}")


def render_all(report: Report, *, json_out: Path | None, html_out: Path | None, md_out: Path | None,
               lang: str = "en") -> list[tuple[str, Path]]:
    written: list[tuple[str, Path]] = []
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(to_json(report, lang), ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(("JSON", json_out))
    return written
