"""WeChat Official Account importer, on the project's own fixtures (tests/importers/fixtures/wechat)."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguard.dataset.schema import TABLES
from smguard.importers.base import ImportContext, Source
from smguard.importers.builder import validate
from smguard.importers.wechat import WeChatImporter, classify, parse_documents

FIX = Path(__file__).parent / "fixtures" / "wechat"
ACCT = "wechat:gh_0123456789ab"


def run(path: Path, **ctx_args) -> tuple[dict[str, list[dict]], ImportContext]:
    ctx = ImportContext(**ctx_args)
    out: dict[str, list[dict]] = {}
    for table, rec in WeChatImporter().read(Source.open(path), ctx):
        validate(TABLES[table], rec)
        out.setdefault(table, []).append(rec)
    return out, ctx


@pytest.fixture(scope="module")
def result():
    return run(FIX)


def problems(ctx: ImportContext) -> dict[tuple[str, str], str]:
    return {(Path(p.file).name, p.position): p.message for p in ctx.problems}


def test_claims_all_wechat_files():
    assert len(WeChatImporter().claim(Source.open(FIX))) == 12


def test_account_named_by_pushed_message(result):
    assert result[0]["accounts"] == [
        {"id": ACCT, "platform": "wechat", "owner": "brand", "handle": "gh_0123456789ab"}
    ]


def test_brand_account_option_names_the_account():
    records, _ = run(FIX / "user_get.json", brand_account_ids={"wechat:gh_cafe"})
    assert records["accounts"][0]["id"] == "wechat:gh_cafe"
    assert {f["account_id"] for f in records["followers"]} == {"wechat:gh_cafe"}


def test_without_any_account_id_a_placeholder_is_used():
    records, _ = run(FIX / "user_get.json")
    assert records["accounts"][0]["id"] == "wechat:official_account"


def test_comments_and_the_accounts_reply(result):
    msgs = {m["id"]: m for m in result[0]["messages"]}
    c1 = msgs["wechat:comment:2650000001_1:1"]
    assert c1 == {
        "id": "wechat:comment:2650000001_1:1",
        "account_id": ACCT,
        "created_at": "2024-03-04T02:00:00+00:00",
        "channel": "comment",
        "direction": "in",
        "text": "文章写得很好，什么时候有线下活动？",
        "author_id": "oUSER_aaa111",
        "post_id": "wechat:2650000001_1",
    }
    r1 = msgs["wechat:comment:2650000001_1:1:reply"]
    assert r1["direction"] == "out" and r1["in_reply_to"] == c1["id"] and r1["automated"] is False
    assert r1["created_at"] == "2024-03-04T03:00:00+00:00"
    # unanswered comment stays unanswered
    assert "wechat:comment:2650000001_1:2:reply" not in msgs
    # article id from the saved request parameters
    assert msgs["wechat:comment:2650000002_0:1"]["post_id"] == "wechat:2650000002_0"


def test_customer_service_records(result):
    dms = sorted(
        (m for m in result[0]["messages"] if m["channel"] == "dm" and "kf:" in m["id"]),
        key=lambda m: m["created_at"],
    )
    assert [(m["direction"], m.get("automated")) for m in dms] == [
        ("in", None),
        ("out", True),
        ("in", None),
        ("out", False),
        ("in", None),
    ]
    assert dms[1]["in_reply_to"] == dms[0]["id"]  # the automatic welcome answers "在吗"
    assert dms[3]["in_reply_to"] == dms[2]["id"]  # the human agent answers the refund request
    assert dms[3]["author_handle"] == "kf2001@gh_0123456789ab"
    assert dms[4]["author_id"] == "oUSER_bbb222"  # opercode 2001: received by the account


def test_pushed_xml_message(result):
    msgs = {m["id"]: m for m in result[0]["messages"]}
    m = msgs["wechat:msg:24500000000000001"]
    assert m["channel"] == "dm" and m["direction"] == "in" and m["author_id"] == "oUSER_eee555"
    assert m["text"] == "你们几点开门？"


def test_followers_with_legacy_profile_fields(result):
    f = {r["user_id"]: r for r in result[0]["followers"]}
    assert f["oUSER_aaa111"] == {
        "account_id": ACCT,
        "user_id": "oUSER_aaa111",
        "handle": "小王",
        "followed_at": "2020-09-13T12:26:40+00:00",
        "gender": "female",
        "location": "中国 上海 浦东",
        "has_avatar": True,
    }
    assert "gender" not in f["oUSER_bbb222"]  # after 2021-12-27 WeChat no longer sends sex/city
    assert "oUSER_gone999" not in f  # subscribe = 0: not a follower
    assert "oUSER_ddd444" in f  # from user/get
    assert len(f) == 5


def test_article_statistics_become_posts_and_follower_counts(result):
    posts = {p["id"]: p for p in result[0]["posts"]}
    p = posts["wechat:2650000001_1"]
    assert p["created_at"] == "2024-03-04T00:00:00+08:00"
    assert p["metrics"] == {"views": 2500, "shares": 101}  # latest cumulative day
    assert p["text"] == "春季新品上市 | 晨光咖啡"
    assert result[0]["follower_counts"] == [
        {"account_id": ACCT, "date": "2024-03-04", "followers": 12000},
        {"account_id": ACCT, "date": "2024-03-05", "followers": 12050},
    ]


def test_malformed_input_reported_rest_imported(result):
    p = problems(result[1])
    broken = [k for k in p if k[0] == "broken_msgrecord.json"]
    assert broken and broken[0][1].startswith("line 1") and "not valid JSON" in p[broken[0]]
    assert "unix seconds" in p[("comment_list_2650000001_1.json", "comment[2].create_time")]
    assert "expected an object" in p[("comment_list_request.json", "comment[0].reply")]
    assert "expected a number" in p[("msgrecord_getmsglist.json", "recordlist[6].opercode")]
    assert "openid" in p[("msgrecord_getmsglist.json", "recordlist[7].openid")]
    assert "openid" in p[("user_get.json", "data.openid[2]")]
    assert "YYYY-MM-DD" in p[("datacube_getarticletotal.json", "list[1].ref_date")]
    assert ("datacube_getusercumulate.json", "list[2]") in p
    assert "not valid XML" in p[("broken_push.xml", "line 1, column 110")]
    assert "40001" in p[("error_invalid_credential.json", "errcode")]
    assert len(p) == 10


def test_api_error_response_is_reported():
    ctx = ImportContext()
    out = list(
        parse_documents([("e.json", {"errcode": 45009, "errmsg": "reach max api daily quota limit"})], ctx)
    )
    assert out == [] and "45009" in ctx.problems[0].message


def test_classify_ignores_configuration_responses():
    assert classify({"is_autoreply_open": 1}) == "ignored"
    assert classify({"msg_id": 1, "msg_status": "SEND_SUCCESS"}) == "ignored"
    assert classify({"list": [{"ref_date": "2024-01-01", "new_user": 1, "cancel_user": 0}]}) == "ignored"
    assert classify({"foo": 1}) is None


def test_reimport_is_stable():
    assert run(FIX)[0] == run(FIX)[0]


def test_account_picked_from_mixed_brand_ids():
    records, _ = run(FIX / "user_get.json", brand_account_ids={"1001", "gh_cafe", "weibo:1001"})
    assert records["accounts"][0]["id"] == "wechat:gh_cafe"


def test_pushed_events_become_follows_and_unfollows(result):
    f = {r["user_id"]: r for r in result[0]["followers"]}
    assert f["oUSER_fff666"] == {
        "account_id": ACCT,
        "user_id": "oUSER_fff666",
        "followed_at": "2024-03-06T04:40:00+00:00",
    }
    assert f["oUSER_ggg777"]["unfollowed_at"] == "2024-03-06T07:26:40+00:00"
    msgs = {m["id"]: m for m in result[0]["messages"]}
    assert msgs["wechat:msg:24500000000000002"]["text"] == "[image]"
    assert not any("MENU_1" in m["text"] for m in msgs.values())


def test_a_bare_numeric_id_is_not_taken_for_the_official_account():
    records, _ = run(FIX / "user_get.json", brand_account_ids={"1001"})
    assert records["accounts"][0]["id"] == "wechat:official_account"
