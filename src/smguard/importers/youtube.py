"""YouTube: Data API v3 JSON (``videos``, ``commentThreads``, ``comments``, ``channels``) and the Google
Takeout ``comments.csv`` (both the pre- and post-June-2024 header layouts).

The brand channels are ``--brand-account`` (channel ids ``UC…`` or ``@handles``) plus the channels of any
``channels`` response; when neither is given, every channel whose videos or comment threads are in the files
is taken as a brand channel (with a warning). Videos are posts (title and description as text, one video
medium with its duration, view/like/comment counts). In comment threads, a comment whose
``authorChannelId.value`` equals the video's ``channelId`` is the channel answering (``out``, with
``in_reply_to`` its parent), other comments are ``in``. Takeout ``comments.csv`` holds the account's own
comments (``out``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from smguard.importers.base import ImportContext, Importer, Record, Source
from smguard.importers.common import (
    clean,
    guard,
    iso,
    iso_duration_seconds,
    iter_csv,
    load_json,
    metrics,
    peek_text,
    pid,
    strip_html,
    to_int,
)

P = "youtube"
_TAKEOUT_COLUMNS = ("Comment ID", "Video ID", "Comment Text")


class YouTubeImporter(Importer):
    name = "youtube"
    platform = P
    description = (
        "YouTube Data API v3 JSON (videos, commentThreads, comments, channels) and Takeout comments CSV"
    )

    def claim(self, source: Source) -> list[str]:
        out = []
        for m in source.members():
            low = m.lower()
            if low.endswith(".json"):
                if '"youtube#' in peek_text(source, m, 2048):
                    out.append(m)
            elif low.endswith(".csv"):
                first = peek_text(source, m, 1024).splitlines()[:1]
                if first and all(c in first[0] for c in _TAKEOUT_COLUMNS):
                    out.append(m)
        return out

    def detect(self, source: Source) -> bool:
        return bool(self.claim(source))

    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        api: list[tuple[str, list[dict[str, Any]]]] = []
        csvs: list[str] = []
        for m in source.members():
            if m.lower().endswith(".csv"):
                csvs.append(m)
                continue
            with guard(ctx, source, m):
                doc = load_json(source, m)
                items = _items(doc)
                if not items:
                    ctx.warning(source.display(m), "", "no items in this YouTube response")
                api.append((m, items))

        channels: dict[str, dict[str, Any]] = {}
        seen_channels: list[str] = []
        for _, items in api:
            for it in items:
                kind = it.get("kind", "")
                if kind == "youtube#channel" and it.get("id"):
                    channels[str(it["id"])] = it
                ch = (it.get("snippet") or {}).get("channelId")
                if ch and ch not in seen_channels:
                    seen_channels.append(ch)
        brand: set[str] = set(channels)
        handles: set[str] = set()
        for b in ctx.brand_account_ids:
            if ":" in b and not b.startswith("youtube:"):
                continue
            raw = b.split(":", 1)[-1]
            if raw.startswith("UC"):
                brand.add(raw)
            else:
                handles.add(raw.lstrip("@").lower())
        if handles:
            for _, items in api:
                for it in _all_comments(items):
                    sn = it.get("snippet") or {}
                    if str(sn.get("authorDisplayName", "")).lstrip("@").lower() in handles:
                        aid = (sn.get("authorChannelId") or {}).get("value")
                        if aid:
                            brand.add(aid)
        if not brand and seen_channels:
            brand = set(seen_channels)
            ctx.warning(
                source.name,
                "",
                f"no --brand-account and no channels response: {len(brand)} channel(s) found in the files are taken "
                "as brand channels",
            )
        for ch in sorted(brand):
            c = channels.get(ch, {})
            sn = c.get("snippet") or {}
            st = c.get("statistics") or {}
            yield (
                "accounts",
                clean(
                    {
                        "id": pid(P, ch),
                        "platform": P,
                        "handle": sn.get("customUrl") or sn.get("title") or _handle_of(api, ch) or ch,
                        "owner": "brand",
                        "name": sn.get("title"),
                        "followers": to_int(st.get("subscriberCount")),
                        "videos": to_int(st.get("videoCount")),
                        "views": to_int(st.get("viewCount")),
                    }
                ),
            )

        for m, items in api:
            disp = source.display(m)
            skipped = 0
            for i, it in enumerate(items):
                where = f"$.items[{i}]"
                kind = it.get("kind", "")
                if kind == "youtube#video":
                    ch = (it.get("snippet") or {}).get("channelId")
                    if ch not in brand:
                        skipped += 1
                        continue
                    yield from self._video(it, ctx, disp, where)
                elif kind == "youtube#commentThread":
                    ch = (it.get("snippet") or {}).get("channelId")
                    if ch not in brand:
                        skipped += 1
                        continue
                    top = (it.get("snippet") or {}).get("topLevelComment") or {}
                    vid = (it.get("snippet") or {}).get("videoId")
                    yield from self._comment(
                        top, ch, vid, brand, ctx, disp, f"{where}.snippet.topLevelComment"
                    )
                    for j, r in enumerate((it.get("replies") or {}).get("comments") or []):
                        yield from self._comment(
                            r, ch, vid, brand, ctx, disp, f"{where}.replies.comments[{j}]"
                        )
                elif kind == "youtube#comment":
                    ch = (it.get("snippet") or {}).get("channelId")
                    if ch not in brand:
                        skipped += 1
                        continue
                    yield from self._comment(
                        it, ch, (it.get("snippet") or {}).get("videoId"), brand, ctx, disp, where
                    )
                elif kind in ("youtube#channel", "youtube#searchResult", "youtube#playlistItem"):
                    continue
                else:
                    ctx.problem(disp, where, f"unknown YouTube object kind {kind!r}: skipped")
            if skipped:
                ctx.warning(
                    disp, "", f"{skipped} item(s) of channels that are not brand channels were skipped"
                )

        for m in csvs:
            with guard(ctx, source, m):
                yield from self._takeout(source, m, ctx)

    def _video(
        self, it: dict[str, Any], ctx: ImportContext, disp: str, where: str
    ) -> Iterator[tuple[str, Record]]:
        sn = it.get("snippet") or {}
        if not it.get("id") or not sn.get("publishedAt"):
            ctx.problem(disp, where, "video without id or snippet.publishedAt: skipped")
            return
        vid = it["id"] if isinstance(it["id"], str) else (it["id"] or {}).get("videoId")
        try:
            created = iso(sn["publishedAt"])
        except ValueError as exc:
            ctx.problem(disp, where, f"video {vid}: {exc}: skipped")
            return
        status = it.get("status") or {}
        scheduled = bool(status.get("publishAt")) and status.get("privacyStatus") == "private"
        st = it.get("statistics") or {}
        dur = iso_duration_seconds((it.get("contentDetails") or {}).get("duration") or "")
        title = str(sn.get("title") or "")
        desc = str(sn.get("description") or "")
        yield (
            "posts",
            clean(
                {
                    "id": pid(P, vid),
                    "account_id": pid(P, sn["channelId"]),
                    "created_at": iso(status["publishAt"]) if scheduled else created,
                    "text": f"{title}\n\n{desc}".strip() if desc else title,
                    "media": [clean({"type": "video", "duration_s": dur, "id": pid(P, vid)})],
                    "source": "scheduled" if scheduled else "manual",
                    "metrics": metrics(
                        likes=st.get("likeCount"), comments=st.get("commentCount"), views=st.get("viewCount")
                    ),
                    "title": title,
                    "tags": sn.get("tags"),
                }
            ),
        )

    def _comment(
        self,
        c: dict[str, Any],
        channel: str,
        video: str | None,
        brand: set[str],
        ctx: ImportContext,
        disp: str,
        where: str,
    ) -> Iterator[tuple[str, Record]]:
        sn = c.get("snippet") or {}
        if not c.get("id") or not sn.get("publishedAt"):
            ctx.problem(disp, where, "comment without id or publishedAt: skipped")
            return
        try:
            created = iso(sn["publishedAt"])
        except ValueError as exc:
            ctx.problem(disp, where, f"comment {c['id']}: {exc}: skipped")
            return
        author = (sn.get("authorChannelId") or {}).get("value")
        out = bool(author) and (author == channel or author in brand)
        parent = sn.get("parentId") or (c["id"].split(".", 1)[0] if "." in c["id"] else None)
        text = sn.get("textOriginal")
        if text is None:
            text = strip_html(sn.get("textDisplay"))
        rec: dict[str, Any] = {
            "id": pid(P, c["id"]),
            "account_id": pid(P, channel),
            "created_at": created,
            "channel": "comment",
            "direction": "out" if out else "in",
            "author_id": author,
            "author_handle": sn.get("authorDisplayName"),
            "text": str(text or ""),
            "in_reply_to": pid(P, parent) if parent else None,
            "post_id": pid(P, video or sn.get("videoId")) if (video or sn.get("videoId")) else None,
            "likes": to_int(sn.get("likeCount")),
            "moderation_status": sn.get("moderationStatus"),
        }
        if out:
            rec["automated"] = False
        yield "messages", clean(rec)

    def _takeout(self, source: Source, member: str, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        disp = source.display(member)
        accounts_seen: set[str] = set()
        for line, row in iter_csv(source, member):
            cid, ch = (row.get("Comment ID") or "").strip(), (row.get("Channel ID") or "").strip()
            ts = (row.get("Comment Create Timestamp") or "").strip()
            if not cid or not ch or not ts:
                ctx.problem(
                    disp,
                    f"line {line}",
                    "row without Comment ID, Channel ID or Comment Create Timestamp: skipped",
                )
                continue
            try:
                created = iso(ts, ctx.default_tz)
            except ValueError as exc:
                ctx.problem(disp, f"line {line}", f"Comment Create Timestamp: {exc}: skipped")
                continue
            if ch not in accounts_seen:
                accounts_seen.add(ch)
                yield "accounts", {"id": pid(P, ch), "platform": P, "handle": ch, "owner": "brand"}
            parent = (row.get("Parent Comment ID") or "").strip()
            video = (row.get("Video ID") or "").strip()
            yield (
                "messages",
                clean(
                    {
                        "id": pid(P, cid),
                        "account_id": pid(P, ch),
                        "created_at": created,
                        "channel": "comment",
                        "direction": "out",
                        "author_id": ch,
                        "text": takeout_comment_text(row.get("Comment Text") or ""),
                        "in_reply_to": pid(P, parent) if parent else None,
                        "post_id": pid(P, video) if video else None,
                        "automated": False,
                    }
                ),
            )


def takeout_comment_text(raw: str) -> str:
    """Takeout ``Comment Text``: ``{"text":…},{"text":…}`` (before June 2024) or ``{"takeoutSegments":[…]}``."""
    s = raw.strip()
    if not s.startswith("{"):
        return raw
    try:
        parts = json.loads(f"[{s}]")
    except json.JSONDecodeError:
        return raw
    out = []
    for p in parts:
        if isinstance(p, dict):
            segs = p.get("takeoutSegments") if isinstance(p.get("takeoutSegments"), list) else [p]
            out.extend(str(x.get("text", "")) for x in segs if isinstance(x, dict))
    return "".join(out)


def _items(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, list):
        out: list[dict[str, Any]] = []
        for d in doc:
            out.extend(_items(d))
        return out
    if not isinstance(doc, dict):
        return []
    if isinstance(doc.get("items"), list):
        return [x for x in doc["items"] if isinstance(x, dict)]
    return [doc] if str(doc.get("kind", "")).startswith("youtube#") else []


def _all_comments(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for it in items:
        if it.get("kind") == "youtube#comment":
            yield it
        elif it.get("kind") == "youtube#commentThread":
            top = (it.get("snippet") or {}).get("topLevelComment")
            if isinstance(top, dict):
                yield top
            yield from ((it.get("replies") or {}).get("comments") or [])


def _handle_of(api: list[tuple[str, list[dict[str, Any]]]], channel: str) -> str | None:
    for _, items in api:
        for c in _all_comments(items):
            sn = c.get("snippet") or {}
            if (sn.get("authorChannelId") or {}).get("value") == channel:
                return sn.get("authorDisplayName")
        for it in items:
            if it.get("kind") == "youtube#video" and (it.get("snippet") or {}).get("channelId") == channel:
                return (it.get("snippet") or {}).get("channelTitle")
    return None


IMPORTERS = [YouTubeImporter()]
