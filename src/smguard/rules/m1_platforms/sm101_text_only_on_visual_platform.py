"""SM101 text-only-on-visual-platform: a brand post without a photo or video on a platform built for them."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.platforms.fit import VISUAL_MEDIA
from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m1_platforms._common import fit_findings, profiles_where


class Options(RuleOptions):
    # Platforms where a post needs a photo or video. Default: every profile whose text_only is "weak" or
    # "impossible" with a verified source — YouTube, Instagram, Douyin, TikTok, Pinterest, Xiaohongshu,
    # Bilibili (the article: "YouTube is for video, Instagram is the best choice for photos").
    visual_platforms: list[str] | None = None


@rule("SM101", "text-only-on-visual-platform", requires=("posts",), options=Options)
def text_only_on_visual_platform(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """A brand post with no photo or video on a platform built for photos or video.

    **What it does** Finds published brand posts on YouTube, Instagram, Douyin, TikTok, Pinterest,
    Xiaohongshu and Bilibili (the platforms whose profile says text-only posts are impossible or weak) whose
    ``media`` holds no ``photo``, ``video`` or ``gif`` — a bare caption, a link card or a document. One
    finding per post: medium where the platform requires a picture or video (Instagram, Douyin, Pinterest,
    Xiaohongshu), low where text posts exist but miss the audience (YouTube, TikTok, Bilibili).

    **Why it matters** Each platform has its own audience and format. People open YouTube and Bilibili to
    watch, Instagram and Xiaohongshu to look; a paragraph of text written for Weibo or a press release is
    scrolled past, or cannot be published at all. Pasting the same text everywhere is the first sign of
    treating all platforms the same.

    **Example** The Instagram account posts "Our spring menu is here! Visit acme.example/menu" with no
    photo: one medium finding naming that post. A Reel with the same caption is fine.
    """
    platforms = opts.visual_platforms
    if platforms is None:
        platforms = profiles_where(lambda p: p.is_visual and p.text_only_source.trust != "guess")
    posts = ctx.brand_posts
    visual = pl.col("media").list.eval(pl.element().struct.field("type").is_in(list(VISUAL_MEDIA))).list.any()
    cand = posts.filter(pl.col("platform").is_in(platforms) & ~visual.fill_null(False))
    yield from fit_findings(
        ctx, cand, "SM101", T("Text-only post on a photo/video platform", "在图片/视频平台上发布纯文字内容")
    )
