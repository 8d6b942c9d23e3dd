"""SM105 photo-on-video-platform: a brand post with pictures but no video on a video platform."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m1_platforms._common import fit_findings, profiles_where


class Options(RuleOptions):
    # Platforms whose profile sets requires_video: YouTube (the article: "YouTube is for publishing video"),
    # Douyin, TikTok and Bilibili (short- and long-video platforms whose feeds are built for video).
    video_platforms: list[str] | None = None


@rule("SM105", "photo-on-video-platform", requires=("posts",), options=Options)
def photo_on_video_platform(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """A brand post with photos but no video on a platform that is for video.

    **What it does** Finds published brand posts on YouTube, Douyin, TikTok and Bilibili (platforms whose
    profile says video is their format) whose media holds a photo or GIF but no video. Douyin's image sets
    and TikTok's photo mode exist, but their feeds are built for video. Text-only posts there are SM101's.
    One low finding per post.

    **Why it matters** The article's own example: YouTube is for video, Instagram for photos. A photo
    published to a video platform reaches almost nobody there and would have worked on a photo platform.

    **Example** The YouTube channel publishes a product photo with a caption, the Douyin account a poster
    for a promotion: one finding each; turn them into short videos, or publish the photos on Instagram,
    Pinterest or Xiaohongshu.
    """
    platforms = opts.video_platforms
    if platforms is None:
        platforms = profiles_where(lambda p: p.requires_video)
    types = pl.col("media").list.eval(pl.element().struct.field("type"))
    cand = ctx.brand_posts.filter(
        pl.col("platform").is_in(platforms)
        & types.list.eval(pl.element().is_in(["photo", "gif"])).list.any().fill_null(False)
        & ~types.list.eval(pl.element() == "video").list.any().fill_null(False)
    )
    yield from fit_findings(ctx, cand, "SM105", T("Photo on a video platform", "在视频平台上发布图片"))
