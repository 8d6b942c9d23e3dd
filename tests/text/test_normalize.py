"""Normalisation and language detection."""

from smguard.text.normalize import EMAIL_TOKEN, MENTION_TOKEN, URL_TOKEN, detect_lang, normalize_text, prepare


def test_fullwidth_and_case_folding():
    assert normalize_text("ＡＢＣ１２３！") == "abc000!"
    assert normalize_text("HELLO   World") == "hello world"


def test_traditional_folds_to_simplified():
    assert normalize_text("我的手機壞了，服務太差") == normalize_text("我的手机坏了，服务太差")
    assert normalize_text("這個產品") == "这个产品"


def test_urls_mentions_emails_hashtags():
    t = normalize_text("@AcmeSupport see https://t.co/abc or mail help@acme.com #fail")
    assert MENTION_TOKEN in t and URL_TOKEN in t and EMAIL_TOKEN in t
    assert "fail" in t and "#" not in t
    assert "acmesupport" not in t
    assert normalize_text("#华为# 手机不错") == "华为 手机不错"


def test_weibo_emoticons_and_emoji_are_kept():
    t = normalize_text("太慢了[怒]😡")
    assert "[怒]" in t and "😡" in t


def test_language_detection():
    assert detect_lang("My order never arrived, please help") == "en"
    assert detect_lang("我的订单还没到") == "zh"
    assert detect_lang("我的手機壞了") == "zh"
    assert detect_lang("我的iPhone又坏了") == "zh"  # mixed: Han dominates
    assert detect_lang("Thanks for the quick reply, 谢谢") == "en"
    assert detect_lang("hola, mi pedido no ha llegado y nadie me responde") == "other"
    assert detect_lang("注文した商品がまだ届きません") == "other"  # Japanese
    assert detect_lang("주문한 상품이 아직 안 왔어요") == "other"
    assert detect_lang("😡😡😡") == "other"
    assert detect_lang("") == "other"


def test_batch_alignment_and_lang_override():
    b = prepare(["hello there", "", "你好", "1" * 5000], langs=[None, None, "en", None])
    assert b.n == 4
    assert list(b.lang) == ["en", "other", "en", "other"]
    assert b.n_chars[1] == 0
    assert b.n_chars[3] == 2000  # long texts are cut
    assert b.texts()[0] == "hello there"


def test_nul_and_odd_characters_do_not_break_alignment():
    b = prepare(["a\x00b", "\ud800 lone surrogate", "tab\there\nnewline"])
    assert b.n == 3
    assert len(b.texts()) == 3
    assert b.texts()[2] == "tab here newline"
