"""Weibo Open API v2 importer, on the project's own fixtures (tests/importers/fixtures/weibo)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smguard.dataset.schema import TABLES
from smguard.importers.base import ImportContext, Source
from smguard.importers.builder import validate
from smguard.importers.weibo import WeiboImporter, classify, infer_brand_ids, parse_documents

FIX = Path(__file__).parent / "fixtures" / "weibo"


def run(path: Path, **ctx_args) -> tuple[dict[str, list[dict]], ImportContext]:
    ctx = ImportContext(**ctx_args)
    out: dict[str, list[dict]] = {}
    for table, rec in WeiboImporter().read(Source.open(path), ctx):
        validate(TABLES[table], rec)  # every record is valid data set v1
        out.setdefault(table, []).append(rec)
    return out, ctx


@pytest.fixture(scope="module")
def result():
    return run(FIX)


def by_id(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records}


def test_detects_weibo_files_only():
    imp = WeiboImporter()
    claimed = imp.claim(Source.open(FIX))
    assert sorted(claimed) == [
        "broken.json",
        "comments_mentions.json",
        "comments_show.json",
        "error_expired_token.json",
        "followers.json",
        "mentions.json",
        "user_timeline.json",
    ]


def test_brand_is_inferred_from_the_comment_threads(result):
    records, _ = result
    assert records["accounts"] == [
        {"id": "weibo:1001", "platform": "weibo", "owner": "brand", "handle": "晨光咖啡"}
    ]


def test_posts_keep_topics_mentions_and_times(result):
    posts = by_id(result[0]["posts"])
    p = posts["weibo:5001000000000001"]
    assert p["created_at"] == "2024-03-04T09:00:00+08:00"
    assert "#春日限定#" in p["text"] and "@咖啡爱好者" in p["text"]
    assert p["link"] == "http://t.cn/A6abcdE"
    assert p["metrics"] == {"likes": 45, "comments": 12, "shares": 3}
    assert [m["type"] for m in p["media"]] == ["photo", "photo"]
    assert p["media"][0]["url"].startswith("http://wx1.sinaimg.cn/large/")


def test_scheduling_app_marks_post_automated(result):
    posts = by_id(result[0]["posts"])
    assert posts["weibo:5001000000000001"]["source"] == "automated"  # 皮皮时光机
    assert posts["weibo:5001000000000002"]["source"] == "manual"  # iPhone
    video = posts["weibo:5001000000000002"]["media"][0]
    assert video["type"] == "video" and video["duration_s"] == 42


def test_comments_direction_and_reply_threading(result):
    msgs = by_id(result[0]["messages"])
    first = msgs["weibo:5002000000000001"]
    assert first["direction"] == "in" and first["author_id"] == "2001"
    assert first["post_id"] == "weibo:5001000000000001"
    assert first["account_id"] == "weibo:1001"
    reply = msgs["weibo:5002000000000002"]
    assert reply["direction"] == "out"
    assert reply["in_reply_to"] == "weibo:5002000000000001"  # from reply_comment
    assert reply["automated"] is True  # 微博自动回复助手 contains 自动回复
    assert reply["text"].startswith("回复@小王爱喝咖啡:")
    # 回复@晨光咖啡: without reply_comment: the latest earlier comment by that name under the same status
    back = msgs["weibo:5002000000000003"]
    assert back["direction"] == "in"
    assert back["in_reply_to"] == "weibo:5002000000000002"


def test_mentions_of_the_brand_by_others(result):
    msgs = by_id(result[0]["messages"])
    m = msgs["weibo:5003000000000001"]
    assert m["channel"] == "mention" and m["direction"] == "in" and m["author_handle"] == "不开心的顾客"
    assert "weibo:5003000000000002" not in msgs  # another user's post that does not mention the brand
    assert "weibo:5003000000000002" not in by_id(result[0]["posts"])


def test_followers_profile_fields(result):
    f = {r["user_id"]: r for r in result[0]["followers"]}
    assert f["2001"] == {
        "account_id": "weibo:1001",
        "user_id": "2001",
        "handle": "小王爱喝咖啡",
        "location": "上海",
        "gender": "female",
        "followers_count": 88,
        "following_count": 120,
        "posts_count": 300,
        "has_avatar": True,
        "verified": False,
        "created_at": "2016-01-15T08:00:00+08:00",
        "bio": "咖啡重度用户",
    }
    assert f["2003"]["has_avatar"] is False  # Weibo's default avatar
    assert "location" not in f["2003"]  # 其他 = unknown
    assert "created_at" not in f["2003"]


def test_malformed_items_are_reported_with_file_and_position(result):
    _, ctx = result
    msgs = {(Path(p.file).name, p.position): p.message for p in ctx.problems}
    broken = next(p for p in ctx.problems if p.file.endswith("broken.json"))
    assert "not valid JSON" in broken.message and broken.position.startswith("line ")
    assert "Weibo's format" in msgs[("comments_show.json", "comments[3].created_at")]
    assert "expected an object" in msgs[("comments_show.json", "comments[4]")]
    assert "user.id" in msgs[("comments_show.json", "comments[5].user")]
    assert ("followers.json", "users[1].created_at") in msgs
    # everything else imported
    assert (
        len(result[0]["messages"]) == 5 and len(result[0]["posts"]) == 2 and len(result[0]["followers"]) == 2
    )


def test_explicit_brand_account_wins():
    records, _ = run(FIX / "mentions.json", brand_account_ids={"weibo:2004"})
    assert [p["id"] for p in records["posts"]] == ["weibo:5003000000000001"]
    assert records["accounts"][0]["id"] == "weibo:2004"


def test_infer_brand_single_author_timeline():
    docs = [("t.json", json.loads((FIX / "user_timeline.json").read_text()))]
    brand, names = infer_brand_ids(docs, set())
    assert brand == {"1001"} and names["1001"] == "晨光咖啡"


def test_classify_shapes():
    assert classify({"statuses": []}) == "statuses"
    assert classify({"comments": []}) == "comments"
    assert classify({"users": []}) == "users"
    assert classify({"id": 1, "screen_name": "a", "followers_count": 1}) == "user"
    assert classify([1, 2]) is None
    assert classify("text") is None


def test_not_weibo_document_is_reported_not_raised():
    ctx = ImportContext()
    assert list(parse_documents([("x.json", {"hello": 1}), ("y.json", [1, 2])], ctx)) == []
    assert [p.file for p in ctx.problems] == ["x.json", "y.json"]


def test_reimport_gives_same_ids():
    a, _ = run(FIX)
    b, _ = run(FIX)
    assert a == b


def test_brand_account_by_screen_name_and_unrelated_bare_ids():
    by_name, _ = run(FIX, brand_account_ids={"@晨光咖啡"})
    assert by_name["accounts"][0]["id"] == "weibo:1001"
    # a bare id that is not in these files (meant for another platform) does not stop the inference
    mixed, _ = run(FIX, brand_account_ids={"1234567890123", "x:1001"})
    assert mixed["accounts"][0]["id"] == "weibo:1001"
    assert len(mixed["posts"]) == 2


def test_comment_mentioning_the_brand_under_another_users_post(result):
    m = by_id(result[0]["messages"])["weibo:5005000000000001"]
    assert m["channel"] == "mention" and m["direction"] == "in" and m["account_id"] == "weibo:1001"
    assert m["post_id"] == "weibo:5004000000000001"
    assert "weibo:5004000000000001" not in by_id(result[0]["posts"])  # not the brand's post


def test_left_out_statuses_of_other_users_are_noted(result):
    notes = [p for p in result[1].problems if p.level == "warning" and p.file.endswith("mentions.json")]
    assert [(Path(p.file).name, p.position) for p in notes] == [("mentions.json", "statuses")]
    assert "1 status(es) by other users" in notes[0].message


def test_api_error_response_is_reported(result):
    p = [x for x in result[1].problems if x.file.endswith("error_expired_token.json")]
    assert len(p) == 1 and "21327" in p[0].message and "expired_token" in p[0].message


def test_deleted_status_is_noted_not_counted_as_another_users():
    ctx = ImportContext()
    doc = {
        "statuses": [
            {
                "created_at": "Wed Jan 24 11:19:36 +0800 2018",
                "idstr": "1",
                "deleted": "1",
                "text": "此微博已被作者删除。",
            },
            {"created_at": "Wed Jan 24 11:19:36 +0800 2018", "idstr": "2", "text": "hi", "user": {"id": 5}},
        ]
    }
    out = list(parse_documents([("t.json", doc)], ctx))
    assert [r["id"] for t, r in out if t == "posts"] == ["weibo:2"]
    assert [(p.position, p.level) for p in ctx.problems] == [("statuses[0]", "warning")]
