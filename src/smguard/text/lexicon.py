"""Lexicon fallback: keyword rules for every head, used only when the trained model files are missing.

Works on normalised text (lower case, simplified Chinese, full-width folded). It is deliberately simple:
phrases are matched as substrings for Chinese and on word boundaries for English.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from smguard.text.normalize import EMAIL_TOKEN, Batch

VERSION = "lexicon-1"

TERMS: dict[str, dict[str, list[str]]] = {
    "complaint": {
        "en": ["broken", "not working", "doesn't work", "doesnt work", "still waiting", "never arrived", "refund",
               "worst", "terrible", "awful", "disappointed", "disappointing", "unacceptable", "ridiculous",
               "cancelled", "delayed", "late", "wrong order", "missing", "charged twice", "overcharged", "rude",
               "useless", "scam", "fix this", "no response", "waste", "poor service", "complaint", "fail",
               "failed", "crash", "crashes", "error", "problem", "issue", "damaged", "faulty", "horrible"],
        "zh": ["投诉", "差评", "太差", "很差", "坏了", "退款", "退货", "骗", "垃圾", "失望", "慢死", "太慢", "没收到",
               "还没到", "不能用", "故障", "问题", "态度差", "难吃", "变质", "质量差", "不好", "欺骗", "再也不",
               "恶心", "无语", "坑", "维权", "不给退", "漏发", "少送", "凉了", "等了", "客服不理"],
    },
    "help_request": {
        "en": ["how do i", "how can i", "how to", "can you help", "could you help", "please help", "help me",
               "need help", "can someone", "is there a way", "where can i", "what should i", "any update",
               "can you check", "could you check", "please advise", "i need to", "when will", "can i"],
        "zh": ["怎么办", "怎么", "如何", "请问", "求助", "帮忙", "帮我", "能不能", "可以帮", "什么时候", "在哪",
               "麻烦", "请帮", "求解决", "请处理"],
    },
    "abusive": {
        "en": ["idiot", "idiots", "stupid", "moron", "morons", "shut up", "fuck", "fucking", "fucked", "shit",
               "bitch", "asshole", "bastard", "dumb", "retard", "retarded", "scum", "pathetic losers", "die",
               "kill yourself", "crap", "damn you", "cunt", "dick", "wanker", "twat"],
        "zh": ["傻逼", "傻b", "煞笔", "滚", "去死", "狗东西", "垃圾人", "脑残", "弱智", "他妈", "你妈", "妈的",
               "操你", "草泥马", "贱", "畜生", "白痴", "蠢货", "王八蛋", "混蛋", "废物", "死全家", "狗屎"],
    },
    "positive": {
        "en": ["thanks", "thank you", "love", "great", "awesome", "amazing", "excellent", "perfect", "happy",
               "best", "good", "nice", "appreciate", "fantastic", "wonderful", "helpful", "quick", "fast"],
        "zh": ["谢谢", "感谢", "好评", "很好", "不错", "满意", "喜欢", "好吃", "棒", "赞", "快", "推荐", "优秀",
               "完美", "开心", "超好", "物美价廉", "[哈哈]", "[赞]", "[心]", "[爱你]", "[good]"],
    },
    "negative": {
        "en": ["hate", "bad", "worst", "terrible", "awful", "disappointed", "angry", "annoyed", "sad", "sucks",
               "horrible", "never again", "unacceptable", "ridiculous", "useless", "poor", "broken", "😡", "😠"],
        "zh": ["差", "失望", "生气", "愤怒", "讨厌", "难吃", "垃圾", "后悔", "不满", "糟糕", "烂", "坑", "恶心",
               "[怒]", "[泪]", "[哼]", "[抓狂]", "[怒骂]", "[衰]", "[鄙视]", "不好"],
    },
    "apology": {
        "en": ["sorry", "apologize", "apologise", "apologies", "our apologies", "we regret", "my bad",
               "forgive us", "unfortunate experience"],
        "zh": ["抱歉", "对不起", "不好意思", "深表歉意", "致歉", "给您带来不便", "非常遗憾", "道歉"],
    },
    "fix_intent": {
        "en": ["we'll fix", "we will fix", "look into", "looking into", "investigate", "we'll sort", "sort this",
               "resolve", "we'll make it right", "refund", "replacement", "we'll get this", "escalate",
               "escalated", "working on", "will be fixed", "follow up", "we'll check", "we will check"],
        "zh": ["马上处理", "尽快处理", "为您处理", "核实", "跟进", "解决", "补发", "退款", "重新发", "排查", "修复",
               "反馈给", "给您一个满意", "处理好"],
    },
    "argumentative": {
        "en": ["your fault", "you should have", "you didn't", "you did not", "read the", "as we said",
               "that's not true", "not our fault", "not our problem", "obviously", "learn to", "clearly you",
               "nothing we can do", "whatever", "calm down", "if you had", "wrong, ", "no it isn't"],
        "zh": ["你自己", "不是我们的问题", "你的问题", "自己看", "不关我们", "爱买不买", "你懂不懂", "别无理取闹",
               "请你搞清楚", "早就说了", "你没看", "关我们什么事", "不可能", "随便你"],
    },
    "offers_private": {
        "en": ["dm", "direct message", "private message", "pm us", "message us", "send us a message", "inbox",
               "call us", "give us a call", "hotline", "email us", "contact us at", "reach out to us",
               "our support team at", "phone number", EMAIL_TOKEN],
        "zh": ["私信", "私聊", "私我", "客服热线", "热线", "致电", "拨打", "联系客服", "邮箱", "站内信", "留下联系方式",
               "加微信", "后台", EMAIL_TOKEN],
    },
    "negative_about_company": {
        "en": ["my company", "my employer", "my boss", "our management", "this company", "where i work",
               "at work", "our product", "our products", "my job", "the management", "company sucks",
               "treats staff", "treats employees", "underpaid", "toxic", "don't buy"],
        "zh": ["我们公司", "我司", "公司的产品", "老板", "领导", "我们的产品", "单位", "公司就是", "压榨", "加班",
               "工资", "别买", "坑员工", "黑心"],
    },
}


def _compile(terms: list[str], lang: str) -> re.Pattern:
    parts = []
    for t in sorted(terms, key=len, reverse=True):
        e = re.escape(t)
        if lang == "en" and re.match(r"\w", t) and re.search(r"\w$", t):
            e = r"(?<![a-z0-9'])" + e + r"(?![a-z0-9'])"
        parts.append(e)
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, re.Pattern]]:
    return {head: {lang: _compile(t, lang) for lang, t in by.items()} for head, by in TERMS.items()}


def _hits(head: str, text: str) -> int:
    pats = _patterns()[head]
    return len(pats["en"].findall(text)) + len(pats["zh"].findall(text))


def classify_batch(batch: Batch, kind: str) -> dict[str, np.ndarray]:
    texts = batch.texts()
    n = batch.n
    out: dict[str, np.ndarray] = {}
    cnt = {h: np.array([_hits(h, t) for t in texts], dtype=np.float64) for h in TERMS}
    neg = cnt["negative"] + cnt["complaint"] * 0.5 + cnt["abusive"]
    pos = cnt["positive"]
    out["complaint_score"] = 1.0 - np.exp(-0.9 * cnt["complaint"] - 0.3 * cnt["negative"])
    out["complaint"] = out["complaint_score"] >= 0.5
    out["help_request"] = (cnt["help_request"] > 0) | np.array(["?" in t for t in texts], dtype=bool) & (
        cnt["complaint"] > 0)
    out["abusive_score"] = 1.0 - np.exp(-1.2 * cnt["abusive"])
    out["abusive"] = out["abusive_score"] >= 0.5
    score = np.tanh(0.7 * (pos - neg))
    out["sentiment_score"] = score
    sent = np.full(n, "neutral", dtype=object)
    sent[score > 0.25] = "positive"
    sent[score < -0.25] = "negative"
    out["sentiment"] = sent
    if kind == "reply":
        for h in ("apology", "fix_intent", "argumentative", "offers_private"):
            out[h] = cnt[h] > 0
    if kind == "post":
        out["negative_about_company"] = (cnt["negative_about_company"] > 0) & ((neg > pos) | (cnt["abusive"] > 0))
    return out
