"""What smguard knows about one platform: formats, limits and how the platform counts, hashtag syntax,
links, audience and marketing tools — every fact with its source and how far it can be trusted.

A profile is data, not code: one module per platform (``weibo.py`` … ``other.py``) builds one frozen
:class:`PlatformProfile`. Checks that *use* the facts live in :mod:`smguard.platforms.fit` (one post) and in the
rules (``smguard.rules.m1_platforms``, ``m4_tools``).

Trust levels (the field notes' scale, ``shared/formats/README.md``):

``official``     the platform's own documentation or machine-readable spec ([OFF])
``real``         checked against a real export or API response ([REAL])
``third-party``  third-party docs or news ([3P])
``guess``        an inference, not checked ([GUESS])

Rules raise non-``info`` findings only on facts that are ``official``, ``real`` or ``third-party`` and
consistent; a ``guess`` may only drive a tip.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Trust = Literal["official", "real", "third-party", "guess"]
Format = Literal["video", "photo", "text"]
#: How a platform counts the length of a text (see :mod:`smguard.platforms.counting`).
Counting = Literal["chars", "x_weighted", "weibo", "utf8_bytes"]
#: ``prefix``: ``#tag`` ends at a space or punctuation (X, Instagram, TikTok, …);
#: ``wrapped``: ``#话题#`` with a ``#`` on both sides (Weibo); ``none``: the platform has no caption hashtags
#: that smguard checks.
HashtagStyle = Literal["prefix", "wrapped", "none"]
#: ``appropriate``: text-only posts are normal; ``weak``: possible, but the platform is built for
#: photos/video and text-only posts do poorly; ``impossible``: the platform requires a photo or video.
TextOnly = Literal["appropriate", "weak", "impossible"]

FIELD_NOTES = "shared/formats/README.md"


@dataclass(frozen=True)
class Source:
    """Where a fact comes from."""

    ref: str  # a URL, or "shared/formats/README.md §N" for the team's field notes
    trust: Trust
    note: str = ""


def off(ref: str, note: str = "") -> Source:
    return Source(ref, "official", note)


def real(ref: str, note: str = "") -> Source:
    return Source(ref, "real", note)


def tp(ref: str, note: str = "") -> Source:
    return Source(ref, "third-party", note)


def guess(note: str, ref: str = "") -> Source:
    return Source(ref, "guess", note)


@dataclass(frozen=True)
class TextLimit:
    """A maximum length of one text field, counted the platform's way.

    ``field`` is ``text`` for the post body/caption that the data set's ``posts.text`` holds, or another field
    (``title``) that smguard only documents. ``fold_at`` is where the platform cuts the text in the feed
    ("…全文" / "…more") without refusing it.
    """

    field: str
    max: int
    counting: Counting
    source: Source
    fold_at: int | None = None
    fold_source: Source | None = None


@dataclass(frozen=True)
class VideoRange:
    """Video duration the platform accepts for a post, in seconds (``None``: no documented bound)."""

    min_s: float | None
    max_s: float | None
    source: Source
    note: str = ""


@dataclass(frozen=True)
class HashtagCap:
    """At most ``max`` hashtags per post from ``since`` (inclusive; ``None``: always)."""

    max: int
    since: date | None
    source: Source
    effect_en: str = "the platform refuses or ignores the extra hashtags"
    effect_zh: str = "平台会拒绝或忽略多出的话题标签"


@dataclass(frozen=True)
class Hashtags:
    style: HashtagStyle
    source: Source
    caps: tuple[HashtagCap, ...] = ()  # sorted by ``since``; the latest one in force applies
    recommended_max: int | None = None  # advice, never a finding
    recommended_source: Source | None = None

    def cap_at(self, day: date | None) -> HashtagCap | None:
        """The cap in force on ``day`` (``None``: today's rule, i.e. the latest cap)."""
        best: HashtagCap | None = None
        for cap in self.caps:
            in_force = cap.since is None or day is None or cap.since <= day
            if in_force and (best is None or (cap.since or date.min) >= (best.since or date.min)):
                best = cap
        return best


@dataclass(frozen=True)
class MediaLimits:
    max_photos: int | None = None
    max_videos: int | None = None
    source: Source | None = None


@dataclass(frozen=True)
class MarketingTool:
    """One of the platform's own marketing tools (mistake 4 of the article).

    ``campaign_kinds`` are the ``campaigns.jsonl`` ``kind`` values that count as using this tool on an account
    of this platform (CONTRACT §2: ``ad`` ``promoted_post`` ``event`` ``retargeting`` ``lead_form``
    ``audience_search`` ``other``).
    """

    key: str
    name_en: str
    name_zh: str
    campaign_kinds: tuple[str, ...]
    what_en: str
    what_zh: str
    source: Source


@dataclass(frozen=True)
class PlatformProfile:
    """Everything smguard knows about one platform. Frozen: share it freely.

    Fields other parts of smguard read:

    - ``formats``: the formats the platform is built for, best first (``video``, ``photo``, ``text``).
    - ``text_only``: whether a post without photo or video is ``appropriate``, ``weak`` or ``impossible``.
    - ``requires_video``: video is the platform's format, so a photo-only post misses its audience (YouTube,
      Douyin, TikTok, Bilibili — the photo modes of Douyin and TikTok exist but are secondary).
    - ``text_limit``: the limit of ``posts.text`` (``None``: no documented limit); ``other_limits``: titles etc.
    - ``hashtags``: syntax and caps; ``caption_links_clickable``: ``False`` where a URL in a caption is plain
      text (``None``: unknown).
    - ``video``: accepted duration; ``media``: per-post counts.
    - ``marketing_tools``: the platform's own tools, each with the campaign kinds that count as using it.
    - ``sources``: facts without their own ``source`` field (name → :class:`Source`).
    """

    key: str
    name_en: str
    name_zh: str
    region: Literal["cn", "global", "any"]
    formats: tuple[Format, ...]
    text_only: TextOnly
    text_only_source: Source
    audience_en: str
    audience_zh: str
    requires_video: bool = False
    requires_video_source: Source | None = None
    text_limit: TextLimit | None = None
    other_limits: tuple[TextLimit, ...] = ()
    media: MediaLimits = field(default_factory=MediaLimits)
    video: VideoRange | None = None
    hashtags: Hashtags = field(default_factory=lambda: Hashtags("none", guess("no caption hashtags checked")))
    caption_links_clickable: bool | None = None
    caption_links_source: Source | None = None
    marketing_tools: tuple[MarketingTool, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)

    @property
    def is_visual(self) -> bool:
        """A platform built for photos or video, where a text-only post misses its audience."""
        return self.text_only in ("weak", "impossible")

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def tools_for_kind(self, kind: str) -> tuple[MarketingTool, ...]:
        """The marketing tools that a campaign of ``kind`` on this platform counts as using."""
        return tuple(t for t in self.marketing_tools if kind in t.campaign_kinds)

    def tool(self, key: str) -> MarketingTool:
        for t in self.marketing_tools:
            if t.key == key:
                return t
        raise KeyError(f"{self.key} has no marketing tool {key!r}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (dates as ISO strings) for the web workspace and ``smguard platforms``."""

        def fix(v: Any) -> Any:
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: fix(x) for k, x in v.items()}
            if isinstance(v, (list, tuple)):
                return [fix(x) for x in v]
            return v

        out = fix(asdict(self))
        out["is_visual"] = self.is_visual
        return out
