"""YouTube and LinkedIn importers on the project's fixtures."""

from __future__ import annotations

from _helpers import by_id, errors, run

CH = "UCacmeacmeacmeacmeacme01"


def test_youtube(tmp_path):
    t, ctx, _ = run(tmp_path, "youtube")
    assert [a["id"] for a in t["accounts"]] == [f"youtube:{CH}"]
    assert t["accounts"][0]["handle"] == "@acmecoffee" and t["accounts"][0]["followers"] == 2520
    posts = by_id(t["posts"])
    assert set(posts) == {
        "youtube:vid00000001",
        "youtube:vid00000002",
    }  # the other channel's video is skipped
    v = posts["youtube:vid00000001"]
    assert v["text"] == "How we roast\n\nBehind the scenes #coffee"
    assert v["media"] == [{"type": "video", "duration_s": 349.0, "id": "youtube:vid00000001"}]
    assert v["metrics"] == {"likes": 50, "comments": 3, "views": 1000}
    assert posts["youtube:vid00000002"]["source"] == "scheduled"
    msgs = by_id(t["messages"])
    top = msgs["youtube:Ugthread1"]
    assert top["direction"] == "in" and top["text"] == "Sound is too quiet & muffled\nplease fix"
    reply = msgs["youtube:Ugthread1.reply1"]
    assert reply["direction"] == "out" and reply["in_reply_to"] == top["id"]
    assert msgs["youtube:Ugthread2"]["direction"] == "out"  # channel owner's own top-level comment
    assert msgs["youtube:UgOld1"]["text"] == "Great video @maker"  # pre-2024 Takeout layout
    assert msgs["youtube:UgNew1.r1"]["text"] == "Thanks for watching"  # post-2024 layout
    assert msgs["youtube:UgNew1.r1"]["in_reply_to"] == "youtube:UgNew1"
    assert any("comments.csv, line 3" in e for e in errors(ctx))


def test_linkedin_member_export(tmp_path):
    t, ctx, _ = run(tmp_path, "linkedin", tz="Asia/Shanghai")
    assert t["accounts"][0]["id"] == "linkedin:ada-lovelace"
    posts = by_id(t["posts"])
    p = posts["linkedin:urn:li:share:7000000000000000001"]
    assert p["text"] == "We are hiring baristas.\n\nApply: https://acme.example/jobs\n#hiring #coffee"
    assert p["created_at"] == "2026-03-01T09:00:00+08:00"  # no zone in the export: read in --timezone
    assert p["link"] == "https://acme.example/jobs"
    assert posts["linkedin:urn:li:share:7000000000000000002"]["text"] == 'One line, with "quotes"'
    c = t["messages"][0]
    assert (
        c["text"] == 'Bob Smith I said "thanks" already'
        and c["post_id"] == "linkedin:urn:li:activity:7000000000000000101"
    )
    assert {f["user_id"] for f in t["followers"]} == {"grace-hopper", "alan-turing"}
    grace = next(f for f in t["followers"] if f["user_id"] == "grace-hopper")
    assert grace["followed_at"] == "2026-03-06T00:00:00+08:00" and grace["bio"] == "Admiral at Navy"
    errs = errors(ctx)
    assert any("Shares.csv, line 7" in e for e in errs)
    assert any("Connections.csv, line 7" in e and "Connected On" in e for e in errs)


def test_linkedin_api(tmp_path):
    t, ctx, _ = run(tmp_path, "linkedin_api", brand=("urn:li:organization:424242",))
    assert t["accounts"][0]["id"] == "linkedin:urn:li:organization:424242"
    posts = by_id(t["posts"])
    assert posts["linkedin:urn:li:share:7100000000000000001"]["media"][0]["type"] == "video"
    ugc = posts["linkedin:urn:li:ugcPost:7100000000000000002"]
    assert ugc["text"] == "Read our blog" and ugc["link"] == "https://acme.example/blog"
    msgs = t["messages"]
    q = next(m for m in msgs if m["direction"] == "in")
    a = next(m for m in msgs if m["direction"] == "out")
    assert a["in_reply_to"] == q["id"] and q["post_id"] == "linkedin:urn:li:activity:7100000000000000001"
    assert any("$.elements[2]" in e for e in errors(ctx))
