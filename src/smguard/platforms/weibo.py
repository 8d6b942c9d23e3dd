"""Weibo (微博): China's public square — trending topics, news, celebrities and brand announcements."""

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
    real,
    tp,
)

NOTES = f"{FIELD_NOTES} §8 Weibo"

PROFILE = PlatformProfile(
    key="weibo",
    name_en="Weibo",
    name_zh="微博",
    region="cn",
    formats=("text", "photo", "video"),
    text_only="appropriate",
    text_only_source=real(NOTES, "real statuses are text, text with pictures, or video"),
    audience_en="A broad, mostly young and urban Chinese public following news, trending topics (热搜), "
    "celebrities and brands; fast, public conversation and reposts.",
    audience_zh="面向广泛的中国公众,以年轻和城市用户为主,关注新闻、热搜、明星和品牌;讨论公开、节奏快、转发多。",
    text_limit=TextLimit(
        "text",
        2000,
        "weibo",
        tp(NOTES, "long posts: 2,000 字 [3P, unverified]"),
        fold_at=140,
        fold_source=off(
            "https://open.weibo.com/wiki/2/statuses/update",
            'status text "不超过140个汉字"; longer posts are folded behind 全文',
        ),
    ),
    media=MediaLimits(
        max_photos=18,
        source=guess(
            "9 pictures appear in a real sample (field notes §8); 18 is the current app maximum, unverified"
        ),
    ),
    hashtags=Hashtags("wrapped", tp(NOTES, "topics are written #话题#, with a # on both sides")),
    caption_links_clickable=True,
    caption_links_source=real(NOTES, "links become t.cn short URLs"),
    marketing_tools=(
        MarketingTool(
            "weibo_super_fensitong",
            "Super Fensitong (Weibo feed ads)",
            "超级粉丝通",
            ("ad", "retargeting", "lead_form"),
            "Feed ads targeted by location, age, gender, interests and look-alikes of your followers; can "
            "re-reach people who engaged before.",
            "信息流广告,可按地域、年龄、性别、兴趣和粉丝相似人群定向,也可再次触达互动过的用户。",
            off("https://ad.weibo.com/"),
        ),
        MarketingTool(
            "weibo_fans_headline",
            "Fans Headline (promote a post)",
            "粉丝头条",
            ("promoted_post",),
            "Pins one post to the top of followers' (and similar users') feeds for a day.",
            "把一条微博置顶到粉丝(及相似用户)信息流的最前面。",
            tp("https://weibo.com/", "Weibo's post-promotion product"),
        ),
        MarketingTool(
            "weibo_audience_search",
            "Weibo user search by location, age, gender and interests",
            "微博找人(按地域、年龄、性别、兴趣搜索用户)",
            ("audience_search",),
            "Find users by where they live, age, gender and hobbies, so the message reaches the people who "
            "need it (the article's Weibo example).",
            "按所在地、年龄、性别甚至爱好搜索用户,把信息送到最需要的人面前(原文中的微博例子)。",
            guess("the article's example of a Weibo follower-search tool", "shared/ARTICLE.md §4"),
        ),
        MarketingTool(
            "weibo_events",
            "Weibo campaigns and events (微博活动)",
            "微博活动",
            ("event",),
            "Invitations to webinars, fairs and lucky draws promoted in the feed.",
            "在信息流中推广研讨会、展会邀请和抽奖活动。",
            guess(
                "the article mentions promoting webinar and trade-fair invitations", "shared/ARTICLE.md §4"
            ),
        ),
    ),
)
