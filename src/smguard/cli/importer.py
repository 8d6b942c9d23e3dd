"""``smguard import``: turn platform exports and API responses into a data set (format v1)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from smguard.dataset.schema import LOAD_ORDER
from smguard.importers.base import DEFAULT_AUTOMATED_APPS, ImportContext

_BIG = 8 << 20  # files above this size get a progress bar


def import_command(
    sources: list[Path] = typer.Argument(None, help="Export folders, zip files or single files to import."),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Data set folder to create or add to (required)."
    ),
    format_name: str | None = typer.Option(
        None, "--format", "-f", help="Read every source with this importer (see --list-formats)."
    ),
    brand_account: list[str] = typer.Option(
        [], "--brand-account", "-b", help="Id or handle of a brand account (repeatable)."
    ),
    timezone: str = typer.Option("UTC", "--timezone", "--tz", help="IANA time zone of times without offset."),
    automated_app: list[str] = typer.Option(
        [], "--automated-app", help="App/client name whose posts and replies count as automated (repeatable)."
    ),
    name: str | None = typer.Option(None, "--name", help="Data set name for a new dataset.toml."),
    list_formats: bool = typer.Option(False, "--list-formats", help="List the known formats and exit."),
) -> None:
    """Import exports and API JSON of X, Facebook, Instagram, YouTube, LinkedIn, Weibo, WeChat, Douyin,
    TikTok and CSV/Excel tables into one data set. Formats are detected; running it again adds no duplicates."""
    from smguard.importers import registry
    from smguard.importers.common import get_tz
    from smguard.importers.runner import import_sources

    console = Console()
    err = Console(stderr=True)
    if list_formats:
        t = Table("format", "platform", "reads")
        for imp in registry.all_importers():
            t.add_row(imp.name, imp.platform, escape(imp.description))
        console.print(t)
        raise typer.Exit(0)
    if not sources or out is None:
        err.print("[red]error:[/red] give one or more SOURCE paths and --out DATASET_DIR (see --help)")
        raise typer.Exit(2)
    try:
        get_tz(timezone)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    if format_name:
        try:
            registry.get(format_name)
        except KeyError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc.args[0]))}")
            raise typer.Exit(2) from None
    if out.exists() and not out.is_dir():
        err.print(f"[red]error:[/red] --out {escape(str(out))} is a file, not a folder")
        raise typer.Exit(2)

    ctx = ImportContext(
        brand_account_ids=set(brand_account),
        automated_apps=set(DEFAULT_AUTOMATED_APPS) | set(automated_app),
        default_tz=timezone,
    )
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    tasks: dict[str, int] = {}

    def hook(label: str, done: int, total: int | None) -> None:
        if total is not None and total < _BIG:
            return
        if label not in tasks:
            if not progress.live.is_started:
                progress.start()
            tasks[label] = progress.add_task(escape(label[-60:]), total=total)
        progress.update(tasks[label], completed=done)

    ctx.progress_hook = hook
    try:
        result = import_sources(sources, out, ctx, format_name=format_name, dataset_name=name)
    finally:
        if progress.live.is_started:
            progress.stop()

    # ---- problems
    errors = [p for p in ctx.problems if p.level == "error"]
    warnings = [p for p in ctx.problems if p.level != "error"]
    for p in errors[:200]:
        err.print(f"[red]problem:[/red] {escape(str(p))}")
    if len(errors) > 200:
        err.print(f"[red]… and {len(errors) - 200} more problems[/red]")
    for p in warnings[:50]:
        err.print(f"[yellow]note:[/yellow] {escape(str(p))}")

    # ---- summary: counts per entity per source
    counts = result.builder.counts
    tables = [t for t in LOAD_ORDER if any(tb == t for (_, tb) in counts)]
    summary = Table(title=f"Imported into {escape(str(out))}", show_lines=False)
    summary.add_column("source (format)")
    for t in tables:
        summary.add_column(t, justify="right")
    for label in dict.fromkeys(lbl for (lbl, _) in counts):
        row = [escape(label)]
        for t in tables:
            c = counts.get((label, t))
            if not c:
                row.append("")
                continue
            cell = str(c["added"])
            extra = []
            if c["duplicate"]:
                extra.append(f"{c['duplicate']} dup")
            if c["invalid"]:
                extra.append(f"[red]{c['invalid']} bad[/red]")
            row.append(cell + (f" ({', '.join(extra)})" if extra else ""))
        summary.add_row(*row)
    for s in result.sources:
        if s.error:
            summary.add_row(f"[red]{escape(Path(s.path).name)}[/red]", *([""] * len(tables)))
    console.print(summary)
    console.print(
        f"{result.added} new records; {sum(c['duplicate'] for c in counts.values())} already in the data set; "
        f"{len(errors)} problem(s)."
    )
    if not result.read_anything:
        err.print("[red]Nothing could be imported.[/red]")
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add ``smguard import`` to the app."""
    app.command("import")(import_command)
