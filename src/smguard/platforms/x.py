"""X (formerly Twitter): short public posts, news and real-time conversation."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    Hashtags,
    MarketingTool,
    MediaLimits,
    PlatformProfile,
    TextLimit,
    VideoRange,
    off,
    real,
    tp,
)

NOTES = f"{FIELD_NOTES} §1 X"
COUNTING = "https://developer.x.com/en/docs/counting-characters"
MEDIA = "https://github.com/xdevplatform/docs x-api/media/quickstart/best-practices.mdx"

PROFILE = PlatformProfile(
    key="x",
    name_en="X (Twitter)",
    name_zh="X(推特)",
    region="global",
    formats=("text", "photo", "video"),
    text_only="appropriate",
    text_only_source=real(NOTES, "most real posts are text, often with a link"),
    audience_en="News-minded adults, journalists, tech and business people outside China following events "
    "in real time; short, witty, conversational posts and fast public customer care.",
    audience_zh="中国以外关注时事的成年人、记者、科技和商业人士,实时追踪事件;偏好简短、机智、对话式的内容和"
    "快速的公开客服。",
    text_limit=TextLimit(
        "text",
        280,
        "x_weighted",
        off(
            COUNTING,
            "280 weighted: CJK characters and emoji count 2, every URL 23; Premium long posts are "
            'cut at 280 with "Show more"',
        ),
    ),
    media=MediaLimits(max_photos=4, max_videos=1, source=off(MEDIA, "4 photos, or 1 GIF, or 1 video")),
    video=VideoRange(
        0.5,
        125 * 60,
        off(MEDIA, "0.5 s–20 min by default, up to 125 min for Premium"),
        "the upper bound is Premium's; 20 minutes without it",
    ),
    hashtags=Hashtags(
        "prefix",
        off("https://github.com/twitter/twitter-text", "#tag ends at a space or punctuation"),
        recommended_max=2,
        recommended_source=tp("https://help.x.com/en/using-x/how-to-use-hashtags", "no more than 2 hashtags"),
    ),
    caption_links_clickable=True,
    caption_links_source=off(COUNTING, "links are wrapped in t.co and clickable"),
    marketing_tools=(
        MarketingTool(
            "x_ads",
            "X Ads",
            "X 广告",
            ("ad",),
            "Ads targeted by location, language, age, gender, interests, keywords and followers.",
            "按地域、语言、年龄、性别、兴趣、关键词和关注者定向的广告。",
            off("https://ads.x.com/"),
        ),
        MarketingTool(
            "x_promoted_posts",
            "Promoted posts",
            "推广帖子",
            ("promoted_post",),
            "Pay to show an existing post to a chosen audience.",
            "付费把已发布的帖子展示给指定受众。",
            off("https://business.x.com/en/advertising"),
        ),
        MarketingTool(
            "x_custom_audiences",
            "Custom Audiences (retargeting)",
            "自定义受众(再营销)",
            ("retargeting",),
            "Reach site visitors, customer lists and people who engaged with your posts.",
            "触达网站访客、客户名单以及与帖子互动过的人。",
            off("https://business.x.com/en/help/campaign-setup/campaign-targeting/custom-audiences"),
        ),
        MarketingTool(
            "x_audience_targeting",
            "Keyword and follower look-alike targeting",
            "关键词与相似关注者定向",
            ("audience_search",),
            "Find people by what they post about and whom they follow.",
            "按用户发布的话题和关注的账号寻找受众。",
            off("https://business.x.com/en/help/campaign-setup/campaign-targeting"),
        ),
    ),
)
