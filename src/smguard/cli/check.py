"""``smguard check post``: the composer's checks on the command line (platform fit, embargo, daily cap and
spacing), the same code as ``POST /api/check/post`` (:mod:`smguard.web.services.compose`)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

check_app = typer.Typer(help="Check a draft before publishing it.", no_args_is_help=True)

SEVERITY_STYLE = {"error": "red", "warning": "yellow", "tip": "cyan"}


def _parse_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(f"not an ISO 8601 time: {value!r} (e.g. 2026-11-02T10:00+08:00)") from None


@check_app.command("post")
def check_post(
    text: str = typer.Option(None, "--text", "-t", help="The post's text (or --file)."),
    file: Path | None = typer.Option(None, "--file", "-f", help="Read the text from this file ('-': stdin)."),
    platform: str | None = typer.Option(
        None, "--platform", "-p", help="weibo, wechat, douyin, x, instagram, …"
    ),
    media: list[str] = typer.Option(
        [],
        "--media",
        "-m",
        help="Media type: photo, video, gif, … (repeatable); video:SECONDS gives a duration.",
    ),
    link: str | None = typer.Option(None, "--link", help="URL the post points to (link field)."),
    at: str | None = typer.Option(
        None,
        "--at",
        help="Publication time, ISO 8601 (default now; local time of the store's data set when no offset).",
    ),
    account: str | None = typer.Option(
        None,
        "--account",
        "-a",
        help="Account id: checks the daily cap and spacing against its posts in the store.",
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store with the embargo list and the posts (default: "
        "$SMGUARD_DATABASE_URL, or ./smguard.db when it exists).",
    ),
    lang: str = typer.Option("en", "--lang", help="Language of the messages: en or zh."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Check one draft post. Exit status 1 when an issue blocks it, 0 otherwise, 2 on bad input."""
    from smguard.web.services.compose import CheckInput, media_items, run_checks
    from smguard.web.services.compose import check_post as db_check

    err = Console(stderr=True)
    if file is not None:
        text = typer.get_text_stream("stdin").read() if str(file) == "-" else file.read_text(encoding="utf-8")
    if text is None:
        err.print("[red]error:[/red] give the text with --text or --file")
        raise typer.Exit(2)
    items = []
    for m in media:
        kind, _, dur = m.partition(":")
        item: dict = {"type": kind.strip().lower()}
        if dur:
            try:
                item["duration_s"] = float(dur)
            except ValueError:
                err.print(f"[red]error:[/red] --media {escape(m)}: the duration after ':' must be seconds")
                raise typer.Exit(2) from None
        items.append(item)
    inp = CheckInput(text, platform, account, media_items(items), link, _parse_at(at))
    url = (
        db
        or os.environ.get("SMGUARD_DATABASE_URL")
        or ("sqlite:///smguard.db" if Path("smguard.db").exists() else None)
    )
    try:
        if url:
            from smguard.store.db import make_engine, session_factory, upgrade

            engine = make_engine(url)
            upgrade(engine)
            with session_factory(engine)() as s:
                result = db_check(s, inp)
        else:
            if account:
                err.print("[red]error:[/red] --account needs a store (--db URL) with the account's posts")
                raise typer.Exit(2)
            if not platform:
                err.print("[red]error:[/red] give --platform (or --account with --db)")
                raise typer.Exit(2)
            result = run_checks(inp)
    except LookupError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    out = result.to_json()
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print(out, lang, url is not None)
    raise typer.Exit(1 if result.blocking else 0)


def _print(out: dict, lang: str, with_store: bool) -> None:
    console = Console()
    lang = "zh" if lang == "zh" else "en"
    if not out["issues"]:
        console.print(
            f"[green]OK[/green] for {escape(out['platform'])} at {escape(out['at'])}: no issue found "
            f"(checks: {', '.join(out['checks_run'])})."
        )
    else:
        t = Table("check", "severity", "blocking", "issue", "fix", title=f"{out['platform']} at {out['at']}")
        for i in out["issues"]:
            style = SEVERITY_STYLE.get(i["severity"], "")
            t.add_row(
                i["check"],
                f"[{style}]{i['severity']}[/{style}]" if style else i["severity"],
                "yes" if i["blocking"] else "no",
                escape(i["message"][lang]),
                escape(i["fix"][lang]),
            )
        console.print(t)
    if "cadence" not in out["checks_run"]:
        console.print("Daily cap and spacing not checked: give --account (with a store: --db).")
    if not with_store:
        console.print("Embargo list: none (no store given; use --db).")
    if out["slots"]:
        console.print("Allowed slots: " + ", ".join(out["slots"]))
    console.print("[red]Blocked.[/red]" if out["blocking"] else "[green]Can be published.[/green]")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``smguard`` app."""
    app.add_typer(check_app, name="check")
