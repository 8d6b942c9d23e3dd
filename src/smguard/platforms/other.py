"""Any other platform: smguard knows nothing platform-specific, so it checks nothing platform-specific."""

from __future__ import annotations

from smguard.platforms.base import PlatformProfile, guess

PROFILE = PlatformProfile(
    key="other",
    name_en="Other platform",
    name_zh="其他平台",
    region="any",
    formats=("text", "photo", "video"),
    text_only="appropriate",
    text_only_source=guess("unknown platform: no format is assumed"),
    audience_en="Unknown: describe this platform's audience yourself before planning content for it.",
    audience_zh="未知:请先自行了解该平台的受众,再为其规划内容。",
)
