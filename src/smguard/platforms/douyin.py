"""Douyin (抖音): short vertical video and image sets, driven by the recommendation feed."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    Hashtags,
    MarketingTool,
    PlatformProfile,
    guess,
    off,
    tp,
)

NOTES = f"{FIELD_NOTES} §10 Douyin"
VIDEO_LIST = "https://developer.open-douyin.com/ (video_list: media_type 2 = image set, 4 = video)"

PROFILE = PlatformProfile(
    key="douyin",
    name_en="Douyin",
    name_zh="抖音",
    region="cn",
    formats=("video", "photo"),
    text_only="impossible",
    requires_video=True,
    requires_video_source=tp(
        "https://www.douyin.com/",
        "a short-video platform; image sets (图集) exist but the recommendation feed is built for video",
    ),
    text_only_source=off(VIDEO_LIST, "a published item is an image set or a video"),
    audience_en="Hundreds of millions of Chinese users of all ages scrolling a recommendation feed of short "
    "vertical videos; entertainment first, then shopping (live commerce) and local services.",
    audience_zh="数亿各年龄段的中国用户,在推荐流中刷竖屏短视频;以娱乐为先,其次是直播带货和本地生活。",
    text_limit=None,  # no verified limit (field notes §10: "Limits: none verified")
    hashtags=Hashtags("prefix", guess("topics are typed #话题 and end at a space; not verified")),
    caption_links_clickable=False,
    caption_links_source=tp(
        "https://www.douyin.com/",
        "descriptions show URLs as plain text; links go through product cards or the profile",
    ),
    marketing_tools=(
        MarketingTool(
            "douyin_dou_plus",
            "DOU+ (promote a video)",
            "DOU+",
            ("promoted_post",),
            "Pay to show one of your videos to more people, chosen by interest, place, age and gender or "
            "similar to a creator's fans.",
            "付费把一条视频推给更多人,可按兴趣、地域、年龄、性别或相似达人粉丝定向。",
            off("https://doujia.douyin.com/"),
        ),
        MarketingTool(
            "douyin_ocean_engine",
            "Ocean Engine ads",
            "巨量引擎",
            ("ad", "retargeting", "lead_form", "audience_search"),
            "ByteDance's ad platform: feed ads, custom and look-alike audiences (巨量云图), retargeting and "
            "lead forms.",
            "字节跳动的广告平台:信息流广告、自定义与相似人群(巨量云图)、再营销和线索表单。",
            off("https://www.oceanengine.com/"),
        ),
        MarketingTool(
            "douyin_qianchuan",
            "Qianchuan (e-commerce ads)",
            "巨量千川",
            ("ad", "promoted_post"),
            "Ads for products and live-commerce streams on Douyin.",
            "面向抖音商品和直播带货的广告。",
            off("https://qianchuan.jinritemai.com/"),
        ),
        MarketingTool(
            "douyin_live_events",
            "Live streams and events",
            "直播与活动",
            ("event",),
            "Scheduled live streams and event reservations.",
            "预约直播和线上活动。",
            guess("Douyin live reservations"),
        ),
    ),
)
