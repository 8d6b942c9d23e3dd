"""Platform profiles: one module per platform named in the data set contract, each with one
:class:`~smguard.platforms.base.PlatformProfile` (facts with sources and trust levels).

>>> from smguard.platforms import get_profile
>>> get_profile("x").text_limit.max
280
>>> [t.key for t in get_profile("weibo").tools_for_kind("promoted_post")]
['weibo_fans_headline']

Pure post checks shared by the audit rules, the web composer and ``smguard check post`` are in
:mod:`smguard.platforms.fit`; length counting is in :mod:`smguard.platforms.counting`.
"""

from __future__ import annotations

import importlib
from functools import cache

from smguard.dataset.schema import PLATFORMS
from smguard.platforms.base import (
    HashtagCap,
    Hashtags,
    MarketingTool,
    MediaLimits,
    PlatformProfile,
    Source,
    TextLimit,
    VideoRange,
)

#: Every platform of the data set contract (CONTRACT §2 accounts.platform), in the contract's order.
PLATFORM_KEYS: tuple[str, ...] = PLATFORMS

__all__ = [
    "PLATFORM_KEYS",
    "HashtagCap",
    "Hashtags",
    "MarketingTool",
    "MediaLimits",
    "PlatformProfile",
    "Source",
    "TextLimit",
    "VideoRange",
    "all_profiles",
    "get_profile",
]


@cache
def get_profile(platform: str | None) -> PlatformProfile:
    """The profile of ``platform`` (a contract key, case-insensitive); unknown or missing → ``other``."""
    key = (platform or "other").strip().lower()
    if key == "twitter":
        key = "x"
    if key not in PLATFORM_KEYS:
        key = "other"
    return importlib.import_module(f"smguard.platforms.{key}").PROFILE


def all_profiles() -> dict[str, PlatformProfile]:
    """Every profile, keyed by platform, in the contract's order."""
    return {k: get_profile(k) for k in PLATFORM_KEYS}
