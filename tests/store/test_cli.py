"""`smguard db upgrade`, `smguard load` (twice: nothing changes) and `smguard user create`."""

from __future__ import annotations

from sqlalchemy import func, select
from typer.testing import CliRunner

from smguard.cli.main import app as cli
from smguard.store.db import make_engine, session_scope
from smguard.store.models import Base, User

from .conftest import FIXTURE


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with session_scope(engine) as s:
        out = {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
    engine.dispose()
    return out


def test_cli_load_twice_user_create(tmp_path):
    url = f"sqlite:///{tmp_path / 'ws.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["db", "upgrade", "--db", url]).exit_code == 0
    r = runner.invoke(cli, ["load", str(FIXTURE), "--db", url, "--trend-weeks", "1"])
    assert r.exit_code == 0, r.output
    first = _counts(url)
    assert first["messages"] == 8 and first["audit_snapshots"] == 1
    assert runner.invoke(cli, ["load", str(FIXTURE), "--db", url, "--trend-weeks", "1"]).exit_code == 0
    assert _counts(url) == first
    r = runner.invoke(
        cli,
        ["user", "create", "--role", "admin", "--email", "Boss@Acme.example", "--db", url],
        input="s3cret-pass\ns3cret-pass\n",
    )
    assert r.exit_code == 0, r.output
    engine = make_engine(url)
    with session_scope(engine) as s:
        assert s.scalar(select(User.role).where(User.email == "boss@acme.example")) == "admin"
    engine.dispose()
    dup = runner.invoke(
        cli, ["user", "create", "--email", "boss@acme.example", "--password", "whatever1", "--db", url]
    )
    assert dup.exit_code == 2
    assert runner.invoke(cli, ["load", str(tmp_path / "missing"), "--db", url]).exit_code == 2


def test_serve_loads_the_demo_into_an_empty_default_store(tmp_path, monkeypatch):
    from rich.console import Console

    import smguard.demo
    from smguard.cli.web import _load_demo
    from smguard.store.db import is_empty, upgrade

    monkeypatch.setattr(smguard.demo, "demo_dataset_path", lambda: FIXTURE)
    url = f"sqlite:///{tmp_path / 'smguard.db'}"
    engine = make_engine(url)
    upgrade(engine)
    assert is_empty(engine)
    console = Console(record=True, width=200)
    _load_demo(engine, url, console)
    assert not is_empty(engine)
    with session_scope(engine) as s:
        roles = {r for (r,) in s.execute(select(User.role))}
    assert roles == {"admin", "manager", "agent", "employee"}
    creds = tmp_path / "smguard.demo-users.txt"
    assert creds.stat().st_mode & 0o777 == 0o600 and "admin@demo.smguard.local" in creds.read_text()
    assert "admin@demo.smguard.local" in console.export_text()
    engine.dispose()
