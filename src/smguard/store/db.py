"""Engines, sessions and migrations of the store.

A store is any SQLAlchemy URL: a SQLite file by default (``sqlite:///smguard.db`` in the working directory),
PostgreSQL for teams (``postgresql+psycopg://user@host/db``). The schema is created and upgraded by the Alembic
revisions shipped in ``smguard/store/migrations`` (no ``alembic.ini`` needed): :func:`upgrade`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB_URL = "sqlite:///smguard.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_url() -> str:
    """``$SMGUARD_DATABASE_URL`` or a SQLite file ``smguard.db`` in the working directory."""
    return os.environ.get("SMGUARD_DATABASE_URL") or DEFAULT_DB_URL


def normalize_url(url: str | None) -> str:
    """Accept a bare file path or ``postgresql://`` and turn them into full SQLAlchemy URLs."""
    url = url or default_url()
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False})
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits at the end of the block, or rolls back on error."""
    with session_factory(engine)() as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest). Safe to call on every start."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_empty(engine: Engine) -> bool:
    """True when the store holds no accounts and no users (a fresh database)."""
    from sqlalchemy import func, select

    from smguard.store.models import Account, User

    if "accounts" not in inspect(engine).get_table_names():
        return True
    with session_factory(engine)() as s:
        return not s.scalar(select(func.count()).select_from(Account)) and not s.scalar(
            select(func.count()).select_from(User)
        )
