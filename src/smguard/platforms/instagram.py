"""Instagram: photos, carousels, Reels and Stories for a young, visual audience."""

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
    off,
    tp,
)

NOTES = f"{FIELD_NOTES} §3 Instagram"
IG_MEDIA = "https://developers.facebook.com/docs/instagram-platform/reference/instagram-media"

PROFILE = PlatformProfile(
    key="instagram",
    name_en="Instagram",
    name_zh="Instagram(照片墙)",
    region="global",
    formats=("photo", "video"),
    text_only="impossible",
    text_only_source=off(IG_MEDIA, "every media object is IMAGE, VIDEO or CAROUSEL_ALBUM"),
    audience_en="Young adults (18–34) outside China who follow people and brands for visual inspiration: "
    "fashion, food, travel, beauty; photos, carousels and Reels, links only in bio or Stories.",
    audience_zh="中国以外18–34岁的年轻人,为视觉灵感关注个人和品牌:时尚、美食、旅行、美妆;照片、轮播和 Reels,"
    "链接只能放在主页简介或快拍里。",
    text_limit=TextLimit("text", 2200, "chars", tp(NOTES, "caption 2,200 characters [3P, consistent]")),
    media=MediaLimits(
        max_photos=20,
        source=tp(
            "https://about.instagram.com/blog/announcements",
            "carousels of up to 20 items since Aug 2024; the field notes (§3) still say 10",
        ),
    ),
    hashtags=Hashtags(
        "prefix",
        tp("https://help.instagram.com/351460621611097", "#tag, letters and numbers, no spaces"),
        caps=(
            HashtagCap(30, None, tp("https://help.instagram.com/351460621611097", "up to 30 hashtags")),
            HashtagCap(
                5,
                date(2025, 12, 19),
                tp(NOTES, "at most 5 per post/Reel from 19 Dec 2025 [3P news quoting @creators]"),
                "Instagram allows at most 5 hashtags per post since 19 December 2025",
                "自2025年12月19日起,Instagram 每条帖子最多允许5个话题标签",
            ),
        ),
    ),
    caption_links_clickable=False,
    caption_links_source=tp(
        "https://help.instagram.com/",
        "URLs in captions are not clickable; use the bio link or a Story link sticker",
    ),
    marketing_tools=(
        MarketingTool(
            "meta_ads_manager",
            "Meta Ads Manager",
            "Meta 广告管理工具",
            ("ad",),
            "Instagram feed, Stories and Reels ads with targeting by location, age, gender and interests.",
            "在 Instagram 信息流、快拍和 Reels 投放广告,可按地域、年龄、性别和兴趣定向。",
            off("https://business.instagram.com/advertising"),
        ),
        MarketingTool(
            "instagram_boost",
            "Boosted posts",
            "推广帖子",
            ("promoted_post",),
            "Pay to show a post or Reel to more people.",
            "付费把帖子或 Reels 推给更多人。",
            off("https://help.instagram.com/"),
        ),
        MarketingTool(
            "meta_custom_audiences",
            "Custom Audiences (retargeting)",
            "自定义受众(再营销)",
            ("retargeting",),
            "Reach people who engaged with the account, visited the site or are customers.",
            "重新触达与账号互动过、访问过网站或已是客户的人。",
            off("https://www.facebook.com/business/help/744354708981227"),
        ),
        MarketingTool(
            "meta_detailed_targeting",
            "Detailed targeting (audience search)",
            "细分定位(受众搜索)",
            ("audience_search",),
            "Choose who sees a message by demographics, interests and behaviours.",
            "按人口属性、兴趣和行为选择信息的受众。",
            off("https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting"),
        ),
        MarketingTool(
            "meta_lead_ads",
            "Lead ads (instant forms)",
            "线索广告(即时表单)",
            ("lead_form",),
            "Collect sign-ups without leaving Instagram.",
            "用户无需离开 Instagram 即可留资报名。",
            off("https://www.facebook.com/business/ads/lead-ads"),
        ),
    ),
)
