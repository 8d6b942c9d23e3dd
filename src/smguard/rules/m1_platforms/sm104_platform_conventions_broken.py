"""SM104 platform-conventions-broken: hashtag syntax of another platform, too many hashtags, dead links."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.platforms import all_profiles
from smguard.platforms.counting import URL_HINT_PATTERN
from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m1_platforms._common import fit_findings

_WRAPPED_HINT = r"[#＃][^\s#＃]{1,40}[#＃]"
_VALID_PAIR = r"[#＃][^#＃\s](?:[^#＃\n]{0,62}[^#＃\s])?[#＃]"
CHECKS = ("hashtag-unclosed", "hashtag-wrapped", "too-many-hashtags", "link-not-clickable")


class Options(RuleOptions):
    # Which conventions to check (all by default):
    # - hashtag-unclosed: Weibo topics are #话题# with a # on both sides (field notes §8)
    # - hashtag-wrapped: #tag# on a #tag platform (X, Instagram, TikTok, Facebook, LinkedIn, YouTube)
    # - too-many-hashtags: over the platform's cap in force that day (Instagram 5 from 2025-12-19, else 30;
    #   TikTok 5 from 2025-08; YouTube 60 — more and all are ignored)
    # - link-not-clickable: a URL in the caption where captions have no links (Instagram, TikTok, Douyin,
    #   Xiaohongshu)
    checks: list[str] = list(CHECKS)


@rule("SM104", "platform-conventions-broken", requires=("posts",), options=Options)
def platform_conventions_broken(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """A brand post that breaks its platform's conventions: hashtag syntax, hashtag cap, unclickable links.

    **What it does** Checks each published brand post against its platform's profile: on Weibo, a topic
    opened with ``#`` and never closed (``#春季新品 快来看``, or X-style ``#tag``); on X, Instagram, TikTok,
    Facebook, LinkedIn and YouTube, Weibo-style ``#话题#``; more hashtags than the platform allows on the day
    of the post (Instagram 5 since 19 December 2025, before that 30; TikTok 5 since August 2025; YouTube
    60); a URL typed into the caption on Instagram, TikTok, Douyin or Xiaohongshu, where captions show
    links as plain text. One finding per post listing every broken convention; medium when the platform
    ignores or refuses it (hashtag caps), low otherwise.

    **Why it matters** Conventions are how a platform's audience finds and acts on a post. An unclosed
    Weibo topic joins no topic page; a dead URL on Instagram asks readers to retype it, and most won't; over
    the cap, the hashtags are refused or all ignored. Each is the mark of a post written for another
    platform.

    **Example** An Instagram post "Spring menu → https://acme.example/spring #coffee" gets a low finding:
    the link is not clickable, point to the link in bio instead.
    """
    checks = set(opts.checks) & set(CHECKS)
    if not checks:
        return
    # Narrow in Polars (a superset of what check_post_fit will find), then decide per post.
    text = pl.col("text").fill_null("")
    n_hash = text.str.count_matches("[#＃]")
    conds = []
    for key, prof in all_profiles().items():
        on = pl.col("platform") == key
        hs = prof.hashtags
        if hs.style == "wrapped" and "hashtag-unclosed" in checks:
            # a "#" left once well-formed #topic# pairs are removed, or a mark that the exact check
            # treats specially (C#, #302) and that could shift the pairing
            leftover = text.str.replace_all(_VALID_PAIR, "").str.contains(r"[#＃]\S")
            conds.append(on & (n_hash > 0) & (leftover | text.str.contains(r"[A-Za-z0-9][#＃]|[#＃]\d")))
        if hs.style == "prefix":
            if "hashtag-wrapped" in checks:
                conds.append(on & text.str.contains(_WRAPPED_HINT))
            if hs.caps and "too-many-hashtags" in checks:
                conds.append(on & (n_hash > min(c.max for c in hs.caps)))
        if prof.caption_links_clickable is False and "link-not-clickable" in checks:
            conds.append(on & text.str.contains(URL_HINT_PATTERN))
    if not conds:
        return
    cond = pl.any_horizontal(conds)
    cand = ctx.brand_posts.filter(cond)
    yield from fit_findings(
        ctx, cand, "SM104", T("Platform conventions broken", "不符合平台惯例"), codes=checks
    )
