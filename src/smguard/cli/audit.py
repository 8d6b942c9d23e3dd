"""``smguard audit`` (CONTRACT §3) and ``smguard demo``: load, run every rule, render the one report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from smguard.dataset.load import load_dataset
from smguard.dataset.model import DatasetError

err = Console(stderr=True)
out = Console()

LANGS = ("en", "zh")


def _lang(value: str | None, dataset_lang: str | None) -> str:
    if value is None:
        return "zh" if dataset_lang == "zh" else "en"
    if value not in LANGS:
        raise typer.BadParameter(f"--lang must be one of {', '.join(LANGS)}")
    return value


def run_audit(
    dataset_dir: Path,
    json_out: Path | None,
    html_out: Path | None,
    md_out: Path | None,
    lang: str | None,
    quiet: bool = False,
) -> int:
    from smguard.report.model import build_report
    from smguard.report.render import render_all, render_terminal

    try:
        with err.status(f"Reading {dataset_dir} …", spinner="dots"):
            ds = load_dataset(dataset_dir)
    except DatasetError as exc:
        err.print(f"[bold red]Cannot read the data set:[/] {exc}", markup=True, highlight=False)
        for p in exc.problems[:50]:
            err.print(f"  • {p}", markup=False, highlight=False)
        return 2
    language = _lang(lang, ds.language)
    from rich.progress import BarColumn, Progress, TextColumn

    from smguard.rules import all_rules

    total = len(all_rules())
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=err,
        transient=True,
        disable=quiet,
    ) as progress:
        task = progress.add_task("Checking", total=total)

        def tick(rule: object) -> None:
            progress.update(task, advance=1, description=f"Checking {getattr(rule, 'code', '')}")

        report = build_report(ds, on_rule=tick)
    written = render_all(report, json_out=json_out, html_out=html_out, md_out=md_out, lang=language)
    if not quiet:
        render_terminal(report, out, lang=language)
        for kind, path in written:
            out.print(f"{kind} report: [bold]{path}[/]", highlight=False)
    return 0


def register(app: typer.Typer) -> None:
    @app.command("audit")
    def audit(
        dataset_dir: Annotated[Path, typer.Argument(help="The data set folder (format v1).")],
        json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON report here.")] = None,
        html_out: Annotated[
            Path | None, typer.Option("--html", help="Write the self-contained HTML report.")
        ] = None,
        md_out: Annotated[Path | None, typer.Option("--md", help="Write the Markdown report here.")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help="Report language: en or zh.")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    ) -> None:
        """Audit a data set against the six mistakes and write the reports."""
        raise typer.Exit(run_audit(dataset_dir, json_out, html_out, md_out, lang, quiet))

    @app.command("demo")
    def demo(
        out_dir: Annotated[Path, typer.Option("--out", help="Folder for the demo reports.")] = Path(
            "reports/demo"
        ),
        lang: Annotated[str | None, typer.Option("--lang", help="Report language: en or zh.")] = None,
    ) -> None:
        """Audit the bundled demo data set (a fictitious bilingual coffee company) and write every report."""
        from smguard.demo import demo_dataset_path

        out_dir.mkdir(parents=True, exist_ok=True)
        data = demo_dataset_path()
        out.print(f"Demo data set: {data}", highlight=False)
        code = run_audit(data, out_dir / "report.json", out_dir / "report.html", out_dir / "report.md", lang)
        raise typer.Exit(code)

    @app.command("rules")
    def rules(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
        """List every rule with its code, mistake, summary and options (defaults)."""
        from rich.table import Table

        from smguard.rules import all_rules

        rs = all_rules()
        if as_json:
            out.print_json(
                json.dumps(
                    [
                        {
                            "code": r.code,
                            "name": r.name,
                            "mistake": r.mistake,
                            "summary": r.summary,
                            "options": r.default_options().model_dump(),
                        }
                        for r in rs
                    ],
                    default=str,
                )
            )
            return
        t = Table("code", "name", "summary", "options")
        for r in rs:
            opts = ", ".join(f"{k}={v}" for k, v in r.default_options().model_dump().items())
            t.add_row(r.code, r.name, r.summary, opts)
        out.print(t)
