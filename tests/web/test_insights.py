"""Dashboard, audiences, followers, likes queue and auto-reply rules."""

from __future__ import annotations

import csv
import io


def test_dashboard_scores_trend_and_evidence_links(client):
    d = client("manager").get("/api/dashboard", params={"lang": "en"}).json()
    assert set(d["scores"]) == {"1", "2", "3", "4", "5", "6"} and 0 <= d["overall"] <= 100
    assert d["trend"] and all("scores" in w for w in d["trend"])
    assert d["top_findings"] and all(isinstance(f["title"], str) for f in d["top_findings"])
    assert all(e["link"] for f in d["top_findings"] for e in f["evidence"] if e.get("id"))


def test_audience_segments_and_csv_export(client):
    c = client("manager")
    a = c.get("/api/audiences").json()
    assert a["size"] == 3  # current, non-suspect followers of brand accounts
    assert c.get("/api/audiences", params={"location": "上海", "customer": "true"}).json()["size"] == 1
    assert c.get("/api/audiences", params={"interest": ["咖啡", "coffee"]}).json()["size"] == 3
    assert c.get("/api/audiences", params={"age_min": 30, "gender": "male"}).json()["size"] == 1
    r = c.get("/api/audiences/export.csv", params={"customer": "true"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["user_id"] for row in rows} == {"u1", "x2"} and rows[0]["handle"] == "fan1"


def test_campaigns_and_tools(client):
    c = client("manager")
    camps = {x["id"]: x for x in c.get("/api/campaigns").json()}
    assert camps["cp1"]["has_targeting"] and not camps["cp2"]["has_targeting"]
    tools = {t["account_id"]: t for t in c.get("/api/tools", params={"lang": "en"}).json()}
    assert tools["wb"]["used"] >= 1 and tools["wb"]["unused"] >= 1


def test_followers_quality(client):
    q = {x["account_id"]: x for x in client("manager").get("/api/followers/quality").json()}
    assert q["wb"]["followers"] == 4 and q["wb"]["customers"] == 1 and q["wb"]["customer_share"] == 0.25
    assert q["wb"]["suspect"] >= 1 and q["wb"]["trend"][-1]["followers"] == 1180


def test_like_queue_only_fans_mentioning_the_brand(client):
    c = client("manager")
    queue = c.get("/api/likes/queue").json()
    ids = {x["message_id"] for x in queue}
    assert "m8" in ids  # fan u1 mentions @acmecoffee
    assert "m3" not in ids  # abusive, and not a follower
    assert "m2" not in ids  # a fan, but does not mention the brand
    assert c.post("/api/likes/queue/m8/like").status_code == 201
    assert "m8" not in {x["message_id"] for x in c.get("/api/likes/queue").json()}
    assert c.post("/api/likes/queue/m2/like").status_code == 409


def test_auto_reply_rules_default_to_off_hours_with_a_cap(client):
    c = client("manager")
    r = c.post("/api/automation/rules", json={"name": "night", "reply_text": "我们明早回复您"}).json()
    assert r["off_hours_only"] and r["max_share"] == 0.2
    assert (
        c.post("/api/automation/rules", json={"name": "all", "reply_text": "x", "max_share": 0.9}).status_code
        == 422
    )
    assert c.patch(f"/api/automation/rules/{r['id']}", json={"enabled": False}).json()["enabled"] is False
    share = {x["account_id"]: x for x in c.get("/api/automation/share").json()}
    assert share["xa"]["replies"] == 1 and share["xa"]["automated"] == 0


def test_auto_reply_rule_fires_only_off_hours(client):
    c = client("manager")
    rule = c.post("/api/automation/rules", json={"name": "night", "reply_text": "明早回复您"}).json()
    night = c.get(
        f"/api/automation/rules/{rule['id']}/may-fire", params={"at": "2026-12-01T23:00:00+08:00"}
    ).json()
    day = c.get(
        f"/api/automation/rules/{rule['id']}/may-fire", params={"at": "2026-12-01T11:00:00+08:00"}
    ).json()
    assert night["allowed"] and night["off_hours"]
    assert not day["allowed"] and "business hours" in day["reasons"][0]
