"""Weibo Open API v2 JSON → data set v1.

Reads the JSON responses a developer (or a tool built on the API) saves from ``api.weibo.com/2``:

- ``statuses/user_timeline``, ``statuses/home_timeline``, ``statuses/mentions`` … (``{"statuses": [...]}``),
  ``statuses/show`` (one status object);
- ``comments/show``, ``comments/by_me``, ``comments/to_me``, ``comments/mentions`` (``{"comments": [...]}``);
- ``friendships/followers`` (``{"users": [...]}``) and ``users/show`` (one user object).

Brand versus user is decided from ids: a status or comment whose ``user.id`` is a brand account id is the
brand's. Brand ids come from ``--brand-account``; without it they are inferred from the files: the author of
the statuses that comments are under, the single author of a ``user_timeline``, or a ``users/show`` object.
Statuses by other users (a home timeline) are kept only when they @mention the brand (as mentions).

A status or comment posted through a scheduling or automation app (``source`` HTML, e.g. 皮皮时光机) is
``source: automated`` / ``automated: true``. Replies follow Weibo's ``回复@name:`` convention; the reply target
is ``reply_comment`` when present, else the latest earlier comment by ``@name`` under the same status.
``#话题#`` and ``@mentions`` stay in the text as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from smguard.importers._cnutil import (
    Ctx,
    DocumentsImporter,
    Once,
    Record,
    Reporter,
    app_matches,
    app_name,
    each_dict,
    first_url,
    pid,
    split_ids,
    to_bool,
    to_int,
    to_str,
    type_name,
    weibo_time,
)

PLATFORM = "weibo"

#: Weibo clients that post on a schedule or automatically (matched case-insensitively as substrings of the
#: ``source`` app name). ``ImportContext.automated_apps`` adds to this list.
AUTOMATED_APPS: tuple[str, ...] = (
    "皮皮时光机",
    "定时微博",
    "微博定时",
    "定时发布",
    "孔明社交管理",
    "微博机器人",
    "自动发布",
    "新媒体管家",
    "微小宝",
    "IFTTT",
    "Hootsuite",
    "Buffer",
)

_REPLY = re.compile(r"^\s*回复\s*@([^:：\s]+)\s*[:：]")
_DEFAULT_AVATAR = ("default_avatar", "/default/images/")
_PIC_ID = re.compile(r"/([0-9A-Za-z]{16,40})(?:\.\w+)?$")


def _uid(v: Any) -> str | None:
    s = to_str(v)
    return s.strip() if s and s.strip() else None


def _sid(obj: dict) -> str | None:
    """A status or comment id: ``idstr`` is exact where ``id`` may have lost precision in some clients."""
    for k in ("idstr", "mid", "id"):
        s = _uid(obj.get(k))
        if s and s.isdigit():
            return s
    return _uid(obj.get("id"))


def _user(obj: dict) -> dict | None:
    u = obj.get("user")
    return u if isinstance(u, dict) else None


def _user_id(u: dict | None) -> str | None:
    if not u:
        return None
    return _uid(u.get("idstr")) or _uid(u.get("id"))


# --------------------------------------------------------------------------- classify


def classify(obj: Any) -> str | None:
    """What kind of Weibo response this is: statuses, comments, users, status, user or None."""
    if isinstance(obj, list):
        if obj and isinstance(obj[0], dict):
            k = classify(obj[0])
            return {"status": "statuses", "user": "users", "comment": "comments"}.get(k or "")
        return None
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("statuses"), list):
        return "statuses"
    if isinstance(obj.get("comments"), list):
        return "comments"
    if isinstance(obj.get("users"), list):
        return "users"
    if "screen_name" in obj and ("followers_count" in obj or "friends_count" in obj):
        return "user"
    if "created_at" in obj and "text" in obj and isinstance(obj.get("user"), dict):
        if isinstance(obj.get("status"), dict) or "rootid" in obj or "reply_comment" in obj:
            return "comment"
        return "status"
    return None


# --------------------------------------------------------------------------- brand


def infer_brand_ids(docs: list[tuple[str, Any]], explicit: set[str]) -> tuple[set[str], dict[str, str]]:
    """Brand user ids (explicit ones, else inferred) and a ``{user_id: screen_name}`` map of known users."""
    names: dict[str, str] = {}
    inferred: Counter[str] = Counter()
    timeline_authors: Counter[str] = Counter()

    def note_user(u: Any) -> str | None:
        if not isinstance(u, dict):
            return None
        i = _user_id(u)
        n = u.get("screen_name") or u.get("name")
        if i and isinstance(n, str) and n:
            names.setdefault(i, n)
        return i

    for _name, obj in docs:
        kind = classify(obj)
        if kind == "comments":
            items = obj if isinstance(obj, list) else obj.get("comments") or []
            top = obj.get("status") if isinstance(obj, dict) else None
            if isinstance(top, dict):
                i = note_user(_user(top))
                if i:
                    inferred[i] += 3
            for c in items:
                if not isinstance(c, dict):
                    continue
                note_user(_user(c))
                st = c.get("status")
                if isinstance(st, dict):
                    i = note_user(_user(st))
                    if i:
                        inferred[i] += 1
        elif kind == "statuses":
            items = obj if isinstance(obj, list) else obj.get("statuses") or []
            authors = {note_user(_user(s)) for s in items if isinstance(s, dict)} - {None}
            if len(authors) == 1:
                inferred[next(iter(authors))] += 2  # a user_timeline
            for s in items:
                if isinstance(s, dict):
                    a = _user_id(_user(s))
                    if a:
                        timeline_authors[a] += 1
        elif kind == "status":
            i = note_user(_user(obj))
            if i:
                inferred[i] += 2
        elif kind == "user":
            i = note_user(obj)
            st = obj.get("status")
            # users/show of the account itself; a javadoc-mangled object may carry a status id as its id
            if i and not (isinstance(st, dict) and _sid(st) == i):
                inferred[i] += 2
        elif kind == "users":
            items = obj if isinstance(obj, list) else obj.get("users") or []
            for u in items:
                note_user(u)
    if explicit:
        return set(explicit), names
    if inferred:
        best = max(inferred.values())
        return {i for i, n in inferred.items() if n == best}, names
    if timeline_authors:
        # only timelines by many authors: the brand is the most frequent author
        return {timeline_authors.most_common(1)[0][0]}, names
    return set(), names


def resolve_brand_ids(values: Any, docs: list[tuple[str, Any]], names: dict[str, str]) -> set[str]:
    """Brand uids from ``--brand-account``: ``weibo:<uid>`` always; a bare uid or a screen name (``@name``)
    only when it appears in these files (a bare id may be meant for another platform)."""
    strong, weak = split_ids(values, PLATFORM)
    by_name = {n.casefold(): uid for uid, n in names.items()}
    out: set[str] = set()
    for v in strong + weak:
        if v in names:
            out.add(v)
        elif v.casefold() in by_name:
            out.add(by_name[v.casefold()])
        elif v in strong and v.isdigit():
            out.add(v)
    return out


# --------------------------------------------------------------------------- records


class _State(Once):
    def __init__(self, ctx: Ctx, brand: set[str], names: dict[str, str]) -> None:
        self.ctx = ctx
        self.brand = brand
        self.names = names
        self.apps = tuple(AUTOMATED_APPS) + tuple(
            str(a) for a in (getattr(ctx, "automated_apps", None) or ())
        )
        self.emitted = set()
        self.accounts: set[str] = set()
        self.brand_handles = {names[b].casefold() for b in brand if b in names}
        # (status id, author screen name) → list of (created_at, comment id) for 回复@name lookups
        self.by_author: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def first_brand(self) -> str | None:
        return sorted(self.brand)[0] if self.brand else None

    def account(self, uid: str) -> Iterator[Record]:
        if uid in self.accounts:
            return
        self.accounts.add(uid)
        rec: dict[str, Any] = {"id": pid(PLATFORM, uid), "platform": PLATFORM, "owner": "brand"}
        if uid in self.names:
            rec["handle"] = self.names[uid]
        yield "accounts", rec


def _media(st: dict) -> list[dict]:
    media: list[dict] = []
    seen: set[str] = set()
    pics = st.get("pic_urls")
    if isinstance(pics, list):
        for p in pics:
            url = p.get("thumbnail_pic") if isinstance(p, dict) else None
            if not isinstance(url, str) or not url:
                continue
            large = url.replace("/thumbnail/", "/large/")
            m = _PIC_ID.search(url)
            pic_id = m.group(1) if m else None
            key = pic_id or large
            if key in seen:
                continue
            seen.add(key)
            item: dict[str, Any] = {
                "type": "gif" if large.lower().endswith(".gif") else "photo",
                "url": large,
            }
            if pic_id:
                item["id"] = pic_id
            media.append(item)
    if not media and isinstance(st.get("original_pic"), str) and st["original_pic"]:
        url = st["original_pic"]
        m = _PIC_ID.search(url)
        item = {"type": "gif" if url.lower().endswith(".gif") else "photo", "url": url}
        if m:
            item["id"] = m.group(1)
        media.append(item)
    page = st.get("page_info")
    if isinstance(page, dict) and page.get("type") in ("video", 11, "11"):
        info = page.get("media_info") if isinstance(page.get("media_info"), dict) else {}
        v: dict[str, Any] = {"type": "video"}
        dur = info.get("duration")
        if isinstance(dur, int | float) or (isinstance(dur, str) and to_int(dur) is not None):
            v["duration_s"] = float(dur) if not isinstance(dur, str) else float(to_int(dur) or 0)
        vid = to_str(page.get("object_id")) or to_str(info.get("media_id"))
        if vid:
            v["id"] = vid
        url = page.get("page_url") or info.get("stream_url")
        if isinstance(url, str) and url:
            v["url"] = url
        media.append(v)
    return media


def _text(st: dict) -> str:
    lt = st.get("longText")
    if isinstance(lt, dict) and isinstance(lt.get("longTextContent"), str):
        return lt["longTextContent"]
    t = st.get("text")
    return t if isinstance(t, str) else ("" if t is None else str(t))


def _status_record(st: dict, pos: str, s: _State, report: Reporter) -> Iterator[Record]:
    """A status: the brand's post, a mention of the brand, or nothing (another user's post)."""
    if to_str(st.get("deleted")) == "1":
        report.warn(pos, "a deleted status (此微博已被作者删除); skipped")
        return
    sid = _sid(st)
    if not sid:
        report(pos, "status without an id; skipped")
        return
    created = weibo_time(st.get("created_at"))
    if created is None:
        report(
            f"{pos}.created_at",
            f"time {st.get('created_at')!r} is not in Weibo's format "
            "('Wed Jan 24 11:19:36 +0800 2018'); status skipped",
        )
        return
    author = _user_id(_user(st))
    if author is None:
        report(f"{pos}.user", "status without a user.id; skipped")
        return
    text = _text(st)
    app = app_name(st.get("source"))
    if author in s.brand:
        if not s.once("posts", sid):
            return
        yield from s.account(author)
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, sid),
            "account_id": pid(PLATFORM, author),
            "created_at": created,
            "text": text,
            "media": _media(st),
            "source": "automated" if app_matches(app, s.apps) else "manual",
        }
        link = first_url(text)
        rt = st.get("retweeted_status")
        if link is None and isinstance(rt, dict) and _sid(rt):
            rt_user = _user_id(_user(rt))
            link = f"https://weibo.com/{rt_user}/{_sid(rt)}" if rt_user else None
        if link:
            rec["link"] = link
        metrics = {}
        for src, dst in (
            ("attitudes_count", "likes"),
            ("comments_count", "comments"),
            ("reposts_count", "shares"),
        ):
            n = to_int(st.get(src))
            if n is not None:
                metrics[dst] = n
        if metrics:
            rec["metrics"] = metrics
        yield "posts", rec
        return
    # someone else's status: a mention of the brand?
    if (
        s.brand_handles
        and any(f"@{h}" in text.casefold() for h in s.brand_handles)
        and s.once("messages", sid)
    ):
        acct = s.first_brand()
        assert acct is not None
        yield from s.account(acct)
        u = _user(st) or {}
        rec = {
            "id": pid(PLATFORM, sid),
            "account_id": pid(PLATFORM, acct),
            "created_at": created,
            "channel": "mention",
            "direction": "in",
            "author_id": author,
            "text": text,
        }
        if isinstance(u.get("screen_name"), str):
            rec["author_handle"] = u["screen_name"]
        yield "messages", rec


def _comment_record(
    c: dict, pos: str, s: _State, report: Reporter, top_status: dict | None
) -> Iterator[Record]:
    cid = _sid(c)
    if not cid:
        report(pos, "comment without an id; skipped")
        return
    created = weibo_time(c.get("created_at"))
    if created is None:
        report(
            f"{pos}.created_at",
            f"time {c.get('created_at')!r} is not in Weibo's format "
            "('Wed Jan 24 11:19:36 +0800 2018'); comment skipped",
        )
        return
    u = _user(c)
    author = _user_id(u)
    if author is None:
        report(f"{pos}.user", "comment without a user.id; skipped")
        return
    st = c.get("status") if isinstance(c.get("status"), dict) else top_status
    status_id = _sid(st) if isinstance(st, dict) else None
    status_author = _user_id(_user(st)) if isinstance(st, dict) else None
    if isinstance(st, dict) and status_author in s.brand:
        yield from _status_record(st, f"{pos}.status", s, report)
    # which brand account's page is this about?
    if status_author in s.brand:
        acct = status_author
    elif author in s.brand:
        acct = author
    else:
        # someone else's comment under someone else's post (comments/mentions): it @mentions the brand
        acct = s.first_brand()
    elsewhere = status_author is not None and status_author not in s.brand and author not in s.brand
    if acct is None:
        report(pos, "cannot tell which account this comment belongs to; pass --brand-account; skipped")
        return
    # the comment it answers first (so in_reply_to points at a message that exists)
    in_reply_to = None
    rc = c.get("reply_comment")
    if isinstance(rc, dict):
        rc_id = _sid(rc)
        if rc_id:
            in_reply_to = pid(PLATFORM, rc_id)
            if "status" not in rc and isinstance(st, dict):
                rc = {**rc, "status": st}
            yield from _comment_record(rc, f"{pos}.reply_comment", s, report, st)
    if not s.once("messages", cid):
        return
    text = c.get("text") if isinstance(c.get("text"), str) else ""
    if in_reply_to is None:
        m = _REPLY.match(text)
        if m and status_id:
            earlier = [
                x for x in s.by_author.get((status_id, m.group(1)), []) if x[0] <= created and x[1] != cid
            ]
            if earlier:
                in_reply_to = pid(PLATFORM, max(earlier)[1])
        if in_reply_to is None:
            root = _uid(c.get("rootid"))
            if root and root != cid:
                in_reply_to = pid(PLATFORM, root)
    handle = u.get("screen_name") if isinstance(u, dict) and isinstance(u.get("screen_name"), str) else None
    if status_id and handle:
        s.by_author.setdefault((status_id, handle), []).append((created, cid))
    yield from s.account(acct)
    out = author in s.brand
    rec: dict[str, Any] = {
        "id": pid(PLATFORM, cid),
        "account_id": pid(PLATFORM, acct),
        "created_at": created,
        "channel": "mention" if elsewhere else "comment",
        "direction": "out" if out else "in",
        "author_id": author,
        "text": text,
    }
    if handle:
        rec["author_handle"] = handle
    if in_reply_to:
        rec["in_reply_to"] = in_reply_to
    if status_id:
        rec["post_id"] = pid(PLATFORM, status_id)
    if out:
        rec["automated"] = app_matches(app_name(c.get("source")), s.apps)
    yield "messages", rec


_GENDER = {"m": "male", "f": "female", "n": "unknown"}


def _follower_record(u: dict, pos: str, acct: str, s: _State, report: Reporter) -> Iterator[Record]:
    uid = _user_id(u)
    if uid is None:
        report(pos, "user without an id; skipped")
        return
    if not s.once("followers", f"{acct}/{uid}"):
        return
    rec: dict[str, Any] = {"account_id": pid(PLATFORM, acct), "user_id": uid}
    if isinstance(u.get("screen_name"), str):
        rec["handle"] = u["screen_name"]
    loc = u.get("location")
    if isinstance(loc, str) and loc.strip() and loc.strip() not in ("其他", "其他 其他"):
        rec["location"] = loc.strip()
    g = u.get("gender")
    if isinstance(g, str) and g in _GENDER:
        rec["gender"] = _GENDER[g]
    for src, dst in (
        ("followers_count", "followers_count"),
        ("friends_count", "following_count"),
        ("statuses_count", "posts_count"),
    ):
        n = to_int(u.get(src))
        if n is not None:
            rec[dst] = n
    img = u.get("profile_image_url") or u.get("avatar_large")
    if isinstance(img, str):
        rec["has_avatar"] = bool(img) and not any(d in img for d in _DEFAULT_AVATAR)
    v = to_bool(u.get("verified"))
    if v is not None:
        rec["verified"] = v
    created = weibo_time(u.get("created_at"))
    if created:
        rec["created_at"] = created
    elif u.get("created_at") not in (None, ""):
        report(f"{pos}.created_at", f"time {u.get('created_at')!r} is not in Weibo's format; left out")
    if isinstance(u.get("description"), str) and u["description"]:
        rec["bio"] = u["description"]
    yield from s.account(acct)
    yield "followers", rec


def _is_follower_list(name: str, obj: Any, users: list) -> bool:
    """``friendships/followers`` versus ``friendships/friends`` (whom the account follows)."""
    low = name.lower()
    if "follower" in low or "fans" in low or "粉丝" in name:
        return True
    # a friends list (whom the account follows): only those who follow back (follow_me) are followers
    return not ("friend" in low or "following" in low or "关注" in name)


def parse_documents(docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
    """Turn parsed Weibo API responses ``(file name, JSON)`` into data set records."""
    docs = list(docs)
    brand, names = infer_brand_ids(docs, set())
    explicit = resolve_brand_ids(getattr(ctx, "brand_account_ids", None), docs, names)
    if explicit:
        brand = explicit
    s = _State(ctx, brand, names)
    # statuses first so comments can point at posts and earlier comments
    order = {"status": 0, "statuses": 0, "user": 1, "comments": 2, "users": 3}
    for name, obj in sorted(docs, key=lambda d: order.get(classify(d[1]) or "", 9)):
        report = Reporter(ctx, name)
        if isinstance(obj, dict) and "error_code" in obj and "request" in obj:
            report(
                "error_code",
                f"the API returned error {obj.get('error_code')}: {obj.get('error', '')!s} "
                f"(request {obj.get('request', '')!s}); nothing to import",
            )
            continue
        kind = classify(obj)
        if kind is None:
            report(
                "top level",
                f"not a Weibo API response (found {type_name(obj)} without statuses, "
                "comments or users); skipped",
            )
            continue
        if kind == "status":
            yield from _status_record(obj, "top level", s, report)
        elif kind == "user":
            uid = _user_id(obj)
            if uid and uid in s.brand:
                yield from s.account(uid)
            st = obj.get("status")
            if isinstance(st, dict) and uid in s.brand and "user" not in st:
                st = {**st, "user": obj}
            if isinstance(st, dict) and "user" in st:
                yield from _status_record(st, "status", s, report)
        elif kind == "statuses":
            items = obj if isinstance(obj, list) else obj.get("statuses")
            where = "" if isinstance(obj, list) else "statuses"
            others = 0
            for pos, st in each_dict(items, where, report):
                got = list(_status_record(st, pos, s, report))
                author = _user_id(_user(st))
                if (
                    not got
                    and author is not None
                    and author not in s.brand
                    and weibo_time(st.get("created_at"))
                ):
                    others += 1
                yield from got
            if others:
                report.warn(
                    where or "top level",
                    f"{others} status(es) by other users that do not mention the brand were left out "
                    "(a home timeline); pass --brand-account if the brand was guessed wrong",
                )
        elif kind == "comments":
            items = obj if isinstance(obj, list) else obj.get("comments")
            where = "" if isinstance(obj, list) else "comments"
            top = obj.get("status") if isinstance(obj, dict) and isinstance(obj.get("status"), dict) else None
            if top is not None:
                yield from _status_record(top, "status", s, report)
            # oldest first so that 回复@name finds the comment it answers
            entries = list(each_dict(items, where, report))
            entries.sort(key=lambda e: weibo_time(e[1].get("created_at")) or "")
            for pos, c in entries:
                yield from _comment_record(c, pos, s, report, top)
        elif kind == "users":
            items = obj if isinstance(obj, list) else obj.get("users")
            where = "" if isinstance(obj, list) else "users"
            acct = s.first_brand()
            if acct is None:
                report("users", "cannot tell whose followers these are; pass --brand-account; skipped")
                continue
            followers = _is_follower_list(name, obj, items)
            for pos, u in each_dict(items, where, report):
                if not followers and to_bool(u.get("follow_me")) is not True:
                    continue
                yield from _follower_record(u, pos, acct, s, report)


# --------------------------------------------------------------------------- importer

_MARKERS = (b'"idstr"', b'"attitudes_count"', b'"bi_followers_count"', b'"reposts_count"', b'"floor_number"')


def _is_weibo_head(head: bytes) -> bool:
    if any(m in head for m in _MARKERS):
        return True
    # an error response: {"error": "expired_token", "error_code": 21327, "request": "/2/statuses/…"}
    return b'"error_code"' in head and b'"request"' in head and b'"/2/' in head


class WeiboImporter(DocumentsImporter):
    name = "weibo"
    platform = "weibo"
    description = (
        "Weibo Open API v2 JSON: statuses (timelines, statuses/show), comments (comments/show, by_me, to_me), "
        "friendships/followers and users/show"
    )

    def is_mine(self, head: bytes) -> bool:
        return _is_weibo_head(head)

    def parse(self, docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
        return parse_documents(docs, ctx)


IMPORTERS = [WeiboImporter()]
