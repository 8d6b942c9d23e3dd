"""Guidelines and embargo list."""

from __future__ import annotations


def test_publish_sign_and_who_has_not_signed(client):
    m = client("manager")
    assert [e["id"] for e in m.get("/api/guidelines/unsigned").json()["employees"]] == ["e2"]
    r = m.post("/api/guidelines", json={"title": "v3", "text": "# 准则 3\n\n<b>不要</b>泄露新品"})
    assert r.status_code == 201 and r.json()["version"] == "3.0"
    assert m.post("/api/guidelines", json={"text": "again", "version": "3.0"}).status_code == 409
    unsigned = m.get("/api/guidelines/unsigned").json()
    assert unsigned["version"] == "3.0" and {e["id"] for e in unsigned["employees"]} == {"e1", "e2"}
    e = client("employee")
    assert e.get("/api/guidelines").json()["current"]["version"] == "3.0"
    assert e.post("/api/guidelines/sign").status_code == 200
    assert [x["id"] for x in m.get("/api/guidelines/unsigned").json()["employees"]] == ["e1"]
    assert m.post("/api/guidelines/sign").status_code == 409  # a manager without an employee record


def test_embargo_crud(client):
    c = client("admin")
    r = c.post(
        "/api/embargo", json={"term": "Falcon", "aliases": ["猎鹰", " ", "FX-1"], "until": "2027-01-31"}
    )
    assert r.status_code == 201 and r.json()["aliases"] == ["猎鹰", "FX-1"]
    eid = r.json()["id"]
    assert c.post("/api/embargo", json={"term": "Falcon"}).status_code == 409
    assert c.patch(f"/api/embargo/{eid}", json={"until": None}).json()["until"] is None
    check = c.post(
        "/api/check/post", json={"platform": "weibo", "text": "猎鹰 即将到来", "media": ["photo"]}
    ).json()
    assert any(i["check"] == "embargo" for i in check["issues"])
    assert c.delete(f"/api/embargo/{eid}").status_code == 204
    assert c.delete(f"/api/embargo/{eid}").status_code == 404


def test_alerts_on_employee_posts(client):
    c = client("manager")
    assert c.get("/api/guidelines/alerts").json() == []
    c.post("/api/embargo", json={"term": "加班"})  # the employee post p4 says 今天加班到很晚
    alerts = c.get("/api/guidelines/alerts").json()
    assert [a["post_id"] for a in alerts] == ["p4"] and alerts[0]["employee_id"] == "e1"
