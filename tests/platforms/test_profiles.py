"""Platform profiles: every contract platform has one, facts carry sources, tools map to campaign kinds."""

from __future__ import annotations

import json
from datetime import date

import pytest

from smguard.dataset.schema import CAMPAIGN_KINDS, PLATFORMS
from smguard.platforms import PLATFORM_KEYS, PlatformProfile, all_profiles, get_profile

TRUST = {"official", "real", "third-party", "guess"}


def test_one_profile_per_contract_platform():
    assert set(PLATFORM_KEYS) == set(PLATFORMS)
    profiles = all_profiles()
    assert list(profiles) == list(PLATFORM_KEYS)
    for key, prof in profiles.items():
        assert isinstance(prof, PlatformProfile)
        assert prof.key == key
        assert prof.name_en and prof.name_zh and prof.audience_en and prof.audience_zh


def test_unknown_platform_falls_back_to_other():
    assert get_profile("mastodon").key == "other"
    assert get_profile(None).key == "other"
    assert get_profile("Twitter").key == "x"
    assert get_profile("WEIBO").key == "weibo"


@pytest.mark.parametrize("key", PLATFORM_KEYS)
def test_every_fact_has_a_source_with_a_trust_level(key):
    prof = get_profile(key)
    sources = [prof.text_only_source, prof.hashtags.source]
    if prof.text_limit:
        sources.append(prof.text_limit.source)
    sources += [lim.source for lim in prof.other_limits]
    sources += [c.source for c in prof.hashtags.caps]
    if prof.video:
        sources.append(prof.video.source)
    if prof.caption_links_clickable is not None:
        sources.append(prof.caption_links_source)
    sources += [t.source for t in prof.marketing_tools]
    for s in sources:
        assert s is not None and s.trust in TRUST, (key, s)
        assert s.trust == "guess" or s.ref, (key, s)


@pytest.mark.parametrize("key", PLATFORM_KEYS)
def test_marketing_tools_use_contract_campaign_kinds(key):
    prof = get_profile(key)
    keys = [t.key for t in prof.marketing_tools]
    assert len(keys) == len(set(keys))
    for tool in prof.marketing_tools:
        assert tool.campaign_kinds and set(tool.campaign_kinds) <= set(CAMPAIGN_KINDS), tool.key
        assert tool.name_en and tool.name_zh and tool.what_en and tool.what_zh


def test_named_tools_exist():
    expected = {
        "weibo": {"weibo_super_fensitong", "weibo_audience_search"},
        "wechat": {"wechat_tencent_ads", "wechat_moments_ads"},
        "douyin": {"douyin_dou_plus", "douyin_ocean_engine", "douyin_qianchuan"},
        "xiaohongshu": {"xhs_juguang", "xhs_shutiao"},
        "bilibili": {"bili_huahuo", "bili_qifei"},
        "facebook": {
            "meta_ads_manager",
            "meta_custom_audiences",
            "meta_boost",
            "facebook_events",
            "meta_lead_ads",
        },
        "x": {"x_ads"},
        "linkedin": {
            "linkedin_campaign_manager",
            "linkedin_matched_audiences",
            "linkedin_lead_gen_forms",
            "linkedin_events",
        },
        "youtube": {"google_ads_video"},
        "pinterest": {"pinterest_ads"},
        "tiktok": {"tiktok_ads_manager", "tiktok_promote"},
    }
    for key, tools in expected.items():
        assert tools <= {t.key for t in get_profile(key).marketing_tools}, key
    assert get_profile("other").marketing_tools == ()


def test_tools_for_kind():
    assert [t.key for t in get_profile("weibo").tools_for_kind("audience_search")] == [
        "weibo_audience_search"
    ]
    assert "meta_custom_audiences" in {t.key for t in get_profile("facebook").tools_for_kind("retargeting")}
    assert get_profile("other").tools_for_kind("ad") == ()
    with pytest.raises(KeyError):
        get_profile("x").tool("nope")


def test_visual_platforms_are_the_articles():
    visual = {k for k, p in all_profiles().items() if p.is_visual}
    assert visual == {"youtube", "instagram", "douyin", "tiktok", "pinterest", "xiaohongshu", "bilibili"}
    assert get_profile("youtube").requires_video
    assert {k for k, p in all_profiles().items() if p.requires_video} == {
        "youtube",
        "douyin",
        "tiktok",
        "bilibili",
    }


def test_limits_and_counting():
    assert (get_profile("x").text_limit.max, get_profile("x").text_limit.counting) == (280, "x_weighted")
    yt = get_profile("youtube")
    assert (yt.text_limit.max, yt.text_limit.counting) == (5000, "utf8_bytes")
    assert {lim.field: lim.max for lim in yt.other_limits}["title"] == 100
    assert get_profile("instagram").text_limit.max == 2200
    assert get_profile("linkedin").text_limit.max == 3000
    wb = get_profile("weibo").text_limit
    assert (wb.max, wb.fold_at, wb.counting) == (2000, 140, "weibo")


def test_hashtag_rules():
    assert get_profile("weibo").hashtags.style == "wrapped"
    assert get_profile("x").hashtags.style == "prefix"
    ig = get_profile("instagram").hashtags
    assert ig.cap_at(date(2025, 12, 18)).max == 30
    assert ig.cap_at(date(2025, 12, 19)).max == 5
    assert ig.cap_at(None).max == 5
    assert get_profile("x").hashtags.cap_at(None) is None


def test_caption_links():
    for key in ("instagram", "tiktok", "douyin", "xiaohongshu"):
        assert get_profile(key).caption_links_clickable is False, key
    for key in ("x", "weibo", "facebook", "linkedin", "youtube"):
        assert get_profile(key).caption_links_clickable is True, key


def test_profiles_are_frozen_and_json_ready():
    prof = get_profile("instagram")
    with pytest.raises(AttributeError):
        prof.key = "x"  # type: ignore[misc]
    data = json.loads(json.dumps(prof.to_dict(), ensure_ascii=False))
    assert data["key"] == "instagram" and data["is_visual"] is True
    assert data["hashtags"]["caps"][1]["since"] == "2025-12-19"
    assert data["marketing_tools"][0]["campaign_kinds"]
