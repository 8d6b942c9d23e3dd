"""Facebook Pages: posts, photos, videos, links and events for a broad, mostly adult audience."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    Hashtags,
    MarketingTool,
    PlatformProfile,
    TextLimit,
    off,
    real,
    tp,
)

NOTES = f"{FIELD_NOTES} §2 Facebook"
ADS_HELP = "https://www.facebook.com/business/ads"

PROFILE = PlatformProfile(
    key="facebook",
    name_en="Facebook",
    name_zh="脸书(Facebook)",
    region="global",
    formats=("photo", "video", "text"),
    text_only="appropriate",
    text_only_source=real(NOTES, "posts may be status updates, photos, videos, links or events"),
    audience_en="Adults of every age outside China, strongest over 30: friends, family, local groups and "
    "pages of businesses they already know; community, events and customer service.",
    audience_zh="中国以外的各年龄段成年人,30岁以上最活跃:亲友、本地群组和熟悉的商家主页;适合社群、活动和客户服务。",
    text_limit=TextLimit("text", 63206, "chars", tp(NOTES, "63,206 characters [3P, unverified]")),
    hashtags=Hashtags("prefix", tp("https://www.facebook.com/help/587836257914341", "#tag, no space")),
    caption_links_clickable=True,
    caption_links_source=off(
        "https://developers.facebook.com/docs/graph-api/reference/page-post",
        "link attachments (external_context) and clickable URLs",
    ),
    marketing_tools=(
        MarketingTool(
            "meta_ads_manager",
            "Meta Ads Manager",
            "Meta 广告管理工具",
            ("ad",),
            "Ads on Facebook and Instagram with targeting by location, age, gender and interests.",
            "在 Facebook 和 Instagram 投放广告,可按地域、年龄、性别和兴趣定向。",
            off(ADS_HELP),
        ),
        MarketingTool(
            "meta_boost",
            "Boosted posts",
            "加热帖子",
            ("promoted_post",),
            "Pay to show a Page post to more people or to a chosen audience.",
            "付费把主页帖子推给更多人或指定受众。",
            off("https://www.facebook.com/business/help/347839548598012"),
        ),
        MarketingTool(
            "meta_custom_audiences",
            "Custom Audiences (retargeting)",
            "自定义受众(再营销)",
            ("retargeting",),
            "Reach people who visited your site, used your app, engaged with your Page or are in "
            "your customer list; and look-alikes of them.",
            "重新触达访问过网站、用过应用、与主页互动过或在客户名单中的人,以及与之相似的人群。",
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
            "Collect sign-ups in a form pre-filled from the profile, without leaving Facebook.",
            "用自动预填的表单收集报名信息,用户无需离开 Facebook。",
            off("https://www.facebook.com/business/ads/lead-ads"),
        ),
        MarketingTool(
            "facebook_events",
            "Facebook Events",
            "Facebook 活动",
            ("event",),
            "Invite people to webinars, fairs and shop events and remind them.",
            "邀请用户参加网络研讨会、展会和门店活动,并发送提醒。",
            off("https://www.facebook.com/events"),
        ),
    ),
)
