"""SM102 text-over-platform-limit: a brand post longer than its platform allows, counted the platform's way."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.platforms import all_profiles
from smguard.platforms.counting import URL_HINT_PATTERN, X_HEAVY_PATTERN, X_URL_LENGTH
from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m1_platforms._common import fit_findings


class Options(RuleOptions):
    # Limits and counting come from the platform profiles (smguard.platforms.*): X 280 weighted characters
    # (developer.x.com/en/docs/counting-characters), Instagram 2,200, LinkedIn 3,000, TikTok 2,200,
    # Pinterest 800, Xiaohongshu 1,000, Weibo 2,000 字, WeChat 20,000, YouTube 5,000 bytes, Facebook 63,206.
    # Limits whose source is only a guess (Bilibili) are never reported.
    pass


@rule("SM102", "text-over-platform-limit", requires=("posts",), options=Options)
def text_over_platform_limit(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """A brand post whose text is longer than its platform's limit, counted the way the platform counts.

    **What it does** Measures every published brand post with its platform's own counting: on X, Chinese,
    Japanese and Korean characters and emoji weigh 2 and every link 23 against a limit of 280; Weibo counts
    two half-width characters as one 字 (limit 2,000); YouTube descriptions are limited to 5,000 UTF-8
    bytes; Instagram, LinkedIn, TikTok, Pinterest, Xiaohongshu and WeChat count characters. One medium
    finding per post over the limit, naming the length and the limit. Text past Weibo's 140-字 fold is only
    a tip in the composer, not a finding.

    **Why it matters** Text written once and pasted everywhere is cut off, refused by the platform's API,
    or truncated mid-sentence with the call to action lost. A 200-character Chinese sentence fits Weibo but
    is 400 on X.

    **Example** An X post of 150 Chinese characters weighs 300: one finding "Text is 300 weighted
    characters on X; the limit is 280".
    """
    posts = ctx.brand_posts
    conds = []
    for key, prof in all_profiles().items():
        lim = prof.text_limit
        if lim is None or lim.source.trust == "guess":
            continue
        text = pl.col("text").fill_null("")
        if lim.counting == "utf8_bytes":
            over = text.str.len_bytes() > lim.max
        elif lim.counting == "x_weighted":
            # every code point weighs 1, the heavy ones 1 more; each possible link adds at most 23
            bound = (
                text.str.len_chars()
                + text.str.count_matches(X_HEAVY_PATTERN)
                + text.str.count_matches(URL_HINT_PATTERN) * X_URL_LENGTH
            )
            over = bound > lim.max
        else:  # chars, weibo: the count never exceeds the number of code points
            over = text.str.len_chars() > lim.max
        conds.append((pl.col("platform") == key) & over)
    if not conds:
        return
    cand = posts.filter(pl.any_horizontal(conds))
    yield from fit_findings(
        ctx,
        cand,
        "SM102",
        T("Text over the platform's limit", "文字超出平台字数上限"),
        codes={"text-over-limit"},
    )
