"""Does this post fit this platform? Pure checks of one post against its platform's profile.

The single implementation behind the mistake-1 audit rules (``smguard.rules.m1_platforms``), the web
composer and ``smguard check post``::

    >>> from smguard.platforms.fit import check_post_fit
    >>> [i.code for i in check_post_fit("weibo", "春季新品上市 #春季新品 快来看看", [], None)]
    ['hashtag-unclosed']
    >>> [i.code for i in check_post_fit("instagram", "New menu today! https://acme.example/menu",
    ...                                 [{"type": "photo"}], None)]
    ['link-not-clickable']

Severity of an issue:

``error``    the platform refuses, cuts or ignores it (over the length limit, too many hashtags) or the
             post misses the platform's purpose (no picture on Instagram).
``warning``  it works, but breaks the platform's convention (a URL that is not clickable, ``#tag`` syntax
             on Weibo) or is weak for the platform (text-only on a video-first platform).
``tip``      advice only, or a fact smguard could not verify (trust level ``guess``); audits never
             count tips as evidence of a mistake.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from smguard.platforms import get_profile
from smguard.platforms.base import PlatformProfile, Source
from smguard.platforms.counting import UNIT, count, find_urls, strip_urls

FitSeverity = Literal["error", "warning", "tip"]

VISUAL_MEDIA = frozenset({"photo", "video", "gif"})
CHECK_GROUPS = frozenset({"format", "length", "hashtags", "links", "media"})

#: Issue codes and the audit rule that reports them (codes are stable; never reuse one).
ISSUE_RULES: dict[str, str] = {
    "text-only-on-visual-platform": "SM101",
    "text-over-limit": "SM102",
    "text-folded": "SM102",
    "hashtag-unclosed": "SM104",
    "hashtag-wrapped": "SM104",
    "too-many-hashtags": "SM104",
    "hashtags-over-recommended": "SM104",
    "link-not-clickable": "SM104",
    "link-field-not-shown": "SM104",
    "photo-on-video-platform": "SM105",
    "video-too-long": "SM106",
    "video-too-short": "SM106",
    "too-many-photos": "SM106",
}


@dataclass(frozen=True)
class FitIssue:
    """One way a post does not fit its platform, with a fix, in English and Chinese."""

    code: str
    severity: FitSeverity
    message_en: str
    message_zh: str
    fix_en: str
    fix_zh: str
    source: Source | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def rule(self) -> str | None:
        """The audit rule (SM1xx) that reports this issue."""
        return ISSUE_RULES.get(self.code)

    def message(self, lang: str = "en") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def fix(self, lang: str = "en") -> str:
        return self.fix_zh if lang == "zh" else self.fix_en

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "severity": self.severity, "rule": self.rule}
        if lang is None:
            out.update(
                message_en=self.message_en, message_zh=self.message_zh, fix_en=self.fix_en, fix_zh=self.fix_zh
            )
        else:
            out.update(message=self.message(lang), fix=self.fix(lang))
        if self.source is not None:
            out["source"] = {"ref": self.source.ref, "trust": self.source.trust}
        if self.data:
            out["data"] = dict(self.data)
        return out


def snippet(text: str | None, n: int = 30) -> str:
    """The start of a text on one line, for messages: “春季新品上市 #春季新品 快来…”."""
    one = " ".join((text or "").split())
    return one if len(one) <= n else one[: n - 1] + "…"


def _verified(src: Source | None) -> bool:
    return src is not None and src.trust != "guess"


# ------------------------------------------------------------------------------------------- hashtags

_HASH = "#＃"
_HASH_RE = re.compile("[#＃]")
_PREFIX_TAG_RE = re.compile(r"(?<![\w#＃&/])[#＃](?![\d_]+(?![\w]))([\w\u00b7\u30fc]+)")
_WRAPPED_ON_PREFIX_RE = re.compile(r"(?<![\w#＃&/])[#＃]([^\s#＃]{1,40})[#＃]")
_X_MEDIA_LINK_RE = re.compile(r"\s*https://t\.co/\w+\s*$")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def prefix_hashtags(text: str) -> list[str]:
    """``#tag`` hashtags of a prefix-style platform (X, Instagram, TikTok …), links removed first."""
    return [m.group(1) for m in _PREFIX_TAG_RE.finditer(strip_urls(text or ""))]


def wrapped_hashtags(text: str) -> tuple[list[str], list[str]]:
    """Weibo-style topics: (well-formed ``#话题#`` topics, malformed fragments).

    ``#`` marks are paired in order, as Weibo does. A pair is a topic when the text between is non-empty,
    on one line, at most 64 characters, and neither starts nor ends with a space; otherwise the first mark
    is unclosed (``#春季新品 快来`` or ``#a #b``). A ``#`` right after a Latin letter or digit and not
    followed by a word (``C#``) is not a mark.
    """
    t = strip_urls(text or "")
    good: list[str] = []
    bad: list[str] = []

    def fragment(pos: int) -> None:
        frag = re.split(r"[\s#＃]", t[pos + 1 :], maxsplit=1)[0]
        if frag:
            bad.append("#" + frag)

    open_at: int | None = None
    for hm in _HASH_RE.finditer(t):
        i = hm.start()
        if open_at is None:
            prev = t[i - 1] if i else ""
            nxt = t[i + 1] if i + 1 < len(t) else ""
            token = re.split(r"[\s#＃]", t[i + 1 :], maxsplit=1)[0]
            if (
                not nxt
                or nxt.isspace()
                or (prev.isascii() and prev.isalnum() and not nxt.isalnum())
                or token.isdigit()
            ):
                continue  # "C#", "房间#302", a lone "#": not a topic
            open_at = i
            continue
        inner = t[open_at + 1 : i]
        if inner and "\n" not in inner and len(inner) <= 64 and inner == inner.strip():
            good.append(inner)
            open_at = None
        else:
            fragment(open_at)
            open_at = i
    if open_at is not None:
        fragment(open_at)
    return good, bad


def hashtags(platform: str | PlatformProfile, text: str) -> list[str]:
    """The hashtags of ``text`` as ``platform`` reads them."""
    prof = platform if isinstance(platform, PlatformProfile) else get_profile(platform)
    if prof.hashtags.style == "wrapped":
        return wrapped_hashtags(text)[0]
    return prefix_hashtags(text)


# ------------------------------------------------------------------------------------------- the check


def _as_date(when: date | datetime | None) -> date | None:
    if when is None:
        return None
    return when.date() if isinstance(when, datetime) else when


def _media_types(media: Iterable[Mapping[str, Any]] | None) -> list[str]:
    return [str((m or {}).get("type") or "").lower() for m in (media or [])]


def _fmt_duration(s: float) -> str:
    if s < 60:
        return f"{s:g} s"
    if s < 3600:
        return f"{s / 60:g} min"
    return f"{s / 3600:g} h"


def check_post_fit(
    platform: str,
    text: str | None,
    media: list[dict] | None,
    link: str | None = None,
    *,
    posted_at: date | datetime | None = None,
    checks: Collection[str] | None = None,
) -> list[FitIssue]:
    """Every way this post does not fit ``platform``, worst first.

    ``media`` items are ``{"type": "photo"|"video"|"gif"|"audio"|"document"|"link", "duration_s": …}`` as in
    the data set. ``posted_at`` picks the rules in force on that day (Instagram's 5-hashtag cap applies from
    19 December 2025); ``None`` means today's rules. ``checks`` limits the work to some of the groups
    ``format``, ``length``, ``hashtags``, ``links``, ``media`` (default: all).
    """
    want = CHECK_GROUPS if checks is None else frozenset(checks)
    prof = get_profile(platform)
    text = text or ""
    types = _media_types(media)
    issues: list[FitIssue] = []
    quote = snippet(text)
    pname_en, pname_zh = prof.name_en, prof.name_zh
    day = _as_date(posted_at)

    # --- format
    has_visual = any(t in VISUAL_MEDIA for t in types)
    if "format" not in want:
        pass
    elif prof.is_visual and not has_visual:
        sev: FitSeverity = "error" if prof.text_only == "impossible" else "warning"
        if not _verified(prof.text_only_source):
            sev = "tip"
        best = " or ".join(f for f in prof.formats if f != "text") or "photo or video"
        best_zh = "或".join({"video": "视频", "photo": "图片"}.get(f, f) for f in prof.formats if f != "text")
        issues.append(
            FitIssue(
                "text-only-on-visual-platform",
                sev,
                f"Text-only post on {pname_en}, a platform built for {best}: “{quote}”.",
                f"在以{best_zh}为主的{pname_zh}上发布了纯文字内容:“{quote}”。",
                f"Make it a {prof.formats[0]} post for {pname_en}, or publish the text where text works "
                "(e.g. Weibo, X, LinkedIn, Facebook).",
                f"为{pname_zh}制作{best_zh}内容;纯文字更适合微博、X、领英、Facebook 等平台。",
                prof.text_only_source,
                {"platform": prof.key, "media_types": types},
            )
        )
    elif prof.requires_video and has_visual and "video" not in types:
        issues.append(
            FitIssue(
                "photo-on-video-platform",
                "warning" if _verified(prof.requires_video_source) else "tip",
                f"Post without a video on {pname_en}, a video platform: “{quote}”.",
                f"{pname_zh}是视频平台,这条内容却没有视频:“{quote}”。",
                f"Publish a video on {pname_en}; put photos on Instagram, Pinterest or Xiaohongshu.",
                f"在{pname_zh}上发布视频;图片更适合 Instagram、Pinterest 或小红书。",
                prof.requires_video_source,
                {"platform": prof.key, "media_types": types},
            )
        )

    # --- length, the platform's way
    lim = prof.text_limit
    if lim is not None and text and "length" in want:
        counted = text
        if lim.counting == "x_weighted" and types:
            # X archives end a post with media with the media's t.co link, which X does not count
            counted = _X_MEDIA_LINK_RE.sub("", text)
        n = count(counted, lim.counting)
        unit_en, unit_zh = UNIT[lim.counting]
        data = {"platform": prof.key, "length": n, "limit": lim.max, "counting": lim.counting}
        if n > lim.max:
            issues.append(
                FitIssue(
                    "text-over-limit",
                    "error" if _verified(lim.source) else "tip",
                    f"Text is {n} {unit_en} on {pname_en}; the limit is {lim.max}: “{quote}”.",
                    f"文字长度 {n}{unit_zh},超过{pname_zh}的上限 {lim.max}:“{quote}”。",
                    f"Cut it to {lim.max} {unit_en} for {pname_en} (it is {n - lim.max} over), or move the long "
                    "version to a blog post or article and link to it.",
                    f"为{pname_zh}删减到 {lim.max} 以内(超出 {n - lim.max}),或把长文放到文章/博客中再附链接。",
                    lim.source,
                    data,
                )
            )
        elif lim.fold_at is not None and n > lim.fold_at:
            issues.append(
                FitIssue(
                    "text-folded",
                    "tip",
                    f"Only the first {lim.fold_at} {unit_en} show in the {pname_en} feed; this post has {n}.",
                    f"{pname_zh}信息流只显示前 {lim.fold_at}{unit_zh},这条有 {n}。",
                    "Put the key message and call to action first.",
                    "把核心信息和行动号召放在最前面。",
                    lim.fold_source,
                    {**data, "fold_at": lim.fold_at},
                )
            )

    # --- hashtags
    hs = prof.hashtags
    if text and "hashtags" in want and ("#" in text or "＃" in text):
        if hs.style == "wrapped":
            good, bad = wrapped_hashtags(text)
            tags = good
            if bad:
                shown = "、".join(bad[:3])
                issues.append(
                    FitIssue(
                        "hashtag-unclosed",
                        "warning" if _verified(hs.source) else "tip",
                        f"{pname_en} topics need a # on both sides (#topic#); {', '.join(bad[:3])} is not closed "
                        f"in “{quote}”.",
                        f"{pname_zh}话题需要前后两个 #(#话题#),{shown} 没有闭合:“{quote}”。",
                        f"Write {pname_en} topics as #topic# (e.g. #{bad[0].lstrip('#')}#).",
                        f"把话题写成 #话题# 的形式(如 #{bad[0].lstrip('#')}#)。",
                        hs.source,
                        {"platform": prof.key, "fragments": bad},
                    )
                )
        elif hs.style == "prefix":
            tags = prefix_hashtags(text)
            wrapped = _wrapped_on_prefix(text)
            if wrapped:
                issues.append(
                    FitIssue(
                        "hashtag-wrapped",
                        "warning" if _verified(hs.source) else "tip",
                        f"{', '.join(wrapped[:3])} is Weibo's topic syntax; on {pname_en} a hashtag is #tag with no "
                        f"closing #: “{quote}”.",
                        f"{'、'.join(wrapped[:3])} 是微博的话题写法;{pname_zh}的话题标签是 #标签,结尾不加 #:“{quote}”。",
                        f"Remove the closing # for {pname_en} (#{wrapped[0].strip('#＃')}).",
                        f"在{pname_zh}上去掉结尾的 #(#{wrapped[0].strip('#＃')})。",
                        hs.source,
                        {"platform": prof.key, "tags": wrapped},
                    )
                )
        else:
            tags = []
        cap = hs.cap_at(day)
        if cap is not None and len(tags) > cap.max:
            issues.append(
                FitIssue(
                    "too-many-hashtags",
                    "error" if _verified(cap.source) else "tip",
                    f"{len(tags)} hashtags on {pname_en}; {cap.effect_en} ({cap.max}): “{quote}”.",
                    f"{pname_zh}帖子用了 {len(tags)} 个话题标签;{cap.effect_zh}({cap.max}):“{quote}”。",
                    f"Keep the {cap.max} most relevant hashtags.",
                    f"只保留最相关的 {cap.max} 个话题标签。",
                    cap.source,
                    {"platform": prof.key, "hashtags": len(tags), "limit": cap.max},
                )
            )
        elif hs.recommended_max is not None and len(tags) > hs.recommended_max:
            issues.append(
                FitIssue(
                    "hashtags-over-recommended",
                    "tip",
                    f"{len(tags)} hashtags on {pname_en}; {hs.recommended_max} or fewer is the advice.",
                    f"{pname_zh}帖子用了 {len(tags)} 个话题标签;建议不超过 {hs.recommended_max} 个。",
                    f"Keep {hs.recommended_max} relevant hashtags.",
                    f"保留 {hs.recommended_max} 个相关话题标签。",
                    hs.recommended_source,
                    {"platform": prof.key, "hashtags": len(tags), "recommended": hs.recommended_max},
                )
            )

    # --- links
    if prof.caption_links_clickable is False and "links" in want:
        urls = [text[s:e] for s, e in find_urls(text)]
        sev = "warning" if _verified(prof.caption_links_source) else "tip"
        if urls:
            issues.append(
                FitIssue(
                    "link-not-clickable",
                    sev,
                    f"Links in {pname_en} captions are not clickable, so {snippet(urls[0], 40)} is dead text: "
                    f"“{quote}”.",
                    f"{pname_zh}正文中的链接无法点击,{snippet(urls[0], 40)} 只是普通文字:“{quote}”。",
                    f"Remove the URL; point to the link in your {pname_en} profile (“link in bio”) or use the "
                    "platform's link feature (Story link sticker, product card).",
                    f"删除链接,改为引导用户查看{pname_zh}主页简介中的链接,或使用平台的链接功能(商品卡片、快拍链接贴纸等)。",
                    prof.caption_links_source,
                    {"platform": prof.key, "urls": urls},
                )
            )
        elif link:
            issues.append(
                FitIssue(
                    "link-field-not-shown",
                    "tip",
                    f"{pname_en} shows no clickable link on a post; readers will not see {snippet(link, 40)}.",
                    f"{pname_zh}帖子不显示可点击链接,读者看不到 {snippet(link, 40)}。",
                    "Put the link in your profile or use the platform's link feature.",
                    "把链接放到主页简介,或使用平台的链接功能。",
                    prof.caption_links_source,
                    {"platform": prof.key, "link": link},
                )
            )

    # --- media limits
    vr = prof.video
    if vr is not None and "media" in want:
        for m in media or []:
            if str((m or {}).get("type") or "").lower() != "video":
                continue
            d = (m or {}).get("duration_s")
            if d is None:
                continue
            d = float(d)
            sev = "error" if _verified(vr.source) else "tip"
            if vr.max_s is not None and d > vr.max_s:
                issues.append(
                    FitIssue(
                        "video-too-long",
                        sev,
                        f"A {_fmt_duration(d)} video on {pname_en}, which accepts at most {_fmt_duration(vr.max_s)}.",
                        f"{pname_zh}最长只接受 {_fmt_duration(vr.max_s)} 的视频,这条视频长 {_fmt_duration(d)}。",
                        f"Cut it under {_fmt_duration(vr.max_s)} for {pname_en}, or publish the full video on "
                        "YouTube/Bilibili and a short cut here.",
                        f"为{pname_zh}剪到 {_fmt_duration(vr.max_s)} 以内,或把完整版发到 YouTube/B站,这里发精华片段。",
                        vr.source,
                        {"platform": prof.key, "duration_s": d, "max_s": vr.max_s},
                    )
                )
            elif vr.min_s is not None and d < vr.min_s:
                issues.append(
                    FitIssue(
                        "video-too-short",
                        sev,
                        f"A {_fmt_duration(d)} video on {pname_en}, which needs at least {_fmt_duration(vr.min_s)}.",
                        f"{pname_zh}要求视频至少 {_fmt_duration(vr.min_s)},这条只有 {_fmt_duration(d)}。",
                        f"Make it at least {_fmt_duration(vr.min_s)} long.",
                        f"把视频做到至少 {_fmt_duration(vr.min_s)}。",
                        vr.source,
                        {"platform": prof.key, "duration_s": d, "min_s": vr.min_s},
                    )
                )
    ml = prof.media
    photos = sum(1 for t in types if t in ("photo", "gif"))
    if ml.max_photos is not None and photos > ml.max_photos and "media" in want:
        issues.append(
            FitIssue(
                "too-many-photos",
                "error" if _verified(ml.source) else "tip",
                f"{photos} pictures in one {pname_en} post; the limit is {ml.max_photos}.",
                f"一条{pname_zh}帖子放了 {photos} 张图片,上限是 {ml.max_photos}。",
                f"Keep the best {ml.max_photos}.",
                f"保留最好的 {ml.max_photos} 张。",
                ml.source,
                {"platform": prof.key, "photos": photos, "limit": ml.max_photos},
            )
        )

    order = {"error": 0, "warning": 1, "tip": 2}
    issues.sort(key=lambda i: order[i.severity])
    return issues


def _wrapped_on_prefix(text: str) -> list[str]:
    """``#tag#`` written Weibo-style on a prefix platform: the closing ``#`` is followed by a space,
    punctuation or the end, or the tag is Chinese/Japanese/Korean (``#a#b`` chains two Latin tags and is
    left alone)."""
    t = strip_urls(text)
    out = []
    for m in _WRAPPED_ON_PREFIX_RE.finditer(t):
        end = m.end()
        nxt = t[end] if end < len(t) else ""
        if _CJK_RE.search(m.group(1)) or not nxt or not (nxt.isalnum() or nxt == "_"):
            out.append(m.group(0))
    return out
