"""Inbox: urgency order, tone check, private offer, assignment, resolution."""

from __future__ import annotations


def test_inbox_order_filters_and_clock(client):
    c = client("agent")
    items = c.get("/api/inbox", params={"view": "needs_reply"}).json()["items"]
    ids = [i["id"] for i in items]
    assert ids[:2] == ["m3", "m1"]  # abusive/complaint first, the longest waiting first
    assert "m5" not in ids  # answered
    assert all(i["waiting_seconds"] > 0 for i in items)
    help_ = c.get("/api/inbox", params={"label": "help_request"}).json()["items"]
    assert "m4" in [i["id"] for i in help_] and {i["label"] for i in help_} == {"help_request"}
    assert {i["account_id"] for i in c.get("/api/inbox", params={"account_id": "xa"}).json()["items"]} == {
        "xa"
    }
    assert c.get("/api/inbox", params={"label": "nonsense"}).status_code == 422
    assert c.get("/api/inbox/counts").json()["needs_reply"] == 6


def test_user_text_comes_back_verbatim_for_the_pages_to_escape(client):
    items = client("agent").get("/api/inbox").json()["items"]
    m8 = next(i for i in items if i["id"] == "m8")
    assert "<script>" in m8["text"]  # JSON carries the text; the pages escape it (Jinja2 autoescape)


def test_tone_warning_on_blaming_reply_to_a_complaint(client):
    c = client("agent")
    r = c.post(
        "/api/check/reply",
        json={"text": "That is your own fault, you should have read the rules.", "message_id": "m1"},
    ).json()
    codes = {w["code"] for w in r["warnings"]}
    assert not r["ok"] and {"argumentative", "missing_apology", "missing_fix"} <= codes
    r = c.post(
        "/api/inbox/m1/reply", json={"text": "That is your own fault, you should have read the rules."}
    )
    assert r.status_code == 409 and r.json()["detail"]["tone"]["warnings"]
    assert c.get("/api/inbox/m1").json()["message"]["needs_reply"]  # nothing was sent
    good = c.get("/api/inbox/m1/suggestions").json()["suggestions"][0]
    check = c.post("/api/check/reply", json={"text": good, "message_id": "m1"}).json()
    assert check["ok"], check
    r = c.post("/api/inbox/m1/reply", json={"text": good})
    assert r.status_code == 200
    t = c.get("/api/inbox/m1").json()
    assert not t["message"]["needs_reply"] and t["messages"][-1]["direction"] == "out"


def test_suggestions_apologise_and_promise_a_fix_in_both_languages(client):
    c = client("agent")
    zh = c.get("/api/inbox/m1/suggestions").json()["suggestions"]
    en = c.get("/api/inbox/m1/suggestions", params={"lang": "en"}).json()["suggestions"]
    assert any("抱歉" in s for s in zh) and any("sorry" in s.lower() for s in en)
    assert any("fix" in s.lower() for s in en)


def test_private_offer_once_then_no_public_reply(client):
    c = client("agent")
    r = c.post("/api/inbox/m3/offer-private", json={"lang": "en"})
    assert r.status_code == 200
    t = r.json()["thread"]
    assert t["private_only"] and t["messages"][-1]["public"] and t["messages"][-1]["direction"] == "out"
    assert c.post("/api/inbox/m3/offer-private").status_code == 409
    r = c.post("/api/inbox/m3/reply", json={"text": "Please calm down.", "confirm": True})
    assert r.status_code == 409 and r.json()["detail"]["private_only"]
    r = c.post(
        "/api/inbox/m3/reply", json={"text": "Sorry! We will fix it today.", "private": True, "confirm": True}
    )
    assert r.status_code == 200 and r.json()["reply"]["channel"] == "dm"
    out = [m for m in c.get("/api/inbox/m3").json()["messages"] if m["direction"] == "out" and m["public"]]
    assert len(out) == 1  # exactly one public message


def test_assign_and_resolve(client):
    admin = client("admin")
    users = {u["role"]: u["id"] for u in admin.get("/api/users").json()}
    c = client("agent")
    assert (
        c.post("/api/inbox/m4/assign", json={"user_id": users["agent"]}).json()["assigned_to"]
        == users["agent"]
    )
    assert [i["id"] for i in c.get("/api/inbox", params={"assigned": "me"}).json()["items"]] == ["m4"]
    assert c.post("/api/inbox/m4/assign", json={"user_id": users["employee"]}).status_code == 422
    r = c.post("/api/inbox/m4/resolve", json={"resolved": True}).json()
    assert r["resolved"] and not r["needs_reply"]
    assert "m4" not in [i["id"] for i in c.get("/api/inbox", params={"view": "needs_reply"}).json()["items"]]
    assert c.post("/api/inbox/m4/resolve", json={"resolved": False}).json()["needs_reply"]
    assert c.get("/api/inbox/nope").status_code == 404
