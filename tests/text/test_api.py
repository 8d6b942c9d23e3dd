"""The batch API: shapes, keys, dtypes, and clear examples for every head in both languages."""

import numpy as np
import pytest

from smguard.text import backend_info, classify_texts, output_keys

CONTRACT_INBOUND = [
    "lang",
    "complaint",
    "complaint_score",
    "help_request",
    "abusive",
    "abusive_score",
    "sentiment",
    "sentiment_score",
]


def test_keys_exactly_as_contract():
    assert list(output_keys("inbound")) == CONTRACT_INBOUND
    assert list(output_keys("reply")) == CONTRACT_INBOUND + [
        "apology",
        "fix_intent",
        "argumentative",
        "offers_private",
    ]
    assert list(output_keys("post")) == CONTRACT_INBOUND + ["negative_about_company"]
    with pytest.raises(ValueError):
        output_keys("tweet")


@pytest.mark.parametrize("kind", ["inbound", "reply", "post"])
def test_empty_in_empty_out(kind):
    out = classify_texts([], kind=kind)
    assert list(out) == list(output_keys(kind))
    assert all(len(v) == 0 for v in out.values())


def test_arrays_aligned_and_typed():
    texts = ["@shop my parcel never arrived", "", "谢谢，很满意", "x" * 10000, "   "]
    out = classify_texts(texts, kind="reply")
    for k, v in out.items():
        assert isinstance(v, np.ndarray) and len(v) == len(texts), k
    assert out["complaint"].dtype == bool and out["apology"].dtype == bool
    assert out["complaint_score"].dtype == np.float64
    assert ((out["complaint_score"] >= 0) & (out["complaint_score"] <= 1)).all()
    assert ((out["abusive_score"] >= 0) & (out["abusive_score"] <= 1)).all()
    assert ((out["sentiment_score"] >= -1) & (out["sentiment_score"] <= 1)).all()
    assert set(out["sentiment"]) <= {"negative", "neutral", "positive"}
    assert set(out["lang"]) <= {"zh", "en", "other"}
    # empty and blank texts: defined result
    for i in (1, 4):
        assert out["lang"][i] == "other" and out["sentiment"][i] == "neutral"
        assert not out["complaint"][i] and out["complaint_score"][i] == 0


def test_batch_invariance():
    texts = ["my order never arrived", "服务太差了", "love it", "快递很快，好评"]
    together = classify_texts(texts)
    for i, t in enumerate(texts):
        alone = classify_texts([t])
        assert alone["complaint_score"][0] == pytest.approx(together["complaint_score"][i], abs=1e-5)
        assert alone["sentiment"][0] == together["sentiment"][i]


def test_langs_override():
    out = classify_texts(["ok", "ok"], langs=["zh", None])
    assert list(out["lang"]) == ["zh", "en"]
    with pytest.raises(ValueError):
        classify_texts(["a"], langs=["en", "zh"])


def test_backend_info_says_model():
    info = backend_info()
    assert set(info) == {"backend", "version", "note"}
    assert info["backend"] == "model"  # the trained weights ship with the package


def _flags(texts, head, kind="inbound"):
    return classify_texts(texts, kind=kind)[head].tolist()


def test_complaint():
    pos = [
        "@SkyRail my train was cancelled again and nobody told us, absolutely ridiculous",
        "@ShopFast I ordered two weeks ago and my parcel still hasn't arrived",
        "外卖送到的时候已经凉透了，还少了一份饭，太差了",
        "手机用了三天就坏了，质量太差，要求退货",
    ]
    neg = [
        "@ShopFast thank you so much, the delivery was super fast!",
        "Just watched the launch event, looks great",
        "味道很好，送餐也快，下次还点",
        "质量很好，物流也快，非常满意",
    ]
    assert all(_flags(pos, "complaint"))
    assert not any(_flags(neg, "complaint"))


def test_help_request():
    pos = [
        "@BankEasy how do I reset my password?",
        "@ShopFast can you tell me where my parcel is?",
        "请问怎么申请退款？",
        "能帮我查一下快递到哪了吗？",
    ]
    neg = [
        "@ShopFast loving the new update",
        "What a lovely day at the beach",
        "这家的汉堡真好吃",
        "今天天气不错",
    ]
    assert all(_flags(pos, "help_request"))
    assert not any(_flags(neg, "help_request"))


def test_abusive():
    pos = [
        "@AcmeSupport you are a bunch of fucking idiots",
        "shut up you stupid bitch",
        "傻逼客服，一群废物",
        "你妈的，狗东西",
    ]
    neg = [
        "@AcmeSupport my order is late, can you check it?",
        "Have a nice weekend everyone",
        "请问什么时候发货？",
        "谢谢你们的帮助",
    ]
    assert all(_flags(pos, "abusive"))
    assert not any(_flags(neg, "abusive"))


def test_sentiment():
    out = classify_texts(
        [
            "I love this phone, it's amazing!",
            "This is the worst service I have ever had",
            "非常满意，服务很好，下次还来",
            "太失望了，质量很差",
        ]
    )
    assert out["sentiment"].tolist() == ["positive", "negative", "positive", "negative"]
    assert out["sentiment_score"][0] > 0.3 and out["sentiment_score"][1] < -0.3


def test_other_weights_run_through_the_same_pipeline():
    """``clf`` replaces the shipped weights (the training scripts evaluate train-split models this way), also
    across chunks; without it the shipped model answers."""
    from smguard.text import model
    from smguard.text.linear import HEADS, LinearClassifier

    base = model.load()
    B = base.B.copy()
    B[HEADS.cols("complaint")[0]] += 30.0  # every text a complaint
    clf = LinearClassifier(base.W, B, base.bits, base.version, base.meta)
    texts = ["The train leaves at noon on Tuesday", "周末去公园散步"]
    assert not classify_texts(texts)["complaint"].any()
    assert classify_texts(texts * 6000, clf=clf)["complaint"].all()  # 12,000 texts: two chunks
    assert not classify_texts(texts)["complaint"].any()  # the shipped model is untouched


def test_sentiment_hotel_reviews():
    """ChnSentiCorp's domain, hotel reviews, which the sentiment column learns at full weight."""
    out = classify_texts(
        [
            "房间干净，位置方便，前台服务热情，下次出差还住这里",
            "房间隔音太差，一晚上没睡好，早餐也很一般",
            "设施陈旧，卫生间有异味，性价比很低",
            "環境不錯，早餐豐富，性價比高",  # traditional characters read the same
        ]
    )
    assert out["sentiment"].tolist() == ["positive", "negative", "negative", "positive"]


REPLY_CASES = {
    "apology": (
        ["We're so sorry about this, that's not the experience we want for you.", "非常抱歉给您带来不便。"],
        ["Thanks for your feedback, have a great day!", "感谢您的支持！"],
    ),
    "fix_intent": (
        [
            "We'll look into this right away and get a replacement sent out today.",
            "已为您申请全额退款，请留意到账。",
        ],
        ["Glad to hear you're enjoying it!", "祝您生活愉快！"],
    ),
    "argumentative": (
        [
            "You should have read the instructions before using it. That's not our fault.",
            "这明明是您自己操作不当造成的，请不要无理取闹。",
        ],
        [
            "Sorry to hear that! We'll check what happened with your delivery.",
            "非常抱歉，我们马上为您核实处理。",
        ],
    ),
    "offers_private": (
        [
            "Please DM us your order number and we'll take a look.",
            "请私信我们您的订单号。",
            "Please call our support line on 0800 123 456.",
        ],
        ["We're sorry about the delay.", "感谢您的反馈，我们会继续努力。"],
    ),
}


@pytest.mark.parametrize("head", list(REPLY_CASES))
def test_reply_heads(head):
    pos, neg = REPLY_CASES[head]
    assert all(_flags(pos, head, "reply")), head
    assert not any(_flags(neg, head, "reply")), head


def test_negative_about_company():
    pos = [
        "My company treats staff terribly.",
        "Honestly our product is garbage, don't buy it.",
        "我们公司的产品就是垃圾",
        "我们老板天天压榨员工",
    ]
    neg = [
        "Proud of my team for launching our new product today!",
        "Traffic this morning was awful.",
        "我们公司对员工特别好",
        "今天的天气太糟糕了",
    ]
    assert all(_flags(pos, "negative_about_company", "post"))
    assert not any(_flags(neg, "negative_about_company", "post"))


def test_chunked_batches_give_the_same_result(monkeypatch):
    import smguard.text as text

    texts = ["my order never arrived", "", "服务太差了", "love it", "请私信我们", "ok", "傻逼客服"]
    whole = classify_texts(texts, kind="reply", langs=[None, None, "zh", None, None, "en", None])
    monkeypatch.setattr(text, "CHUNK", 3)
    parts = classify_texts(texts, kind="reply", langs=[None, None, "zh", None, None, "en", None])
    for k in whole:
        assert whole[k].tolist() == parts[k].tolist(), k
