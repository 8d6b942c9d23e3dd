"""The role matrix: admin, manager, agent and employee each see and do only what their role allows."""

from __future__ import annotations

import pytest

READS = {
    # path: roles allowed
    "/api/dashboard": {"admin", "manager"},
    "/api/findings": {"admin", "manager"},
    "/api/inbox": {"admin", "manager", "agent"},
    "/api/inbox/m1": {"admin", "manager", "agent"},
    "/api/posts/queue": {"admin", "manager", "agent"},
    "/api/guidelines": {"admin", "manager", "agent", "employee"},
    "/api/guidelines/unsigned": {"admin", "manager"},
    "/api/embargo": {"admin", "manager"},
    "/api/audiences": {"admin", "manager"},
    "/api/audiences/export.csv": {"admin", "manager"},
    "/api/campaigns": {"admin", "manager"},
    "/api/tools": {"admin", "manager"},
    "/api/followers/quality": {"admin", "manager"},
    "/api/likes/queue": {"admin", "manager"},
    "/api/automation/rules": {"admin", "manager"},
    "/api/users": {"admin"},
    "/api/profile": {"admin", "manager", "agent", "employee"},
}
ROLES = ("admin", "manager", "agent", "employee")


@pytest.mark.parametrize("role", ROLES)
def test_reads(client, role):
    c = client(role)
    for path, allowed in READS.items():
        status = c.get(path).status_code
        assert (status == 200) == (role in allowed), f"{role} GET {path}: {status}"
        if role not in allowed:
            assert status == 403


@pytest.mark.parametrize("role", ROLES)
def test_writes(client, role):
    c = client(role)
    writes = [
        ("post", "/api/inbox/m1/resolve", {"resolved": True}, {"admin", "manager", "agent"}),
        (
            "post",
            "/api/check/post",
            {"platform": "weibo", "text": "你好 #咖啡#"},
            {"admin", "manager", "agent"},
        ),
        ("post", "/api/guidelines", {"text": "# v3\n\nBe nice."}, {"admin", "manager"}),
        ("post", "/api/embargo", {"term": f"Secret {role}"}, {"admin", "manager"}),
        (
            "post",
            "/api/automation/rules",
            {"name": "night", "reply_text": "We'll answer in the morning."},
            {"admin", "manager"},
        ),
        (
            "post",
            "/api/users",
            {"email": f"new-{role}@acme.example", "password": "password123", "role": "agent"},
            {"admin"},
        ),
    ]
    for method, path, body, allowed in writes:
        status = getattr(c, method)(path, json=body).status_code
        assert (status in (200, 201)) == (role in allowed), f"{role} {method} {path}: {status}"


def test_employee_signs_guidelines_and_edits_own_profile(client):
    c = client("employee")
    g = c.get("/api/guidelines").json()
    assert g["can_sign"] and not g["signed"]
    r = c.post("/api/guidelines/sign")
    assert r.status_code == 200 and r.json()["employee_id"] == "e2"
    assert c.get("/api/guidelines").json()["signed"]
    assert c.patch("/api/profile", json={"lang": "en"}).json()["lang"] == "en"
    assert c.patch("/api/profile", json={"role": "admin"}).json()["role"] == "employee"  # ignored field


def test_admin_cannot_lock_themselves_out(client):
    c = client("admin")
    me = c.get("/api/auth/me").json()
    assert c.patch(f"/api/users/{me['id']}", json={"role": "agent"}).status_code == 422
