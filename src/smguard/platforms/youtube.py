"""YouTube: video — tutorials, reviews, entertainment and search — with long-lived discovery."""

from __future__ import annotations

from smguard.platforms.base import (
    FIELD_NOTES,
    HashtagCap,
    Hashtags,
    MarketingTool,
    PlatformProfile,
    TextLimit,
    VideoRange,
    off,
    tp,
)

NOTES = f"{FIELD_NOTES} §5 YouTube"
VIDEOS = "https://developers.google.com/youtube/v3/docs/videos#properties"
HASHTAGS = "https://support.google.com/youtube/answer/6390658"

PROFILE = PlatformProfile(
    key="youtube",
    name_en="YouTube",
    name_zh="YouTube(油管)",
    region="global",
    formats=("video",),
    text_only="weak",
    requires_video=True,
    requires_video_source=tp("shared/ARTICLE.md §1", "the article: YouTube is for publishing video"),
    text_only_source=tp(
        "shared/ARTICLE.md §1",
        "the article: YouTube is for publishing video; community "
        "posts exist but the audience comes for video",
    ),
    audience_en="Almost everyone online outside China, searching and watching video: how-tos, reviews, "
    "entertainment, music; videos keep being found through search for years.",
    audience_zh="几乎所有中国以外的网民,通过搜索观看视频:教程、测评、娱乐、音乐;视频可通过搜索被持续发现多年。",
    text_limit=TextLimit("text", 5000, "utf8_bytes", off(VIDEOS, "description: 5,000 bytes, no < or >")),
    other_limits=(TextLimit("title", 100, "chars", off(VIDEOS, "title: 100 characters")),),
    video=VideoRange(None, 12 * 3600, tp(NOTES, "15 min for unverified accounts, 12 h for verified")),
    hashtags=Hashtags(
        "prefix",
        off(HASHTAGS, "#tag in the title or description"),
        caps=(
            HashtagCap(
                60,
                None,
                off(HASHTAGS, "over 60 hashtags: YouTube ignores all hashtags of the video"),
                "YouTube ignores every hashtag of a video that has more than 60",
                "视频话题标签超过60个时,YouTube 会忽略全部标签",
            ),
        ),
        recommended_max=15,
        recommended_source=tp(NOTES, "recent third-party sources: over 15 and all are ignored (conflicting)"),
    ),
    caption_links_clickable=True,
    caption_links_source=off(VIDEOS, "links in descriptions are clickable"),
    marketing_tools=(
        MarketingTool(
            "google_ads_video",
            "Google Ads video campaigns",
            "Google Ads 视频广告",
            ("ad",),
            "In-stream and in-feed video ads with audience targeting.",
            "插播和信息流视频广告,可定向受众。",
            off("https://support.google.com/google-ads/answer/6340491"),
        ),
        MarketingTool(
            "youtube_promote",
            "Promote (boost a video)",
            "推广视频",
            ("promoted_post",),
            "Pay from YouTube Studio to show a video or Short to more people.",
            "在 YouTube 工作室付费把视频或 Shorts 推给更多人。",
            off("https://support.google.com/youtube/answer/13662007"),
        ),
        MarketingTool(
            "youtube_remarketing",
            "Remarketing and Customer Match",
            "再营销与客户匹配",
            ("retargeting",),
            "Reach people who watched your videos or visited your channel, and your customer lists.",
            "触达看过视频或访问过频道的人,以及客户名单。",
            off("https://support.google.com/google-ads/answer/2545661"),
        ),
        MarketingTool(
            "google_ads_audiences",
            "Audience segments (demographics, interests)",
            "受众群体(人口属性、兴趣)",
            ("audience_search",),
            "Choose viewers by age, gender, location, interests and life events.",
            "按年龄、性别、地域、兴趣和人生大事选择观众。",
            off("https://support.google.com/google-ads/answer/2497941"),
        ),
        MarketingTool(
            "youtube_lead_forms",
            "Lead form assets",
            "潜在客户表单",
            ("lead_form",),
            "Collect sign-ups from a video ad.",
            "在视频广告中收集报名信息。",
            off("https://support.google.com/google-ads/answer/9423234"),
        ),
        MarketingTool(
            "youtube_premieres_live",
            "Premieres and live streams",
            "首播与直播",
            ("event",),
            "Scheduled premieres and live streams with reminders.",
            "带提醒的首播和直播。",
            off("https://support.google.com/youtube/answer/9080341"),
        ),
    ),
)
