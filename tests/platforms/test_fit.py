"""check_post_fit: one post against its platform's profile."""

from __future__ import annotations

from datetime import date, datetime

from smguard.platforms.fit import (
    ISSUE_RULES,
    check_post_fit,
    prefix_hashtags,
    snippet,
    wrapped_hashtags,
)

PHOTO = [{"type": "photo"}]
VIDEO = [{"type": "video", "duration_s": 30}]


def codes(platform, text, media=None, link=None, **kw):
    return [(i.code, i.severity) for i in check_post_fit(platform, text, media or [], link, **kw)]


def test_every_issue_has_a_rule_and_both_languages():
    issues = check_post_fit("instagram", "#a#  " + "x" * 2300 + " https://acme.example/x", [], "https://a.b")
    assert issues
    for i in issues:
        assert i.rule in set(ISSUE_RULES.values())
        assert i.message_en and i.message_zh and i.fix_en and i.fix_zh
        assert i.to_json("zh")["message"] == i.message_zh


def test_text_only_on_visual_platforms():
    assert ("text-only-on-visual-platform", "error") in codes("instagram", "hello")
    assert ("text-only-on-visual-platform", "error") in codes("xiaohongshu", "你好")
    assert ("text-only-on-visual-platform", "warning") in codes("youtube", "hello")
    assert ("text-only-on-visual-platform", "warning") in codes("tiktok", "hello", [{"type": "link"}])
    for p in ("weibo", "x", "linkedin", "facebook", "wechat", "other"):
        assert codes(p, "hello") == [], p
    assert codes("instagram", "hello", PHOTO) == []
    assert codes("instagram", "", [{"type": "gif"}]) == []


def test_photo_on_video_platform():
    assert codes("youtube", "hi", PHOTO) == [("photo-on-video-platform", "warning")]
    assert codes("youtube", "hi", VIDEO) == []
    assert codes("tiktok", "hi", PHOTO) == [("photo-on-video-platform", "warning")]  # photo mode is secondary
    assert codes("instagram", "hi", PHOTO) == []


def test_length_x_weighted():
    assert codes("x", "你" * 140) == []
    assert codes("x", "你" * 141) == [("text-over-limit", "error")]
    issue = check_post_fit("x", "你" * 141, [], None)[0]
    assert issue.data["length"] == 282 and issue.data["limit"] == 280
    assert "282" in issue.message_en and "280" in issue.message_zh and "X" in issue.message_en
    long_link = " https://example.com/" + "p" * 200  # a space (1) + a link (23, whatever its length)
    assert codes("x", "a" * 256 + long_link) == []  # 280
    assert codes("x", "a" * 257 + long_link) == [("text-over-limit", "error")]  # 281


def test_x_media_link_of_archives_is_not_counted():
    text = "a" * 270 + " https://t.co/AbC123"
    assert codes("x", text) == [("text-over-limit", "error")]  # a link the author typed counts 23
    assert codes("x", text, PHOTO) == []  # the archive's trailing link to the attached photo does not


def test_length_other_platforms():
    assert codes("instagram", "a" * 2201, PHOTO) == [("text-over-limit", "error")]
    assert codes("instagram", "a" * 2200, PHOTO) == []
    assert codes("youtube", "咖" * 1667, VIDEO) == [("text-over-limit", "error")]  # 5,001 bytes
    assert codes("youtube", "a" * 5000, VIDEO) == []
    assert codes("weibo", "长" * 2001) == [("text-over-limit", "error")]
    assert codes("weibo", "长" * 141) == [("text-folded", "tip")]
    assert codes("weibo", "a" * 282) == [("text-folded", "tip")]  # 141 字
    assert codes("weibo", "a" * 280) == []
    assert codes("linkedin", "a" * 3001) == [("text-over-limit", "error")]
    assert codes("bilibili", "a" * 2500, VIDEO) == [("text-over-limit", "tip")]  # unverified limit
    assert codes("douyin", "a" * 50000, VIDEO) == []  # no known limit


def test_weibo_topics():
    assert wrapped_hashtags("#春季新品# 上市 #咖啡#") == (["春季新品", "咖啡"], [])
    assert wrapped_hashtags("春季新品上市 #春季新品 快来") == ([], ["#春季新品"])
    assert wrapped_hashtags("#a #b") == ([], ["#a", "#b"])
    assert wrapped_hashtags("C# 课程 房间#302 # 号 https://t.cn/x#y") == ([], [])
    assert wrapped_hashtags("#SpringSale# ok") == (["SpringSale"], [])
    assert codes("weibo", "春季新品上市 #春季新品 快来") == [("hashtag-unclosed", "warning")]
    assert codes("weibo", "New #SpringMenu") == [("hashtag-unclosed", "warning")]
    assert codes("weibo", "#春季新品# 快来") == []
    issue = check_post_fit("weibo", "春季新品上市 #春季新品 快来", [], None)[0]
    assert "#春季新品#" in issue.fix_en and "#春季新品" in issue.message_zh


def test_weibo_syntax_on_prefix_platforms():
    assert codes("x", "New menu #SpringMenu# today") == [("hashtag-wrapped", "warning")]
    assert codes("instagram", "春季新品 #春季新品#", PHOTO) == [("hashtag-wrapped", "warning")]
    assert codes("instagram", "春季新品 #春季新品#上市", PHOTO) == [("hashtag-wrapped", "warning")]
    assert codes("x", "New #coffee #spring") == []
    assert codes("x", "chained #a#b") == []


def test_hashtag_caps_follow_the_date():
    text = "Latte " + " ".join(f"#t{i}" for i in range(6))
    assert codes("instagram", text, PHOTO, posted_at=date(2026, 1, 1)) == [("too-many-hashtags", "error")]
    assert codes("instagram", text, PHOTO, posted_at=datetime(2025, 12, 18, 23)) == []
    assert codes("instagram", text, PHOTO) == [("too-many-hashtags", "error")]  # today's rule
    assert codes("instagram", "Latte #a #b #c #d #e", PHOTO) == []
    many = " ".join(f"#t{i}" for i in range(31))
    assert codes("instagram", many, PHOTO, posted_at=date(2024, 1, 1)) == [("too-many-hashtags", "error")]
    assert codes("youtube", " ".join(f"#t{i}" for i in range(61)), VIDEO) == [("too-many-hashtags", "error")]
    assert codes("youtube", " ".join(f"#t{i}" for i in range(20)), VIDEO) == [
        ("hashtags-over-recommended", "tip")
    ]
    assert codes("x", "#a #b #c") == [("hashtags-over-recommended", "tip")]


def test_prefix_hashtags():
    assert prefix_hashtags("#coffee #咖啡 #1 #tea_time https://a.example/#frag C#") == [
        "coffee",
        "咖啡",
        "tea_time",
    ]


def test_links_in_captions():
    assert codes("instagram", "Order at https://acme.example/o", PHOTO) == [("link-not-clickable", "warning")]
    assert codes("tiktok", "Shop: acme.com", VIDEO) == [("link-not-clickable", "warning")]
    assert codes("douyin", "下单 acme.cn/shop", VIDEO) == [("link-not-clickable", "warning")]
    assert codes("xiaohongshu", "官网 www.acme.cn", PHOTO) == [("link-not-clickable", "warning")]
    assert codes("x", "Order at https://acme.example/o") == []
    assert codes("instagram", "Link in bio", PHOTO, link="https://acme.example") == [
        ("link-field-not-shown", "tip")
    ]


def test_video_ranges():
    assert codes("tiktok", "clip", [{"type": "video", "duration_s": 2}]) == []  # 3 s is an API-only minimum
    assert codes("tiktok", "clip", [{"type": "video", "duration_s": 3601}]) == [("video-too-long", "error")]
    assert codes("x", "clip", [{"type": "video", "duration_s": 0.4}]) == [("video-too-short", "error")]
    assert codes("x", "clip", [{"type": "video"}]) == []
    assert codes("youtube", "talk", [{"type": "video", "duration_s": 13 * 3600}]) == [
        ("video-too-long", "error")
    ]


def test_photo_counts():
    assert codes("x", "gallery", [{"type": "photo"}] * 5) == [("too-many-photos", "error")]
    assert codes("x", "gallery", [{"type": "photo"}] * 4) == []
    assert codes("weibo", "九宫格", [{"type": "photo"}] * 20) == [("too-many-photos", "tip")]


def test_snippet():
    assert snippet("a  b\nc") == "a b c"
    assert snippet("x" * 50, 10) == "x" * 9 + "…"
    assert snippet(None) == ""


def test_handles_missing_values():
    assert check_post_fit("x", None, None, None) == []
    assert check_post_fit("unknown-platform", "anything #a#", [{"type": None}], None) == []
