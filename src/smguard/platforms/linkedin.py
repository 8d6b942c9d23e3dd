"""LinkedIn: company pages and professional networking — B2B, hiring, expertise."""

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

NOTES = f"{FIELD_NOTES} §4 LinkedIn"
LMS = "https://www.linkedin.com/help/lms"

PROFILE = PlatformProfile(
    key="linkedin",
    name_en="LinkedIn",
    name_zh="领英(LinkedIn)",
    region="global",
    formats=("text", "photo", "video"),
    text_only="appropriate",
    text_only_source=real(NOTES, "Shares.csv: commentary with optional media or link"),
    audience_en="Professionals and decision makers: B2B buyers, job seekers, recruiters and industry peers; "
    "expertise, company news, hiring and events, in a professional tone.",
    audience_zh="职场人士和决策者:B2B 采购方、求职者、招聘者和同行;适合专业见解、公司新闻、招聘和活动,语气专业。",
    text_limit=TextLimit("text", 3000, "chars", tp(NOTES, "3,000 characters of commentary [3P, consistent]")),
    hashtags=Hashtags(
        "prefix",
        off(
            "https://learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format",
            "hashtags as {hashtag|\\#|tag}",
        ),
    ),
    caption_links_clickable=True,
    caption_links_source=real(NOTES, "Shares.csv SharedUrl"),
    marketing_tools=(
        MarketingTool(
            "linkedin_campaign_manager",
            "Campaign Manager",
            "广告管理平台(Campaign Manager)",
            ("ad",),
            "Ads targeted by job title, function, seniority, industry, company and location.",
            "按职位、职能、职级、行业、公司和地域定向的广告。",
            off(LMS),
        ),
        MarketingTool(
            "linkedin_sponsored_content",
            "Sponsored Content (boost a post)",
            "赞助内容(推广帖子)",
            ("promoted_post",),
            "Pay to show a company-page post to a chosen professional audience.",
            "付费把公司主页帖子展示给指定的职业受众。",
            off(LMS),
        ),
        MarketingTool(
            "linkedin_matched_audiences",
            "Matched Audiences (retargeting)",
            "匹配受众(再营销)",
            ("retargeting",),
            "Retarget site visitors and reach contact or company lists.",
            "再次触达网站访客,或按联系人、公司名单投放。",
            off("https://business.linkedin.com/marketing-solutions/ad-targeting/matched-audiences"),
        ),
        MarketingTool(
            "linkedin_lead_gen_forms",
            "Lead Gen Forms",
            "线索收集表单",
            ("lead_form",),
            "Forms pre-filled from the member's profile.",
            "用会员资料自动预填的表单。",
            off("https://business.linkedin.com/marketing-solutions/native-advertising/lead-gen-ads"),
        ),
        MarketingTool(
            "linkedin_events",
            "LinkedIn Events",
            "领英活动",
            ("event",),
            "Invite followers to webinars and fairs, with reminders.",
            "邀请关注者参加网络研讨会和展会,并发送提醒。",
            off("https://www.linkedin.com/help/linkedin/answer/a547985"),
        ),
        MarketingTool(
            "linkedin_sales_navigator",
            "Sales Navigator (people search)",
            "销售导航(人员搜索)",
            ("audience_search",),
            "Search people and companies by role, industry, size and location.",
            "按职位、行业、规模和地域搜索人员和公司。",
            off("https://business.linkedin.com/sales-solutions"),
        ),
    ),
)
