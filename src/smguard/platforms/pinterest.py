"""Pinterest: visual search and saving ideas — Pins that link to products and recipes."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    Hashtags,
    MarketingTool,
    PlatformProfile,
    TextLimit,
    guess,
    off,
)

NOTES = f"{FIELD_NOTES} §6 Pinterest"
OPENAPI = "https://github.com/pinterest/api-description v5/openapi.json (Pin)"

PROFILE = PlatformProfile(
    key="pinterest",
    name_en="Pinterest",
    name_zh="拼趣(Pinterest)",
    region="global",
    formats=("photo", "video"),
    text_only="impossible",
    text_only_source=off(OPENAPI, "a Pin is an image or a video (media.media_type)"),
    audience_en="Planners, mostly women outside China, searching and saving ideas for homes, recipes, "
    "fashion, weddings and gifts; they click through to buy.",
    audience_zh="中国以外喜欢做计划的用户,以女性为主,搜索并收藏家居、食谱、穿搭、婚礼和礼物灵感,并点击链接购买。",
    text_limit=TextLimit("text", 800, "chars", off(OPENAPI, "description ≤ 800")),
    other_limits=(
        TextLimit("title", 100, "chars", off(OPENAPI, "title ≤ 100")),
        TextLimit("alt_text", 500, "chars", off(OPENAPI, "alt_text ≤ 500")),
    ),
    hashtags=Hashtags("prefix", guess("plain #tag in the description", NOTES)),
    caption_links_clickable=None,
    caption_links_source=off(OPENAPI, "a Pin links through its link field (≤ 2,048)"),
    marketing_tools=(
        MarketingTool(
            "pinterest_ads",
            "Pinterest Ads Manager",
            "Pinterest 广告管理工具",
            ("ad",),
            "Ads targeted by interests, keywords, demographics and location.",
            "按兴趣、关键词、人口属性和地域定向的广告。",
            off("https://ads.pinterest.com/"),
        ),
        MarketingTool(
            "pinterest_promoted_pins",
            "Promoted Pins",
            "推广 Pin",
            ("promoted_post",),
            "Pay to show an existing Pin to more people.",
            "付费把已有 Pin 推给更多人。",
            off("https://help.pinterest.com/en/business/article/promoted-pins"),
        ),
        MarketingTool(
            "pinterest_audiences",
            "Audiences (retargeting, act-alike)",
            "受众(再营销、相似受众)",
            ("retargeting", "audience_search"),
            "Retarget site visitors and engagers, and reach people like your customers.",
            "再次触达网站访客和互动用户,并触达与客户相似的人。",
            off("https://help.pinterest.com/en/business/article/audience-targeting"),
        ),
        MarketingTool(
            "pinterest_lead_ads",
            "Lead ads",
            "线索广告",
            ("lead_form",),
            "Collect sign-ups in a form on Pinterest.",
            "在 Pinterest 上用表单收集报名信息。",
            off("https://help.pinterest.com/en/business/article/lead-ads"),
        ),
    ),
)
