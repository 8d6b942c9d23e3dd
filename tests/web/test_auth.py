"""Login, sessions, cookies and CSRF."""

from __future__ import annotations

from .conftest import PASSWORD, USERS


def test_login_sets_httponly_samesite_cookies(client):
    c = client()
    token = c.get("/api/auth/csrf").json()["csrf_token"]
    r = c.post(
        "/api/auth/login",
        json={"email": USERS["admin"][0], "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 200
    cookies = r.headers.get_list("set-cookie")
    session = next(x for x in cookies if x.startswith("smguard_session="))
    assert "HttpOnly" in session and "samesite=lax" in session.lower() and "Secure" not in session
    assert c.get("/api/auth/me").json()["role"] == "admin"


def test_secure_cookie_over_https(app):
    from fastapi.testclient import TestClient

    c = TestClient(app, base_url="https://testserver")
    token = c.get("/api/auth/csrf").json()["csrf_token"]
    r = c.post(
        "/api/auth/login",
        json={"email": USERS["admin"][0], "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert all("Secure" in x for x in r.headers.get_list("set-cookie"))


def test_wrong_password_and_unknown_user(client):
    c = client()
    token = c.get("/api/auth/csrf").json()["csrf_token"]
    for email, pw in ((USERS["admin"][0], "wrong password"), ("nobody@acme.example", PASSWORD)):
        r = c.post("/api/auth/login", json={"email": email, "password": pw}, headers={"X-CSRF-Token": token})
        assert r.status_code == 401
    assert c.get("/api/auth/me").status_code == 401
    assert c.get("/api/inbox").status_code == 401


def test_csrf_refused_without_or_with_wrong_token(client):
    c = client()
    r = c.post("/api/auth/login", json={"email": USERS["admin"][0], "password": PASSWORD})
    assert r.status_code == 403  # even the login form is protected (double-submit cookie)
    c = client("admin")
    good = c.headers.pop("X-CSRF-Token")
    assert c.post("/api/inbox/m1/resolve", json={"resolved": True}).status_code == 403
    assert (
        c.post(
            "/api/inbox/m1/resolve", json={"resolved": True}, headers={"X-CSRF-Token": "forged"}
        ).status_code
        == 403
    )
    assert c.delete("/api/embargo/1").status_code == 403
    # a form post carries the token as a field
    assert c.post("/api/auth/logout", data={"csrf_token": "forged"}).status_code == 403
    assert (
        c.post("/api/inbox/m1/resolve", json={"resolved": True}, headers={"X-CSRF-Token": good}).status_code
        == 200
    )
    assert c.post("/api/auth/logout", data={"csrf_token": good}).status_code == 200  # form field accepted


def test_csrf_token_of_another_session_is_refused(client):
    a, b = client("admin"), client("agent")
    r = b.post(
        "/api/inbox/m1/resolve", json={"resolved": True}, headers={"X-CSRF-Token": a.headers["X-CSRF-Token"]}
    )
    assert r.status_code == 403


def test_logout_ends_the_session(client):
    c = client("agent")
    assert c.post("/api/auth/logout").status_code == 200
    assert c.get("/api/inbox").status_code == 401


def test_openapi_lists_the_api(client):
    spec = client().get("/api/openapi.json").json()
    for path in ("/api/inbox", "/api/check/post", "/api/dashboard", "/api/guidelines", "/api/audiences"):
        assert path in spec["paths"]


def test_password_is_hashed_with_argon2(app):
    from sqlalchemy import select

    from smguard.store.models import User

    with app.state.sessionmaker() as s:
        h = s.scalar(select(User.password_hash).where(User.email == USERS["agent"][0]))
    assert h.startswith("$argon2") and PASSWORD not in h


def test_deactivated_user_cannot_log_in(client):
    admin = client("admin")
    users = {u["email"]: u["id"] for u in admin.get("/api/users").json()}
    assert admin.patch(f"/api/users/{users[USERS['agent'][0]]}", json={"active": False}).status_code == 200
    c = client()
    token = c.get("/api/auth/csrf").json()["csrf_token"]
    r = c.post(
        "/api/auth/login",
        json={"email": USERS["agent"][0], "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 401


def test_failed_logins_are_throttled(client, monkeypatch):
    from smguard.web.services import auth

    monkeypatch.setattr(auth, "_failures", type(auth._failures)(auth._failures.default_factory))
    c = client()
    token = c.get("/api/auth/csrf").json()["csrf_token"]
    email = USERS["manager"][0]
    for _ in range(auth.MAX_FAILURES):
        r = c.post(
            "/api/auth/login", json={"email": email, "password": "nope"}, headers={"X-CSRF-Token": token}
        )
        assert r.status_code == 401
    r = c.post(
        "/api/auth/login", json={"email": email, "password": PASSWORD}, headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 429  # even the right password, until the window moves on
    r = c.post(
        "/api/auth/login",
        json={"email": USERS["agent"][0], "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 200  # another account from the same address is not locked out


def test_security_headers(client):
    r = client().get("/api/auth/csrf")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
