"""TikTok "Download your data" (JSON format) → data set v1.

The export is one file, ``user_data_tiktok.json`` (older exports: ``user_data.json``), usually inside a zip.
Its layout changed over time ("Activity" became "Your Activity", "Video"/"Videos" became "Post"/"Posts",
"Follower List" became "Follower"), and the key case is inconsistent (``Date``/``Link`` in most lists,
``date``/``link`` in the Like List), so sections and keys are looked up by name, ignoring case and spaces.

What maps to what:

- ``Profile … ProfileMap.userName`` → the brand account ``tiktok:<userName>`` (``--brand-account`` overrides).
- ``Post.Posts.VideoList[]`` → posts: ``Date`` → ``created_at``, ``Title`` → ``text`` (with its #hashtags and
  @mentions), ``Likes`` → ``metrics.likes``; ``Link`` is a video (``/video/<id>``, which becomes the post id) or,
  for photo-mode posts, newline-separated image URLs (one photo each).
- ``Comment.Comments.CommentsList[]`` → the account's own comments (``out``, channel ``comment``).
- ``Direct Message … ChatHistory{"Chat History with X:": [...]}`` → DMs; ``From`` equal to the account's
  user name is ``out`` (and answers the latest incoming message of that chat), anything else is ``in``.
- ``… Follower.FansList[]`` → followers (user name and follow date).
- ``… Like List.ItemFavoriteList[]`` → likes given by the account.

Export times have no offset; TikTok writes them in UTC, so they are read as UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC
from typing import Any

from smguard.importers._cnutil import (
    Ctx,
    DocumentsImporter,
    Once,
    Record,
    Reporter,
    clean_na,
    each_dict,
    load_documents,
    local_time,
    pick_account,
    pid,
    split_ids,
    stable_id,
    to_int,
    type_name,
)
from smguard.importers.base import ImportContext, Source

PLATFORM = "tiktok"
DEFAULT_ACCOUNT = "me"
_VIDEO_ID = re.compile(r"/(?:video|v)/(\d{6,})")
_CHAT = re.compile(r"^\s*chat history with\s+(.+?):?\s*$", re.IGNORECASE)


def _norm(k: str) -> str:
    return re.sub(r"[\s_\-]+", "", k).casefold()


def get(d: Any, *names: str) -> Any:
    """``d[name]`` for the first of ``names`` present, ignoring case, spaces, ``_`` and ``-``."""
    if not isinstance(d, dict):
        return None
    for n in names:
        if n in d:
            return d[n]
    wanted = [_norm(n) for n in names]
    found = {_norm(k): v for k, v in d.items() if isinstance(k, str)}
    for w in wanted:
        if w in found:
            return found[w]
    return None


def get_path(d: Any, *paths: tuple[str, ...]) -> tuple[Any, str]:
    """The value at the first path that exists, with the path as written (for problem positions)."""
    for path in paths:
        cur = d
        for part in path:
            cur = get(cur, part)
            if cur is None:
                break
        if cur is not None:
            return cur, ".".join(path)
    return None, ""


def looks_like_tiktok(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    keys = {_norm(k) for k in obj if isinstance(k, str)}
    hits = keys & {
        _norm(k)
        for k in (
            "Profile",
            "Your Activity",
            "Activity",
            "Video",
            "Post",
            "Comment",
            "Direct Message",
            "App Settings",
            "Ads and data",
            "Tiktok Live",
        )
    }
    return len(hits) >= 2 and bool(keys & {"profile", "youractivity", "activity", "post", "video"})


def _time(v: Any) -> str | None:
    v = clean_na(v)
    if not isinstance(v, str) or not v.strip():
        return None
    # only TikTok's own format (or ISO 8601): "03/02/2025" could be March or February
    t = local_time(v, UTC, "%Y-%m-%d %H:%M:%S")
    if t is None and re.match(r"\d{4}-\d\d-\d\d", v.strip()):
        t = local_time(v, UTC)
    return t


def _video_id(link: Any) -> str | None:
    if not isinstance(link, str):
        return None
    m = _VIDEO_ID.search(link)
    return m.group(1) if m else None


class _State(Once):
    def __init__(self, ctx: Ctx, obj: dict) -> None:
        prof, _ = get_path(
            obj, ("Profile", "Profile Info", "ProfileMap"), ("Profile", "Profile Information", "ProfileMap")
        )
        self.username = clean_na(get(prof, "userName", "username", "user name"))
        if not isinstance(self.username, str) or not self.username.strip():
            self.username = None
        brands = getattr(ctx, "brand_account_ids", None)
        strong, weak = split_ids(brands, PLATFORM)
        # the export's own user name unless the user named the account with a tiktok: id
        if strong:
            raw = strong[0]
        elif self.username:
            raw = self.username
        else:
            raw = pick_account(brands, PLATFORM) or DEFAULT_ACCOUNT
        self.account = pid(PLATFORM, raw)
        names = ([self.username] if self.username else []) + strong + weak
        self.me = {x.casefold().lstrip("@") for x in names}
        self.account_done = False
        self.emitted = set()

    def acct(self) -> Iterator[Record]:
        if not self.account_done:
            self.account_done = True
            rec: dict[str, Any] = {"id": self.account, "platform": PLATFORM, "owner": "brand"}
            if self.username:
                rec["handle"] = self.username
            yield "accounts", rec


def _posts(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    items, where = get_path(obj, ("Post", "Posts", "VideoList"), ("Video", "Videos", "VideoList"))
    for pos, v in each_dict(items, where, report):
        created = _time(get(v, "Date"))
        if created is None:
            report(
                f"{pos}.Date",
                f"expected a time 'YYYY-MM-DD HH:MM:SS', found {type_name(get(v, 'Date'))}; post skipped",
            )
            continue
        link = clean_na(get(v, "Link", "VideoLink"))
        link = link.strip() if isinstance(link, str) else ""
        vid = _video_id(link)
        urls = [u.strip() for u in link.splitlines() if u.strip()]
        photo_mode = vid is None and (len(urls) > 1 or "photomode" in link)
        post_id = vid or "p" + stable_id(created, urls[0] if urls else "")
        if not s.once("posts", post_id):
            continue
        if photo_mode:
            media = [{"type": "photo", "url": u} for u in urls]
        elif urls:
            media = [{"type": "video", "url": urls[0]}]
            if vid:
                media[0]["id"] = vid
        else:
            media = [{"type": "video"}]
        title = clean_na(get(v, "Title", "Desc", "Description"))
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, post_id),
            "account_id": s.account,
            "created_at": created,
            "text": title if isinstance(title, str) else "",
            "media": media,
            "source": "manual",
        }
        likes = to_int(clean_na(get(v, "Likes")))
        if likes is not None:
            rec["metrics"] = {"likes": likes}
        yield from s.acct()
        yield "posts", rec


def _comments(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    items, where = get_path(obj, ("Comment", "Comments", "CommentsList"))
    for pos, c in each_dict(items, where, report):
        created = _time(get(c, "date"))
        if created is None:
            report(
                f"{pos}.date",
                f"expected a time 'YYYY-MM-DD HH:MM:SS', found {type_name(get(c, 'date'))}; comment skipped",
            )
            continue
        text = clean_na(get(c, "comment"))
        text = text if isinstance(text, str) else ""
        url = clean_na(get(c, "url"))
        mid = "c" + stable_id(created, text, url)
        if not s.once("messages", mid):
            continue
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, mid),
            "account_id": s.account,
            "created_at": created,
            "channel": "comment",
            "direction": "out",
            "text": text,
            "automated": False,
        }
        if s.username:
            rec["author_handle"] = s.username
        vid = _video_id(url)
        if vid:
            rec["post_id"] = pid(PLATFORM, vid)
        yield from s.acct()
        yield "messages", rec


def _dms(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    chats, where = get_path(
        obj,
        ("Direct Message", "Direct Messages", "ChatHistory"),
        ("Direct Messages", "Chat History", "ChatHistory"),
    )
    if chats is None:
        return
    if not isinstance(chats, dict):
        report(where, f"expected an object of chats, found {type_name(chats)}; skipped")
        return
    for title, msgs in chats.items():
        m = _CHAT.match(str(title))
        if m is None or not isinstance(msgs, list):
            continue  # not a chat (the redacted sample has a "..." placeholder)
        other = m.group(1)
        last_in: str | None = None
        entries = list(each_dict(msgs, f"{where}.{title}", report))
        entries.sort(key=lambda e: str(get(e[1], "Date") or ""))
        for pos, msg in entries:
            created = _time(get(msg, "Date"))
            if created is None:
                report(
                    f"{pos}.Date",
                    f"expected a time 'YYYY-MM-DD HH:MM:SS', found "
                    f"{type_name(get(msg, 'Date'))}; message skipped",
                )
                continue
            sender = clean_na(get(msg, "From"))
            sender = sender.strip() if isinstance(sender, str) else ""
            text = clean_na(get(msg, "Content"))
            text = text if isinstance(text, str) else ""
            mid = "dm" + stable_id(other, created, sender, text)
            if not s.once("messages", mid):
                continue
            out = bool(sender) and sender.casefold().lstrip("@") in s.me
            rec: dict[str, Any] = {
                "id": pid(PLATFORM, mid),
                "account_id": s.account,
                "created_at": created,
                "channel": "dm",
                "direction": "out" if out else "in",
                "text": text,
            }
            if out:
                rec["automated"] = False
                if last_in:
                    rec["in_reply_to"] = last_in
                    last_in = None
            else:
                if sender:
                    rec["author_id"] = sender
                    rec["author_handle"] = sender
                last_in = rec["id"]
            yield from s.acct()
            yield "messages", rec


def _followers(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    items, where = get_path(
        obj,
        ("Your Activity", "Follower", "FansList"),
        ("Activity", "Follower List", "FansList"),
        ("Activity", "Follower", "FansList"),
        ("Your Activity", "Follower List", "FansList"),
    )
    for pos, f in each_dict(items, where, report):
        name = clean_na(get(f, "UserName", "username"))
        if not isinstance(name, str) or not name.strip():
            report(f"{pos}.UserName", "follower without a user name; skipped")
            continue
        name = name.strip()
        if not s.once("followers", name.casefold()):
            continue
        rec: dict[str, Any] = {"account_id": s.account, "user_id": name, "handle": name}
        raw = get(f, "Date")
        t = _time(raw)
        if t:
            rec["followed_at"] = t
        elif clean_na(raw) not in (None, ""):
            report(f"{pos}.Date", f"expected a time 'YYYY-MM-DD HH:MM:SS', found {type_name(raw)}; left out")
        yield from s.acct()
        yield "followers", rec


def _likes(obj: dict, s: _State, report: Reporter) -> Iterator[Record]:
    items, where = get_path(
        obj, ("Your Activity", "Like List", "ItemFavoriteList"), ("Activity", "Like List", "ItemFavoriteList")
    )
    for pos, lk in each_dict(items, where, report):
        created = _time(get(lk, "date", "Date"))
        if created is None:
            report(
                f"{pos}.date",
                f"expected a time 'YYYY-MM-DD HH:MM:SS', found "
                f"{type_name(get(lk, 'date', 'Date'))}; like skipped",
            )
            continue
        link = clean_na(get(lk, "link", "Link", "VideoLink"))
        vid = _video_id(link)
        lid = "like" + stable_id(created, link)
        if not s.once("likes", lid):
            continue
        rec: dict[str, Any] = {
            "id": pid(PLATFORM, lid),
            "account_id": s.account,
            "created_at": created,
            "target_text": "",
        }
        if vid:
            rec["target_post_id"] = vid
        yield from s.acct()
        yield "likes", rec


def parse_export(obj: Any, name: str, ctx: Ctx) -> Iterator[Record]:
    """A parsed ``user_data_tiktok.json`` → data set records."""
    report = Reporter(ctx, name)
    if not isinstance(obj, dict):
        report("top level", f"expected the export's object, found {type_name(obj)}; skipped")
        return
    s = _State(ctx, obj)
    yield from s.acct()
    for part in (_posts, _comments, _dms, _followers, _likes):
        yield from part(obj, s, report)


# --------------------------------------------------------------------------- importer

_MARKERS = (
    b'"Your Activity"',
    b'"Ads and data"',
    b'"Video Browsing History"',
    b'"ProfileMap"',
    b'"App Settings"',
    b'"Direct Messages"',
    b'"Tiktok Live"',
    b'"TikTok Live"',
)


def _is_tiktok_head(head: bytes) -> bool:
    return sum(m in head for m in _MARKERS) >= 1 or (b'"Activity"' in head and b'"Profile"' in head)


#: exports above this size are streamed, keeping only the sections this importer reads (watch history
#: and other bulky sections are skipped as they are parsed)
STREAM_ABOVE = 16 << 20
_KEEP_TOP = {
    "profile",
    "post",
    "video",
    "comment",
    "directmessage",
    "directmessages",
    "youractivity",
    "activity",
}
_KEEP_ACTIVITY = {"follower", "followerlist", "likelist"}


def _wanted(path: str) -> bool | None:
    """Whether a key path at depth 1 or 2 is read (None: deeper, decided by its parent)."""
    parts = path.split(".")
    top = _norm(parts[0])
    if len(parts) == 1:
        return top in _KEEP_TOP
    if len(parts) == 2 and top in ("youractivity", "activity"):
        return _norm(parts[1]) in _KEEP_ACTIVITY
    return None


def stream_export(source: Source, member: str, ctx: ImportContext) -> Any:
    """Parse a big export without building the sections it does not need. Raises ``ImportFileError``."""
    import ijson

    from smguard.importers.base import ImportFileError
    from smguard.importers.common import ProgressReader

    raw = source.open_bytes(member)
    head = raw.read(3)
    if head == b"\xef\xbb\xbf":
        head = b""
    reader = ProgressReader(raw, ctx, source.display(member), source.size(member), head=head)
    builder = ijson.ObjectBuilder()
    skip: str | None = None
    try:
        for prefix, event, value in ijson.parse(reader, use_float=True):
            if skip is not None:
                if prefix == skip or prefix.startswith(skip + "."):
                    continue
                skip = None
            if event == "map_key":
                path = f"{prefix}.{value}" if prefix else str(value)
                if _wanted(path) is False:
                    skip = path
                    continue
            builder.event(event, value)
    except (ijson.JSONError, ijson.IncompleteJSONError) as exc:
        raise ImportFileError(
            f"not valid JSON ({str(exc).strip()[:120]})", f"near byte {reader.done}"
        ) from None
    finally:
        reader.close()
    return getattr(builder, "value", None)


class TikTokImporter(DocumentsImporter):
    name = "tiktok"
    platform = "tiktok"
    description = "TikTok 'Download your data' JSON (user_data_tiktok.json, older user_data.json)"

    patterns = ("user_data*.json", "*.json")

    def is_mine(self, head: bytes) -> bool:
        return _is_tiktok_head(head)

    def parse(self, docs: Iterable[tuple[str, Any]], ctx: Ctx) -> Iterator[Record]:
        for name, obj in docs:
            yield from parse_export(obj, name, ctx)

    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, dict[str, Any]]]:
        from smguard.importers.base import ImportFileError

        members = self.claim(source) or source.members()
        small = [m for m in members if source.size(m) <= STREAM_ABOVE]
        yield from self.parse(load_documents(source, small, ctx), ctx)
        for m in members:
            if m in small:
                continue
            try:
                obj = stream_export(source, m, ctx)
            except ImportFileError as exc:
                ctx.problem(source.display(m), exc.position, f"{exc.message}; the file was skipped")
                continue
            except OSError as exc:
                ctx.problem(source.display(m), "start of file", f"cannot read the file ({exc}); skipped")
                continue
            yield from parse_export(obj, source.display(m), ctx)


IMPORTERS = [TikTokImporter()]
