"""Facebook: Graph API JSON of a Page (posts with attachments and comments, comments, conversations, the
page object, page insights) and the "Download your information" (DYI) JSON export.

Graph API: the Page is the brand account (its id from the page object, from ``--brand-account``, from the
``PAGEID_POSTID`` post ids or from the most frequent ``from.id`` of posts). The Page's posts are posts;
visitor posts are ``in`` messages (``mention``); comments by the Page are ``out`` (answering their
``parent`` comment), others' comments ``in``; conversations are DMs. ``application.name`` of a post or
comment is matched against the automation apps, and a post with ``scheduled_publish_time`` that is not yet
published is ``scheduled``.

DYI: the export of one person (a Page admin or a small business run from a profile). Posts, the owner's
comments (``out``), reactions (likes given) and Messenger threads; texts are fixed for Meta's mojibake.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from smguard.importers import _meta
from smguard.importers.base import ImportContext, Record, Source, basename
from smguard.importers.common import clean, iso, pid, to_int

P = "facebook"
_PAGE_TOTALS = ("page_fans", "page_follows", "page_followers", "followers_count")


class FacebookImporter(_meta.MetaImporter):
    name = "facebook"
    platform = P
    description = (
        "Facebook Page Graph API JSON (posts, comments, conversations, page, insights) and "
        "'Download your information' JSON (posts, comments, reactions, messages)"
    )

    # ------------------------------------------------------------------------------------ Graph API
    def _graph(
        self, source: Source, docs: list[tuple[str, Any]], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        pages: dict[str, dict[str, Any]] = {}
        post_from: Counter[str] = Counter()
        id_prefix: Counter[str] = Counter()
        for _, doc in docs:
            for it in _meta.graph_items(doc):
                if _is_page(it):
                    pages[str(it["id"])] = it
                elif _is_post(it):
                    if isinstance(it.get("from"), dict) and it["from"].get("id"):
                        post_from[str(it["from"]["id"])] += 1
                    if "_" in str(it.get("id", "")):
                        id_prefix[str(it["id"]).split("_", 1)[0]] += 1
        given = {
            b.split(":", 1)[-1] for b in ctx.brand_account_ids if b.startswith("facebook:") or b.isdigit()
        }
        brand = set(pages) | given
        if not brand:
            guess = (id_prefix or post_from).most_common(1)
            if guess:
                brand.add(guess[0][0])
                ctx.warning(
                    source.name,
                    "",
                    f"no page object and no --brand-account: page {guess[0][0]} (from the post ids) is taken as the brand",
                )
        page_id = sorted(brand)[0] if brand else None
        if page_id is None:
            ctx.problem(
                source.name,
                "",
                "cannot tell which Facebook Page this is: add the page object (GET /{page-id}) or --brand-account PAGE_ID",
            )
            return
        for b in sorted(brand):
            pg = pages.get(b, {})
            yield (
                "accounts",
                clean(
                    {
                        "id": pid(P, b),
                        "platform": P,
                        "handle": pg.get("username") or pg.get("name") or b,
                        "owner": "brand",
                        "name": pg.get("name"),
                        "category": pg.get("category"),
                        "followers": to_int(pg.get("followers_count") or pg.get("fan_count")),
                        "verified": pg.get("verification_status") not in (None, "not_verified") or None,
                    }
                ),
            )
        account_id = pid(P, page_id)
        for m, doc in docs:
            disp = source.display(m)
            items = _meta.graph_items(doc)
            yield from _meta.follower_count_records(
                items, {b: pid(P, b) for b in brand}, account_id, ctx.default_tz, _PAGE_TOTALS
            )
            is_comment_file = "comment" in basename(m).lower()
            loose_messages = []
            for i, it in enumerate(items):
                where = f"$.data[{i}]"
                if _is_page(it) or ("name" in it and "values" in it):
                    continue
                if _is_conversation(it):
                    yield from self._conversation(it, brand, account_id, ctx, disp, where)
                elif _is_message(it):
                    loose_messages.append(it)
                elif _is_comment(it) or (is_comment_file and not _is_post(it)):
                    post_id = _post_of_comment(it, page_id)
                    yield from self._comment(it, brand, account_id, post_id, None, ctx, disp, where)
                elif _is_post(it) or it.get("created_time"):
                    yield from self._post(it, brand, account_id, ctx, disp, where)
                else:
                    ctx.problem(
                        disp, where, "not a Facebook post, comment, conversation, page or insight: skipped"
                    )
            if loose_messages:
                yield from self._conversation(
                    {"id": m, "messages": {"data": loose_messages}}, brand, account_id, ctx, disp, "$.data"
                )

    def _post(
        self, it: dict[str, Any], brand: set[str], account_id: str, ctx: ImportContext, disp: str, where: str
    ) -> Iterator[tuple[str, Record]]:
        if not it.get("id"):
            ctx.problem(disp, where, "post without id: skipped")
            return
        try:
            created = iso(
                it.get("created_time") or it.get("scheduled_publish_time") or it.get("updated_time")
            )
        except ValueError as exc:
            ctx.problem(disp, where, f"post {it['id']}: {exc}: skipped")
            return
        author = str((it.get("from") or {}).get("id") or "")
        page_part = str(it["id"]).split("_", 1)[0] if "_" in str(it["id"]) else ""
        by_brand = author in brand if author else (page_part in brand or not page_part)
        app = (it.get("application") or {}).get("name") if isinstance(it.get("application"), dict) else None
        automated = ctx.is_automated_app(app)
        text = str(it.get("message") or it.get("story") or "")
        if by_brand:
            media, link = _meta.graph_media_of_attachments(it)
            scheduled = it.get("scheduled_publish_time") is not None and it.get("is_published") is False
            yield (
                "posts",
                clean(
                    {
                        "id": pid(P, it["id"]),
                        "account_id": pid(P, author) if author in brand else account_id,
                        "created_at": iso(it["scheduled_publish_time"]) if scheduled else created,
                        "text": text,
                        "media": media or None,
                        "link": link or it.get("link"),
                        "source": "automated" if automated else ("scheduled" if scheduled else "manual"),
                        "metrics": _meta.graph_metrics(it),
                        "app": app,
                        "permalink": it.get("permalink_url"),
                        "promotion_status": it.get("promotion_status"),
                    }
                ),
            )
        else:
            yield (
                "messages",
                clean(
                    {
                        "id": pid(P, it["id"]),
                        "account_id": account_id,
                        "created_at": created,
                        "channel": "mention",
                        "direction": "in",
                        "author_id": author or None,
                        "author_handle": (it.get("from") or {}).get("name"),
                        "text": text,
                    }
                ),
            )
        for j, c in enumerate(_meta.edge(it, "comments")):
            yield from self._comment(
                c, brand, account_id, pid(P, it["id"]), None, ctx, disp, f"{where}.comments.data[{j}]"
            )

    def _comment(
        self,
        c: dict[str, Any],
        brand: set[str],
        account_id: str,
        post_id: str | None,
        parent: str | None,
        ctx: ImportContext,
        disp: str,
        where: str,
    ) -> Iterator[tuple[str, Record]]:
        if not c.get("id") or not c.get("created_time"):
            ctx.problem(disp, where, "comment without id or created_time: skipped")
            return
        try:
            created = iso(c["created_time"])
        except ValueError as exc:
            ctx.problem(disp, where, f"comment {c['id']}: {exc}: skipped")
            return
        frm = c.get("from") if isinstance(c.get("from"), dict) else {}
        author = str(frm.get("id") or "")
        out = bool(author) and (author in brand or ctx.is_brand(author))
        if c.get("parent") and isinstance(c["parent"], dict) and c["parent"].get("id"):
            parent = pid(P, c["parent"]["id"])
        app = (c.get("application") or {}).get("name") if isinstance(c.get("application"), dict) else None
        rec: dict[str, Any] = {
            "id": pid(P, c["id"]),
            "account_id": account_id,
            "created_at": created,
            "channel": "comment",
            "direction": "out" if out else "in",
            "author_id": author or None,
            "author_handle": frm.get("name"),
            "text": str(c.get("message") or ""),
            "in_reply_to": parent if out else None,
            "post_id": post_id,
            "hidden": c.get("is_hidden") or None,
        }
        if out:
            rec["automated"] = ctx.is_automated_app(app)
            rec["app"] = app
        elif parent:
            rec["in_reply_to"] = parent
        yield "messages", clean(rec)
        for j, r in enumerate(_meta.edge(c, "comments")):
            yield from self._comment(
                r, brand, account_id, post_id, pid(P, c["id"]), ctx, disp, f"{where}.comments.data[{j}]"
            )

    def _conversation(
        self,
        conv: dict[str, Any],
        brand: set[str],
        account_id: str,
        ctx: ImportContext,
        disp: str,
        where: str,
    ) -> Iterator[tuple[str, Record]]:
        msgs = []
        for j, m in enumerate(_meta.edge(conv, "messages")):
            if not m.get("id") or not m.get("created_time"):
                ctx.problem(
                    disp, f"{where}.messages.data[{j}]", "message without id or created_time: skipped"
                )
                continue
            try:
                msgs.append((iso(m["created_time"]), m))
            except ValueError as exc:
                ctx.problem(disp, f"{where}.messages.data[{j}]", f"{exc}: skipped")
        msgs.sort(key=lambda x: x[0])
        last_in = None
        for created, m in msgs:
            frm = m.get("from") if isinstance(m.get("from"), dict) else {}
            author = str(frm.get("id") or "")
            out = author in brand or ctx.is_brand(author)
            rec: dict[str, Any] = {
                "id": pid(P, m["id"]),
                "account_id": account_id,
                "created_at": created,
                "channel": "dm",
                "direction": "out" if out else "in",
                "author_id": author or None,
                "author_handle": frm.get("name"),
                "text": str(m.get("message") or ""),
                "conversation_id": str(conv.get("id") or "") or None,
            }
            if out:
                rec["in_reply_to"] = last_in
                app = (
                    (m.get("application") or {}).get("name")
                    if isinstance(m.get("application"), dict)
                    else None
                )
                rec["automated"] = ctx.is_automated_app(app)
                last_in = None
            else:
                last_in = rec["id"]
            yield "messages", clean(rec)

    # ------------------------------------------------------------------------------------------ DYI
    def _dyi(
        self, source: Source, docs: list[tuple[str, str, Any]], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        owner = None
        for b in sorted(ctx.brand_account_ids):
            if b.startswith("facebook:") or ":" not in b:
                owner = b.split(":", 1)[-1]
                break
        handle = None
        if owner is None:
            for _, k, d in docs:
                if k == "dyi_profile" and isinstance(d, dict):
                    prof = d.get("profile_v2") or d.get("profile") or {}
                    owner = (
                        (prof.get("name") or {}).get("full_name")
                        if isinstance(prof.get("name"), dict)
                        else prof.get("name")
                    )
                    handle = prof.get("username")
        if owner is None:
            names: Counter[str] = Counter()
            for _, k, d in docs:
                if k == "dyi_thread" and isinstance(d, dict) and _meta.thread_owner(d):
                    names[_meta.thread_owner(d)] += 1  # type: ignore[index]
                if k == "dyi_comments":
                    for c in _dyi_comment_items(d):
                        for x in c.get("data") or []:
                            if (
                                isinstance(x, dict)
                                and isinstance(x.get("comment"), dict)
                                and x["comment"].get("author")
                            ):
                                names[x["comment"]["author"]] += 1
            if names:
                owner = names.most_common(1)[0][0]
        if owner is None:
            owner = "export-owner"
            ctx.warning(
                source.name,
                "",
                "the owner of this Facebook export is unknown (no profile_information.json): pass --brand-account NAME",
            )
        account_id = pid(P, owner)
        yield (
            "accounts",
            clean(
                {"id": account_id, "platform": P, "handle": handle or owner, "owner": "brand", "name": owner}
            ),
        )
        tz = ctx.default_tz
        for m, kind, d in docs:
            disp = source.display(m)
            if kind == "dyi_posts":
                for i, it in enumerate(d if isinstance(d, list) else []):
                    if not isinstance(it, dict) or it.get("timestamp") is None:
                        ctx.problem(disp, f"$[{i}]", "post without timestamp: skipped")
                        continue
                    text = "\n".join(
                        str(x["post"]) for x in it.get("data") or [] if isinstance(x, dict) and x.get("post")
                    )
                    media, link, desc = _meta.dyi_media(it.get("attachments") or [])
                    try:
                        created = iso(it["timestamp"], tz)
                    except ValueError as exc:
                        ctx.problem(disp, f"$[{i}]", f"{exc}: skipped")
                        continue
                    yield (
                        "posts",
                        clean(
                            {
                                "id": pid(
                                    P,
                                    f"post:{_meta.short_hash(owner, it['timestamp'], text, it.get('title'))}",
                                ),
                                "account_id": account_id,
                                "created_at": created,
                                "text": text or desc,
                                "media": media or None,
                                "link": link,
                                "source": "manual",
                                "title": it.get("title"),
                            }
                        ),
                    )
            elif kind == "dyi_comments":
                for it in _dyi_comment_items(d):
                    c = next(
                        (
                            x["comment"]
                            for x in it.get("data") or []
                            if isinstance(x, dict) and isinstance(x.get("comment"), dict)
                        ),
                        None,
                    )
                    ts = (c or {}).get("timestamp", it.get("timestamp"))
                    if c is None or ts is None:
                        continue  # a comment whose text Facebook did not export (only a title)
                    yield (
                        "messages",
                        clean(
                            {
                                "id": pid(P, f"comment:{_meta.short_hash(owner, ts, c.get('comment'))}"),
                                "account_id": account_id,
                                "created_at": iso(ts, tz),
                                "channel": "comment",
                                "direction": "out",
                                "author_handle": c.get("author") or owner,
                                "text": str(c.get("comment") or ""),
                                "automated": False,
                                "context": it.get("title"),
                                "group": c.get("group"),
                            }
                        ),
                    )
            elif kind == "dyi_reactions":
                items = d.get("reactions_v2") if isinstance(d, dict) else None
                for i, it in enumerate(items or []):
                    if not isinstance(it, dict) or it.get("timestamp") is None:
                        ctx.problem(disp, f"$.reactions_v2[{i}]", "reaction without timestamp: skipped")
                        continue
                    r = next(
                        (
                            x["reaction"]
                            for x in it.get("data") or []
                            if isinstance(x, dict) and isinstance(x.get("reaction"), dict)
                        ),
                        {},
                    )
                    yield (
                        "likes",
                        clean(
                            {
                                "id": pid(
                                    P, f"like:{_meta.short_hash(owner, it['timestamp'], it.get('title'))}"
                                ),
                                "account_id": account_id,
                                "created_at": iso(it["timestamp"], tz),
                                "target_text": str(it.get("title") or ""),
                                "reaction": r.get("reaction"),
                            }
                        ),
                    )
            elif kind == "dyi_thread" and isinstance(d, dict):
                yield from _meta.thread_messages(d, P, {owner}, account_id, disp, ctx)


def _dyi_comment_items(d: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    blocks = d if isinstance(d, list) else [d]
    for b in blocks:
        if isinstance(b, dict):
            for key in ("comments_v2", "group_comments_v2", "comments"):
                if isinstance(b.get(key), list):
                    out.extend(x for x in b[key] if isinstance(x, dict))
            if "comments_v2" not in b and "group_comments_v2" not in b and "timestamp" in b:
                out.append(b)
    return out


def _is_page(it: dict[str, Any]) -> bool:
    return (
        "id" in it
        and "created_time" not in it
        and any(
            k in it
            for k in ("fan_count", "followers_count", "category", "category_list", "verification_status")
        )
    )


def _is_post(it: dict[str, Any]) -> bool:
    return any(
        k in it
        for k in (
            "attachments",
            "permalink_url",
            "status_type",
            "story",
            "full_picture",
            "shares",
            "is_published",
            "scheduled_publish_time",
            "admin_creator",
            "promotion_status",
        )
    ) or ("comments" in it and "parent" not in it)


def _is_comment(it: dict[str, Any]) -> bool:
    return any(
        k in it
        for k in (
            "parent",
            "comment_count",
            "like_count",
            "can_reply_privately",
            "is_private",
            "private_reply_conversation",
        )
    ) and not _is_post(it)


def _is_conversation(it: dict[str, Any]) -> bool:
    return "messages" in it and ("participants" in it or "updated_time" in it or "message_count" in it)


def _is_message(it: dict[str, Any]) -> bool:
    return "from" in it and "to" in it and "created_time" in it


def _post_of_comment(c: dict[str, Any], page_id: str | None) -> str | None:
    if isinstance(c.get("post"), dict) and c["post"].get("id"):
        return pid(P, c["post"]["id"])
    cid = str(c.get("id") or "")
    if page_id and "_" in cid:
        return pid(P, f"{page_id}_{cid.split('_', 1)[0]}")
    return None


IMPORTERS = [FacebookImporter()]
