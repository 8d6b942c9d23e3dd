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
    # Two longer texts (24+ letters and digits) that differ in one place only, are this alike (2 × shared
    # start and end / total length) and were published within near_window_hours of each other count as the
    # same text: an added "Link in bio", a changed word. 0.9 ≈ one word in ten differs; 1.0 compares
    # identical texts only. The window is shorter than for identical texts because brands reuse sentence
    # templates ("Thank you for your patience at {store}") day after day; pushed "at once" means minutes.
    min_similarity: float = 0.9
    near_window_hours: float = 2.0


@rule("SM103", "same-text-everywhere", requires=("posts",), options=Options)
def same_text_everywhere(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """The same text published by brand accounts on several platforms at once instead of adapted to each.

    **What it does** Reduces every published brand post's text to its words (case, spacing, punctuation,
    emoji, links, hashtags and @mentions removed; full-width letters folded) and groups identical results;
    longer texts that are at least ``min_similarity`` (0.9) alike and published within
    ``near_window_hours`` (2 h) of each other join the same group (an added "Link in bio", one changed
    word). A group whose posts cover at least ``min_platforms`` different platforms (3; 2 for a brand on only two
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
    # 1. the same text (after normalisation): one key id per distinct text
    keyed = keyed.with_columns(pl.col("_key").rank("dense").cast(pl.Int64).alias("_kid"))
    window = timedelta(hours=opts.window_hours)
    near_window = timedelta(hours=min(opts.near_window_hours, opts.window_hours))
    # 2. nearly the same: texts that differ in one place only (an added "Link in bio", a changed word), at
    #    least ``min_similarity`` alike, published within ``near_window_hours`` on different platforms.
    #    Candidates share their first or last _ANCHOR characters and are among the _NEIGHBOURS next posts
    #    in time with that anchor, which bounds the work on template-heavy data.
    uf = _UnionFind()
    if opts.min_similarity < 1.0:  # 1.0 turns near-identical matching off
        for a_kid, b_kid in _near_pairs(keyed, near_window, opts.min_similarity):
            uf.union(a_kid, b_kid)
    if uf.parent:
        mapping = pl.DataFrame(
            {"_kid": list(uf.parent), "_cid": [uf.find(k) for k in uf.parent]},
            schema={"_kid": pl.Int64, "_cid": pl.Int64},
        )
        keyed = keyed.join(mapping, on="_kid", how="left").with_columns(
            pl.col("_cid").fill_null(pl.col("_kid"))
        )
    else:
        keyed = keyed.with_columns(pl.col("_kid").alias("_cid"))
    # 3. groups (same or nearly the same text) on enough platforms, cut into windows of ``window_hours``
    big = keyed.group_by("_cid").agg(pl.col("platform").n_unique().alias("_np")).filter(pl.col("_np") >= need)
    if big.height == 0:
        return
    cand = (
        keyed.filter(pl.col("_cid").is_in(big["_cid"].implode()))
        .sort("_cid", "created_at", "id")
        .select("_cid", "id", "account_id", "platform", "created_at", "date", "text", "_kid")
    )
    for _cid, grp in cand.group_by("_cid", maintain_order=True):
        crow = grp.to_dicts()
        i = 0
        while i < len(crow):
            start = crow[i]["created_at"]
            j = i
            while j < len(crow) and crow[j]["created_at"] - start <= window:
                j += 1
            cluster = crow[i:j]
            plats = list(dict.fromkeys(r["platform"] for r in cluster))
            if len(plats) >= need:
                yield _finding(cluster, plats, opts, len({r["_kid"] for r in cluster}) == 1)
                i = j
            else:
                i += 1


_ANCHOR = 12  # letters and digits two near-identical texts share at their start or at their end
_NEIGHBOURS = 8  # later posts with the same anchor compared with each post


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _near_pairs(keyed: pl.DataFrame, near_window: timedelta, threshold: float) -> Iterator[tuple[int, int]]:
    """Distinct pairs of texts (key ids) that are near-identical: same anchor, different platforms, close in
    time, and at least ``threshold`` alike (:func:`similarity`). Candidates come from shifted columns
    and are scored in Polars, so the work stays linear in the number of posts."""
    base = keyed.filter(pl.col("_norm").str.len_chars().is_between(2 * _ANCHOR, 4095)).select(
        "_kid",
        "platform",
        "created_at",
        "_norm",
        pl.col("_norm").str.len_chars().alias("_len"),
        pl.col("_norm").str.slice(0, _ANCHOR).alias("_pre"),
        pl.col("_norm").str.slice(-_ANCHOR).alias("_suf"),
    )
    if base.height < 2:
        return
    pairs = []
    for anchor in ("_pre", "_suf"):
        s = base.sort(anchor, "created_at")
        for k in range(1, _NEIGHBOURS + 1):
            cols = ("_kid", "platform", "created_at", "_len", anchor)
            shifted = s.with_columns(pl.col(c).shift(-k).alias(f"{c}_n") for c in cols)
            pairs.append(
                shifted.filter(
                    (pl.col(f"{anchor}_n") == pl.col(anchor))
                    & (pl.col("created_at_n") - pl.col("created_at") <= near_window)
                    & (pl.col("_kid_n") != pl.col("_kid"))
                    & (pl.col("platform_n") != pl.col("platform"))
                    & (pl.min_horizontal("_len", "_len_n") * 10 >= pl.max_horizontal("_len", "_len_n") * 8)
                ).select(pl.col("_kid").alias("a"), pl.col("_kid_n").alias("b"))
            )
    found = pl.concat(pairs).select(
        pl.min_horizontal("a", "b").alias("a"), pl.max_horizontal("a", "b").alias("b")
    )
    found = found.unique()
    if found.height == 0:
        return
    texts = base.select("_kid", "_norm").unique("_kid")
    found = found.join(texts.rename({"_kid": "a", "_norm": "ta"}), on="a").join(
        texts.rename({"_kid": "b", "_norm": "tb"}), on="b"
    )
    if found.height == 0:
        return
    # Necessary for ``threshold``: the shared start or the shared end alone covers threshold/2 of the
    # shorter text. One vectorised test drops most candidates; the survivors are measured exactly.
    n = (
        pl.min_horizontal(pl.col("ta").str.len_chars(), pl.col("tb").str.len_chars()) * (threshold / 2)
    ).floor()
    n = n.cast(pl.Int64)
    found = found.filter(
        (pl.col("ta").str.slice(0, n) == pl.col("tb").str.slice(0, n))
        | (pl.col("ta").str.reverse().str.slice(0, n) == pl.col("tb").str.reverse().str.slice(0, n))
    )
    for a, b, ta, tb in found.select("a", "b", "ta", "tb").iter_rows():
        if similarity(ta, tb) >= threshold:
            yield a, b


def _common_prefix_len(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search: the slice comparisons run in C
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def similarity(a: str, b: str) -> float:
    """How alike two normalised texts are when they differ in one place: 2 × (shared start + shared end) /
    total length (1.0: identical; "…in the app" vs "…in the app link in bio": 0.95)."""
    if not a and not b:
        return 1.0
    shared = min(_common_prefix_len(a, b) + _common_prefix_len(a[::-1], b[::-1]), len(a), len(b))
    return 2 * shared / (len(a) + len(b))


def _finding(cluster: list[dict], plats: list[str], opts: Options, exact: bool) -> Finding:
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
            f"“{quote}” was published {'unchanged' if exact else 'almost unchanged'} on {len(plats)} platforms "
            f"({names_en}) {when_en} from {first['date']}: posts {', '.join(str(r['id']) for r in cluster)}.",
            f"“{quote}”自 {first['date']} 起{when_zh}{'原样' if exact else '几乎原样'}发布到 {len(plats)} 个平台"
            f"({names_zh}):"
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
            "identical": exact,
            "min_platforms": opts.min_platforms,
            "window_hours": opts.window_hours,
        },
    )
