"""WeChat Official Account (公众号) API responses → data set v1.

WeChat has no export; an account's developer (or a tool on the API) saves these JSON responses:

- ``POST /cgi-bin/comment/list`` (留言): ``{"comment": [...]}``. Each user comment is an ``in`` comment; the
  account's reply inside ``reply{}`` is an ``out`` comment answering it. The response does not say which
  article it is about: save the request's ``msg_data_id`` and ``index`` in the same JSON object (or name the
  file ``comment_list_<msg_data_id>_<index>.json``) and the comments are linked to post
  ``wechat:<msg_data_id>_<index>``, the id the article statistics use.
- ``POST /customservice/msgrecord/getmsglist`` (客服聊天记录): ``{"recordlist": [...]}``. ``opercode`` 2003
  (客服收到) and 2001 (公众号收到) are messages from the user; 2002 (客服发送) is the account's answer, sent by
  the human agent named in ``worker`` or, when ``worker`` is empty, automatically (``automated: true``).
  Records have no id: a stable one is made from openid, time, opercode and text.
- ``user/get`` (openid list), ``user/info`` and ``user/info/batchget``: followers, with ``subscribe_time`` and
  (for data from before 2021-12-27) the legacy ``sex``/``country``/``province``/``city``/``headimgurl``.
- ``datacube/getarticletotal`` and ``getarticlesummary``: one post per article with read and share counts;
  ``datacube/getusercumulate``: daily follower totals.
- a pushed message XML (``<xml><ToUserName>…``): one incoming ``dm``.

The account's own id (original id ``gh_…`` or app id) appears in none of the JSON responses: pass it with
``--brand-account``; otherwise the account is ``wechat:official_account``. Times are unix seconds (→ UTC);
dates (``ref_date``) are Beijing days.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import Any

from smguard.importers._cnutil import (
    Ctx,
    DocumentsImporter,
    Once,
    Record,
    Reporter,
    day_start,
    each_dict,
    local_date,
    pick_account,
    pid,
    stable_id,
    to_int,
    to_str,
    type_name,
    unix_time,
    unix_to_iso,
)

PLATFORM = "wechat"
DEFAULT_ACCOUNT = "official_account"
#: WeChat statistics days are Beijing days.
WECHAT_TZ = "Asia/Shanghai"

OPER_IN = {2001, 2003}
OPER_OUT = {2002}
_FILE_ARTICLE = re.compile(r"(\d{6,})[_-](\d{1,2})(?!\d)")
_TO_USER = re.compile(r"<ToUserName>\s*(?:<!\[CDATA\[)?([^<\]]+)")
_SEX = {1: "male", 2: "female", 0: "unknown"}


def classify(obj: Any) -> str | None:
    """Which WeChat response a parsed JSON document is (None when it is none of them)."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("recordlist"), list):
        return "kf_records"
    if isinstance(obj.get("comment"), list) and ("total" in obj or "errcode" in obj or "msg_data_id" in obj):
        return "comments"
    if isinstance(obj.get("user_info_list"), list):
        return "user_info_list"
    if "openid" in obj and "subscribe" in obj:
        return "user_info"
    data = obj.get("data")
    if (
        isinstance(data, dict)
        and isinstance(data.get("openid"), list)
        and ("next_openid" in obj or "total" in obj)
    ):
        return "user_get"
    lst = obj.get("list")
    if isinstance(lst, list) and lst and isinstance(lst[0], dict):
        first = lst[0]
        if "msgid" in first and isinstance(first.get("details"), list):
            return "article_total"
        if "msgid" in first and "ref_date" in first:
            return "article_summary"
        if "cumulate_user" in first:
            return "user_cumulate"
        if "ref_date" in first and ("new_user" in first or "cancel_user" in first or "user_source" in first):
            return "ignored"  # getusersummary: gains/losses, no table for them
        if "ref_date" in first:
            return "ignored"  # other datacube statistics
    if "is_autoreply_open" in obj or "keyword_autoreply_info" in obj:
        return "ignored"  # auto-reply configuration, not messages
    if "msg_id" in obj and "msg_status" in obj:
        return "ignored"  # mass-send status
    return None


def looks_like_wechat_xml(text: str) -> bool:
    return "<xml" in text and "<ToUserName>" in text and "<FromUserName>" in text


class _State(Once):
    def __init__(self, ctx: Ctx) -> None:
        # original ids are gh_…, app ids wx…
        self.account_raw = pick_account(
            getattr(ctx, "brand_account_ids", None), PLATFORM, lambda i: i.startswith(("gh_", "wx"))
        )
        self.account_done = False
        self.emitted = set()
        self.tz = WECHAT_TZ

    @property
    def account(self) -> str:
        return pid(PLATFORM, self.account_raw or DEFAULT_ACCOUNT)

    def acct_record(self) -> Iterator[Record]:
        if not self.account_done:
            self.account_done = True
            rec: dict[str, Any] = {"id": self.account, "platform": PLATFORM, "owner": "brand"}
            if self.account_raw:
                rec["handle"] = self.account_raw
            yield "accounts", rec


def _article_id(obj: dict, name: str) -> str | None:
    msg = to_str(obj.get("msg_data_id"))
    if msg:
        idx = to_int(obj.get("index"))
        return f"{msg}_{idx if idx is not None else 0}"
    m = _FILE_ARTICLE.search(name)
    if m:
        return f"{m.group(1)}_{m.group(2)}"
    return None


def _comments(obj: dict, name: str, s: _State, report: Reporter) -> Iterator[Record]:
    article = _article_id(obj, name)
    article_key = article or f"file:{name}"
    for pos, c in each_dict(obj.get("comment"), "comment", report):
        ucid = to_str(c.get("user_comment_id"))
        created = unix_time(c, "create_time", pos, report, "comment skipped")
        if created is None:
            continue
        text = c.get("content") if isinstance(c.get("content"), str) else ""
        openid = to_str(c.get("openid"))
        cid = ucid or stable_id(openid, created, text)
        mid = pid(PLATFORM, f"comment:{article_key}:{cid}")
        if not s.once("messages", mid):
            continue
        yield from s.acct_record()
        rec: dict[str, Any] = {
            "id": mid,
            "account_id": s.account,
            "created_at": created,
            "channel": "comment",
            "direction": "in",
            "text": text,
        }
        if openid:
            rec["author_id"] = openid
        if article:
            rec["post_id"] = pid(PLATFORM, article)
        yield "messages", rec
        reply = c.get("reply")
        if reply is None or reply == {} or reply == []:
            continue
        if not isinstance(reply, dict):
            report(f"{pos}.reply", f"expected an object, found {type_name(reply)}; reply skipped")
            continue
        r_created = unix_time(reply, "create_time", f"{pos}.reply", report, "reply skipped")
        if r_created is None:
            continue
        out: dict[str, Any] = {
            "id": mid + ":reply",
            "account_id": s.account,
            "created_at": r_created,
            "channel": "comment",
            "direction": "out",
            "text": reply.get("content") if isinstance(reply.get("content"), str) else "",
            "in_reply_to": mid,
            "automated": False,
        }
        if article:
            out["post_id"] = pid(PLATFORM, article)
        yield "messages", out


def _kf_records(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    rows = []
    for pos, r in each_dict(obj.get("recordlist"), "recordlist", report):
        op = to_int(r.get("opercode"))
        if op is None:
            report(f"{pos}.opercode", f"expected a number, found {type_name(r.get('opercode'))}; skipped")
            continue
        if op not in OPER_IN and op not in OPER_OUT:
            continue  # session events (1000 created, 1001 taken, 1004 closed …) carry no message
        t = to_int(r.get("time"))
        created = unix_to_iso(t)
        if created is None:
            report(f"{pos}.time", f"expected unix seconds, found {type_name(r.get('time'))}; skipped")
            continue
        openid = to_str(r.get("openid"))
        if not openid:
            report(f"{pos}.openid", "record without the user's openid; skipped")
            continue
        rows.append((t, pos, op, openid.strip(), created, r))
    rows.sort(key=lambda x: x[0])
    last_in: dict[str, str] = {}
    for _t, _pos, op, openid, created, r in rows:
        text = r.get("text") if isinstance(r.get("text"), str) else ""
        text = text.strip()
        mid = pid(PLATFORM, "kf:" + stable_id(openid, created, op, text))
        if not s.once("messages", mid):
            continue
        yield from s.acct_record()
        rec: dict[str, Any] = {
            "id": mid,
            "account_id": s.account,
            "created_at": created,
            "channel": "dm",
            "text": text,
        }
        if op in OPER_IN:
            rec["direction"] = "in"
            rec["author_id"] = openid
            last_in[openid] = mid
        else:
            worker = to_str(r.get("worker"))
            worker = worker.strip() if worker else ""
            rec["direction"] = "out"
            rec["automated"] = not worker
            if worker:
                rec["author_handle"] = worker
            if openid in last_in:
                rec["in_reply_to"] = last_in.pop(openid)
        yield "messages", rec


def _follower(u: dict, pos: str, s: _State, report: Reporter) -> Iterator[Record]:
    openid = to_str(u.get("openid"))
    if not openid:
        report(pos, "user without an openid; skipped")
        return
    sub = to_int(u.get("subscribe"))
    if sub == 0:
        return  # 未关注: not (or no longer) a follower, and WeChat gives no date
    if not s.once("followers", openid):
        return
    rec: dict[str, Any] = {"account_id": s.account, "user_id": openid.strip()}
    if isinstance(u.get("nickname"), str) and u["nickname"]:
        rec["handle"] = u["nickname"]
    t = u.get("subscribe_time")
    if t is not None:
        ft = unix_to_iso(t)
        if ft:
            rec["followed_at"] = ft
        else:
            report(f"{pos}.subscribe_time", f"expected unix seconds, found {type_name(t)}; left out")
    sex = to_int(u.get("sex"))
    if sex in _SEX:
        rec["gender"] = _SEX[sex]
    parts = [u.get(k) for k in ("country", "province", "city")]
    loc = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    if loc:
        rec["location"] = loc
    if "headimgurl" in u:
        rec["has_avatar"] = bool(u.get("headimgurl"))
    yield from s.acct_record()
    yield "followers", rec


def _article_total(obj: dict, s: _State, report: Reporter, summary: bool) -> Iterator[Record]:
    merged: dict[str, dict[str, Any]] = {}
    for pos, a in each_dict(obj.get("list"), "list", report):
        msgid = to_str(a.get("msgid"))
        if not msgid:
            report(f"{pos}.msgid", "article without msgid; skipped")
            continue
        created = day_start(a.get("ref_date"), s.tz)
        if created is None:
            report(
                f"{pos}.ref_date",
                f"expected a date YYYY-MM-DD, found {type_name(a.get('ref_date'))}; skipped",
            )
            continue
        if summary:
            details = [a]
        else:
            details = [d for _p, d in each_dict(a.get("details"), f"{pos}.details", report)]
            details.sort(key=lambda d: str(d.get("stat_date") or ""))
            details = details[-1:]  # cumulative totals: the latest day has them all
        m = merged.setdefault(
            msgid, {"created_at": created, "title": a.get("title"), "views": 0, "shares": 0, "seen": False}
        )
        m["created_at"] = min(m["created_at"], created)
        for d in details:
            for src, dst in (("int_page_read_count", "views"), ("share_count", "shares")):
                n = to_int(d.get(src))
                if n is not None:
                    m[dst] += n
                    m["seen"] = True
    for msgid, m in merged.items():
        if not s.once("posts", msgid):
            continue
        yield from s.acct_record()
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, msgid),
            "account_id": s.account,
            "created_at": m["created_at"],
            "text": m["title"] if isinstance(m["title"], str) else "",
            "media": [{"type": "photo"}],  # a news article always has a cover image
            "source": "manual",
        }
        if m["seen"]:
            rec["metrics"] = {"views": m["views"], "shares": m["shares"]}
        yield "posts", rec


def _user_cumulate(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    for pos, d in each_dict(obj.get("list"), "list", report):
        day = local_date(d.get("ref_date")) if isinstance(d.get("ref_date"), str) else None
        n = to_int(d.get("cumulate_user"))
        if day is None or n is None:
            report(pos, "expected ref_date (YYYY-MM-DD) and cumulate_user (a number); skipped")
            continue
        if not s.once("follower_counts", day):
            continue
        yield from s.acct_record()
        yield "follower_counts", {"account_id": s.account, "date": day, "followers": n}


_XML_DECL = re.compile(r"<\?xml[^>]*\?>")


def parse_xml_message(text: str, name: str, ctx: Ctx, s: _State | None = None) -> Iterator[Record]:
    """Messages WeChat pushed to the account's server (``<xml><ToUserName>…``), one or many per file.

    A user message (text, image, voice, …) is an incoming DM; a ``subscribe``/``unsubscribe`` event is a
    follower who followed or left at that time; other events (menu clicks, scans, location) are skipped.
    """
    s = s or _State(ctx)
    report = Reporter(ctx, name)
    body_text = _XML_DECL.sub("", text).strip()
    if body_text.count("<xml") > 1:
        body_text = f"<log>{body_text}</log>"  # a log of several pushed messages
    try:
        root = ET.fromstring(body_text)
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        report(f"line {line}, column {col}", f"not valid XML ({exc}); skipped")
        return
    msgs = [root] if root.tag == "xml" else list(root.iter("xml"))
    follows: dict[str, dict[str, Any]] = {}
    for i, m in enumerate(msgs):
        pos = f"message {i + 1}"
        f = {c.tag: (c.text or "").strip() for c in m}
        created = unix_to_iso(f.get("CreateTime"))
        sender = f.get("FromUserName")
        if not created or not sender:
            report(pos, "message without CreateTime or FromUserName; skipped")
            continue
        msg_type = (f.get("MsgType") or "text").lower()
        if msg_type == "event":
            event = (f.get("Event") or "").lower()
            if event in ("subscribe", "unsubscribe"):
                rec = follows.setdefault(sender, {"account_id": s.account, "user_id": sender})
                if event == "subscribe":
                    rec["followed_at"] = created
                    rec.pop("unfollowed_at", None)
                else:
                    rec["unfollowed_at"] = created
            continue
        body = f.get("Content") if msg_type == "text" else f"[{msg_type}]"
        mid = pid(PLATFORM, "msg:" + (f.get("MsgId") or stable_id(sender, created, body)))
        if not s.once("messages", mid):
            continue
        yield from s.acct_record()
        yield (
            "messages",
            {
                "id": mid,
                "account_id": s.account,
                "created_at": created,
                "channel": "dm",
                "direction": "in",
                "author_id": sender,
                "text": body or "",
            },
        )
    for user, rec in follows.items():
        if s.once("followers", user):
            yield from s.acct_record()
            yield "followers", rec


def parse_documents(docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
    """Parsed WeChat responses ``(file name, JSON or XML text)`` → data set records."""
    s = _State(ctx)
    docs = list(docs)
    if s.account_raw is None:
        # a pushed message names the account (its original id gh_…) in ToUserName
        for _name, obj in docs:
            m = _TO_USER.search(obj) if isinstance(obj, str) else None
            if m:
                s.account_raw = m.group(1).strip()
                break
    # full profiles before bare openid lists, so a follower keeps the richer record
    rank = {"user_info_list": 0, "user_info": 0, "user_get": 2}
    docs.sort(key=lambda d: rank.get(classify(d[1]) or "", 1))
    for name, obj in docs:
        report = Reporter(ctx, name)
        if isinstance(obj, str):
            if looks_like_wechat_xml(obj):
                yield from parse_xml_message(obj, name, ctx, s)
            else:
                report("top level", "not a WeChat message XML; skipped")
            continue
        if isinstance(obj, dict) and to_int(obj.get("errcode")) not in (None, 0):
            report(
                "errcode",
                f"the API returned error {obj.get('errcode')}: {obj.get('errmsg', '')!s}; nothing to import",
            )
            continue
        kind = classify(obj)
        if kind == "comments":
            yield from _comments(obj, name, s, report)
        elif kind == "kf_records":
            yield from _kf_records(obj, s, report)
        elif kind == "user_info":
            yield from _follower(obj, "top level", s, report)
        elif kind == "user_info_list":
            for pos, u in each_dict(obj.get("user_info_list"), "user_info_list", report):
                yield from _follower(u, pos, s, report)
        elif kind == "user_get":
            for i, o in enumerate(obj["data"]["openid"]):
                if isinstance(o, str) and o.strip():
                    yield from _follower({"openid": o}, f"data.openid[{i}]", s, report)
                else:
                    report(f"data.openid[{i}]", f"expected an openid, found {type_name(o)}; skipped")
        elif kind == "article_total":
            yield from _article_total(obj, s, report, summary=False)
        elif kind == "article_summary":
            yield from _article_total(obj, s, report, summary=True)
        elif kind == "user_cumulate":
            yield from _user_cumulate(obj, s, report)
        elif kind == "ignored":
            continue
        else:
            report("top level", f"not a WeChat Official Account API response ({type_name(obj)}); skipped")


# --------------------------------------------------------------------------- importer

_MARKERS = (
    b'"recordlist"',
    b'"user_comment_id"',
    b'"user_info_list"',
    b'"next_openid"',
    b'"subscribe_time"',
    b'"cumulate_user"',
    b'"int_page_read_count"',
    b'"is_autoreply_open"',
    b'"msg_data_id"',
    b'"comment_type"',
    b'"msg_status"',
)


def _is_wechat_head(head: bytes) -> bool:
    if any(m in head for m in _MARKERS):
        return True
    if b'"errcode"' in head and b'"errmsg"' in head and len(head) < 512:
        return True  # an error response, {"errcode": 40001, "errmsg": "invalid credential …"}
    if b'"openid"' in head and b'"subscribe"' in head:
        return True
    if b'"ref_date"' in head and (b'"msgid"' in head or b'"new_user"' in head or b'"cancel_user"' in head):
        return True
    return b"<ToUserName>" in head and b"<FromUserName>" in head


class WeChatImporter(DocumentsImporter):
    name = "wechat"
    platform = "wechat"
    description = (
        "WeChat Official Account API JSON: comment/list (with replies), customservice msgrecord, user/get, "
        "user/info(/batchget), datacube article and follower statistics; pushed message XML"
    )

    patterns = ("*.json", "*.xml", "*.txt")
    text_suffixes = (".xml",)

    def is_mine(self, head: bytes) -> bool:
        return _is_wechat_head(head)

    def parse(self, docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
        return parse_documents(docs, ctx)


IMPORTERS = [WeChatImporter()]
