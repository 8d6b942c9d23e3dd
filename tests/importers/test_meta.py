"""Facebook and Instagram importers (Graph API and "Download your information") on the project's fixtures."""

from __future__ import annotations

from _helpers import by_id, errors, run

PAGE = "1122334455"


def test_facebook_graph(tmp_path):
    t, ctx, _ = run(tmp_path, "facebook_graph")
    acc = t["accounts"][0]
    assert acc["id"] == f"facebook:{PAGE}" and acc["handle"] == "acmecoffee" and acc["followers"] == 1350
    posts = by_id(t["posts"])
    p = posts[f"facebook:{PAGE}_1001"]
    assert p["text"] == "Spring menu 🌸 #Spring"
    assert p["created_at"] == "2026-03-01T08:00:00+00:00"
    assert [m["type"] for m in p["media"]] == ["photo", "video"]
    assert p["metrics"] == {"likes": 30, "shares": 4}
    assert posts[f"facebook:{PAGE}_1002"]["source"] == "automated"  # posted through Buffer
    assert posts[f"facebook:{PAGE}_1002"]["link"] == "https://acme.example/blog"
    sched = posts[f"facebook:{PAGE}_1003"]
    assert sched["source"] == "scheduled" and sched["created_at"] == "2026-04-01T08:00:00+00:00"
    msgs = by_id(t["messages"])
    q = msgs["facebook:1001_2001"]
    assert (q["direction"], q["channel"], q["author_id"], q["post_id"]) == (
        "in",
        "comment",
        "3001",
        f"facebook:{PAGE}_1001",
    )
    a = msgs["facebook:1001_2002"]
    assert (
        a["direction"] == "out" and a["in_reply_to"] == q["id"] and a["automated"] is True
    )  # app "自动回复 bot"
    visitor = msgs[f"facebook:{PAGE}_1004"]
    assert (visitor["direction"], visitor["channel"]) == ("in", "mention")
    dm_out = msgs["facebook:m_2"]
    assert dm_out["channel"] == "dm" and dm_out["in_reply_to"] == "facebook:m_1"
    assert t["follower_counts"] == [
        {"account_id": f"facebook:{PAGE}", "date": "2026-03-01", "followers": 1190},
        {"account_id": f"facebook:{PAGE}", "date": "2026-03-02", "followers": 1200},
    ]
    assert any("$.data[4]" in e and "not a time" in e for e in errors(ctx))


def test_facebook_dyi_fixes_mojibake(tmp_path):
    t, ctx, _ = run(tmp_path, "facebook_dyi")
    acc = t["accounts"][0]
    assert acc["id"] == "facebook:Søren Café"
    texts = {p["text"] for p in t["posts"]}
    assert "Åbent i dag ☕ #kaffe" in texts
    photo_post = next(p for p in t["posts"] if p["text"].startswith("Åbent"))
    assert [m["type"] for m in photo_post["media"]] == [
        "photo",
        "video",
    ]  # video from video_metadata, no extension
    link_post = next(p for p in t["posts"] if p.get("link"))
    assert link_post["link"] == "https://acme.example"
    msgs = t["messages"]
    comment = next(m for m in msgs if m["channel"] == "comment")
    assert comment["text"] == "Tak for besøget!" and comment["direction"] == "out"
    dms = sorted((m for m in msgs if m["channel"] == "dm"), key=lambda m: m["created_at"])
    assert [d["direction"] for d in dms] == ["in", "out"] and dms[0]["text"] == "Åbner I kl. 8?"
    assert dms[1]["in_reply_to"] == dms[0]["id"]
    assert t["likes"][0]["target_text"] == "Søren Café synes godt om et opslag."
    assert any("your_posts_1.json" in e and "$[2]" in e for e in errors(ctx))


def test_facebook_reimport_adds_nothing(tmp_path):
    run(tmp_path, "facebook_graph", "facebook_dyi")
    _, _, result = run(tmp_path, "facebook_dyi", "facebook_graph")
    assert result.added == 0
    assert sum(c["duplicate"] for c in result.builder.counts.values()) > 10


def test_instagram_dyi(tmp_path):
    t, ctx, _ = run(tmp_path, "instagram_dyi")
    assert t["accounts"][0]["id"] == "instagram:acme.coffee"
    posts = sorted(t["posts"], key=lambda p: p["created_at"])
    assert posts[0]["text"] == "Latte art ☕ #latteart @barista"  # single-media caption in media[0].title
    assert posts[1]["text"] == "Carousel" and [m["type"] for m in posts[1]["media"]] == ["photo", "video"]
    msgs = t["messages"]
    c = next(m for m in msgs if m["channel"] == "comment")
    assert c["text"] == "Thanks 🙏" and c["direction"] == "out"
    dms = sorted((m for m in msgs if m["channel"] == "dm"), key=lambda m: m["created_at"])
    assert [d["direction"] for d in dms] == ["in", "out"]  # "Acme Coffee" is the owner's display name
    assert {f["user_id"] for f in t["followers"]} == {"fan1", "fan2"}
    assert t["followers"][0]["followed_at"].startswith("2026-02")
    assert t["likes"][0]["target_post_id"] == "ABC123" and t["likes"][0]["target_author_handle"] == "fan1"
    assert len(errors(ctx)) == 2


def test_instagram_graph(tmp_path):
    t, ctx, _ = run(tmp_path, "instagram_graph")
    acc = t["accounts"][0]
    assert acc["id"] == "instagram:17841400000000001" and acc["handle"] == "acme.coffee"
    posts = by_id(t["posts"])
    reel = posts["instagram:18000000000000001"]
    assert reel["media"][0]["type"] == "video"
    assert reel["metrics"] == {"likes": 40, "comments": 2, "views": 1234}  # views from the insights file
    assert reel["saved"] == 7
    carousel = posts["instagram:18000000000000002"]
    assert [m["type"] for m in carousel["media"]] == ["photo", "video"]
    msgs = by_id(t["messages"])
    q, a = msgs["instagram:17900000000000001"], msgs["instagram:17900000000000002"]
    assert (
        q["direction"] == "in"
        and q["author_handle"] == "fan1"
        and q["post_id"] == "instagram:18000000000000001"
    )
    assert a["direction"] == "out" and a["in_reply_to"] == q["id"]
    assert any("$.data[2]" in e for e in errors(ctx))
