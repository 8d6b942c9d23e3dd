"""Measure smguard's fake-follower signals (SM502) on the Cresci-2017 accounts.

    .venv/bin/python training/fake_followers.py [DATA_DIR]

DATA_DIR defaults to ../shared/data/bots-cresci2017-subset (genuine accounts vs "social spambots #1").
No model is trained or shipped: SM502 uses the documented signals in
``src/smguard/rules/m5_quality/_signals.py``. This script reports how often those signals fire on real
people (the false-positive rate that decides SM502's precision) and on the spambots.

Why not a trained model: the only bot group available here (SS1, retweeters of an Italian politician) are
*content* spambots with years-old accounts and real-looking profiles, not the bought "fake followers" that
SM502 looks for (Cresci-2015's fake-follower sets are not available); and language/time-zone fields, the
strongest separators in this subset, leak the label. A model fitted to this pair would learn "Italian,
2009 account" and would not generalise to a brand's followers. The genuine accounts remain a good test of
precision: every genuine account the rule flags is a false positive.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from smguard.rules.m5_quality._signals import STRONG, with_signals

HERE = Path(__file__).resolve().parent


def load(path: Path) -> pl.DataFrame:
    df = pl.read_csv(path, infer_schema=False)

    def num(c: str) -> pl.Expr:
        return pl.col(c).cast(pl.Int64, strict=False)

    return df.select(
        pl.col("screen_name").alias("handle"),
        (pl.col("default_profile_image").fill_null("") != "1").alias("has_avatar"),
        num("statuses_count").alias("posts_count"),
        num("friends_count").alias("following_count"),
        num("followers_count").alias("followers_count"),
        pl.col("description").alias("bio"),
        (pl.col("verified").fill_null("") == "1").alias("verified"),
        # Twitter's created_at, e.g. "Tue Jun 11 12:00:00 +0000 2013"
        pl.col("created_at")
        .str.strptime(pl.Datetime("us", "UTC"), "%a %b %d %H:%M:%S %z %Y", strict=False)
        .alias("created_at"),
        pl.lit(None, dtype=pl.Datetime("us", "UTC")).alias("followed_at"),
    )


def main() -> None:
    data = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared/data/bots-cresci2017-subset"
    )
    as_of = datetime(2015, 5, 2, tzinfo=UTC)  # the genuine accounts' crawl date
    for name, file in (
        ("genuine", "genuine_accounts_users.csv"),
        ("spambots_1", "social_spambots_1_users.csv"),
    ):
        df = with_signals(load(data / file), as_of)
        n = df.height
        fired = {k: round(df[f"s_{k}"].mean(), 4) for k in STRONG}
        print(
            f"{name}: {n} accounts, flagged fake {int(df['fake'].sum())} ({df['fake'].mean():.2%}); "
            f"signal rates {fired}"
        )
        print("  strong-signal histogram:", dict(df["strong"].value_counts().sort("strong").iter_rows()))


if __name__ == "__main__":
    main()
