"""``smguard serve``, ``smguard load``, ``smguard user create``, ``smguard db upgrade``: the web workspace."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

DB_HELP = "Store URL: a SQLite file (default sqlite:///smguard.db, or $SMGUARD_DATABASE_URL) or postgresql+psycopg://…"
DEMO_USERS = (
    ("admin", "admin@demo.smguard.local"),
    ("manager", "manager@demo.smguard.local"),
    ("agent", "agent@demo.smguard.local"),
    ("employee", "employee@demo.smguard.local"),
)

user_app = typer.Typer(help="Manage workspace users.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the workspace store (schema migrations).", no_args_is_help=True)


def _engine(db: str | None):
    from smguard.store.db import make_engine, normalize_url

    return make_engine(normalize_url(db))


def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Interface to listen on (127.0.0.1: this machine only)."
    ),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    demo: bool | None = typer.Option(
        None,
        "--demo/--no-demo",
        help="Load the bundled demo data set and demo users into an empty store "
        "(default: only for the default SQLite file).",
    ),
    reload: bool = typer.Option(False, "--reload", help="Restart on code changes (development)."),
) -> None:
    """Start the web workspace (inbox, composer, guidelines, audiences, dashboard) at http://HOST:PORT/."""
    import uvicorn

    from smguard.store.db import is_empty, normalize_url, upgrade

    console = Console()
    url = normalize_url(db)
    engine = _engine(url)
    upgrade(engine)
    if demo is None:
        demo = db is None and "SMGUARD_DATABASE_URL" not in os.environ
    if is_empty(engine):
        if demo:
            _load_demo(engine, url, console)
        else:
            console.print(
                "[yellow]The store is empty.[/yellow] Fill it with [bold]smguard load DATASET_DIR "
                f"--db {escape(url)}[/bold] and create the first admin with [bold]smguard user create "
                f"--role admin --email you@example.com --db {escape(url)}[/bold]."
            )
    elif not _has_users(engine):
        console.print(
            "[yellow]No user yet.[/yellow] Create the first admin with [bold]smguard user create --role admin "
            f"--email you@example.com --db {escape(url)}[/bold]."
        )
    console.print(
        f"smguard workspace on [bold]http://{host}:{port}/[/bold]  (store: {escape(_safe_url(url))}, "
        f"OpenAPI: http://{host}:{port}/api/openapi.json)"
    )
    os.environ["SMGUARD_DATABASE_URL"] = url
    if reload:
        uvicorn.run("smguard.web.app:create_app", factory=True, host=host, port=port, reload=True)
    else:
        from smguard.web.app import create_app

        uvicorn.run(create_app(url, engine=engine), host=host, port=port, proxy_headers=True)


def _has_users(engine) -> bool:
    from sqlalchemy import select

    from smguard.store.db import session_factory
    from smguard.store.models import User

    with session_factory(engine)() as s:
        return s.scalar(select(User.id).limit(1)) is not None


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _load_demo(engine, url: str, console: Console) -> None:
    from smguard.demo import demo_dataset_path
    from smguard.store.db import session_scope
    from smguard.store.load import load_path
    from smguard.store.models import Employee
    from smguard.web.security import create_user

    path = demo_dataset_path()
    if not (path / "accounts.jsonl").exists() and not (path / "accounts.csv").exists():
        console.print(
            "[yellow]The store is empty and the demo data set is not built[/yellow] (run `make demo`)."
        )
        return
    console.print(f"Empty store: loading the demo data set from {escape(str(path))} …")
    load_path(engine, path)
    creds = []
    with session_scope(engine) as s:
        emp = s.query(Employee).order_by(Employee.id).first()
        for role, email in DEMO_USERS:
            if role == "employee" and emp is None:
                continue
            password = secrets.token_urlsafe(9)
            create_user(
                s,
                email,
                password,
                role,
                name=f"Demo {role}",
                employee_id=emp.id if role == "employee" and emp else None,
            )
            creds.append((role, email, password))
    t = Table("role", "email", "password", title="Demo users (shown once; also saved next to the store)")
    for row in creds:
        t.add_row(*row)
    console.print(t)
    if url.startswith("sqlite:///"):
        cred_file = Path(url.removeprefix("sqlite:///")).with_suffix(".demo-users.txt")
        cred_file.write_text("".join(f"{r}\t{e}\t{p}\n" for r, e, p in creds), encoding="utf-8")
        cred_file.chmod(0o600)
        console.print(f"Demo credentials saved to {escape(str(cred_file))} (readable only by you).")


def load(
    dataset_dir: Path = typer.Argument(..., help="Data set folder (format v1)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    no_audit: bool = typer.Option(False, "--no-audit", help="Skip the audit snapshot for the dashboard."),
    trend_weeks: int = typer.Option(
        8, "--trend-weeks", help="Weeks of score history for the dashboard trend."
    ),
) -> None:
    """Fill the store from a data set (idempotent: loading again updates rows in place, adds no duplicates)."""
    from smguard.dataset.model import DatasetError
    from smguard.store.load import load_path

    console = Console()
    err = Console(stderr=True)
    try:
        result = load_path(
            _engine(db),
            dataset_dir,
            audit=not no_audit,
            trend_weeks=trend_weeks,
            progress=lambda what, n: err.print(f"  {escape(what)}: {n:,}", highlight=False),
        )
    except DatasetError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        for p in exc.problems[:20]:
            err.print(f"  {escape(str(p))}")
        raise typer.Exit(2) from None
    for p in result.problems[:20]:
        err.print(f"[yellow]warning:[/yellow] {escape(p)}")
    if len(result.problems) > 20:
        err.print(f"  … and {len(result.problems) - 20} more problems")
    t = Table("table", "rows", title=f"Loaded {escape(result.dataset_name)}")
    for name, n in result.counts.items():
        t.add_row(name, f"{n:,}")
    console.print(t)
    if result.overall is not None:
        console.print(f"Audit snapshot stored: overall score {result.overall}/100")


@user_app.command("create")
def user_create(
    email: str = typer.Option(..., "--email", help="Login email."),
    role: str = typer.Option("admin", "--role", help="admin, manager, agent or employee."),
    password: str | None = typer.Option(None, "--password", help="Prompted (hidden) when missing."),
    name: str = typer.Option("", "--name"),
    employee_id: str | None = typer.Option(
        None, "--employee-id", help="Employee id (required for role employee)."
    ),
    lang: str = typer.Option("zh", "--lang", help="UI language: zh or en."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Create a workspace user (e.g. the first admin)."""
    from smguard.store.db import session_scope, upgrade
    from smguard.web.security import create_user

    err = Console(stderr=True)
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    engine = _engine(db)
    upgrade(engine)
    try:
        with session_scope(engine) as s:
            user = create_user(s, email, password, role, name=name, employee_id=employee_id, lang=lang)
            uid = user.id
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    Console().print(f"Created {escape(role)} {escape(email.strip().lower())} (id {uid}).")


@db_app.command("upgrade")
def db_upgrade(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    revision: str = typer.Option("head", "--revision", help="Alembic revision (default: the newest)."),
) -> None:
    """Create or upgrade the store's schema (the app also does this on start)."""
    from smguard.store.db import current_revision, upgrade

    engine = _engine(db)
    upgrade(engine, revision)
    Console().print(f"Store schema at revision {current_revision(engine)}.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``smguard`` app."""
    app.command("serve")(serve)
    app.command("load")(load)
    app.add_typer(user_app, name="user")
    app.add_typer(db_app, name="db")
