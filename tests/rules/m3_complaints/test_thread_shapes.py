"""A second, independent data style for mistake 3: thread shapes the planted-mistake bench does not make.

Public complaints answered by private message, several messages in a row answered once, follow-ups answered
instead of the first message, questions answered concretely, an abusive customer handled well (one public offer,
then private messages) who later asks a separate question, and an abusive thread that goes on in public. Labels
are pinned (these tests check the rules, not the text models); the generator knows which items are mistakes and
every M3 rule must find exactly those.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from smguard.rules.engine import run_rules
from smguard.testing import make_dataset, overriding_labeler

AS_OF = datetime.fromisoformat("2026-10-31T12:00:00+08:00")
ACCOUNTS = [
    {"id": "wb", "platform": "weibo", "handle": "@acme", "owner": "brand"},
    {"id": "x", "platform": "x", "handle": "@acme_en", "owner": "brand"},
]
POSTS = [
    {"id": f"p{i}", "account_id": a, "created_at": "2026-10-01T10:00:00+08:00", "text": f"post {i}"}
    for i, a in enumerate(["wb", "wb", "x", "x"])
]
POST_OF = {"wb": ["p0", "p1"], "x": ["p2", "p3"]}

NEG = {"sentiment": "negative", "sentiment_score": -0.8, "abusive": False, "abusive_score": 0.0}
COMPLAINT = {"complaint": True, "complaint_score": 0.95, "help_request": False, **NEG}
FOLLOW = {
    "complaint": False,
    "complaint_score": 0.2,
    "help_request": False,
    "sentiment": "neutral",
    "sentiment_score": 0.0,
    "abusive": False,
    "abusive_score": 0.0,
}
QUESTION = {
    "complaint": False,
    "complaint_score": 0.1,
    "help_request": True,
    "sentiment": "neutral",
    "sentiment_score": 0.0,
    "abusive": False,
    "abusive_score": 0.0,
}
PRAISE = {
    "complaint": False,
    "complaint_score": 0.0,
    "help_request": False,
    "sentiment": "positive",
    "sentiment_score": 0.9,
    "abusive": False,
    "abusive_score": 0.0,
}
ABUSE = {
    "complaint": True,
    "complaint_score": 0.9,
    "help_request": False,
    "sentiment": "negative",
    "sentiment_score": -0.95,
    "abusive": True,
    "abusive_score": 0.98,
}
GOOD = {"apology": True, "fix_intent": True, "offers_private": False, "argumentative": False}
OFFER = {"apology": True, "fix_intent": False, "offers_private": True, "argumentative": False}
ASK = {"apology": False, "fix_intent": False, "offers_private": False, "argumentative": False}
BRUSH = {"apology": False, "fix_intent": False, "offers_private": False, "argumentative": False}
FIGHT = {"apology": False, "fix_intent": False, "offers_private": False, "argumentative": True}

TEXTS = {
    "wb": {
        "complaint": ["车才骑了一周链条就断了，太失望了 #{n}", "门店说好今天修好，结果又没修 #{n}"],
        "follow": ["订单号 VL{n}"],
        "question": ["电动车电池保修多久？#{n}"],
        "praise": ["新车到手，颜值超高！#{n}"],
        "abuse": ["你们就是一群骗子，滚！#{n}"],
        "good": ["非常抱歉，我们今天就为您免费更换链条。#{n}"],
        "offer": ["很抱歉让您不满意，请私信我们订单号，我们一对一处理。#{n}"],
        "ask": ["请问是哪一家门店？#{n}"],
        "answer": ["电池保修两年，带上购买凭证到任意门店即可办理。#{n}"],
        "brush": ["收到。#{n}"],
        "fight": ["别人都没问题，就你有问题。#{n}"],
    },
    "x": {
        "complaint": [
            "My chain snapped after one week, really disappointed #{n}",
            "The store promised the repair for today and it is still not done #{n}",
        ],
        "follow": ["Order number VL{n}"],
        "question": ["How long is the warranty on the e-bike battery? #{n}"],
        "praise": ["Picked up my new bike today, love it! #{n}"],
        "abuse": ["You are a bunch of scammers, screw you #{n}"],
        "good": ["We're so sorry. We'll replace the chain free of charge today. #{n}"],
        "offer": ["Sorry about this. Please DM us your order number and we'll sort it out. #{n}"],
        "ask": ["Which store was it? #{n}"],
        "answer": [
            "The battery has a two-year warranty; bring the receipt to any of our stores and we will handle it. #{n}"
        ],
        "brush": ["Noted. #{n}"],
        "fight": ["Nobody else has this problem, maybe it's you. #{n}"],
    },
}
LABEL = {
    "complaint": COMPLAINT,
    "follow": FOLLOW,
    "question": QUESTION,
    "praise": PRAISE,
    "abuse": ABUSE,
    "good": GOOD,
    "offer": OFFER,
    "ask": ASK,
    "answer": {**ASK},
    "brush": BRUSH,
    "fight": FIGHT,
}


class Gen:
    def __init__(self, seed: int):
        self.rnd = random.Random(seed)
        self.rows: list[dict] = []
        self.labels: dict[str, dict] = {}
        self.truth: dict[str, set[str]] = {c: set() for c in ("SM301", "SM302", "SM304", "SM305", "SM306")}
        self.n = 0

    def text(self, acct: str, kind: str) -> str:
        self.n += 1
        t = self.rnd.choice(TEXTS[acct][kind]).replace("{n}", str(1000 + self.n))
        self.labels[t] = LABEL[kind]
        return t

    def msg(self, acct, at, kind, d="in", ch="comment", author=None, reply=None, post=None):
        mid = f"m{len(self.rows):04d}"
        row = {
            "id": mid,
            "account_id": acct,
            "created_at": at.isoformat(),
            "channel": ch,
            "direction": d,
            "text": self.text(acct, kind),
        }
        if d == "in":
            row.update(author_id=author, author_handle=f"@{author}")
        if reply:
            row["in_reply_to"] = reply
        if post and ch == "comment":
            row["post_id"] = post
        self.rows.append(row)
        return mid

    def start(self) -> tuple[str, datetime, str, str]:
        acct = self.rnd.choice(["wb", "x"])
        at = AS_OF - timedelta(days=self.rnd.uniform(3, 25))
        return acct, at, f"u{len(self.rows)}", self.rnd.choice(POST_OF[acct])

    def h(self, lo=0.2, hi=6.0) -> timedelta:
        return timedelta(hours=self.rnd.uniform(lo, hi))

    # ---- thread shapes
    def public_complaint_answered_by_dm(self, good: bool):
        acct, at, u, post = self.start()
        c = self.msg(acct, at, "complaint", author=u, post=post)
        r = self.msg(acct, at + self.h(), "good" if good else "brush", d="out", ch="dm", reply=c)
        if not good:
            self.truth["SM306"].add(r)

    def several_dms_answered_once(self):
        acct, at, u, _ = self.start()
        for k in range(3):
            last = self.msg(acct, at + timedelta(minutes=20 * k), "complaint", ch="dm", author=u)
        self.msg(acct, at + self.h(1, 5), "good", d="out", ch="dm", reply=last)

    def follow_up_answered(self):
        acct, at, u, post = self.start()
        c = self.msg(acct, at, "complaint", author=u, post=post)
        a = self.msg(acct, at + self.h(0.2, 1), "ask", d="out", reply=c, post=post)
        f = self.msg(acct, at + self.h(1, 2), "follow", author=u, reply=a, post=post)
        self.msg(acct, at + self.h(2, 4), "good", d="out", reply=f, post=post)

    def own_follow_up_answered(self):
        acct, at, u, post = self.start()
        c = self.msg(acct, at, "complaint", author=u, post=post)
        f = self.msg(acct, at + self.h(0.1, 1), "follow", author=u, reply=c, post=post)
        self.msg(acct, at + self.h(2, 6), "good", d="out", reply=f, post=post)

    def question(self, answered: bool):
        acct, at, u, post = self.start()
        q = self.msg(acct, at, "question", ch=self.rnd.choice(["dm", "comment"]), author=u, post=post)
        if answered:
            ch = next(r["channel"] for r in self.rows if r["id"] == q)
            self.msg(acct, at + self.h(), "answer", d="out", ch=ch, reply=q, post=post)
        else:
            self.truth["SM302"].add(q)

    def unanswered_complaint(self, answered_late: bool):
        acct, at, u, post = self.start()
        c = self.msg(acct, at, "complaint", author=u, post=post)
        if answered_late:  # answered only after the audit moment: still unanswered at as_of
            self.msg(acct, AS_OF + timedelta(hours=5), "good", d="out", reply=c, post=post)
        self.truth["SM301"].add(c)

    def praise(self):
        acct, at, u, post = self.start()
        self.msg(acct, at, "praise", author=u, post=post)

    def argue(self):
        acct, at, u, post = self.start()
        c = self.msg(acct, at, "complaint", author=u, post=post)
        r = self.msg(acct, at + self.h(), "fight", d="out", reply=c, post=post)
        self.truth["SM304"].add(r)
        self.truth["SM306"].add(r)  # no apology, no fix either

    def abuse_handled_then_separate_question(self):
        acct, at, u, post = self.start()
        a = self.msg(acct, at, "abuse", author=u, post=post)
        self.msg(acct, at + self.h(0.2, 1), "offer", d="out", reply=a, post=post)
        d1 = self.msg(acct, at + self.h(1, 2), "follow", ch="dm", author=u)
        self.msg(acct, at + self.h(2, 3), "good", d="out", ch="dm", reply=d1)
        other = next(p for p in POST_OF[acct] if p != post)
        q = self.msg(acct, at + self.h(20, 40), "question", author=u, post=other)
        self.msg(acct, at + self.h(41, 45), "answer", d="out", reply=q, post=other)

    def abuse_fight_in_public(self):
        acct, at, u, post = self.start()
        a = self.msg(acct, at, "abuse", author=u, post=post)
        r1 = self.msg(acct, at + self.h(0.2, 1), "offer", d="out", reply=a, post=post)
        a2 = self.msg(acct, at + self.h(1, 2), "abuse", author=u, reply=r1, post=post)
        r2 = self.msg(acct, at + self.h(2, 3), "fight", d="out", reply=a2, post=post)
        self.truth["SM305"].add(r2)
        self.truth["SM304"].add(r2)
        self.truth["SM306"].add(r2)  # the abuse is a complaint too, answered without apology or fix

    def build(self, n: int):
        shapes = [
            lambda: self.public_complaint_answered_by_dm(True),
            lambda: self.public_complaint_answered_by_dm(False),
            self.several_dms_answered_once,
            self.follow_up_answered,
            self.own_follow_up_answered,
            lambda: self.question(True),
            lambda: self.question(False),
            lambda: self.unanswered_complaint(False),
            lambda: self.unanswered_complaint(True),
            self.praise,
            self.argue,
            self.abuse_handled_then_separate_question,
            self.abuse_fight_in_public,
        ]
        for shape in shapes:  # every shape at least once
            shape()
        for _ in range(n):
            self.rnd.choice(shapes)()
        return self


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_m3_rule_finds_exactly_the_mistakes(tmp_path, seed):
    g = Gen(seed).build(60)
    ds = make_dataset(
        tmp_path / "ds",
        {"accounts": ACCOUNTS, "posts": POSTS, "messages": g.rows},
        {"timezone": "Asia/Shanghai", "as_of": AS_OF.isoformat()},
    )
    assert not [p for p in ds.problems if p.severity == "error"]
    res = run_rules(ds, select=lambda r: r.code in g.truth, labeler=overriding_labeler(g.labels), strict=True)
    for code, want in g.truth.items():
        got = {e.id for f in res.findings if f.rule == code and f.severity != "info" for e in f.evidence}
        assert got == want, f"{code}: missed {sorted(want - got)}, false alarms {sorted(got - want)}"
