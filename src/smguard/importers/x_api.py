"""X/Twitter API v2 JSON: responses of the tweets, users, followers and mentions endpoints.

Accepted files: a saved response (``{"data": ..., "includes": {...}, "meta": {...}}``), a list of such
responses, a recorded cassette (``[{"request": "GET https://api.twitter.com/2/...", "body": {...}}]``) or a
JavaScript/TypeScript module exporting a response object (``export const tweets = {data: [...]}``).

The brand account is, in this order: ``--brand-account`` (id or username), the user of a
``/2/users/:id/...`` or ``/2/users/by/username/:name`` request, or (with a warning) the most frequent author
of the tweets. Brand tweets are posts, brand replies to other users are ``out`` messages, other users' tweets
are ``in`` messages (``comment`` when they reply to a tweet, ``mention`` otherwise). Users of a followers
response are followers of the brand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from smguard.importers.base import ImportContext, Importer, Record, Source, basename
from smguard.importers.common import (
    clean,
    guard,
    iso,
    iso_or_none,
    load_json,
    media_type,
    metrics,
    peek_text,
    pid,
    to_int,
    twitter_snowflake_time,
)

P = "x"
_URL_USER = re.compile(r"/2/users/(\d+)/(tweets|mentions|followers|following|liked_tweets|timelines)")
_URL_BY_NAME = re.compile(r"/2/users/by/username/([A-Za-z0-9_]+)")
_URL_ME = re.compile(r"/2/users/me\b")


def _sniff(text: str) -> bool:
    if re.search(r"https?://api\.(twitter|x)\.com/2/", text):
        return True
    if "edit_history_tweet_ids" in text or "note_tweet" in text:
        return True
    has_tweet = re.search(r"""["']?(author_id|conversation_id|referenced_tweets)["']?\s*:""", text)
    has_user = re.search(r"""["']?public_metrics["']?\s*:""", text) and re.search(
        r"""["']?username["']?\s*:""", text
    )
    return bool(has_tweet or has_user) and "youtube#" not in text and "urn:li:" not in text


class _Response:
    def __init__(self, body: dict[str, Any], url: str, member: str, index: int) -> None:
        self.body = body
        self.url = url
        self.member = member
        self.index = index

    @property
    def items(self) -> list[dict[str, Any]]:
        d = self.body.get("data")
        if isinstance(d, dict):
            return [d]
        return [x for x in d if isinstance(x, dict)] if isinstance(d, list) else []

    def endpoint(self) -> str:
        """tweets | mentions | followers | user | search | tweet | liking_users | other"""
        u = self.url
        m = _URL_USER.search(u)
        if m:
            return {"liked_tweets": "other", "following": "other", "timelines": "tweets"}.get(
                m.group(2), m.group(2)
            )
        if _URL_BY_NAME.search(u) or _URL_ME.search(u):
            return "user"
        if "liking_users" in u or "retweeted_by" in u:
            return "liking_users"
        if "/search/" in u:
            return "search"
        if "/2/tweets" in u:
            return "tweet"
        name = basename(self.member).lower()
        for key in ("mention", "follower", "search"):
            if key in name:
                return {"mention": "mentions", "follower": "followers"}[key] if key != "search" else "search"
        return "other"


class XApiImporter(Importer):
    name = "x_api"
    platform = "x"
    description = (
        "X/Twitter API v2 JSON: tweets with includes, users, followers, mentions (also recorded cassettes)"
    )

    def claim(self, source: Source) -> list[str]:
        out = []
        for m in source.list("*"):
            low = m.lower()
            if not low.endswith((".json", ".ts", ".js", ".json5")):
                continue
            head = peek_text(source, m, 16384)
            if head.lstrip().startswith("window.YTD."):
                continue
            if _sniff(head):
                out.append(m)
        return out

    def detect(self, source: Source) -> bool:
        return bool(self.claim(source))

    # ------------------------------------------------------------------------------------------ read
    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        responses: list[_Response] = []
        for m in source.members():
            with guard(ctx, source, m):
                doc = load_json(source, m)
                responses.extend(self._responses(doc, m))
        users: dict[str, dict[str, Any]] = {}
        by_name: dict[str, str] = {}
        for r in responses:
            inc = r.body.get("includes") or {}
            pool = [u for u in inc.get("users") or [] if isinstance(u, dict)]
            pool += [x for x in r.items if "username" in x and "text" not in x]
            for u in pool:
                if u.get("id"):
                    users.setdefault(str(u["id"]), {}).update(u)
                    if u.get("username"):
                        by_name[str(u["username"]).lower()] = str(u["id"])

        seen_ids = set(users) | {
            str(t["author_id"]) for r in responses for t in r.items if "text" in t and t.get("author_id")
        }
        brand_ids: set[str] = set()
        for r in responses:
            m = _URL_USER.search(r.url)
            if m:
                brand_ids.add(m.group(1))
            elif (_URL_BY_NAME.search(r.url) or _URL_ME.search(r.url)) and r.items and r.items[0].get("id"):
                brand_ids.add(str(r.items[0]["id"]))
        given = set()
        for b in ctx.brand_account_ids:
            if ":" in b and not b.startswith("x:"):
                continue  # another platform's account
            raw = b.split(":", 1)[1] if b.startswith("x:") else b
            raw = raw.lstrip("@")
            given.add(by_name.get(raw.lower(), raw))
        brand_ids |= given & seen_ids
        if not brand_ids:
            brand_ids = {g for g in given if g.isdigit()}
        if not brand_ids:
            authors = Counter(
                str(t["author_id"])
                for r in responses
                if r.endpoint() not in ("mentions", "search")
                for t in r.items
                if "text" in t and t.get("author_id")
            )
            if authors:
                guess = authors.most_common(1)[0][0]
                brand_ids.add(guess)
                ctx.warning(
                    source.name,
                    "",
                    f"no --brand-account given: the most frequent author {guess}"
                    f" (@{users.get(guess, {}).get('username', '?')}) is taken as the brand account",
                )
        default_brand = sorted(brand_ids)[0] if len(brand_ids) == 1 else None

        for bid in sorted(brand_ids):
            u = users.get(bid, {})
            yield (
                "accounts",
                clean(
                    {
                        "id": pid(P, bid),
                        "platform": P,
                        "handle": u.get("username") or bid,
                        "owner": "brand",
                        "name": u.get("name"),
                        "verified": u.get("verified"),
                        "created_at": iso_or_none(u.get("created_at") or None),
                    }
                ),
            )

        for r in responses:
            disp = f"{source.display(r.member)}" + (f" (response {r.index})" if r.index else "")
            url_user = _URL_USER.search(r.url)
            context_brand = url_user.group(1) if url_user else default_brand
            ep = r.endpoint()
            media = {
                str(x.get("media_key")): x
                for x in (r.body.get("includes") or {}).get("media") or []
                if isinstance(x, dict)
            }
            if ep == "liking_users":
                continue  # users who liked a tweet: not a table of the data set
            self._no_author: list[str] = []
            for i, item in enumerate(r.items):
                where = f"$.data[{i}]"
                if "text" in item or "note_tweet" in item:
                    yield from self._tweet(
                        item, r, ep, context_brand, brand_ids, users, media, ctx, disp, where
                    )
                elif "username" in item:
                    if ep == "followers":
                        if not context_brand:
                            ctx.problem(
                                disp, where, "followers, but the followed account is unknown: skipped"
                            )
                            continue
                        yield "followers", _follower(item, pid(P, context_brand))
                elif item.get("id") is None:
                    ctx.problem(disp, where, "object without id: skipped")
            if self._no_author:
                ctx.warning(
                    disp,
                    "",
                    f"{len(self._no_author)} tweet(s) skipped: the response does not say who wrote them "
                    "(request it with tweet.fields=author_id,created_at)",
                )
            for j, err in enumerate(r.body.get("errors") or []):
                if isinstance(err, dict):
                    ctx.warning(
                        disp, f"$.errors[{j}]", f"the API reported: {err.get('detail') or err.get('title')}"
                    )

    def _responses(self, doc: Any, member: str) -> list[_Response]:
        out: list[_Response] = []
        if isinstance(doc, dict):
            if "interactions" in doc:  # vcrpy cassette
                doc = doc["interactions"]
            else:
                return [_Response(doc, "", member, 0)]
        if not isinstance(doc, list):
            return out
        for k, entry in enumerate(doc):
            if not isinstance(entry, dict):
                continue
            if "body" in entry and isinstance(entry.get("body"), dict):
                url = str(entry.get("request") or "")
                if isinstance(entry.get("request"), dict):
                    url = str(entry["request"].get("uri") or entry["request"].get("url") or "")
                out.append(_Response(entry["body"], url, member, k))
            elif "data" in entry or "includes" in entry:
                out.append(_Response(entry, "", member, k))
            elif "text" in entry or "username" in entry:  # a bare list of tweet/user objects
                out.append(_Response({"data": doc}, "", member, 0))
                break
        return out

    def _tweet(
        self,
        t: dict[str, Any],
        r: _Response,
        ep: str,
        context_brand: str | None,
        brand_ids: set[str],
        users: dict[str, dict[str, Any]],
        media: dict[str, dict[str, Any]],
        ctx: ImportContext,
        disp: str,
        where: str,
    ) -> Iterator[tuple[str, Record]]:
        tid = t.get("id")
        if not tid:
            ctx.problem(disp, where, "tweet without id: skipped")
            return
        tid = str(tid)
        author = str(t["author_id"]) if t.get("author_id") else None
        if author is None and ep == "tweets" and context_brand:
            author = context_brand
        try:
            if t.get("created_at"):
                created = iso(t["created_at"])
            else:
                snow = twitter_snowflake_time(tid)
                if snow is None:
                    raise ValueError("no created_at")
                created = snow.isoformat(timespec="seconds")
        except ValueError as exc:
            ctx.problem(disp, where, f"tweet {tid}: {exc}: skipped")
            return
        text = str((t.get("note_tweet") or {}).get("text") or t.get("text") or "")
        refs = {
            x.get("type"): str(x.get("id")) for x in t.get("referenced_tweets") or [] if isinstance(x, dict)
        }
        replied = refs.get("replied_to")
        reply_user = str(t["in_reply_to_user_id"]) if t.get("in_reply_to_user_id") else None
        conv = str(t["conversation_id"]) if t.get("conversation_id") else None
        is_brand = author is not None and (author in brand_ids or ctx.is_brand(author))
        app = t.get("source") if isinstance(t.get("source"), str) else None
        automated = ctx.is_automated_app(app)

        if is_brand:
            account_id = pid(P, author)
            if replied and reply_user and reply_user != author:
                yield (
                    "messages",
                    clean(
                        {
                            "id": pid(P, tid),
                            "account_id": account_id,
                            "created_at": created,
                            "channel": "comment",
                            "direction": "out",
                            "author_id": author,
                            "author_handle": users.get(author, {}).get("username"),
                            "text": text,
                            "in_reply_to": pid(P, replied),
                            "post_id": pid(P, conv) if conv and conv != tid else None,
                            "automated": automated,
                            "app": app,
                        }
                    ),
                )
                return
            pm = t.get("public_metrics") or {}
            shares = None
            if pm.get("retweet_count") is not None or pm.get("quote_count") is not None:
                shares = (to_int(pm.get("retweet_count")) or 0) + (to_int(pm.get("quote_count")) or 0)
            yield (
                "posts",
                clean(
                    {
                        "id": pid(P, tid),
                        "account_id": account_id,
                        "created_at": created,
                        "text": text,
                        "media": _media(t, media) or None,
                        "link": _link(t),
                        "source": "automated" if automated else "manual",
                        "metrics": metrics(
                            likes=pm.get("like_count"),
                            comments=pm.get("reply_count"),
                            shares=shares,
                            views=pm.get("impression_count"),
                        ),
                        "lang": t.get("lang"),
                        "retweet": True if "retweeted" in refs else None,
                        "in_reply_to": pid(P, replied) if replied else None,
                    }
                ),
            )
            return

        target = context_brand
        if reply_user and reply_user in brand_ids:
            target = reply_user
        if not target:
            ctx.problem(
                disp,
                where,
                f"tweet {tid}: its author is unknown or not a brand account, and no brand account is known "
                "(request tweet.fields=author_id, or pass --brand-account): skipped",
            )
            return
        if ep in ("search", "tweet", "other") and author is None:
            self._no_author.append(tid)
            return
        yield (
            "messages",
            clean(
                {
                    "id": pid(P, tid),
                    "account_id": pid(P, target),
                    "created_at": created,
                    "channel": "comment" if replied else "mention",
                    "direction": "in",
                    "author_id": author,
                    "author_handle": users.get(author, {}).get("username") if author else None,
                    "text": text,
                    "in_reply_to": pid(P, replied) if replied else None,
                    "post_id": pid(P, conv) if conv and conv != tid else None,
                }
            ),
        )


def _media(t: dict[str, Any], media: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for key in (t.get("attachments") or {}).get("media_keys") or []:
        m = media.get(str(key), {})
        rec: dict[str, Any] = {"type": media_type(m.get("type"), "photo"), "id": pid(P, key)}
        if m.get("duration_ms") is not None and to_int(m.get("duration_ms")) is not None:
            rec["duration_s"] = to_int(m["duration_ms"]) / 1000  # type: ignore[operator]
        if m.get("url") or m.get("preview_image_url"):
            rec["url"] = m.get("url") or m.get("preview_image_url")
        out.append(rec)
    return out


def _link(t: dict[str, Any]) -> str | None:
    for u in (t.get("entities") or {}).get("urls") or []:
        if isinstance(u, dict) and u.get("expanded_url") and not u.get("media_key"):
            return u["expanded_url"]
    return None


def _follower(u: dict[str, Any], account_id: str) -> Record:
    pm = u.get("public_metrics") or {}
    img = u.get("profile_image_url")
    return clean(
        {
            "account_id": account_id,
            "user_id": str(u["id"]),
            "handle": u.get("username"),
            "location": u.get("location") or None,
            "followers_count": to_int(pm.get("followers_count")),
            "following_count": to_int(pm.get("following_count")),
            "posts_count": to_int(pm.get("tweet_count")),
            "has_avatar": ("default_profile_images" not in img) if isinstance(img, str) else None,
            "verified": u.get("verified") if isinstance(u.get("verified"), bool) else None,
            "created_at": iso_or_none(u.get("created_at") or None),
            "bio": u.get("description") or None,
            "name": u.get("name"),
        }
    )


IMPORTERS = [XApiImporter()]
