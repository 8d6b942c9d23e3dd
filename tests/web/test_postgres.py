"""The API on PostgreSQL (when SMGUARD_TEST_DATABASE_URL is set): every read and the main actions."""

from __future__ import annotations

import os
import uuid
import warnings

import pytest
from sqlalchemy import text

from smguard.store.db import make_engine, session_scope, upgrade
from smguard.store.load import load_path
from smguard.web.app import create_app
from smguard.web.security import create_user

from .conftest import FIXTURE, PASSWORD, login
from .test_roles import READS

PG_URL = os.environ.get("SMGUARD_TEST_DATABASE_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="SMGUARD_TEST_DATABASE_URL is not set"),
]


@pytest.fixture
def pg_app():
    schema = f"smguard_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(engine)
        load_path(engine, FIXTURE, trend_weeks=1)
        with session_scope(engine) as s:
            create_user(s, "admin@acme.example", PASSWORD, "admin")
        yield create_app(PG_URL, engine=engine, pages=False, upgrade_on_start=False)
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_api_on_postgresql(pg_app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    c = login(TestClient(pg_app), "admin@acme.example")
    for path in READS:
        assert c.get(path).status_code == 200, path
    cursor = c.get("/api/inbox", params={"limit": 2}).json()["next_cursor"]
    assert len(c.get("/api/inbox", params={"limit": 2, "cursor": cursor}).json()["items"]) == 2
    assert (
        c.get("/api/audiences", params={"interest": "咖啡", "age_min": 20, "customer": "true"}).status_code
        == 200
    )
    assert c.post("/api/inbox/m3/offer-private").status_code == 200
    assert c.post("/api/inbox/m3/offer-private").status_code == 409
    assert c.post("/api/inbox/m4/resolve", json={"resolved": True}).status_code == 200
    r = c.post(
        "/api/posts",
        json={
            "account_id": "wb",
            "text": "冬季 #咖啡#",
            "media": ["photo"],
            "at": "2026-12-20T09:00:00+08:00",
        },
    )
    assert r.status_code == 201
    assert c.post("/api/likes/queue/m8/like").status_code == 201
