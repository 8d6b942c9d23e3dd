"""Store fixtures: every test gets a fresh, migrated store on SQLite and, when SMGUARD_TEST_DATABASE_URL is set,
also on PostgreSQL (in a schema of its own, dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from smguard.store.db import make_engine, upgrade

FIXTURE = Path(__file__).parent / "fixtures" / "acme"
PG_URL = os.environ.get("SMGUARD_TEST_DATABASE_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="SMGUARD_TEST_DATABASE_URL is not set"),
        ],
    ),
]


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
        upgrade(eng)
        yield eng
        eng.dispose()
        return
    yield from pg_engine()


def pg_engine() -> Iterator[Engine]:
    schema = f"smguard_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
