"""Instagram: "Download your information" JSON export and Graph API media, comments and insights JSON.

Export (one account's own data): ``content/posts_1.json`` and ``stories.json`` are the account's posts,
``comments/post_comments_1.json`` its comments on others' posts (``out`` messages), ``likes/liked_posts.json``
and ``liked_comments.json`` likes given, ``followers_1.json`` followers (username and follow time), and
``messages/inbox/*/message_1.json`` DMs. Texts are fixed for Meta's mojibake. The account is named by
``personal_information.json`` or ``--brand-account USERNAME``.

Graph API: ``IGMedia`` objects (with their ``comments``/``replies``/``children``/``insights`` edges) are the
brand's posts; a comment whose ``username``/``from.id`` is the brand's is an ``out`` reply, others are ``in``.
Media insights (views, reach, saves, shares) go into the posts' metrics.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from smguard.importers import _meta
from smguard.importers.base import ImportContext, Record, Source, basename
from smguard.importers.common import clean, iso, pid, to_int

P = "instagram"
_SHORTCODE = re.compile(r"instagram\.com/(?:p|reel|tv)/([A-Za-z0-9_-]+)")
_IG_TYPES = {
    "IMAGE": "photo",
    "VIDEO": "video",
    "CAROUSEL_ALBUM": "photo",
    "REELS": "video",
    "STORY": "photo",
}
_VIEW_METRICS = ("views", "video_views", "plays", "impressions", "ig_reels_aggregated_all_plays_count")


class InstagramImporter(_meta.MetaImporter):
    name = "instagram"
    platform = P
    description = (
        "Instagram 'Download your information' JSON (posts, stories, comments, likes, followers, messages) "
        "and Graph API media, comments and insights JSON"
    )

    # ------------------------------------------------------------------------------------ Graph API
    def _graph(
        self, source: Source, docs: list[tuple[str, Any]], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        users: dict[str, dict[str, Any]] = {}
        media_owner: Counter[str] = Counter()
        insights: dict[str, dict[str, int]] = defaultdict(dict)
        for _, doc in docs:
            for it in _meta.graph_items(doc):
                if it.get("username") and (
                    "followers_count" in it or "media_count" in it or "biography" in it
                ):
                    users[str(it.get("id") or it["username"])] = it
                if "media_type" in it:
                    o = it.get("owner")
                    if isinstance(o, dict) and o.get("id"):
                        media_owner[str(o["id"])] += 1
                    if it.get("username"):
                        media_owner["@" + str(it["username"])] += 1
                for obj, metric, value, _end in _meta.insight_values(edge_or_self(it, "insights")):
                    if to_int(value) is not None:
                        insights[obj][metric] = to_int(value)  # type: ignore[assignment]
        brand_ids: set[str] = set()
        brand_names: set[str] = set()
        for uid, u in users.items():
            brand_ids.add(uid)
            brand_names.add(str(u["username"]).lower())
        for b in ctx.brand_account_ids:
            if ":" in b and not b.startswith("instagram:"):
                continue
            raw = b.split(":", 1)[-1].lstrip("@")
            (brand_ids if raw.isdigit() else brand_names).add(raw if raw.isdigit() else raw.lower())
        if not brand_ids and not brand_names and media_owner:
            top = media_owner.most_common(1)[0][0]
            (brand_names.add(top[1:].lower()) if top.startswith("@") else brand_ids.add(top))
            ctx.warning(
                source.name, "", f"no --brand-account: the owner of the media ({top}) is taken as the brand"
            )
        if not brand_ids and not brand_names:
            ctx.problem(
                source.name,
                "",
                "cannot tell which Instagram account this is: pass --brand-account USERNAME or include GET /{ig-user-id}",
            )
            return
        # one account id: the numeric id when known (user object), else the username
        main_user = next(iter(users.values()), None)
        if main_user is not None:
            account_key = str(main_user.get("id") or main_user["username"])
            handle = main_user["username"]
        elif brand_ids:
            account_key = sorted(brand_ids)[0]
            handle = next(iter(sorted(brand_names)), account_key)
        else:
            account_key = handle = sorted(brand_names)[0]
        account_id = pid(P, account_key)
        yield (
            "accounts",
            clean(
                {
                    "id": account_id,
                    "platform": P,
                    "handle": handle,
                    "owner": "brand",
                    "name": (main_user or {}).get("name"),
                    "followers": to_int((main_user or {}).get("followers_count")),
                    "bio": (main_user or {}).get("biography"),
                }
            ),
        )

        def is_brand(c: dict[str, Any]) -> bool:
            frm = c.get("from") if isinstance(c.get("from"), dict) else {}
            uid = str(frm.get("id") or (c.get("user") or {}).get("id") or "")
            uname = str(c.get("username") or frm.get("username") or "").lower()
            return (
                (uid and uid in brand_ids)
                or (uname and uname in brand_names)
                or ctx.is_brand(uid or None, uname or None)
            )  # type: ignore[return-value]

        for m, doc in docs:
            disp = source.display(m)
            for i, it in enumerate(_meta.graph_items(doc)):
                where = f"$.data[{i}]"
                if "media_type" in it or "media_product_type" in it:
                    yield from self._media(it, account_id, insights, is_brand, ctx, disp, where)
                elif "text" in it and ("timestamp" in it or "id" in it):
                    post = (it.get("media") or {}).get("id") if isinstance(it.get("media"), dict) else None
                    yield from self._comment(
                        it, account_id, pid(P, post) if post else None, None, is_brand, ctx, disp, where
                    )
                elif "values" in it or "total_value" in it or it.get("username"):
                    continue  # insights (merged into posts) and user objects (the account)
                else:
                    ctx.problem(disp, where, "not an Instagram media, comment, user or insight: skipped")

    def _media(self, it, account_id, insights, is_brand, ctx, disp, where) -> Iterator[tuple[str, Record]]:  # type: ignore[no-untyped-def]
        if not it.get("id") or not it.get("timestamp"):
            ctx.problem(disp, where, "media without id or timestamp: skipped")
            return
        try:
            created = iso(it["timestamp"])
        except ValueError as exc:
            ctx.problem(disp, where, f"media {it['id']}: {exc}: skipped")
            return
        kind = str(it.get("media_product_type") or "").upper()
        mt = str(it.get("media_type") or "").upper()
        children = _meta.edge(it, "children")
        media = []
        for ch in children or [it]:
            t = _IG_TYPES.get(str(ch.get("media_type") or mt).upper(), "photo")
            if kind == "REELS":
                t = "video"
            media.append(
                clean(
                    {"type": t, "id": pid(P, ch["id"]) if ch.get("id") else None, "url": ch.get("media_url")}
                )
            )
        ins = dict(insights.get(str(it["id"]), {}))
        for obj, metric, value, _end in _meta.insight_values(edge_or_self(it, "insights")):
            if obj in ("", str(it["id"])) and to_int(value) is not None:
                ins[metric] = to_int(value)  # type: ignore[assignment]
        views = next((ins[k] for k in _VIEW_METRICS if k in ins), None)
        views = to_int(it.get("view_count")) if it.get("view_count") is not None else views
        shares = ins.get("shares")
        met = {
            k: v
            for k, v in {
                "likes": to_int(it.get("like_count"))
                if it.get("like_count") is not None
                else ins.get("likes"),
                "comments": to_int(it.get("comments_count"))
                if it.get("comments_count") is not None
                else ins.get("comments"),
                "shares": shares,
                "views": views,
            }.items()
            if v is not None
        }
        yield (
            "posts",
            clean(
                {
                    "id": pid(P, it["id"]),
                    "account_id": account_id,
                    "created_at": created,
                    "text": str(it.get("caption") or ""),
                    "media": media,
                    "source": "manual",
                    "metrics": met or None,
                    "permalink": it.get("permalink"),
                    "product_type": kind.lower() or None,
                    "reach": ins.get("reach"),
                    "saved": ins.get("saved"),
                }
            ),
        )
        for j, c in enumerate(_meta.edge(it, "comments")):
            yield from self._comment(
                c, account_id, pid(P, it["id"]), None, is_brand, ctx, disp, f"{where}.comments.data[{j}]"
            )

    def _comment(
        self, c, account_id, post_id, parent, is_brand, ctx, disp, where
    ) -> Iterator[tuple[str, Record]]:  # type: ignore[no-untyped-def]
        if not c.get("id") or not c.get("timestamp"):
            ctx.problem(disp, where, "comment without id or timestamp: skipped")
            return
        try:
            created = iso(c["timestamp"])
        except ValueError as exc:
            ctx.problem(disp, where, f"comment {c['id']}: {exc}: skipped")
            return
        frm = c.get("from") if isinstance(c.get("from"), dict) else {}
        out = bool(is_brand(c))
        if parent is None and c.get("parent_id"):
            parent = pid(P, c["parent_id"])
        rec: dict[str, Any] = {
            "id": pid(P, c["id"]),
            "account_id": account_id,
            "created_at": created,
            "channel": "comment",
            "direction": "out" if out else "in",
            "author_id": str(frm.get("id")) if frm.get("id") else None,
            "author_handle": c.get("username") or frm.get("username"),
            "text": str(c.get("text") or ""),
            "in_reply_to": parent,
            "post_id": post_id,
            "hidden": c.get("hidden") or None,
        }
        if out:
            rec["automated"] = False
        yield "messages", clean(rec)
        for j, r in enumerate(_meta.edge(c, "replies")):
            yield from self._comment(
                r, account_id, post_id, pid(P, c["id"]), is_brand, ctx, disp, f"{where}.replies.data[{j}]"
            )

    # ------------------------------------------------------------------------------------------ DYI
    def _dyi(
        self, source: Source, docs: list[tuple[str, str, Any]], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        handle = None
        names: set[str] = set()
        for _, k, d in docs:
            if k == "dyi_profile" and isinstance(d, dict):
                for u in d.get("profile_user") or []:
                    smd = (u or {}).get("string_map_data") or {}
                    handle = handle or (smd.get("Username") or {}).get("value")
                    if (smd.get("Name") or {}).get("value"):
                        names.add(smd["Name"]["value"])
        if handle is None:
            for b in sorted(ctx.brand_account_ids):
                if b.startswith("instagram:") or ":" not in b:
                    handle = b.split(":", 1)[-1].lstrip("@")
                    break
        thread_owners = Counter(
            _meta.thread_owner(d)
            for _, k, d in docs
            if k == "dyi_thread" and isinstance(d, dict) and _meta.thread_owner(d)
        )
        if thread_owners:
            names.add(thread_owners.most_common(1)[0][0])  # type: ignore[arg-type]
        if handle is None:
            handle = "export-owner"
            ctx.warning(
                source.name,
                "",
                "the owner of this Instagram export is unknown (no personal_information.json): pass --brand-account USERNAME",
            )
        names.add(handle)
        account_id = pid(P, handle)
        yield (
            "accounts",
            clean(
                {
                    "id": account_id,
                    "platform": P,
                    "handle": handle,
                    "owner": "brand",
                    "name": next((n for n in sorted(names) if n != handle), None),
                }
            ),
        )
        tz = ctx.default_tz
        for m, kind, d in docs:
            disp = source.display(m)
            if kind in ("dyi_posts", "dyi_stories"):
                items = d.get("ig_stories") if isinstance(d, dict) else d
                for i, it in enumerate(items if isinstance(items, list) else []):
                    rec = _dyi_post(it, account_id, tz, story=kind == "dyi_stories")
                    if rec is None:
                        ctx.problem(disp, f"$[{i}]", "post without media or time: skipped")
                        continue
                    yield "posts", rec
            elif kind == "dyi_comments":
                items = (
                    d
                    if isinstance(d, list)
                    else next((v for v in d.values() if isinstance(v, list)), [])
                    if isinstance(d, dict)
                    else []
                )
                for i, it in enumerate(items):
                    smd = (it or {}).get("string_map_data") or {}
                    ts = (smd.get("Time") or {}).get("timestamp")
                    text = (smd.get("Comment") or {}).get("value")
                    if ts is None or text is None:
                        ctx.problem(disp, f"$[{i}]", "comment without Comment or Time: skipped")
                        continue
                    owner_of_media = (smd.get("Media Owner") or {}).get("value")
                    yield (
                        "messages",
                        clean(
                            {
                                "id": pid(P, f"comment:{_meta.short_hash(handle, ts, text)}"),
                                "account_id": account_id,
                                "created_at": iso(ts, tz),
                                "channel": "comment",
                                "direction": "out",
                                "author_handle": handle,
                                "text": str(text),
                                "automated": False,
                                "media_owner": owner_of_media,
                            }
                        ),
                    )
            elif kind == "dyi_likes" and isinstance(d, dict):
                for key, items in d.items():
                    for i, it in enumerate(items if isinstance(items, list) else []):
                        for s in (it or {}).get("string_list_data") or []:
                            if not isinstance(s, dict) or s.get("timestamp") is None:
                                ctx.problem(disp, f"$.{key}[{i}]", "like without timestamp: skipped")
                                continue
                            href = s.get("href") or ""
                            code = _SHORTCODE.search(href)
                            yield (
                                "likes",
                                clean(
                                    {
                                        "id": pid(
                                            P,
                                            f"like:{handle}:{code.group(1)}"
                                            if code and "comment" not in key
                                            else f"like:{handle}:{_meta.short_hash(key, href, s['timestamp'], it.get('title'))}",
                                        ),
                                        "account_id": account_id,
                                        "created_at": iso(s["timestamp"], tz),
                                        "target_post_id": code.group(1) if code else None,
                                        "target_author_handle": it.get("title") or None,
                                        "target_text": "",
                                        "target_url": href or None,
                                        "liked": "comment" if "comment" in key else "post",
                                    }
                                ),
                            )
            elif kind == "dyi_followers":
                items = d.get("relationships_followers") if isinstance(d, dict) else d
                for i, it in enumerate(items if isinstance(items, list) else []):
                    for s in (it or {}).get("string_list_data") or []:
                        if not isinstance(s, dict) or not s.get("value"):
                            ctx.problem(disp, f"$[{i}]", "follower without username: skipped")
                            continue
                        yield (
                            "followers",
                            clean(
                                {
                                    "account_id": account_id,
                                    "user_id": s["value"],
                                    "handle": s["value"],
                                    "followed_at": iso(s["timestamp"], tz) if s.get("timestamp") else None,
                                }
                            ),
                        )
            elif kind == "dyi_thread" and isinstance(d, dict):
                yield from _meta.thread_messages(d, P, names, account_id, disp, ctx)


def edge_or_self(it: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """Insights objects: the ``insights`` edge of a media, or the object itself when it is one."""
    if "values" in it or "total_value" in it:
        return [it]
    return _meta.edge(it, name)


def _dyi_post(it: Any, account_id: str, tz: str, story: bool) -> Record | None:
    if not isinstance(it, dict):
        return None
    items = it.get("media") if isinstance(it.get("media"), list) else ([it] if it.get("uri") else [])
    if not items:
        return None
    ts = it.get("creation_timestamp") or items[0].get("creation_timestamp")
    if ts is None:
        return None
    text = it.get("title") if it.get("title") is not None and "media" in it else None
    if not text:
        text = next((m.get("title") for m in items if isinstance(m, dict) and m.get("title")), "")
    media = []
    for m in items:
        if not isinstance(m, dict):
            continue
        meta = m.get("media_metadata") or {}
        uri = m.get("uri") or ""
        kind = "video" if "video_metadata" in meta else _meta.media_type_from_uri(uri, "photo")
        media.append(clean({"type": kind, "id": basename(uri) or None}))
    app = next(
        (
            (m.get("cross_post_source") or {}).get("source_app")
            for m in items
            if isinstance(m, dict) and m.get("cross_post_source")
        ),
        None,
    )
    return clean(
        {
            "id": pid(P, f"{'story' if story else 'post'}:{_meta.short_hash(items[0].get('uri'), ts)}"),
            "account_id": account_id,
            "created_at": iso(ts, tz),
            "text": str(text or ""),
            "media": media,
            "source": "manual",
            "story": True if story else None,
            "cross_posted_from": app,
        }
    )


IMPORTERS = [InstagramImporter()]
