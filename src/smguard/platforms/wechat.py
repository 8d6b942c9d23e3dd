"""WeChat Official Accounts (微信公众号): long-form articles pushed to subscribers, plus Moments ads."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    MarketingTool,
    MediaLimits,
    PlatformProfile,
    TextLimit,
    guess,
    off,
)

NOTES = f"{FIELD_NOTES} §9 WeChat"
DRAFT_API = "https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add"

PROFILE = PlatformProfile(
    key="wechat",
    name_en="WeChat Official Account",
    name_zh="微信公众号",
    region="cn",
    formats=("text", "photo", "video"),
    text_only="appropriate",
    text_only_source=off(DRAFT_API, "article_type news (an article) or newspic (picture message)"),
    audience_en="Subscribers who chose to follow the account: existing customers and fans in a closed, "
    "private network; they read long articles and share them in chats and Moments.",
    audience_zh="主动关注的订阅用户:现有客户和粉丝,处于相对封闭的私域;阅读长文并转发到聊天和朋友圈。",
    text_limit=TextLimit("text", 20000, "chars", off(DRAFT_API, "content < 20,000 characters and < 1 MB")),
    other_limits=(
        TextLimit("title", 32, "chars", off(DRAFT_API, "title ≤ 32 字")),
        TextLimit("digest", 128, "chars", off(DRAFT_API, "digest ≤ 128 字")),
    ),
    media=MediaLimits(source=off(DRAFT_API, "a multi-article message holds up to 8 articles")),
    caption_links_clickable=None,
    caption_links_source=guess("external links inside articles are restricted; not verified"),
    marketing_tools=(
        MarketingTool(
            "wechat_tencent_ads",
            "Tencent Ads (Guangdiantong)",
            "腾讯广告(广点通)",
            ("ad", "retargeting", "lead_form", "audience_search"),
            "Tencent's ad platform across WeChat and QQ: targeting by location, age, gender and interests, "
            "custom audiences, retargeting and lead forms.",
            "腾讯的广告平台,覆盖微信和QQ:按地域、年龄、性别、兴趣定向,支持自定义人群、再营销和线索表单。",
            off("https://e.qq.com/"),
        ),
        MarketingTool(
            "wechat_moments_ads",
            "WeChat Moments ads",
            "朋友圈广告",
            ("ad", "promoted_post"),
            "Ads that look like a friend's post in Moments, targeted by place, age, gender and interests.",
            "以朋友动态形式出现在朋友圈的广告,可按地域、年龄、性别和兴趣定向。",
            off("https://e.qq.com/"),
        ),
        MarketingTool(
            "wechat_oa_ads",
            "Official Account ads",
            "公众号广告",
            ("ad", "promoted_post"),
            "Ads at the bottom of, or inside, other accounts' articles; promote an account or an article.",
            "出现在其他公众号文章底部或文中的广告,用于推广公众号或文章。",
            off("https://e.qq.com/"),
        ),
        MarketingTool(
            "wechat_channels_live",
            "Channels live streams and events",
            "视频号直播与活动",
            ("event",),
            "Live streams and event bookings through WeChat Channels.",
            "通过视频号开展直播和活动预约。",
            guess("WeChat Channels live-stream reservations"),
        ),
    ),
)
