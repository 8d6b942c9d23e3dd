"""The platforms' own ways of counting text length."""

from __future__ import annotations

import pytest

from smguard.platforms.counting import (
    char_length,
    find_urls,
    utf8_length,
    weibo_length,
    x_weighted_length,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("hello", 5),
        ("a" * 280, 280),
        ("你好", 4),  # CJK weigh 2
        ("こんにちは", 10),  # kana weigh 2
        ("안녕", 4),  # hangul weigh 2
        ("你" * 140, 280),  # 140 Chinese characters fill a post
        ("café", 4),  # Latin-1 weighs 1
        ("e\u0301", 1),  # NFC: e + combining accent is one é
        ("“quoted” — dash…", 16),  # U+2010–U+201F and U+2026? (… is U+2026: outside ranges → 2)
        ("https://example.com/a/very/long/path/that/is/long", 23),
        ("see https://example.com/x and t.co", 4 + 23 + 5 + 23),
        ("acme.com", 23),  # a bare domain is a link
        ("acme.cn", 7),  # a ccTLD without a path is not
        ("acme.cn/menu", 23),
        ("网址 https://acme.example/春", 5 + 23 + 2),  # the link stops at the Chinese character
        ("😀", 2),
        ("👍🏽", 2),  # emoji + skin tone
        ("👨‍👩‍👧‍👦", 2),  # ZWJ family is one emoji
        ("🇨🇳", 2),  # flag: two regional indicators
        ("1️⃣", 2),  # keycap
        ("❤️", 2),
    ],
)
def test_x_weighted_length(text, expected):
    if text == "“quoted” — dash…":
        # “ ” — are in U+2010–U+201F (weight 1); … U+2026 is not (weight 2); letters and spaces 1
        expected = len(text) + 1
    assert x_weighted_length(text) == expected


def test_x_limit_boundary_mixed():
    text = "新品" * 50 + " " + "a" * 79 + " https://acme.example/spring"
    assert x_weighted_length(text) == 200 + 1 + 79 + 1 + 23


def test_weibo_length_counts_half_width_as_half():
    assert weibo_length("你好") == 2
    assert weibo_length("ab") == 1
    assert weibo_length("abc") == 2  # rounded up
    assert weibo_length("a" * 280) == 140
    assert weibo_length("新品 new") == 2 + 2  # "新品" 2 + " new" 4 half = 2


def test_char_and_byte_lengths():
    assert char_length("咖啡☕") == 3
    assert utf8_length("咖啡") == 6
    assert utf8_length("a") == 1


def test_find_urls_trims_punctuation():
    text = "Menu: https://acme.example/menu. Or (www.acme.com), 访问 acme.com。"
    assert [text[s:e] for s, e in find_urls(text)] == [
        "https://acme.example/menu",
        "www.acme.com",
        "acme.com",
    ]


def test_links_right_after_chinese_text():
    text = "访问acme.cn/shop领取优惠,官网www.acme.com"
    assert [text[s:e] for s, e in find_urls(text)] == ["acme.cn/shop", "www.acme.com"]


def test_find_urls_ignores_non_links():
    for text in (
        "C# and F#",
        "e.g. this",
        "v2.0 release",
        "3.14",
        "@acme.team",
        "coffee.shop typo",
        "hello@acme.com",
        "#acme.com",
    ):
        assert find_urls(text) == [], text
