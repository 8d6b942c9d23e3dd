"""Xiaohongshu (小红书, RED): picture and video notes — reviews, tips and lifestyle discovery."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    Hashtags,
    MarketingTool,
    MediaLimits,
    PlatformProfile,
    TextLimit,
    guess,
    off,
    tp,
)

NOTES = f"{FIELD_NOTES} §11 Xiaohongshu"

PROFILE = PlatformProfile(
    key="xiaohongshu",
    name_en="Xiaohongshu (RED)",
    name_zh="小红书",
    region="cn",
    formats=("photo", "video"),
    text_only="impossible",
    text_only_source=tp(NOTES, "a note is type normal (pictures, image_list) or video"),
    audience_en="Mostly young, urban women in China who search notes before they buy: beauty, fashion, food, "
    "travel and home; they trust honest first-hand reviews over ads.",
    audience_zh="以年轻城市女性为主,购买前先搜笔记:美妆、穿搭、美食、旅行、家居;更信任真实的亲身体验而非广告。",
    text_limit=TextLimit("text", 1000, "chars", tp(NOTES, "body 1,000 characters [3P, unverified]")),
    other_limits=(TextLimit("title", 20, "chars", tp(NOTES, "title 20 characters [3P, unverified]")),),
    media=MediaLimits(max_photos=18, source=tp(NOTES, "18 images [3P, unverified]")),
    hashtags=Hashtags(
        "none", guess("topics are stored as #话题[话题]# in the raw text; not verified", NOTES)
    ),
    caption_links_clickable=False,
    caption_links_source=tp(
        "https://www.xiaohongshu.com/",
        "notes show URLs as plain text; external links are discouraged by the community rules",
    ),
    marketing_tools=(
        MarketingTool(
            "xhs_juguang",
            "Juguang ads",
            "聚光",
            ("ad", "retargeting", "lead_form", "audience_search"),
            "Xiaohongshu's ad platform: feed and search ads, audience targeting, retargeting and lead forms.",
            "小红书的广告平台:信息流与搜索广告、人群定向、再营销和线索收集。",
            off("https://ad.xiaohongshu.com/"),
        ),
        MarketingTool(
            "xhs_shutiao",
            "Shutiao (promote a note)",
            "薯条",
            ("promoted_post",),
            "Pay to show one note to more people.",
            "付费把一篇笔记推给更多人。",
            off("https://www.xiaohongshu.com/"),
        ),
        MarketingTool(
            "xhs_pugongying",
            "Pugongying (creator partnerships)",
            "蒲公英",
            ("other",),
            "Book creators for sponsored notes.",
            "与博主合作发布商业笔记。",
            off("https://pgy.xiaohongshu.com/"),
        ),
    ),
)
