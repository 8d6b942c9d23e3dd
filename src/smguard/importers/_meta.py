"""Shared parts of the Facebook and Instagram importers: telling Meta's files apart, the "Download your
information" (DYI) JSON with its mojibake, message threads, and Graph API objects.

DYI files are recognised by their content (their names vary between export versions and people rename
them), Graph API files by their fields: Facebook uses ``created_time``/``message``, Instagram
``timestamp``/``caption``/``media_type``.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from typing import Any

from smguard.importers.base import ImportContext, Importer, Record, Source, basename
from smguard.importers.common import (
    clean,
    dm_replies,
    fix_mojibake_deep,
    guard,
    iso,
    load_json,
    local_date,
    media_type,
    media_type_from_uri,
    metrics,
    peek_text,
    pid,
    to_int,
)


def short_hash(*parts: object) -> str:
    return hashlib.blake2b("\x1f".join(str(p) for p in parts).encode(), digest_size=6).hexdigest()


# ------------------------------------------------------------------------------------- classification

_DYI_KEYS = {
    '"comments_v2"': ("facebook", "dyi_comments"),
    '"group_comments_v2"': ("facebook", "dyi_comments"),
    '"reactions_v2"': ("facebook", "dyi_reactions"),
    '"profile_v2"': ("facebook", "dyi_profile"),
    '"likes_media_likes"': ("instagram", "dyi_likes"),
    '"likes_comment_likes"': ("instagram", "dyi_likes"),
    '"ig_stories"': ("instagram", "dyi_stories"),
    '"relationships_followers"': ("instagram", "dyi_followers"),
    '"relationships_following"': ("instagram", "dyi_ignore"),
    '"comments_media_comments"': ("instagram", "dyi_comments"),
    '"comments_reels_comments"': ("instagram", "dyi_comments"),
    '"profile_user"': ("instagram", "dyi_profile"),
}


def classify(source: Source, member: str) -> tuple[str, str] | None:
    """``(platform, kind)`` of a Meta JSON file, or ``None`` when it is not one we read."""
    if not member.lower().endswith(".json"):
        return None
    head = peek_text(source, member, 8192)
    stripped = head.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    if "youtube#" in head or "urn:li:" in head or "api.twitter.com" in head or '"public_metrics"' in head:
        return None
    path = member.lower()
    for key, kind in _DYI_KEYS.items():
        if key in head:
            return kind
    if (
        '"participants"' in head
        and '"messages"' in head
        and ('"sender_name"' in head or '"timestamp_ms"' in head)
    ):
        ig = '"is_geoblocked_for_viewer"' in head or "instagram" in path or "instagram" in source.name.lower()
        return ("instagram" if ig else "facebook", "dyi_thread")
    if stripped.startswith("["):
        if '"string_map_data"' in head and '"Comment"' in head:
            return ("instagram", "dyi_comments")
        if '"string_list_data"' in head and "instagram.com" in head and "follower" in basename(path):
            return ("instagram", "dyi_followers")
        if '"string_list_data"' in head and "instagram.com" in head:
            return ("instagram", "dyi_ignore")
        if re.search(r'^\[\s*\{\s*"timestamp"', stripped) or (
            '"timestamp"' in head
            and '"attachments"' in head
            and not re.search(r'^\[\s*\{\s*"media"', stripped)
        ):
            return ("facebook", "dyi_posts")
        if '"media"' in head and '"creation_timestamp"' in head and '"uri"' in head:
            return ("instagram", "dyi_posts")
    # Graph API (not Meta's API spec files, whose values are type names)
    if re.search(r'":\s*"(datetime|string|unsigned int|bool)"', head) or not re.search(r'"id"\s*:', head):
        return None
    if '"created_time"' in head or '"fan_count"' in head or re.search(r'"name"\s*:\s*"page_', head):
        return ("facebook", "graph")
    if '"updated_time"' in head and '"participants"' in head:
        return ("facebook", "graph")
    if (
        ('"media_type"' in head and ('"timestamp"' in head or '"caption"' in head or '"permalink"' in head))
        or ('"timestamp"' in head and '"username"' in head and '"text"' in head)
        or ('"media_count"' in head or '"followers_count"' in head and '"username"' in head)
        or (re.search(r'"period"\s*:', head) and re.search(r'"values"\s*:', head))
    ):
        return ("instagram", "graph")
    return None


def claim(source: Source, platform: str) -> list[str]:
    out = []
    for m in source.list("*.json"):
        k = classify(source, m)
        if k and k[0] == platform:
            out.append(m)
    return out


def load_fixed(source: Source, member: str) -> Any:
    """A DYI file, with Meta's mojibake undone."""
    return fix_mojibake_deep(load_json(source, member))


class MetaImporter(Importer):
    """Facebook and Instagram: the files of ``platform`` (see :func:`classify`) are loaded (DYI files with
    their mojibake undone) and handed, Graph API and DYI apart, to :meth:`_graph` and :meth:`_dyi`."""

    def claim(self, source: Source) -> list[str]:
        return claim(source, self.platform)

    def detect(self, source: Source) -> bool:
        return bool(self.claim(source))

    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        docs: list[tuple[str, str, Any]] = []
        for m in source.members():
            kind = classify(source, m)
            if not kind or kind[0] != self.platform or kind[1] == "dyi_ignore":
                continue
            with guard(ctx, source, m):
                doc = load_json(source, m) if kind[1] == "graph" else load_fixed(source, m)
                docs.append((m, kind[1], doc))
        graph = [(m, d) for m, k, d in docs if k == "graph"]
        dyi = [(m, k, d) for m, k, d in docs if k.startswith("dyi_")]
        if graph:
            yield from self._graph(source, graph, ctx)
        if dyi:
            yield from self._dyi(source, dyi, ctx)

    def _graph(
        self, source: Source, docs: list[tuple[str, Any]], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        raise NotImplementedError

    def _dyi(
        self, source: Source, docs: list[tuple[str, str, Any]], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        raise NotImplementedError


# ------------------------------------------------------------------------------------ DYI: messages


def thread_messages(
    doc: dict[str, Any], platform: str, owner_names: set[str], account_id: str, disp: str, ctx: ImportContext
) -> Iterator[tuple[str, Record]]:
    """A ``message_1.json`` thread: the owner's messages are ``out`` (answering the last ``in``), others ``in``."""
    thread = str(doc.get("thread_path") or doc.get("title") or "")
    msgs = []
    for j, m in enumerate(doc.get("messages") or []):
        if not isinstance(m, dict):
            continue
        if m.get("timestamp_ms") is None or not m.get("sender_name"):
            ctx.problem(disp, f"$.messages[{j}]", "message without timestamp_ms or sender_name: skipped")
            continue
        try:
            created = iso(to_int(m["timestamp_ms"]) / 1000)  # type: ignore[operator]
        except (ValueError, TypeError):
            ctx.problem(disp, f"$.messages[{j}]", f"bad timestamp_ms {m.get('timestamp_ms')!r}: skipped")
            continue
        msgs.append((to_int(m["timestamp_ms"]), created, m))
    msgs.sort(key=lambda x: x[0] or 0)
    owners = {n.casefold() for n in owner_names}

    def records() -> Iterator[dict[str, Any]]:
        for ts, created, m in msgs:
            sender = str(m["sender_name"])
            text = m.get("content") or ""
            if not text and isinstance(m.get("share"), dict):
                text = m["share"].get("link") or m["share"].get("share_text") or ""
            yield {
                "id": pid(platform, f"dm:{short_hash(thread, ts, sender)}"),
                "account_id": account_id,
                "created_at": created,
                "channel": "dm",
                "direction": "out" if sender.casefold() in owners else "in",
                "author_handle": sender,
                "text": str(text),
                "conversation_id": thread or None,
            }

    yield from dm_replies(records())


def thread_owner(doc: dict[str, Any]) -> str | None:
    """In a 1:1 thread the title is the other person: the owner is the remaining participant."""
    names = [p.get("name") for p in doc.get("participants") or [] if isinstance(p, dict) and p.get("name")]
    title = doc.get("title")
    if len(names) == 2 and title in names:
        return next(n for n in names if n != title)
    return None


def dyi_media(items: list[Any]) -> tuple[list[dict[str, Any]], str | None, str]:
    """``(media, link, extra_text)`` of DYI attachments / media entries."""
    media: list[dict[str, Any]] = []
    link = None
    text = ""
    for att in items:
        if not isinstance(att, dict):
            continue
        datas = att.get("data") if isinstance(att.get("data"), list) else [att]
        for d in datas:
            if not isinstance(d, dict):
                continue
            m = d.get("media") if isinstance(d.get("media"), dict) else (d if "uri" in d else None)
            if m is not None:
                meta = m.get("media_metadata") or {}
                kind = "video" if "video_metadata" in meta else media_type_from_uri(m.get("uri"), "photo")
                rec = {"type": kind, "id": m.get("uri") or None}
                media.append(clean(rec))
                if not text and m.get("description"):
                    text = str(m["description"])
            ext = d.get("external_context")
            if isinstance(ext, dict) and ext.get("url"):
                link = link or ext["url"]
                media.append({"type": "link", "url": ext["url"]})
    return media, link, text


# ------------------------------------------------------------------------------------------- Graph


def graph_items(doc: Any) -> list[dict[str, Any]]:
    """The objects of a Graph API response: ``{"data": [...]}``, a bare object, or a list of either."""
    if isinstance(doc, list):
        out: list[dict[str, Any]] = []
        for d in doc:
            out.extend(graph_items(d) if isinstance(d, dict) and "data" in d and "id" not in d else [d])
        return [x for x in out if isinstance(x, dict)]
    if isinstance(doc, dict):
        if isinstance(doc.get("data"), list) and "id" not in doc:
            return [x for x in doc["data"] if isinstance(x, dict)]
        if isinstance(doc.get("data"), dict):
            return [doc["data"]]
        return [doc]
    return []


def edge(obj: dict[str, Any], name: str) -> list[dict[str, Any]]:
    e = obj.get(name)
    if isinstance(e, dict):
        e = e.get("data")
    return [x for x in e if isinstance(x, dict)] if isinstance(e, list) else []


def insight_values(items: list[dict[str, Any]]) -> Iterator[tuple[str, str, Any, str | None]]:
    """``(object_id, metric, value, end_time)`` of insights objects (``id`` = ``OBJ/insights/metric/period``)."""
    for it in items:
        name = it.get("name")
        if not name or not isinstance(it.get("values"), list):
            continue
        obj = str(it.get("id") or "").split("/insights", 1)[0]
        for v in it["values"]:
            if isinstance(v, dict):
                yield obj, str(name), v.get("value"), v.get("end_time")
        if it.get("total_value") is not None:  # newer IG insights (metric_type=total_value)
            tv = it["total_value"]
            yield obj, str(name), tv.get("value") if isinstance(tv, dict) else tv, None


def follower_count_records(
    items: list[dict[str, Any]],
    account_of: dict[str, str],
    default_account: str | None,
    tz: str,
    total_metrics: tuple[str, ...],
) -> Iterator[tuple[str, Record]]:
    for obj, metric, value, end in insight_values(items):
        if metric not in total_metrics or end is None or to_int(value) is None:
            continue
        account = account_of.get(obj) or default_account
        if account:
            yield (
                "follower_counts",
                {"account_id": account, "date": local_date(end, tz), "followers": to_int(value)},
            )


def graph_media_of_attachments(post: dict[str, Any]) -> tuple[list[dict[str, Any]], str | None]:
    """Facebook ``attachments`` edge -> data set media and link."""
    media: list[dict[str, Any]] = []
    link = None
    for att in edge(post, "attachments"):
        subs = edge(att, "subattachments") or [att]
        for s in subs:
            mt = str(s.get("media_type") or s.get("type") or "").lower()
            if mt in ("link", "share", "") and s.get("url") and not s.get("media"):
                link = link or (s.get("unshimmed_url") or s.get("url"))
                media.append({"type": "link", "url": link})
                continue
            kind = (
                "video"
                if "video" in mt
                else ("gif" if "gif" in mt or "animated" in mt else media_type(mt, "photo"))
            )
            rec: dict[str, Any] = {"type": kind}
            target = s.get("target") or {}
            if target.get("id"):
                rec["id"] = pid("facebook", target["id"])
            src = ((s.get("media") or {}).get("image") or {}).get("src") or (s.get("media") or {}).get(
                "source"
            )
            if src:
                rec["url"] = src
            dur = (s.get("media") or {}).get("duration") or s.get("length")
            if dur is not None:
                with contextlib.suppress(TypeError, ValueError):
                    rec["duration_s"] = float(dur)
            media.append(rec)
    return media, link


def graph_metrics(post: dict[str, Any]) -> dict[str, int] | None:
    def total(name: str) -> Any:
        e = post.get(name)
        if isinstance(e, dict):
            return (e.get("summary") or {}).get("total_count", e.get("count"))
        return e

    return metrics(
        likes=total("reactions") if post.get("reactions") is not None else total("likes"),
        comments=total("comments")
        if isinstance(post.get("comments"), dict) and "summary" in post["comments"]
        else None,
        shares=total("shares"),
    )
