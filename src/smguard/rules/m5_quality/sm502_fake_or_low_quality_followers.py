"""SM502 fake-or-low-quality-followers."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m5_quality._customers import current_brand_followers
from smguard.rules.m5_quality._signals import STRONG, with_signals


class Options(RuleOptions):
    # Strong profile signals that must hold together before a follower is called fake (see _signals.py;
    # Cresci et al. 2015 "Fame for sale"). 3 of 5 flags no genuine Cresci-2017 account.
    min_signals: int = 3
    # A share of fake followers this large is a finding ("material"): 1 in 100 followers.
    min_fake_share: float = 0.01
    # ...with at least this many fake followers (one odd profile is no pattern).
    min_fake_count: int = 2
    # From this share the finding is "medium" (1 in 10 followers fake).
    medium_fake_share: float = 0.10


SIGNAL_WORDS = {
    "no_avatar": ("no profile picture", "无头像"),
    "no_posts": ("no posts", "零发帖"),
    "follows_many": ("follows far more accounts than follow it", "关注数远超粉丝数"),
    "new_account": ("account created days before following", "关注前不久才注册"),
    "default_handle": ("generated digit handle", "系统默认式数字昵称"),
}


@rule("SM502", "fake-or-low-quality-followers", requires=("followers",), options=Options)
def fake_or_low_quality_followers(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Brand accounts with a material share of clearly fake followers, each fake follower as evidence.

    **What it does** Scores every current follower of each brand account on five profile signals (no profile
    picture, no posts, following ≥ 500 accounts and ≥ 20× as many as follow it, an account created less than 30 days
    before it followed, a generated digit handle such as `user84920174`). A follower showing at least
    `min_signals` (default 3) of them, and not verified, is counted as fake; unknown fields never count. When
    fakes are at least `min_fake_share` (1%) of the account's followers and at least `min_fake_count` (2), the account
    gets a finding listing them (medium from `medium_fake_share`, 10%); below that an info note gives the count.

    **Why it matters** The article's fifth mistake is valuing follower counts over their quality. Fake and
    empty accounts inflate the count, never buy, and drag down engagement rates that platforms use to decide
    who sees a post.

    **Example** 300 of `@acme_coffee`'s 2,000 followers have no avatar, no posts and follow thousands of
    accounts → medium finding, the 300 followers as evidence.
    """
    f = current_brand_followers(ctx)
    if f.height == 0:
        return
    s = with_signals(f, ctx.as_of, opts.min_signals)
    stats = s.group_by("account_id").agg(pl.len().alias("followers"), pl.col("fake").sum().alias("fakes"))
    stats = (
        stats.filter(pl.col("fakes") > 0)
        .join(
            ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform"), on="account_id"
        )
        .sort("account_id")
    )
    if stats.height == 0:
        return
    fakes = s.filter(pl.col("fake") & pl.col("account_id").is_in(stats["account_id"].implode()))
    sig_counts = fakes.group_by("account_id").agg([pl.col(f"s_{k}").sum().alias(k) for k in STRONG])
    sig = {r["account_id"]: r for r in sig_counts.iter_rows(named=True)}
    ids = fakes.sort("user_id").group_by("account_id").agg(pl.col("user_id"))
    by = dict(zip(ids["account_id"].to_list(), ids["user_id"].to_list(), strict=True))
    for r in stats.iter_rows(named=True):
        aid, handle = r["account_id"], r["handle"] or r["account_id"]
        n, k = int(r["followers"]), int(r["fakes"])
        share = k / n
        top = sorted(((sig[aid][x], x) for x in STRONG if sig[aid][x]), reverse=True)[:3]
        why_en = ", ".join(f"{SIGNAL_WORDS[x][0]} ({c})" for c, x in top)
        why_zh = "、".join(f"{SIGNAL_WORDS[x][1]}（{c}）" for c, x in top)
        data = {
            "followers": n,
            "fake": k,
            "share": round(share, 4),
            "signals": {x: sig[aid][x] for x in STRONG},
        }
        pct = f"{share:.1%}"
        material = share >= opts.min_fake_share and k >= opts.min_fake_count
        yield Finding(
            severity=("medium" if share >= opts.medium_fake_share else "low") if material else "info",
            title=T(
                f"{k} of {handle}'s followers look fake ({pct})",
                f"{handle} 有 {k} 个粉丝疑似虚假账号（{pct}）",
            ),
            message=T(
                f"{k} of {handle}'s {n} current followers ({pct}) show at least {opts.min_signals} signs of "
                f"fake or empty accounts; most common: {why_en}.",
                f"{handle} 现有 {n} 个粉丝中有 {k} 个（{pct}）同时具备至少 {opts.min_signals} 项虚假或空壳账号特征，"
                f"最常见的是：{why_zh}。",
            ),
            recommendation=T(
                "Do not count them as audience: remove or block them where the platform allows, never "
                "buy followers, and judge growth by engaged customers rather than totals.",
                "不要把它们算作受众：在平台允许时移除或拉黑，绝不购买粉丝，以互动的真实客户而非粉丝总数衡量增长。",
            ),
            account_id=aid,
            evidence=Evidence.many("follower", by.get(aid, []), account_id=aid) if material else [],
            data=data,
        )
