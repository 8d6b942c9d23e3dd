"""Web fixtures: a store loaded once from the test data set, copied fresh for every test, with one user per role.

``client("agent")`` returns a TestClient logged in as that role, with the CSRF header set.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from smguard.store.db import make_engine, session_scope
from smguard.store.load import load_path
from smguard.web.app import create_app
from smguard.web.security import create_user

FIXTURE = Path(__file__).parents[1] / "store" / "fixtures" / "acme"
PASSWORD = "correct horse battery"
USERS = {
    "admin": ("admin@acme.example", None),
    "manager": ("manager@acme.example", None),
    "agent": ("agent@acme.example", None),
    "employee": ("tom@acme.example", "e2"),
}


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Argon2 with small parameters: the tests log in hundreds of times (production keeps the defaults)."""
    from argon2 import PasswordHasher

    from smguard.web import security

    saved = security._hasher
    security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    security._hasher = saved


@pytest.fixture(autouse=True)
def no_login_throttle_carry_over() -> Iterator[None]:
    """Failed logins of one test do not count against the next (the throttle lives in the process)."""
    from smguard.web.services import auth

    auth._failures.clear()
    yield
    auth._failures.clear()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.db"
    engine = make_engine(f"sqlite:///{path}")
    load_path(engine, FIXTURE, trend_weeks=2)
    with session_scope(engine) as s:
        for role, (email, emp) in USERS.items():
            create_user(s, email, PASSWORD, role, name=role.title(), employee_id=emp)
    engine.dispose()
    return path


@pytest.fixture
def app(template_db: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    shutil.copy(template_db, db)
    application = create_app(
        f"sqlite:///{db}", pages=False, upgrade_on_start=False
    )  # the template is migrated
    yield application
    application.state.engine.dispose()


def login(c: TestClient, email: str, password: str = PASSWORD) -> TestClient:
    token = c.get("/api/auth/csrf").json()["csrf_token"]
    r = c.post(
        "/api/auth/login", json={"email": email, "password": password}, headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 200, r.text
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return c


@pytest.fixture
def client(app) -> Iterator[Callable[[str], TestClient]]:
    made: list[TestClient] = []

    def make(role: str | None = None) -> TestClient:
        c = TestClient(app)
        made.append(c)
        if role is not None:
            login(c, USERS[role][0])
        return c

    yield make
    for c in made:
        c.close()
