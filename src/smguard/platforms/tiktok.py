"""TikTok: short vertical video (and photo mode) for a young global audience."""

from __future__ import annotations

from datetime import date

from smguard.platforms.base import (
    FIELD_NOTES,
    HashtagCap,
    Hashtags,
    MarketingTool,
    MediaLimits,
    PlatformProfile,
    TextLimit,
    VideoRange,
    off,
    tp,
)

NOTES = f"{FIELD_NOTES} §7 TikTok"
VIDEO_OBJECT = "https://developers.tiktok.com/doc/tiktok-api-v2-video-object"

PROFILE = PlatformProfile(
    key="tiktok",
    name_en="TikTok",
    name_zh="TikTok(抖音国际版)",
    region="global",
    formats=("video", "photo"),
    text_only="weak",
    requires_video=True,
    requires_video_source=off(VIDEO_OBJECT, "the content object is a video; photo mode is secondary"),
    text_only_source=off(VIDEO_OBJECT, "the content object is a video (photo mode posts exist)"),
    audience_en="Gen Z and young adults outside China discovering entertainment, trends and products in a "
    "recommendation feed of short vertical videos; authentic, fast, sound-driven.",
    audience_zh="中国以外的Z世代和年轻人,在推荐流的竖屏短视频中发现娱乐、潮流和商品;偏好真实、快节奏、配乐驱动的内容。",
    text_limit=TextLimit(
        "text", 2200, "chars", tp(NOTES, "caption 2,200 characters [3P]; photo-post descriptions 4,000")
    ),
    media=MediaLimits(max_photos=35, max_videos=1, source=tp(NOTES, "photo posts: up to 35 photos [3P]")),
    video=VideoRange(
        None,
        60 * 60,
        tp(NOTES, "API video 3 s–10 min [3P]; in-app uploads up to 60 min"),
        "only the in-app upper bound is checked: the 3 s minimum applies to API uploads",
    ),
    hashtags=Hashtags(
        "prefix",
        off(VIDEO_OBJECT, "#tag in video_description"),
        caps=(
            HashtagCap(
                5,
                date(2025, 8, 1),
                tp(NOTES, "hashtag cap of 5 since Aug 2025 [3P single source]"),
                "TikTok allows at most 5 hashtags per post since August 2025",
                "自2025年8月起,TikTok 每条作品最多允许5个话题标签",
            ),
        ),
    ),
    caption_links_clickable=False,
    caption_links_source=tp(
        "https://support.tiktok.com/",
        "URLs in captions are plain text; links go in the bio (business accounts)",
    ),
    marketing_tools=(
        MarketingTool(
            "tiktok_ads_manager",
            "TikTok Ads Manager",
            "TikTok 广告管理平台",
            ("ad",),
            "In-feed ads targeted by location, age, gender, interests and behaviour.",
            "按地域、年龄、性别、兴趣和行为定向的信息流广告。",
            off("https://ads.tiktok.com/"),
        ),
        MarketingTool(
            "tiktok_promote",
            "Promote (boost a video)",
            "Promote(推广视频)",
            ("promoted_post",),
            "Pay in the app to show a video to more people.",
            "在应用内付费把视频推给更多人。",
            off("https://support.tiktok.com/en/using-tiktok/growing-your-audience/promote"),
        ),
        MarketingTool(
            "tiktok_custom_audiences",
            "Custom and look-alike audiences",
            "自定义与相似受众",
            ("retargeting", "audience_search"),
            "Retarget people who watched or engaged, customer lists and look-alikes.",
            "再次触达观看或互动过的人、客户名单及相似人群。",
            off("https://ads.tiktok.com/help/article/custom-audiences"),
        ),
        MarketingTool(
            "tiktok_lead_generation",
            "Lead generation (Instant Forms)",
            "线索收集(即时表单)",
            ("lead_form",),
            "Collect sign-ups in a form inside TikTok.",
            "在 TikTok 内用表单收集报名信息。",
            off("https://ads.tiktok.com/help/article/lead-generation"),
        ),
        MarketingTool(
            "tiktok_live_events",
            "LIVE events",
            "直播活动",
            ("event",),
            "Scheduled LIVE events followers can sign up for.",
            "可供粉丝预约的直播活动。",
            off("https://support.tiktok.com/en/live-gifts-wallet/tiktok-live/live-events"),
        ),
    ),
)
