"""SM106 media-outside-platform-limits: a video longer or shorter than the platform accepts, too many photos."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.platforms import all_profiles
from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m1_platforms._common import fit_findings


class Options(RuleOptions):
    # Ranges and counts come from the profiles, and only verified ones are reported: X video 0.5 s–125 min
    # (Premium's maximum; 20 min without it) and 4 photos (X media best practices); TikTok up to 60 min;
    # YouTube up to 12 h (verified accounts); Instagram 20 carousel items; Xiaohongshu 18 pictures.
    pass


@rule("SM106", "media-outside-platform-limits", requires=("posts",), options=Options)
def media_outside_platform_limits(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """A brand post whose video length or number of pictures is outside what its platform accepts.

    **What it does** Compares each video's ``duration_s`` with the platform's accepted range and the number
    of photos with the platform's per-post maximum, using only limits with a verified source. Upper bounds
    are the most any account can post (X Premium's 125 minutes, YouTube's 12 hours), so a finding means no
    account could have published it as-is. One medium finding per post.

    **Why it matters** A video cut for one platform is uploaded unchanged to another: it is refused,
    trimmed, or split, and the audience sees something nobody planned.

    **Example** A 90-minute webinar recording posted to TikTok (limit 60 minutes): one finding; publish it
    on YouTube or Bilibili and a one-minute highlight on TikTok.
    """
    rows = []
    for key, prof in all_profiles().items():
        vr, ml = prof.video, prof.media
        rows.append(
            {
                "platform": key,
                "_min_s": vr.min_s if vr and vr.source.trust != "guess" else None,
                "_max_s": vr.max_s if vr and vr.source.trust != "guess" else None,
                "_max_photos": ml.max_photos if ml.source and ml.source.trust != "guess" else None,
            }
        )
    lim = pl.DataFrame(
        rows,
        schema={"platform": pl.String, "_min_s": pl.Float64, "_max_s": pl.Float64, "_max_photos": pl.Int64},
    )
    posts = ctx.brand_posts.join(lim, on="platform", how="left")
    ex = (
        posts.select("id", "_min_s", "_max_s", pl.col("media"))
        .explode("media")
        .filter(pl.col("media").is_not_null())
    )
    ex = ex.with_columns(
        pl.col("media").struct.field("type").alias("_t"),
        pl.col("media").struct.field("duration_s").alias("_d"),
    )
    bad_video = ex.filter(
        (pl.col("_t") == "video")
        & pl.col("_d").is_not_null()
        & (
            (pl.col("_max_s").is_not_null() & (pl.col("_d") > pl.col("_max_s")))
            | (pl.col("_min_s").is_not_null() & (pl.col("_d") < pl.col("_min_s")))
        )
    )["id"]
    photos = pl.col("media").list.eval(pl.element().struct.field("type").is_in(["photo", "gif"])).list.sum()
    too_many = posts.filter(pl.col("_max_photos").is_not_null() & (photos > pl.col("_max_photos")))["id"]
    ids = set(bad_video.to_list()) | set(too_many.to_list())
    if not ids:
        return
    cand = ctx.brand_posts.filter(pl.col("id").is_in(list(ids)))
    yield from fit_findings(ctx, cand, "SM106", T("Media outside the platform's limits", "媒体超出平台限制"))
