"""SM103 same-text-everywhere: one text pushed unchanged to many platforms at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import polars as pl

from smguard.platforms import get_profile
from smguard.platforms.fit import snippet
from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext

# Normalisation (Rust regex, run by Polars over the whole table): NFKC folds full-width letters and ＃;
# then case, links, hashtags (#话题# and #tag), @mentions, and everything that is not a letter or a digit
# (spaces, punctuation, emoji) are dropped, so "Spring menu! #coffee https://a.example/x" and
# "spring menu #咖啡# t.cn/abc" compare equal.
_URL = r"(?i)https?://[\x21-\x7e]+|www\.[\x21-\x7e]+|(?-u:\b)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[\x21-\x7e]*)?"
_WRAPPED_TAG = r"#[^#\n]{1,64}#"
_TAG = r"#[\p{L}\p{N}_]+"
_MENTION = r"@[\p{L}\p{N}_.\-]+"
_NON_WORD = r"[^\p{L}\p{N}]+"


def normalised_text(col: pl.Expr) -> pl.Expr:
    """The text reduced to what a reader would call "the same text" (vectorised)."""
    return (
        col.fill_null("")
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(_URL, " ")
        .str.replace_all(_WRAPPED_TAG, " ")
        .str.replace_all(_TAG, " ")
        .str.replace_all(_MENTION, " ")
        .str.replace_all(_NON_WORD, "")
    )


class Options(RuleOptions):
    # "Many platforms at once": the same text on at least this many different platforms … (the article's
    # mistake 1: treating every platform the same; issue 2: "the same content pushed to many platforms at
    # once instead of adapted"). A brand present on only two platforms is held to two.
    min_platforms: int = 3
    # … published within this many hours of the first of them ("at once": one day covers cross-posting
    # tools and a marketer pasting the text by hand over the day).
    window_hours: float = 24.0
    # Texts shorter than this after normalisation (letters and digits only) are too short to call copied
    # ("早安", "Thank you!") unless the posts also share the same media files.
    min_chars: int = 10


@rule("SM103", "same-text-everywhere", requires=("posts",), options=Options)
def same_text_everywhere(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """The same text published by brand accounts on several platforms at once instead of adapted to each.

    **What it does** Reduces every published brand post's text to its words (case, spacing, punctuation,
    emoji, links, hashtags and @mentions removed; full-width letters folded) and groups identical results.
    A group whose posts cover at least ``min_platforms`` different platforms (3; 2 for a brand on only two
    platforms) within ``window_hours`` (24 h) of its first post is one medium finding; its evidence is
    every post of the group. Texts under ``min_chars`` (10) letters and digits count only when the posts
    also carry the very same media files (``media`` ``id`` or ``url``): one uncaptioned video uploaded
    unchanged everywhere.

    **Why it matters** Each platform has its own audience, format and length: what reads well on Weibo is
    too long for X, lacks a picture for Instagram and sounds wrong on LinkedIn. One text pasted everywhere
    is the clearest sign of treating all platforms the same — and followers who follow the brand in two
    places see it twice.

    **Example** "Our spring menu is here — 20% off this weekend! https://acme.example/spring" posted within
    ten minutes to Weibo, X, Facebook and LinkedIn (hashtags differ): one finding with four posts. The same
    news rewritten for each platform is fine.
    """
    posts = ctx.brand_posts
    if posts.height == 0:
        return
    brand_platforms = posts["platform"].n_unique()
    need = max(2, min(opts.min_platforms, brand_platforms))
    media_ids = (
        pl.col("media")
        .list.eval(pl.coalesce(pl.element().struct.field("id"), pl.element().struct.field("url")))
        .list.drop_nulls()
        .list.sort()
        .list.join(",")
    )
    keyed = posts.select("id", "account_id", "platform", "created_at", "date", "text", "media").with_columns(
        normalised_text(pl.col("text")).alias("_norm"), media_ids.fill_null("").alias("_media")
    )
    # A text long enough is compared by itself; a short or empty caption counts only together with the
    # very same media files (the contract's media id/url), e.g. one video with no caption uploaded to
    # five platforms.
    long_enough = pl.col("_norm").str.len_chars() >= opts.min_chars
    keyed = keyed.filter(long_enough | (pl.col("_media") != "")).with_columns(
        pl.when(long_enough)
        .then(pl.lit("t:") + pl.col("_norm"))
        .otherwise(pl.lit("m:") + pl.col("_media") + pl.lit("|") + pl.col("_norm"))
        .alias("_key")
    )
    groups = keyed.group_by("_key").agg(pl.col("platform").n_unique().alias("_np"))
    keys = groups.filter(pl.col("_np") >= need)["_key"]
    if keys.len() == 0:
        return
    cand = keyed.filter(pl.col("_key").is_in(keys.implode())).sort("_key", "created_at", "id")
    window = timedelta(hours=opts.window_hours)
    for _key, grp in cand.group_by("_key", maintain_order=True):
        rows = grp.to_dicts()
        i = 0
        while i < len(rows):
            start = rows[i]["created_at"]
            j = i
            while j < len(rows) and rows[j]["created_at"] - start <= window:
                j += 1
            cluster = rows[i:j]
            plats = list(dict.fromkeys(r["platform"] for r in cluster))
            if len(plats) >= need:
                yield _finding(cluster, plats, opts)
                i = j
            else:
                i += 1


def _finding(cluster: list[dict], plats: list[str], opts: Options) -> Finding:
    first = cluster[0]
    quote = snippet(first["text"], 40) or "(no text; same media)"
    names_en = ", ".join(get_profile(p).name_en for p in plats)
    names_zh = "、".join(get_profile(p).name_zh for p in plats)
    span_min = (cluster[-1]["created_at"] - first["created_at"]).total_seconds() / 60
    when_en = f"within {span_min:.0f} minutes" if span_min < 120 else f"within {span_min / 60:.1f} hours"
    when_zh = f"{span_min:.0f} 分钟内" if span_min < 120 else f"{span_min / 60:.1f} 小时内"
    accounts = list(dict.fromkeys(r["account_id"] for r in cluster))
    return Finding(
        severity="medium",
        title=T("Same text pushed to many platforms", "同一文案推送到多个平台"),
        message=T(
            f"“{quote}” was published unchanged on {len(plats)} platforms ({names_en}) {when_en} "
            f"from {first['date']}: posts {', '.join(str(r['id']) for r in cluster)}.",
            f"“{quote}”自 {first['date']} 起{when_zh}原样发布到 {len(plats)} 个平台({names_zh}):"
            f"帖子 {'、'.join(str(r['id']) for r in cluster)}。",
        ),
        recommendation=T(
            "Adapt the message to each platform: a short hook and link for X, #话题# and a picture for Weibo, "
            "a photo or Reel with the link in bio for Instagram, a professional angle for LinkedIn, a video "
            "for YouTube, Douyin and TikTok.",
            "针对每个平台改写:X 用简短的开头加链接,微博配图并使用 #话题#,Instagram 用照片或 Reels 并把链接放在主页简介,"
            "领英换成专业视角,YouTube、抖音和 TikTok 做成视频。",
        ),
        account_id=accounts[0] if len(accounts) == 1 else None,
        evidence=[Evidence.post(str(r["id"])) for r in cluster],
        data={
            "platforms": plats,
            "accounts": accounts,
            "posts": len(cluster),
            "min_platforms": opts.min_platforms,
            "window_hours": opts.window_hours,
        },
    )
