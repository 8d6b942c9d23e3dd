"""LinkedIn: the member data export CSVs and Community Management API posts/comments JSON.

Member export (a person's "Get a copy of your data"): ``Shares.csv`` (their posts; multi-line texts use a
quirky quoting, each inner line wrapped in doubled quotes, undone here), ``Comments.csv`` (their comments on
others' posts, ``out``; backslash-escaped quotes), ``Connections.csv`` (a ``Notes:`` preamble before the
header, ``DD Mon YYYY`` dates, blank rows for hidden members; imported as followers) and ``Profile.csv``.
Times have no zone: they are read in ``--timezone``. The member is named by Profile.csv or
``--brand-account``.

API: posts (``/rest/posts`` with ``author``/``commentary``/``publishedAt``, or ``/v2/ugcPosts`` with
``specificContent``) and comments (``socialActions/{urn}/comments``). The brand is the organization URN
(``--brand-account urn:li:organization:123`` or the most frequent post author); a comment whose ``actor`` is
the brand is an ``out`` reply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from smguard.importers import _meta
from smguard.importers.base import ImportContext, Importer, Record, Source
from smguard.importers.common import (
    clean,
    guard,
    iso,
    iter_csv,
    load_json,
    media_type_from_uri,
    metrics,
    parse_day_month_year,
    parse_linkedin_time,
    peek_text,
    pid,
)

P = "linkedin"
_URN = re.compile(r"urn:li:[A-Za-z]+:[^\s/?#&,\"]+(?:\([^)]*\))?")
_CSV_KINDS = {
    "shares": ("Date", "ShareLink", "ShareCommentary"),
    "comments": ("Date", "Link", "Message"),
    "connections": ("First Name", "Last Name", "Connected On"),
    "profile": ("First Name", "Last Name", "Headline"),
}


def _csv_kind(source: Source, member: str) -> str | None:
    head = peek_text(source, member, 4096)
    lines = head.splitlines()
    if not lines:
        return None
    if lines[0].strip().startswith("Notes:"):
        lines = [ln for ln in lines if ln.startswith("First Name")][:1] or lines
    first = lines[0]
    for kind, cols in _CSV_KINDS.items():
        if all(c in first for c in cols):
            return kind
    return None


def fix_share_text(text: str) -> str:
    """Undo Shares.csv's quoting of multi-line texts: ``first"\\n"middle"\\n""\\n"last`` -> plain lines."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    middle = lines[1:-1]
    if not (
        lines[0].endswith('"')
        and lines[-1].startswith('"')
        and all(len(x) >= 2 and x.startswith('"') and x.endswith('"') for x in middle)
    ):
        return text
    return "\n".join([lines[0][:-1], *(x[1:-1] for x in middle), lines[-1][1:]])


def urn_of_link(link: str) -> str | None:
    """``https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A734…`` -> ``urn:li:share:734…``."""
    m = _URN.search(unquote(link or ""))
    return m.group(0) if m else None


class LinkedInImporter(Importer):
    name = "linkedin"
    platform = P
    description = "LinkedIn member export CSVs (Shares, Comments, Connections, Profile) and Community Management API posts/comments JSON"

    def claim(self, source: Source) -> list[str]:
        out = []
        for m in source.members():
            low = m.lower()
            if low.endswith(".csv") and _csv_kind(source, m):
                out.append(m)
            elif low.endswith(".json"):
                head = peek_text(source, m, 4096)
                if "urn:li:" in head and "youtube#" not in head:
                    out.append(m)
        return out

    def detect(self, source: Source) -> bool:
        return bool(self.claim(source))

    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        csvs = {m: _csv_kind(source, m) for m in source.members() if m.lower().endswith(".csv")}
        jsons = [m for m in source.members() if m.lower().endswith(".json")]
        if any(csvs.values()):
            yield from self._member_export(source, {m: k for m, k in csvs.items() if k}, ctx)
        if jsons:
            yield from self._api(source, jsons, ctx)

    # ----------------------------------------------------------------------------------- member export
    def _member_export(
        self, source: Source, csvs: dict[str, str], ctx: ImportContext
    ) -> Iterator[tuple[str, Record]]:
        owner = None
        name = None
        for m, k in csvs.items():
            if k == "profile":
                with guard(ctx, source, m):
                    for _, row in iter_csv(source, m):
                        name = (
                            f"{row.get('First Name', '').strip()} {row.get('Last Name', '').strip()}".strip()
                            or None
                        )
                        url = row.get("Public Profile Url") or row.get("Websites") or ""
                        slug = re.search(r"linkedin\.com/in/([^/?\s,\]]+)", url)
                        owner = slug.group(1) if slug else name
                        break
        if owner is None:
            for b in sorted(ctx.brand_account_ids):
                if b.startswith("linkedin:") or ":" not in b:
                    owner = b.split(":", 1)[-1] if b.startswith("linkedin:") else b
                    break
        if owner is None:
            owner = "export-owner"
            ctx.warning(
                source.name,
                "",
                "the owner of this LinkedIn export is unknown (no Profile.csv): pass --brand-account NAME",
            )
        account_id = pid(P, owner)
        yield (
            "accounts",
            clean({"id": account_id, "platform": P, "handle": owner, "owner": "brand", "name": name}),
        )
        tz = ctx.default_tz
        for m, kind in sorted(csvs.items()):
            disp = source.display(m)
            with guard(ctx, source, m):
                if kind == "shares":
                    for line, row in iter_csv(source, m):
                        try:
                            created = parse_linkedin_time(row.get("Date") or "", tz).isoformat()
                        except ValueError as exc:
                            ctx.problem(disp, f"line {line}", f"Date: {exc}: skipped")
                            continue
                        urn = urn_of_link(row.get("ShareLink") or "")
                        text = fix_share_text(row.get("ShareCommentary") or "")
                        media_url = (row.get("MediaUrl") or "").strip()
                        shared = (row.get("SharedUrl") or "").strip()
                        media = []
                        if media_url:
                            media.append({"type": media_type_from_uri(media_url, "photo"), "url": media_url})
                        if shared:
                            media.append({"type": "link", "url": shared})
                        yield (
                            "posts",
                            clean(
                                {
                                    "id": pid(P, urn or f"share:{_meta.short_hash(owner, created, text)}"),
                                    "account_id": account_id,
                                    "created_at": created,
                                    "text": text,
                                    "media": media or None,
                                    "link": shared or None,
                                    "source": "manual",
                                    "visibility": row.get("Visibility") or None,
                                }
                            ),
                        )
                elif kind == "comments":
                    for line, row in iter_csv(source, m, escapechar="\\"):
                        try:
                            created = parse_linkedin_time(row.get("Date") or "", tz).isoformat()
                        except ValueError as exc:
                            ctx.problem(disp, f"line {line}", f"Date: {exc}: skipped")
                            continue
                        text = row.get("Message") or ""
                        post = urn_of_link(row.get("Link") or "")
                        yield (
                            "messages",
                            clean(
                                {
                                    "id": pid(P, f"comment:{_meta.short_hash(owner, created, post, text)}"),
                                    "account_id": account_id,
                                    "created_at": created,
                                    "channel": "comment",
                                    "direction": "out",
                                    "author_handle": owner,
                                    "text": text,
                                    "post_id": pid(P, post) if post else None,
                                    "automated": False,
                                }
                            ),
                        )
                elif kind == "connections":
                    hidden = 0
                    for line, row in iter_csv(source, m, skip_until="First Name"):
                        url = (row.get("URL") or "").strip()
                        slug = re.search(r"linkedin\.com/in/([^/?\s]+)", url)
                        if not slug:
                            hidden += 1  # members who hide their connection data: a blank row with a date
                            continue
                        followed = None
                        if (row.get("Connected On") or "").strip():
                            try:
                                followed = iso(parse_day_month_year(row["Connected On"]).isoformat(), tz)
                            except ValueError as exc:
                                ctx.problem(disp, f"line {line}", f"Connected On: {exc}")
                        position = (row.get("Position") or "").strip()
                        company = (row.get("Company") or "").strip()
                        yield (
                            "followers",
                            clean(
                                {
                                    "account_id": account_id,
                                    "user_id": unquote(slug.group(1)),
                                    "handle": unquote(slug.group(1)),
                                    "followed_at": followed,
                                    "name": f"{row.get('First Name', '').strip()} {row.get('Last Name', '').strip()}".strip()
                                    or None,
                                    "bio": " at ".join(x for x in (position, company) if x) or None,
                                    "company": company or None,
                                    "position": position or None,
                                    "email": (row.get("Email Address") or "").strip() or None,
                                }
                            ),
                        )
                    if hidden:
                        ctx.warning(
                            disp, "", f"{hidden} connection(s) hide their profile (blank rows): not imported"
                        )

    # ------------------------------------------------------------------------------------------ API
    def _api(self, source: Source, members: list[str], ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        docs: list[tuple[str, list[dict[str, Any]]]] = []
        for m in members:
            with guard(ctx, source, m):
                doc = load_json(source, m)
                docs.append((m, _elements(doc)))
        authors: Counter[str] = Counter()
        actors: Counter[str] = Counter()
        for _, items in docs:
            for it in items:
                if _is_post(it) and isinstance(it.get("author"), str):
                    authors[it["author"]] += 1
                elif isinstance(it.get("actor"), str):
                    actors[it["actor"]] += 1
        brand: set[str] = set()
        for b in ctx.brand_account_ids:
            raw = b.split(":", 1)[1] if b.startswith("linkedin:") else b
            if raw.startswith("urn:li:"):
                brand.add(raw)
            elif raw.isdigit():
                brand.add(f"urn:li:organization:{raw}")
        if not brand:
            top = (authors or actors).most_common(1)
            if not top:
                ctx.problem(source.name, "", "no LinkedIn posts or comments found")
                return
            brand.add(top[0][0])
            ctx.warning(
                source.name,
                "",
                f"no --brand-account: {top[0][0]} (the most frequent author) is taken as the brand",
            )
        main = sorted(brand, key=lambda u: (-authors.get(u, 0), u))[0]
        for b in sorted(brand):
            yield (
                "accounts",
                {"id": pid(P, b), "platform": P, "handle": b.rsplit(":", 1)[-1], "owner": "brand"},
            )
        for m, items in docs:
            disp = source.display(m)
            for i, it in enumerate(items):
                where = f"$.elements[{i}]"
                if _is_post(it):
                    yield from self._post(it, brand, main, ctx, disp, where)
                elif "actor" in it and ("message" in it or "object" in it):
                    yield from self._comment(it, brand, main, ctx, disp, where)
                else:
                    ctx.problem(disp, where, "not a LinkedIn post or comment: skipped")

    def _post(
        self, it: dict[str, Any], brand: set[str], main: str, ctx: ImportContext, disp: str, where: str
    ) -> Iterator[tuple[str, Record]]:
        urn = it.get("id") or it.get("$URN")
        when = (
            it.get("publishedAt")
            or it.get("firstPublishedAt")
            or it.get("createdAt")
            or (it.get("created") or {}).get("time")
        )
        if not urn or when is None:
            ctx.problem(disp, where, "post without id or publication time: skipped")
            return
        try:
            created = iso(float(when) / 1000 if str(when).isdigit() else when)
        except ValueError as exc:
            ctx.problem(disp, where, f"post {urn}: {exc}: skipped")
            return
        author = it.get("author")
        share = (it.get("specificContent") or {}).get("com.linkedin.ugc.ShareContent") or {}
        text = it.get("commentary")
        if text is None:
            text = (share.get("shareCommentary") or {}).get("text", "")
        media: list[dict[str, Any]] = []
        link = None
        content = it.get("content") or {}
        if isinstance(content.get("media"), dict):
            mid = str(content["media"].get("id") or "")
            media.append(
                clean(
                    {
                        "type": "video"
                        if ":video:" in mid
                        else ("document" if ":document:" in mid else "photo"),
                        "id": pid(P, mid) if mid else None,
                    }
                )
            )
        for im in (content.get("multiImage") or {}).get("images") or []:
            media.append(clean({"type": "photo", "id": pid(P, im.get("id")) if im.get("id") else None}))
        if isinstance(content.get("article"), dict):
            link = content["article"].get("source")
            media.append(clean({"type": "link", "url": link}))
        cat = str(share.get("shareMediaCategory") or "").upper()
        for sm in share.get("media") or []:
            t = {
                "IMAGE": "photo",
                "VIDEO": "video",
                "ARTICLE": "link",
                "RICH": "photo",
                "DOCUMENT": "document",
            }.get(cat, "photo")
            url = (sm.get("originalUrl") if isinstance(sm, dict) else None) or None
            if t == "link":
                link = link or url
            media.append(
                clean(
                    {
                        "type": t,
                        "url": url,
                        "id": pid(P, sm["media"]) if isinstance(sm, dict) and sm.get("media") else None,
                    }
                )
            )
        scheduled = str(it.get("lifecycleState") or "").upper() == "SCHEDULED"
        if author not in brand:
            return  # another organization's post (e.g. a reshared one): not the brand's
        yield (
            "posts",
            clean(
                {
                    "id": pid(P, urn),
                    "account_id": pid(P, author or main),
                    "created_at": created,
                    "text": str(text or ""),
                    "media": media or None,
                    "link": link,
                    "source": "scheduled" if scheduled else "manual",
                    "metrics": metrics(
                        likes=(it.get("likesSummary") or {}).get("totalLikes"),
                        comments=(it.get("commentsSummary") or {}).get("totalFirstLevelComments"),
                    ),
                    "visibility": it.get("visibility") if isinstance(it.get("visibility"), str) else None,
                }
            ),
        )

    def _comment(
        self, c: dict[str, Any], brand: set[str], main: str, ctx: ImportContext, disp: str, where: str
    ) -> Iterator[tuple[str, Record]]:
        cid = c.get("$URN") or c.get("commentUrn") or c.get("id")
        when = (c.get("created") or {}).get("time")
        if not cid or when is None:
            ctx.problem(disp, where, "comment without id or created.time: skipped")
            return
        try:
            created = iso(float(when) / 1000)
        except (ValueError, TypeError) as exc:
            ctx.problem(disp, where, f"comment {cid}: {exc}: skipped")
            return
        actor = str(c.get("actor") or "")
        out = actor in brand
        parent = c.get("parentComment")
        obj = c.get("object")
        rec: dict[str, Any] = {
            "id": pid(P, cid if str(cid).startswith("urn:") else f"comment:{cid}"),
            "account_id": pid(P, main),
            "created_at": created,
            "channel": "comment",
            "direction": "out" if out else "in",
            "author_id": actor or None,
            "text": str((c.get("message") or {}).get("text") or ""),
            "in_reply_to": pid(P, parent) if parent else None,
            "post_id": pid(P, obj) if obj else None,
        }
        if out:
            rec["automated"] = False
        yield "messages", clean(rec)


def _elements(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, list):
        return [x for x in doc if isinstance(x, dict)]
    if isinstance(doc, dict):
        if isinstance(doc.get("elements"), list):
            return [x for x in doc["elements"] if isinstance(x, dict)]
        if isinstance(doc.get("results"), dict):
            return [x for x in doc["results"].values() if isinstance(x, dict)]
        return [doc]
    return []


def _is_post(it: dict[str, Any]) -> bool:
    return "author" in it and (
        "commentary" in it or "specificContent" in it or "lifecycleState" in it or "distribution" in it
    )


IMPORTERS = [LinkedInImporter()]
