"""SM604 likes-on-posts-not-mentioning-brand."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m6_overdoing._brand_terms import brand_terms, brand_vocabulary_hits, mentions_any


class Options(RuleOptions):
    # Extra names of the brand and its products (the data set's name, brand handles and embargo terms are
    # always used). The article: a brand should like a fan's post only when it "明确提到了产品或者服务".
    brand_terms: list[str] = []
    # Also count as on-brand a liked text that shares a distinctive phrase (a product or store name) with at
    # least two of the brand's own posts: fans name products without the brand.
    use_brand_posts_vocabulary: bool = True
    # How many example likes the message quotes.
    examples: int = 3
    # Share of an account's likes that are off-brand above which the finding is "medium" instead of "low".
    medium_off_brand_share: float = 0.5


@rule("SM604", "likes-on-posts-not-mentioning-brand", requires=("likes",), options=Options)
def likes_on_posts_not_mentioning_brand(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Likes given by a brand account to posts that mention neither the brand nor its products.

    **What it does** Reads the likes the brand accounts gave (`likes.jsonl`) and checks each liked post's text
    for the brand's names: the data set's `name`, the brand accounts' handles (with or without `@`), embargoed
    product terms and their aliases, and any `brand_terms` set in `[policy]`. Matching ignores case, full- and
    half-width forms, spaces and `@`/`#`/`_`. Likes with no liked text are not judged. One finding per
    account, listing every off-brand like.

    **Why it matters** The article says a company should not like fans' posts unless the post clearly mentions
    its products or services: liking everything looks like a bot and dilutes what a like from the brand means.

    **Example** `@acme_coffee` liked "Sunset at the beach 🌅" → the like is evidence; a like on "My morning
    Acme latte ☕" is fine.
    """
    likes = (
        ctx.table("likes")
        .lazy()
        .select("id", "account_id", "created_at", "target_post_id", "target_text", "owner")
        .filter((pl.col("owner") == "brand") & (pl.col("created_at") <= ctx.as_of))
        .collect()
    )
    if likes.height == 0:
        return
    terms = brand_terms(ctx, opts.brand_terms)
    if not terms:
        return
    # liking the company's own posts (in posts.jsonl) is not liking a fan's post
    own = ctx.dataset.posts["id"]
    likes = likes.filter(~pl.col("target_post_id").fill_null("").is_in(own.implode()))
    text_ok = pl.col("target_text").fill_null("").str.strip_chars() != ""
    judged = likes.filter(text_ok)
    judged = judged.with_columns(mentions_any(judged, "target_text", terms).alias("on_brand"))
    if opts.use_brand_posts_vocabulary and not judged["on_brand"].all():
        rest = judged.filter(~pl.col("on_brand"))
        hits = brand_vocabulary_hits(ctx, rest["target_text"])
        vocab_ids = rest.filter(hits)["id"]
        judged = judged.with_columns(
            (pl.col("on_brand") | pl.col("id").is_in(vocab_ids.implode())).alias("on_brand")
        )
    totals = judged.group_by("account_id").agg(pl.len().alias("judged"))
    bad = judged.filter(~pl.col("on_brand")).sort("account_id", "created_at", "id")
    if bad.height == 0:
        return
    acc = ctx.brand_accounts.select(pl.col("id").alias("account_id"), "handle", "platform")
    bad = bad.join(acc, on="account_id", how="left").join(totals, on="account_id", how="left")
    for (account_id,), g in bad.group_by("account_id", maintain_order=True):
        handle = g["handle"][0] or account_id
        n, total = g.height, int(g["judged"][0])
        share = n / total if total else 0.0
        quotes = [(t or "").replace("\n", " ")[:60] for t in g["target_text"].head(opts.examples).to_list()]
        q = " | ".join(f"“{x}”" for x in quotes)
        yield Finding(
            severity="medium" if share >= opts.medium_off_brand_share else "low",
            title=T(
                f"{handle} liked {n} posts that do not mention the brand",
                f"{handle} 给 {n} 条未提及品牌或产品的内容点了赞",
            ),
            message=T(
                f"{n} of the {total} posts {handle} liked ({share:.0%}) mention neither the brand nor its "
                f"products, e.g. {q}.",
                f"{handle} 点赞的 {total} 条内容中有 {n} 条（{share:.0%}）既没提到品牌也没提到产品，例如：{q}。",
            ),
            recommendation=T(
                "Like fans' posts only when they clearly mention your products or services; reply to or share the "
                "good ones instead of liking everything.",
                "只给明确提到品牌产品或服务的粉丝内容点赞；对优质内容可以回复或转发，而不是见帖就赞。",
            ),
            account_id=account_id,
            evidence=Evidence.many("like", g["id"].to_list()),
            data={"likes_judged": total, "off_brand": n, "share": round(share, 4), "terms": terms[:20]},
        )
