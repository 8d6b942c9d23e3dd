"""Douyin (抖音) Open Platform JSON → data set v1.

Responses of the open.douyin.com APIs, saved as JSON (the ``{"data": {...}, "extra": {...}}`` envelope or just
its ``data`` part):

- video list ``/api/douyin/v1/video/video_list/`` → posts: ``item_id``, ``create_time`` (unix seconds),
  ``title`` (the caption, with its ``#话题`` and ``@mentions``), ``media_type`` (2 = 图集 photos, 4 = video),
  ``statistics{digg_count, comment_count, share_count, play_count}`` → ``metrics``.
- comment list ``/item/comment/list/`` and replies ``/item/comment/reply/list/`` → comments. Neither response
  names the video (nor the parent comment, for replies): keep the request's ``item_id`` (and
  ``comment_id``) in the saved JSON next to ``data``, or name the file ``comments_<item_id>.json``.
  A comment by the account itself (``comment_user_id`` equal to the account's open_id) is ``out``.
- fans list ``/fans/list/`` → followers (open_id, nickname, gender 0/1/2, country/province/city, avatar).

The account's own open_id is in none of these responses: pass it with ``--brand-account``, otherwise the
account is ``douyin:me``. A comment without ``comment_id`` (the official doc sample has empty ids) gets a
stable id made from its author, time and text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from smguard.importers._cnutil import (
    Ctx,
    DocumentsImporter,
    Once,
    Record,
    Reporter,
    each_dict,
    pick_account,
    pid,
    raw_ids,
    stable_id,
    to_int,
    to_str,
    type_name,
    unix_time,
    unix_to_iso,
)

PLATFORM = "douyin"
DEFAULT_ACCOUNT = "me"
_MEDIA = {2: "photo", 4: "video"}
_GENDER = {0: "unknown", 1: "male", 2: "female"}
_FILE_ITEM = re.compile(r"(?:item|video|comments?)[_-](\d{6,}|@[0-9A-Za-z+=_-]{8,})", re.IGNORECASE)


def _envelope(obj: Any) -> tuple[dict, dict] | None:
    """``(outer, data)``: the saved object and the part holding ``list``."""
    if not isinstance(obj, dict):
        return None
    data = obj.get("data")
    if isinstance(data, dict):
        return obj, data
    if "list" in obj:
        return obj, obj
    return None


def classify(obj: Any) -> str | None:
    env = _envelope(obj)
    if env is None:
        return None
    _outer, data = env
    lst = data.get("list")
    if not isinstance(lst, list):
        return None
    sample = next((x for x in lst if isinstance(x, dict)), None)
    if sample is None:
        # an empty page still has Douyin's paging fields
        return "empty" if "cursor" in data or "has_more" in data or "total" in data else None
    if "item_id" in sample or "video_id" in sample or "media_type" in sample:
        return "videos"
    if "comment_id" in sample or "comment_user_id" in sample:
        return "comments"
    if "open_id" in sample and ("nickname" in sample or "gender" in sample or "union_id" in sample):
        return "fans"
    return None


class _State(Once):
    def __init__(self, ctx: Ctx) -> None:
        brands = getattr(ctx, "brand_account_ids", None)
        self.open_ids = raw_ids(brands, PLATFORM)  # any of them marks the brand's own comments
        # open_ids are never plain numbers (those are Weibo/X uids meant for another importer)
        own = pick_account(brands, PLATFORM, lambda i: not i.isdigit())
        self.account = pid(PLATFORM, own or DEFAULT_ACCOUNT)
        self.account_done = False
        self.emitted = set()

    def acct(self) -> Iterator[Record]:
        if not self.account_done:
            self.account_done = True
            yield "accounts", {"id": self.account, "platform": PLATFORM, "owner": "brand"}


def _videos(data: dict, s: _State, report: Reporter) -> Iterator[Record]:
    for pos, v in each_dict(data.get("list"), "data.list", report):
        item = to_str(v.get("item_id")) or to_str(v.get("video_id"))
        if not item:
            report(pos, "video without item_id; skipped")
            continue
        created = unix_time(v, "create_time", pos, report, "video skipped")
        if created is None:
            continue
        if not s.once("posts", item):
            continue
        mt = to_int(v.get("media_type"))
        media_type = _MEDIA.get(mt if mt is not None else 4, "video")
        media: dict[str, Any] = {"type": media_type}
        vid = to_str(v.get("video_id"))
        if vid and media_type == "video":
            media["id"] = vid
        title = v.get("title")
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, item),
            "account_id": s.account,
            "created_at": created,
            "text": title if isinstance(title, str) else "",
            "media": [media],
        }
        st = v.get("statistics")
        if isinstance(st, dict):
            metrics = {}
            for src, dst in (
                ("digg_count", "likes"),
                ("comment_count", "comments"),
                ("share_count", "shares"),
                ("play_count", "views"),
            ):
                n = to_int(st.get(src))
                if n is not None:
                    metrics[dst] = n
            if metrics:
                rec["metrics"] = metrics
        elif st is not None:
            report(f"{pos}.statistics", f"expected an object, found {type_name(st)}; metrics left out")
        yield from s.acct()
        yield "posts", rec


def _comments(outer: dict, data: dict, name: str, s: _State, report: Reporter) -> Iterator[Record]:
    item = to_str(outer.get("item_id")) or to_str(data.get("item_id"))
    if not item:
        m = _FILE_ITEM.search(name.rsplit("/", 1)[-1])
        item = m.group(1) if m else None
    parent = to_str(outer.get("comment_id")) or to_str(data.get("comment_id"))
    for pos, c in each_dict(data.get("list"), "data.list", report):
        created = unix_time(c, "create_time", pos, report, "comment skipped")
        if created is None:
            continue
        text = c.get("content") if isinstance(c.get("content"), str) else ""
        user = to_str(c.get("comment_user_id"))
        user = user.strip() if user else ""
        cid = to_str(c.get("comment_id"))
        cid = cid.strip() if cid else ""
        if not cid:
            cid = "h" + stable_id(item, user, created, text)
        if not s.once("messages", cid):
            continue
        out = bool(user) and user in s.open_ids
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, cid),
            "account_id": s.account,
            "created_at": created,
            "channel": "comment",
            "direction": "out" if out else "in",
            "text": text,
        }
        if user:
            rec["author_id"] = user
        nick = c.get("nick_name")
        if isinstance(nick, str) and nick:
            rec["author_handle"] = nick
        if item:
            rec["post_id"] = pid(PLATFORM, item)
        if parent:
            rec["in_reply_to"] = pid(PLATFORM, parent)
        if out:
            rec["automated"] = False
        yield from s.acct()
        yield "messages", rec


def _fans(data: dict, s: _State, report: Reporter) -> Iterator[Record]:
    for pos, f in each_dict(data.get("list"), "data.list", report):
        oid = to_str(f.get("open_id"))
        if not oid or not oid.strip():
            report(pos, "fan without open_id; skipped")
            continue
        if not s.once("followers", oid):
            continue
        rec: dict[str, Any] = {"account_id": s.account, "user_id": oid.strip()}
        if isinstance(f.get("nickname"), str) and f["nickname"]:
            rec["handle"] = f["nickname"]
        g = to_int(f.get("gender"))
        if g in _GENDER:
            rec["gender"] = _GENDER[g]
        loc = " ".join(
            p.strip()
            for p in (f.get(k) for k in ("country", "province", "city"))
            if isinstance(p, str) and p.strip()
        )
        if loc:
            rec["location"] = loc
        if "avatar" in f:
            rec["has_avatar"] = bool(f.get("avatar"))
        ft = f.get("follow_time")
        if ft is not None and unix_to_iso(ft):
            rec["followed_at"] = unix_to_iso(ft)
        yield from s.acct()
        yield "followers", rec


def parse_documents(docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
    """Parsed Douyin responses ``(file name, JSON)`` → data set records."""
    s = _State(ctx)
    for name, obj in docs:
        report = Reporter(ctx, name)
        env = _envelope(obj)
        if env is not None:
            err = env[1].get("error_code")
            if to_int(err) not in (None, 0):
                report(
                    "data.error_code",
                    f"the API returned error {err}: {env[1].get('description', '')!s}; nothing to import",
                )
                continue
        kind = classify(obj)
        if kind is None or env is None:
            report(
                "top level",
                f"not a Douyin Open Platform response ({type_name(obj)} without data.list); skipped",
            )
            continue
        outer, data = env
        if kind == "videos":
            yield from _videos(data, s, report)
        elif kind == "comments":
            yield from _comments(outer, data, name, s, report)
        elif kind == "fans":
            yield from _fans(data, s, report)


# --------------------------------------------------------------------------- importer


def _is_douyin_head(head: bytes) -> bool:
    if b'"logid"' in head and b'"error_code"' in head:  # the open.douyin.com envelope
        return True
    if b'"comment_user_id"' in head or b'"reply_comment_total"' in head or b'"digg_count"' in head:
        return True
    if b'"open_id"' in head and (b'"union_id"' in head or b'"nickname"' in head):
        return True
    return b'"item_id"' in head and (b'"create_time"' in head or b'"media_type"' in head)


class DouyinImporter(DocumentsImporter):
    name = "douyin"
    platform = "douyin"
    description = "Douyin Open Platform JSON: video list, item comment list and replies, fans list"

    def is_mine(self, head: bytes) -> bool:
        return _is_douyin_head(head)

    def parse(self, docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
        return parse_documents(docs, ctx)


IMPORTERS = [DouyinImporter()]
