"""X/Twitter account archive ("Download an archive of your data"): the ``data/*.js`` files.

Each file is ``window.YTD.<name>.part0 = [ {...}, ... ]``; big ones (``tweets.js``) are streamed item by
item. The archive belongs to one account (``account.js``): its tweets are the brand's own. A tweet that
answers another user's tweet is a brand reply (``messages``, direction ``out``, ``in_reply_to`` the answered
tweet); other tweets, retweets and self-replies (threads) are ``posts``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from smguard.importers.base import ImportContext, Importer, Record, Source, basename
from smguard.importers.common import (
    app_from_source,
    clean,
    dm_replies,
    guard,
    iso,
    iter_json_array,
    media_type,
    metrics,
    parse_twitter_time,
    peek,
    pid,
    to_int,
    twitter_snowflake_time,
)

P = "x"

_TWEET_FILES = re.compile(r"^(tweets?|community-tweet)(-part\d+)?\.js$", re.I)
_LIKE_FILES = re.compile(r"^like(-part\d+)?\.js$", re.I)
_FOLLOWER_FILES = re.compile(r"^follower(-part\d+)?\.js$", re.I)
_DM_FILES = re.compile(r"^direct-messages(-group)?(-part\d+)?\.js$", re.I)
_PROFILE_FILES = re.compile(r"^(account|profile|verified)\.js$", re.I)


def unescape_tweet_text(s: str) -> str:
    """Archive texts are HTML-escaped (``&amp;``, ``&lt;``, ``&gt;``)."""
    return html.unescape(s) if "&" in s else s


def tweet_media(t: dict[str, Any]) -> list[dict[str, Any]]:
    """Media of a v1.1-shaped tweet, from ``extended_entities`` (or ``entities``)."""
    items = (t.get("extended_entities") or {}).get("media") or (t.get("entities") or {}).get("media") or []
    out = []
    for m in items:
        if not isinstance(m, dict):
            continue
        rec: dict[str, Any] = {"type": media_type(m.get("type"))}
        dur = to_int((m.get("video_info") or {}).get("duration_millis"))
        if dur is not None:
            rec["duration_s"] = dur / 1000
        if m.get("id_str") or m.get("id"):
            rec["id"] = pid(P, m.get("id_str") or m.get("id"))
        if m.get("media_url_https") or m.get("media_url"):
            rec["url"] = m.get("media_url_https") or m.get("media_url")
        out.append(rec)
    return out


def tweet_link(t: dict[str, Any]) -> str | None:
    """First link of the tweet that is not its own media."""
    for u in (t.get("entities") or {}).get("urls") or []:
        if isinstance(u, dict) and u.get("expanded_url"):
            return u["expanded_url"]
    return None


class XArchiveImporter(Importer):
    name = "x_archive"
    platform = "x"
    description = (
        "X/Twitter archive: tweets.js (tweet.js, tweets-partN.js), like.js, follower.js, "
        "direct-messages.js, account.js, profile.js"
    )

    def _is_archive_file(self, source: Source, member: str) -> bool:
        b = basename(member)
        if not (
            _TWEET_FILES.match(b)
            or _LIKE_FILES.match(b)
            or _FOLLOWER_FILES.match(b)
            or _DM_FILES.match(b)
            or _PROFILE_FILES.match(b)
        ):
            return False
        return peek(source, member, 64).lstrip().startswith(b"window.YTD.")

    def claim(self, source: Source) -> list[str]:
        return [m for m in source.list("*.js") if self._is_archive_file(source, m)]

    def detect(self, source: Source) -> bool:
        return bool(self.claim(source))

    # ------------------------------------------------------------------------------------------ read
    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        members = self.claim(source)
        by_kind: dict[str, list[str]] = {"profile": [], "tweets": [], "likes": [], "followers": [], "dms": []}
        for m in members:
            b = basename(m)
            if _PROFILE_FILES.match(b):
                by_kind["profile"].append(m)
            elif _TWEET_FILES.match(b):
                by_kind["tweets"].append(m)
            elif _LIKE_FILES.match(b):
                by_kind["likes"].append(m)
            elif _FOLLOWER_FILES.match(b):
                by_kind["followers"].append(m)
            else:
                by_kind["dms"].append(m)

        owner = self._owner(source, by_kind["profile"], ctx)
        if owner["id"] is None:
            guess = next((b for b in sorted(ctx.brand_account_ids) if b), None)
            owner["id"] = guess.split(":", 1)[-1].lstrip("@") if guess else "archive-owner"
            where = source.display(by_kind["tweets"][0]) if by_kind["tweets"] else source.name
            ctx.warning(
                where,
                "",
                "no account.js in the archive: the account id is taken from --brand-account"
                if guess
                else "no account.js and no --brand-account: the archive's owner is called 'archive-owner'",
            )
        account_id = pid(P, owner["id"])
        yield (
            "accounts",
            clean(
                {
                    "id": account_id,
                    "platform": P,
                    "handle": owner.get("handle") or owner["id"],
                    "owner": "brand",
                    "name": owner.get("name"),
                    "bio": owner.get("bio"),
                    "location": owner.get("location"),
                    "verified": owner.get("verified"),
                    "created_at": owner.get("created_at"),
                }
            ),
        )
        for m in by_kind["tweets"]:
            with guard(ctx, source, m):
                yield from self._tweets(source, m, ctx, owner, account_id)
        for m in by_kind["likes"]:
            with guard(ctx, source, m):
                yield from self._likes(source, m, ctx, account_id)
        for m in by_kind["followers"]:
            with guard(ctx, source, m):
                for i, item in iter_json_array(source, m, ctx):
                    f = item.get("follower") if isinstance(item, dict) else None
                    if not isinstance(f, dict) or not f.get("accountId"):
                        ctx.problem(
                            source.display(m), f"record {i + 1}", "follower without accountId: skipped"
                        )
                        continue
                    yield "followers", {"account_id": account_id, "user_id": str(f["accountId"])}
        for m in by_kind["dms"]:
            with guard(ctx, source, m):
                yield from self._dms(source, m, ctx, owner, account_id)

    def _owner(self, source: Source, members: list[str], ctx: ImportContext) -> dict[str, Any]:
        owner: dict[str, Any] = {"id": None}
        for m in members:
            with guard(ctx, source, m):
                for _, item in iter_json_array(source, m, ctx):
                    if not isinstance(item, dict):
                        continue
                    if isinstance(item.get("account"), dict):
                        a = item["account"]
                        owner["id"] = str(a.get("accountId") or "") or owner["id"]
                        owner["handle"] = a.get("username")
                        owner["name"] = a.get("accountDisplayName")
                        if a.get("createdAt"):
                            owner["created_at"] = iso(a["createdAt"])
                    elif isinstance(item.get("profile"), dict):
                        d = item["profile"].get("description") or {}
                        owner["bio"] = d.get("bio")
                        owner["location"] = d.get("location") or None
                    elif isinstance(item.get("verified"), dict):
                        owner["verified"] = bool(item["verified"].get("verified"))
        return owner

    def _tweets(
        self, source: Source, member: str, ctx: ImportContext, owner: dict[str, Any], account_id: str
    ) -> Iterator[tuple[str, Record]]:
        disp = source.display(member)
        owner_id = str(owner["id"])
        for i, item in iter_json_array(source, member, ctx):
            t = item.get("tweet", item) if isinstance(item, dict) else None
            if not isinstance(t, dict):
                ctx.problem(disp, f"record {i + 1}", "not a tweet object: skipped")
                continue
            tid = t.get("id_str") or t.get("id")
            if not tid:
                ctx.problem(disp, f"record {i + 1}", "tweet without id_str: skipped")
                continue
            try:
                if t.get("created_at"):
                    created = parse_twitter_time(t["created_at"]).isoformat()
                else:
                    snow = twitter_snowflake_time(tid)
                    if snow is None:
                        raise ValueError("tweet without created_at")
                    created = snow.isoformat(timespec="seconds")
            except ValueError as exc:
                ctx.problem(disp, f"record {i + 1}", f"tweet {tid}: {exc}: skipped")
                continue
            text = unescape_tweet_text(str(t.get("full_text") or t.get("text") or ""))
            app = app_from_source(t.get("source"))
            automated = ctx.is_automated_app(app)
            reply_to = t.get("in_reply_to_status_id_str") or t.get("in_reply_to_status_id")
            reply_user = str(t.get("in_reply_to_user_id_str") or t.get("in_reply_to_user_id") or "")
            if reply_to and reply_user and reply_user != owner_id:
                yield (
                    "messages",
                    clean(
                        {
                            "id": pid(P, tid),
                            "account_id": account_id,
                            "created_at": created,
                            "channel": "comment",
                            "direction": "out",
                            "author_id": owner_id,
                            "author_handle": owner.get("handle"),
                            "text": text,
                            "in_reply_to": pid(P, reply_to),
                            "automated": automated,
                            "app": app,
                            "in_reply_to_user_id": reply_user,
                            "in_reply_to_handle": t.get("in_reply_to_screen_name"),
                        }
                    ),
                )
                continue
            yield (
                "posts",
                clean(
                    {
                        "id": pid(P, tid),
                        "account_id": account_id,
                        "created_at": created,
                        "text": text,
                        "media": tweet_media(t) or None,
                        "link": tweet_link(t),
                        "source": "automated" if automated else "manual",
                        "metrics": metrics(likes=t.get("favorite_count"), shares=t.get("retweet_count")),
                        "app": app,
                        "lang": t.get("lang"),
                        "retweet": True if text.startswith("RT @") or t.get("retweeted_status") else None,
                        "in_reply_to": pid(P, reply_to) if reply_to else None,
                    }
                ),
            )

    def _likes(
        self, source: Source, member: str, ctx: ImportContext, account_id: str
    ) -> Iterator[tuple[str, Record]]:
        disp = source.display(member)
        estimated = 0
        for i, item in iter_json_array(source, member, ctx):
            lk = item.get("like") if isinstance(item, dict) else None
            if not isinstance(lk, dict) or not lk.get("tweetId"):
                ctx.problem(disp, f"record {i + 1}", "like without tweetId: skipped")
                continue
            tweet_id = str(lk["tweetId"])
            # like.js has no time; the liked tweet's own time (from its id) is the earliest it can be
            when = twitter_snowflake_time(tweet_id)
            if when is None:
                ctx.problem(disp, f"record {i + 1}", f"like of tweet {tweet_id}: no time known: skipped")
                continue
            estimated += 1
            yield (
                "likes",
                clean(
                    {
                        "id": pid(P, f"like:{account_id.split(':', 1)[1]}:{tweet_id}"),
                        "account_id": account_id,
                        "created_at": when.isoformat(timespec="seconds"),
                        "created_at_estimated": True,
                        "target_post_id": tweet_id,
                        "target_text": unescape_tweet_text(str(lk.get("fullText") or "")),
                        "target_url": lk.get("expandedUrl"),
                    }
                ),
            )
        if estimated:
            ctx.warning(
                disp,
                "",
                f"like.js has no like times: {estimated} like(s) are dated by the liked tweet's time "
                "(created_at_estimated)",
            )

    def _dms(
        self, source: Source, member: str, ctx: ImportContext, owner: dict[str, Any], account_id: str
    ) -> Iterator[tuple[str, Record]]:
        disp = source.display(member)
        owner_id = str(owner["id"])
        for i, item in iter_json_array(source, member, ctx):
            conv = item.get("dmConversation") if isinstance(item, dict) else None
            if not isinstance(conv, dict):
                ctx.problem(disp, f"record {i + 1}", "not a dmConversation: skipped")
                continue
            msgs = []
            for j, ev in enumerate(conv.get("messages") or []):
                mc = ev.get("messageCreate") if isinstance(ev, dict) else None
                if not isinstance(mc, dict):
                    continue  # joins, reactions, conversation name changes
                if not mc.get("id") or not mc.get("createdAt") or not mc.get("senderId"):
                    ctx.problem(
                        disp,
                        f"record {i + 1}, message {j + 1}",
                        "direct message without id, time or sender: skipped",
                    )
                    continue
                try:
                    created = iso(mc["createdAt"])
                except ValueError as exc:
                    ctx.problem(disp, f"record {i + 1}, message {j + 1}", f"{exc}: skipped")
                    continue
                msgs.append((created, mc))
            msgs.sort(key=lambda x: x[0])
            yield from dm_replies(
                _dm_record(created, mc, conv, owner, owner_id, account_id, ctx) for created, mc in msgs
            )


def _dm_record(
    created: str,
    mc: dict[str, Any],
    conv: dict[str, Any],
    owner: dict[str, Any],
    owner_id: str,
    account_id: str,
    ctx: ImportContext,
) -> dict[str, Any]:
    sender = str(mc["senderId"])
    out = sender == owner_id or ctx.is_brand(sender)
    text = str(mc.get("text") or "")
    if mc.get("mediaUrls") and not text:
        text = " ".join(mc["mediaUrls"])
    return {
        "id": pid(P, f"dm:{mc['id']}"),
        "account_id": account_id,
        "created_at": created,
        "channel": "dm",
        "direction": "out" if out else "in",
        "author_id": sender,
        "author_handle": owner.get("handle") if out else None,
        "text": text,
        "conversation_id": conv.get("conversationId"),
    }


IMPORTERS = [XArchiveImporter()]
