"""Bilibili (哔哩哔哩, B站): long and mid-length video with bullet comments, for young enthusiasts."""

from __future__ import annotations

from smguard.platforms.base import MarketingTool, PlatformProfile, TextLimit, guess, off, tp

PROFILE = PlatformProfile(
    key="bilibili",
    name_en="Bilibili",
    name_zh="哔哩哔哩",
    region="cn",
    formats=("video",),
    text_only="weak",
    requires_video=True,
    requires_video_source=tp("https://www.bilibili.com/", "a video site"),
    text_only_source=tp(
        "https://www.bilibili.com/", "a video site; text 动态 exist but reach followers only"
    ),
    audience_en="Chinese Gen Z and students: anime, games, tech, knowledge and reviews; long videos with "
    "bullet comments (弹幕); they reward sincere, in-depth content and dislike hard selling.",
    audience_zh="中国Z世代和学生:动漫、游戏、科技、知识和测评;长视频加弹幕;认可真诚、有深度的内容,反感硬广。",
    text_limit=TextLimit(
        "text", 2000, "chars", guess("video description (简介) 2,000 characters; not verified")
    ),
    other_limits=(TextLimit("title", 80, "chars", guess("video title 80 characters; not verified")),),
    marketing_tools=(
        MarketingTool(
            "bili_huahuo",
            "Huahuo (creator partnerships)",
            "花火",
            ("other", "promoted_post"),
            "Bilibili's platform for booking creators' sponsored videos.",
            "B站官方的UP主商业合作平台。",
            off("https://huahuo.bilibili.com/"),
        ),
        MarketingTool(
            "bili_qifei",
            "Qifei (promote a video)",
            "起飞",
            ("promoted_post",),
            "Pay to show one video to more people.",
            "付费把一条视频推给更多人。",
            off("https://www.bilibili.com/"),
        ),
        MarketingTool(
            "bili_ads",
            "Bilibili ads",
            "B站效果广告",
            ("ad", "retargeting", "lead_form", "audience_search"),
            "Feed ads with audience targeting, retargeting and lead forms.",
            "信息流广告,支持人群定向、再营销和线索表单。",
            off("https://e.bilibili.com/"),
        ),
    ),
)
