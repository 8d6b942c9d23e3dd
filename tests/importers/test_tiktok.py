"""TikTok "Download your data" importer, on the project's own fixtures (tests/importers/fixtures/tiktok)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from smguard.dataset.schema import TABLES
from smguard.importers.base import ImportContext, Source
from smguard.importers.builder import validate
from smguard.importers.tiktok import TikTokImporter, get, looks_like_tiktok

FIX = Path(__file__).parent / "fixtures" / "tiktok"
ACCT = "tiktok:morningcoffee.co"


def run(path: Path, **ctx_args) -> tuple[dict[str, list[dict]], ImportContext]:
    ctx = ImportContext(**ctx_args)
    out: dict[str, list[dict]] = {}
    for table, rec in TikTokImporter().read(Source.open(path), ctx):
        validate(TABLES[table], rec)
        out.setdefault(table, []).append(rec)
    return out, ctx


@pytest.fixture(scope="module")
def new():
    return run(FIX / "new_layout")


def test_account_from_profile(new):
    assert new[0]["accounts"] == [
        {"id": ACCT, "platform": "tiktok", "owner": "brand", "handle": "morningcoffee.co"}
    ]


def test_posts_video_and_photo_mode(new):
    posts = {p["id"]: p for p in new[0]["posts"]}
    v = posts["tiktok:7470000000000000001"]
    assert v["created_at"] == "2025-03-01T08:00:00+00:00"
    assert v["text"] == "New spring menu ☕ #coffee #springmenu @latte_lover"
    assert v["metrics"] == {"likes": 1204}
    assert v["media"][0]["type"] == "video" and v["media"][0]["id"] == "7470000000000000001"
    photo = next(p for p in posts.values() if p["id"] != v["id"])
    assert [m["type"] for m in photo["media"]] == ["photo", "photo"]
    assert photo["text"] == ""  # "N/A"
    assert len(posts) == 2  # the third has a bad date


def test_own_comments_are_out_messages(new):
    comments = [m for m in new[0]["messages"] if m["channel"] == "comment"]
    assert len(comments) == 2
    assert all(m["direction"] == "out" and m["account_id"] == ACCT for m in comments)
    assert comments[0]["post_id"] == "tiktok:7470000000000000001"


def test_dms_direction_and_replies(new):
    dms = sorted((m for m in new[0]["messages"] if m["channel"] == "dm"), key=lambda m: m["created_at"])
    assert [(m["direction"], m.get("author_handle")) for m in dms] == [
        ("in", "latte_lover"),
        ("out", None),
        ("in", "latte_lover"),
        ("in", "angry_customer"),
    ]
    assert dms[1]["in_reply_to"] == dms[0]["id"]
    assert "in_reply_to" not in dms[3]  # never answered
    assert dms[0]["author_id"] == "latte_lover"


def test_followers_and_likes(new):
    assert [(f["user_id"], f["followed_at"]) for f in new[0]["followers"]] == [
        ("latte_lover", "2025-02-01T12:00:00+00:00"),
        ("angry_customer", "2025-02-02T12:00:00+00:00"),
    ]
    assert [lk["target_post_id"] for lk in new[0]["likes"]] == ["7471111111111111111", "7472222222222222222"]


def test_watch_history_is_not_posts(new):
    assert "tiktok:7479999999999999999" not in {p["id"] for p in new[0]["posts"]}


def test_problems_with_positions(new):
    p = {(x.position): x.message for x in new[1].problems}
    assert all(x.file.endswith("user_data_tiktok.json") for x in new[1].problems)
    assert "YYYY-MM-DD" in p["Post.Posts.VideoList[2].Date"]
    assert "YYYY-MM-DD" in p["Comment.Comments.CommentsList[2].date"]
    assert "user name" in p["Your Activity.Follower.FansList[2].UserName"]
    assert len(p) == 3


def test_old_layout_and_key_case():
    records, ctx = run(FIX / "old_layout")
    assert ctx.problems == []
    assert records["accounts"][0]["id"] == "tiktok:oldbrand"
    assert [p["id"] for p in records["posts"]] == ["tiktok:7090000000000000001"]
    assert records["posts"][0]["metrics"] == {"likes": 3}
    assert [f["user_id"] for f in records["followers"]] == ["early_fan"]
    assert records["likes"][0]["target_post_id"] == "7090000000000000009"
    assert records["messages"][0]["direction"] == "in"


def test_brand_account_option_overrides_profile():
    records, _ = run(FIX / "old_layout", brand_account_ids={"tiktok:brand_official"})
    assert records["accounts"][0]["id"] == "tiktok:brand_official"


def test_broken_export_reported():
    records, ctx = run(FIX / "broken")
    assert records == {}
    assert len(ctx.problems) == 1
    assert ctx.problems[0].position.startswith("line ") and "not valid JSON" in ctx.problems[0].message


def test_reads_the_export_inside_a_zip(tmp_path):
    z = tmp_path / "TikTok_Data.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIX / "new_layout" / "user_data_tiktok.json", "TikTok_Data_1741000000/user_data_tiktok.json")
    records, _ = run(z)
    assert len(records["posts"]) == 2


def test_key_lookup_ignores_case_and_spaces():
    d = {"Like List": 1, "date": 2}
    assert get(d, "likelist") == 1 and get(d, "Date") == 2 and get(d, "missing") is None
    assert looks_like_tiktok({"Profile": {}, "Your Activity": {}})
    assert not looks_like_tiktok({"statuses": []})


def test_big_exports_are_streamed_with_the_same_result(monkeypatch):
    import smguard.importers.tiktok as tiktok_mod

    small, _ = run(FIX / "new_layout")
    monkeypatch.setattr(tiktok_mod, "STREAM_ABOVE", 0)
    streamed, ctx = run(FIX / "new_layout")
    assert streamed == small
    assert len(ctx.problems) == 3
    old, _ = run(FIX / "old_layout")
    assert old["accounts"][0]["id"] == "tiktok:oldbrand" and len(old["likes"]) == 1


def test_big_broken_export_reported(monkeypatch):
    import smguard.importers.tiktok as tiktok_mod

    monkeypatch.setattr(tiktok_mod, "STREAM_ABOVE", 0)
    records, ctx = run(FIX / "broken")
    assert records == {} and len(ctx.problems) == 1
    assert ctx.problems[0].position.startswith("near byte") and "not valid JSON" in ctx.problems[0].message


def test_unprefixed_brand_ids_do_not_replace_the_export_owner():
    records, _ = run(FIX / "new_layout", brand_account_ids={"1001", "weibo:1001"})
    assert records["accounts"][0]["id"] == ACCT
