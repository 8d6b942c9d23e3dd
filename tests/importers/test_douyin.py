"""Douyin Open Platform importer, on the project's own fixtures (tests/importers/fixtures/douyin)."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguard.dataset.schema import TABLES
from smguard.importers.base import ImportContext, Source
from smguard.importers.builder import validate
from smguard.importers.douyin import DouyinImporter, classify

FIX = Path(__file__).parent / "fixtures" / "douyin"
ITEM = "@9VwKzuuES8gmaXS0ZohwR83rWfsvNFw1Ra4pgHPGRnV8KnrTmn4uQ0QhjVoNqsoXcXbvvQPI3x8nTjFo1nXDIQ=="
BRAND = "open_brand_001"


def run(path: Path, **ctx_args) -> tuple[dict[str, list[dict]], ImportContext]:
    ctx = ImportContext(**ctx_args)
    out: dict[str, list[dict]] = {}
    for table, rec in DouyinImporter().read(Source.open(path), ctx):
        validate(TABLES[table], rec)
        out.setdefault(table, []).append(rec)
    return out, ctx


@pytest.fixture(scope="module")
def result():
    return run(FIX, brand_account_ids={BRAND})


def test_claims_every_douyin_file():
    assert len(DouyinImporter().claim(Source.open(FIX))) == 6


def test_account_from_brand_option(result):
    assert result[0]["accounts"] == [{"id": f"douyin:{BRAND}", "platform": "douyin", "owner": "brand"}]


def test_without_brand_option_a_placeholder_account():
    records, _ = run(FIX / "video_list.json")
    assert records["accounts"][0]["id"] == "douyin:me"


def test_videos_and_photo_sets(result):
    posts = {p["id"]: p for p in result[0]["posts"]}
    v = posts[f"douyin:{ITEM}"]
    assert v["created_at"] == "2024-03-04T02:40:00+00:00"
    assert v["text"] == "新品拉花教学 #咖啡 #拉花 @咖啡师小李"
    assert v["media"] == [{"type": "video", "id": "v0200fg10000cnk0000000000000001"}]
    assert v["metrics"] == {"likes": 320, "comments": 18, "shares": 9, "views": 12000}
    photos = posts[f"douyin:{ITEM[:-1]}A"]
    assert photos["media"] == [{"type": "photo"}]  # media_type 2 = 图集
    assert "metrics" not in photos
    assert len(posts) == 2


def test_comments_brand_vs_user_and_replies(result):
    msgs = {m["id"]: m for m in result[0]["messages"]}
    c1 = msgs["douyin:7342000000000100001"]
    assert (
        c1["direction"] == "in" and c1["author_id"] == "open_user_aaa" and c1["post_id"] == f"douyin:{ITEM}"
    )
    c2 = msgs["douyin:7342000000000100002"]
    assert c2["direction"] == "out" and c2["automated"] is False
    reply = msgs["douyin:7342000000000100003"]
    assert reply["direction"] == "out" and reply["in_reply_to"] == "douyin:7342000000000100001"
    anon = [m for m in msgs.values() if m["text"] == "匿名评论，没有id"]
    assert len(anon) == 1 and anon[0]["id"].startswith("douyin:h") and "author_id" not in anon[0]


def test_fans(result):
    f = {r["user_id"]: r for r in result[0]["followers"]}
    assert f["open_user_aaa"] == {
        "account_id": f"douyin:{BRAND}",
        "user_id": "open_user_aaa",
        "handle": "爱喝咖啡的猫",
        "gender": "female",
        "location": "中国 浙江 杭州",
        "has_avatar": True,
    }
    assert f["open_user_ccc"]["gender"] == "unknown" and f["open_user_ccc"]["has_avatar"] is False
    assert len(f) == 2


def test_problems_name_file_and_position(result):
    p = {(Path(x.file).name, x.position): x.message for x in result[1].problems}
    assert "expected an object" in p[("video_list.json", "data.list[1].statistics")]
    assert "unix seconds" in p[("video_list.json", "data.list[2].create_time")]
    assert "unix seconds" in p[("comments_item.json", "data.list[3].create_time")]
    assert "open_id" in p[("fans_list.json", "data.list[2]")]
    assert "2190008" in p[("error_response.json", "data.error_code")]
    broken = [k for k in p if k[0] == "broken.json"]
    assert broken and broken[0][1].startswith("line ") and "not valid JSON" in p[broken[0]]
    assert len(p) == 6


def test_classify():
    assert classify({"data": {"list": [{"item_id": "1"}]}}) == "videos"
    assert classify({"list": [{"comment_id": "1"}]}) == "comments"
    assert classify({"data": {"list": [{"open_id": "1", "nickname": "n"}]}}) == "fans"
    assert classify({"data": {"list": [], "has_more": False}}) == "empty"
    assert classify({"data": [1]}) is None
    assert classify(None) is None


def test_reimport_is_stable():
    assert run(FIX, brand_account_ids={BRAND})[0] == run(FIX, brand_account_ids={BRAND})[0]


def test_a_numeric_brand_id_is_meant_for_another_platform():
    records, _ = run(FIX / "video_list.json", brand_account_ids={"1001"})
    assert records["accounts"][0]["id"] == "douyin:me"
