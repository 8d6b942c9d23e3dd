"""X/Twitter: archive and API v2 importers on the project's own fixtures."""

from __future__ import annotations

from _helpers import FIXTURES, by_id, errors, run

BRAND = "900000000000000001"


def test_archive(tmp_path):
    t, ctx, _ = run(tmp_path, "x_archive")
    acc = t["accounts"][0]
    assert acc["id"] == f"x:{BRAND}" and acc["handle"] == "AcmeCoffee" and acc["owner"] == "brand"
    assert acc["bio"].startswith("Fresh roasts") and acc["location"] == "Shanghai"
    posts = by_id(t["posts"])
    # brand tweets, the self-reply (thread) and the second part file are posts; the reply to a user is not
    assert set(posts) == {f"x:190000000000000000{i}" for i in (1, 3, 4, 5, 6, 7)}
    p1 = posts["x:1900000000000000001"]
    assert (
        p1["text"] == "New #SpringBlend is here & it is good! @beanfan"
    )  # HTML entities undone, hashtags kept
    assert p1["created_at"] == "2026-03-02T09:00:00+00:00"
    assert p1["media"] == [
        {"type": "photo", "id": "x:1800000000000000001", "url": "https://pbs.twimg.com/media/a.jpg"}
    ]
    assert p1["link"] == "https://acme.example/spring"
    assert p1["metrics"] == {"likes": 12, "shares": 3} and p1["source"] == "manual"
    assert posts["x:1900000000000000004"]["source"] == "automated"  # Hootsuite
    assert posts["x:1900000000000000005"]["media"] == [
        {"type": "video", "duration_s": 12.5, "id": "x:1800000000000000002"}
    ]
    assert posts["x:1900000000000000005"]["retweet"] is True
    assert posts["x:1900000000000000006"]["media"][0]["type"] == "gif"
    msgs = by_id(t["messages"])
    reply = msgs["x:1900000000000000002"]
    assert reply["direction"] == "out" and reply["channel"] == "comment"
    assert reply["in_reply_to"] == "x:1899999999999999999" and reply["automated"] is False
    dm_in, dm_out = msgs["x:dm:1900000000000000101"], msgs["x:dm:1900000000000000102"]
    assert dm_in["direction"] == "in" and dm_in["author_id"] == "555" and dm_in["channel"] == "dm"
    assert dm_out["direction"] == "out" and dm_out["in_reply_to"] == dm_in["id"]
    assert {f["user_id"] for f in t["followers"]} == {"555", "556"}
    like = t["likes"][0]
    assert like["target_post_id"] == "1890000000000000000" and like["created_at_estimated"] is True
    # the like without a tweetId is reported with its position, the rest imports
    assert any("like.js, record 2" in e and "tweetId" in e for e in errors(ctx))


def test_archive_malformed(tmp_path):
    t, ctx, _ = run(tmp_path, "x_archive_bad")
    errs = errors(ctx)
    assert any("tweets.js, record 1" in e and "yesterday-ish" in e for e in errs)
    assert any("tweets.js, record 2" in e and "without id_str" in e for e in errs)
    assert any("tweets.js, record 4" in e and "truncated" in e for e in errs)
    assert any("follower.js, record 2" in e and "not valid JSON" in e for e in errs)
    # what could be read before the damage is imported
    assert [p["id"] for p in t["posts"]] == ["x:1900000000000000001"]
    assert "messages" not in t  # the reply was the truncated record
    assert [f["user_id"] for f in t["followers"]] == ["555"]


def test_archive_without_account_uses_brand_account(tmp_path):
    src = tmp_path / "arch" / "data"
    src.mkdir(parents=True)
    (src / "tweets.js").write_bytes((FIXTURES / "x_archive" / "data" / "tweets.js").read_bytes())
    t, ctx, _ = run(tmp_path, tmp_path / "arch", brand=("x:42",))
    assert t["accounts"][0]["id"] == "x:42"
    assert {p["account_id"] for p in t["posts"]} == {"x:42"}
    assert any("no account.js" in str(p) for p in ctx.problems)


def test_api_v2(tmp_path):
    t, ctx, _ = run(tmp_path, "x_api")
    assert [a["id"] for a in t["accounts"]] == [f"x:{BRAND}"]
    posts = by_id(t["posts"])
    p = posts["x:1900000000000000201"]
    assert p["metrics"] == {"likes": 10, "comments": 1, "shares": 3, "views": 900}
    assert [m["type"] for m in p["media"]] == ["photo", "video"] and p["media"][1]["duration_s"] == 15
    assert p["link"] == "https://acme.example/store"
    assert "x:1900000000000000401" in posts  # from the TypeScript module
    msgs = by_id(t["messages"])
    q = msgs["x:1900000000000000202"]
    assert (q["direction"], q["channel"], q["author_handle"]) == ("in", "comment", "fan77")
    assert q["post_id"] == "x:1900000000000000201"
    a = msgs["x:1900000000000000203"]
    assert a["direction"] == "out" and a["in_reply_to"] == q["id"]
    m = msgs["x:1900000000000000301"]
    assert (m["channel"], m["direction"], m["author_id"]) == ("mention", "in", "888")
    assert m["created_at"].startswith("20")  # no created_at: taken from the snowflake id
    f = t["followers"][0]
    assert f["has_avatar"] is False and f["followers_count"] == 3 and f["bio"] == "coffee snob"
    assert any("$.data[3]" in e for e in errors(ctx))
