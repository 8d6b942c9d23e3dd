"""How fast and how lean is `smguard audit` on a large data set?

Generates a synthetic data set (default: 1M inbound + 200k outbound messages, 100k posts, 1M followers,
100k follower-count rows, 50k likes, 50k customers) with Polars, then measures, each in a fresh process:

* load: reading and validating the data set (smguard.dataset.load)
* audit without text models: every rule and the report, with text labels given (all "no") instead of computed
* audit, full: every rule, with text classification of every message and post
* cli: the real command, `smguard audit DIR --json R.json --html R.html --md R.md`, end to end: process
  start, imports, load, text classification, every rule, the four renderings (JSON, HTML, Markdown and the
  terminal summary, sent to /dev/null) and writing the files
* baseline: reading the same messages file with `json.loads` per line into Python dicts (what a
  straightforward implementation does), for scale

Prints wall time, CPU time (user + system, all threads) and peak memory (max RSS) of each. The in-process
modes import Polars and smguard before the clock starts; `cli` includes the start-up. There is no `cli`
without text classification: `smguard audit` has no switch to turn it off (the `audit-no-text` mode gives
the rules constant labels in-process instead). Usage::

    python bench/audit_scale.py [--messages 1000000] [--posts 100000] [--followers 1000000] [--keep DIR]
        [--modes baseline,load,audit-no-text,audit-full,cli] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

PLATFORMS = [
    "weibo",
    "wechat",
    "douyin",
    "xiaohongshu",
    "instagram",
    "x",
    "facebook",
    "linkedin",
    "youtube",
    "tiktok",
]
TEXTS_IN = [
    "你们的外卖又迟到了一个小时，太差劲了",
    "Where is my refund? Ordered two weeks ago.",
    "咖啡很好喝，店员也很热情",
    "Love the new autumn latte!",
    "请问门店几点关门？",
    "How do I reset my app password?",
    "垃圾服务，再也不来了",
    "Great service at the Jing'an store today",
    "订单显示已送达但我没收到",
    "@acme your app keeps crashing",
]
TEXTS_OUT = [
    "非常抱歉给您带来不便，我们马上为您处理",
    "Sorry about that! We'll fix it right away — please DM us.",
    "感谢支持！",
    "Thanks so much!",
    "您好，请私信我们订单号",
]
TEXTS_POST = [
    "新品上市：桂花拿铁 #秋天的第一杯咖啡#",
    "Our autumn menu is here! #coffee",
    "周末买一送一，快来门店",
    "Meet our baristas — photo story",
    "今日门店营业时间调整通知",
]


def generate(folder: Path, n_msg: int, n_posts: int, n_followers: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.toml").write_text(
        'name = "Bench Co"\ntimezone = "Asia/Shanghai"\nas_of = "2026-10-31T23:59:59+08:00"\n',
        encoding="utf-8",
    )
    brand = [f"b-{p}" for p in PLATFORMS]
    accounts = pl.DataFrame(
        {
            "id": brand + [f"e-{i}" for i in range(20)],
            "platform": PLATFORMS + [PLATFORMS[i % len(PLATFORMS)] for i in range(20)],
            "handle": [f"@bench_{p}" for p in PLATFORMS] + [f"@staff{i}" for i in range(20)],
            "owner": ["brand"] * len(brand) + ["employee"] * 20,
            "employee_id": [None] * len(brand) + [f"emp{i}" for i in range(20)],
        }
    )
    accounts.write_ndjson(folder / "accounts.jsonl")
    start = np.datetime64("2026-05-01T00:00:00")
    span = 183 * 24 * 3600

    def times(n: int) -> pl.Series:
        secs = np.sort(rng.integers(0, span, n))
        return (
            pl.Series((start + secs.astype("timedelta64[s]")).astype("datetime64[s]").astype(str)) + "+08:00"
        )

    all_acc = accounts["id"].to_list()
    pl.DataFrame(
        {
            "id": [f"p{i}" for i in range(n_posts)],
            "account_id": rng.choice(all_acc, n_posts),
            "created_at": times(n_posts),
            "text": rng.choice(TEXTS_POST, n_posts),
            "source": rng.choice(["manual", "scheduled", "automated"], n_posts),
        }
    ).with_columns(
        media=pl.when(pl.int_range(pl.len()) % 3 == 0)
        .then(pl.lit([], dtype=pl.List(pl.Struct({"type": pl.String}))))
        .otherwise(pl.lit([{"type": "photo"}])),
        metrics=pl.struct(likes=pl.int_range(pl.len()) % 97, comments=pl.int_range(pl.len()) % 13),
    ).write_ndjson(folder / "posts.jsonl")

    n_out = n_msg // 5
    msg_in = pl.DataFrame(
        {
            "id": [f"m{i}" for i in range(n_msg)],
            "account_id": rng.choice(brand, n_msg),
            "created_at": times(n_msg),
            "channel": rng.choice(["comment", "mention", "dm", "review"], n_msg, p=[0.6, 0.2, 0.15, 0.05]),
            "direction": "in",
            "author_id": pl.Series([f"u{i}" for i in rng.integers(0, n_followers * 2, n_msg)]),
            "text": rng.choice(TEXTS_IN, n_msg),
        }
    )
    answered = rng.choice(n_msg, n_out, replace=False)
    sub = msg_in[answered.tolist()]
    msg_out = pl.DataFrame(
        {
            "id": [f"r{i}" for i in range(n_out)],
            "account_id": sub["account_id"],
            "created_at": sub["created_at"],
            "channel": sub["channel"],
            "direction": "out",
            "author_id": None,
            "text": rng.choice(TEXTS_OUT, n_out),
            "in_reply_to": sub["id"],
            "automated": rng.random(n_out) < 0.1,
        }
    )
    pl.concat([msg_in, msg_out], how="diagonal").write_ndjson(folder / "messages.jsonl")

    pl.DataFrame(
        {
            "account_id": rng.choice(brand, n_followers),
            "user_id": [f"u{i}" for i in range(n_followers)],
            "handle": [f"user{i}" for i in range(n_followers)],
            "followed_at": times(n_followers),
            "location": rng.choice(["上海", "北京", "Shenzhen", "London", None], n_followers),
            "gender": rng.choice(["female", "male", "unknown"], n_followers),
            "birth_year": rng.integers(1960, 2008, n_followers),
            "followers_count": rng.integers(0, 5000, n_followers),
            "following_count": rng.integers(0, 5000, n_followers),
            "posts_count": rng.integers(0, 800, n_followers),
            "has_avatar": rng.random(n_followers) < 0.9,
        }
    ).write_ndjson(folder / "followers.jsonl")

    days = pl.date_range(pl.date(2026, 5, 1), pl.date(2026, 10, 31), eager=True)
    pl.DataFrame(
        {
            "account_id": [a for a in brand for _ in days],
            "date": [str(d) for _ in brand for d in days],
            "followers": rng.integers(1000, 100000, len(brand) * len(days)),
        }
    ).write_ndjson(folder / "follower_counts.jsonl")
    n_likes = 50_000
    pl.DataFrame(
        {
            "id": [f"l{i}" for i in range(n_likes)],
            "account_id": rng.choice(brand, n_likes),
            "created_at": times(n_likes),
            "target_post_id": [f"t{i}" for i in range(n_likes)],
            "target_author_id": [f"u{i}" for i in range(n_likes)],
            "target_text": rng.choice(["bench coffee is great", "my cat", "周末去哪玩"], n_likes),
        }
    ).write_ndjson(folder / "likes.jsonl")
    n_cust = 50_000
    pl.DataFrame(
        {
            "id": [f"c{i}" for i in range(n_cust)],
            "social": [[{"platform": PLATFORMS[i % 10], "user_id": f"u{i * 7}"}] for i in range(n_cust)],
            "orders": rng.integers(1, 20, n_cust),
            "revenue": rng.random(n_cust) * 500,
        }
    ).write_ndjson(folder / "customers.jsonl")
    pl.DataFrame(
        {"id": [f"emp{i}" for i in range(20)], "name": [f"Staff {i}" for i in range(20)]}
    ).write_ndjson(folder / "employees.jsonl")
    pl.DataFrame({"id": ["k1", "k2"], "account_id": brand[:2], "kind": ["ad", "promoted_post"]}).write_ndjson(
        folder / "campaigns.jsonl"
    )


CHILD = r"""
import json, resource, sys, time
mode, folder = sys.argv[1], sys.argv[2]
if mode == "cli":
    # the real command in its own process; this wrapper's RUSAGE_CHILDREN is then that one process
    import os, subprocess, tempfile
    from pathlib import Path
    exe = str(Path(sys.executable).parent / "smguard")
    with tempfile.TemporaryDirectory(prefix="smguard-bench-out-") as out:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [exe, "audit", folder, "--json", out + "/r.json", "--html", out + "/r.html", "--md", out + "/r.md"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        dt = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.exit(proc.stderr[-2000:])
        sizes = {k: round(os.path.getsize(out + "/r." + k) / 1e6, 1) for k in ("json", "html", "md")}
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"mode": mode, "seconds": round(dt, 2), "cpu": round(ru.ru_utime + ru.ru_stime, 2),
                      "peak_mb": round(ru.ru_maxrss / 1024), "n": sizes}))
    sys.exit(0)
import polars  # imported before timing: start-up is not the audit
if mode != "baseline":
    import smguard.rules, smguard.report.model, smguard.text  # noqa
_r = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = _r.ru_utime + _r.ru_stime
t0 = time.perf_counter()
if mode == "baseline":
    n = 0
    with open(folder + "/messages.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    n = len(rows)
else:
    from smguard.dataset.load import load_dataset
    ds = load_dataset(folder)
    n = ds.messages.height
    if mode != "load":
        from smguard.report.model import build_report
        from smguard.rules.engine import run_rules
        if mode == "audit-no-text":
            import numpy as np
            from smguard.text import output_keys
            def labeler(texts, kind="inbound", langs=None):
                # every label "no": the rules run all their logic, classification costs nothing
                n = len(texts)
                def const(k):
                    if k in ("lang", "sentiment"):
                        return np.full(n, "other" if k == "lang" else "neutral", dtype=object)
                    return np.zeros(n, dtype=float if k.endswith("_score") else bool)
                return {k: const(k) for k in output_keys(kind)}
            rep = build_report(ds, labeler=labeler)
            n = len(rep.findings)
        else:
            rep = build_report(ds)
            n = len(rep.findings)
dt = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
cpu = ru.ru_utime + ru.ru_stime - cpu0
print(json.dumps({"mode": mode, "seconds": round(dt, 2), "cpu": round(cpu, 2), "peak_mb": round(ru.ru_maxrss / 1024),
                  "n": n}))
"""


def measure(mode: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder)], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        return {"mode": mode, "error": (out.stderr.strip().splitlines() or ["?"])[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--followers", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, default=None, help="write the data set here and keep it")
    ap.add_argument("--modes", default="baseline,load,audit-no-text,audit-full,cli")
    ap.add_argument("--repeat", type=int, default=1, help="run each mode this many times (in turn)")
    args = ap.parse_args()
    tmp = None
    folder = args.keep
    if folder is None:
        tmp = tempfile.TemporaryDirectory(prefix="smguard-bench-")
        folder = Path(tmp.name)
    t0 = time.perf_counter()
    if not (folder / "accounts.jsonl").exists():
        generate(folder, args.messages, args.posts, args.followers)
    size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    print(
        f"data set: {folder} ({size:.0f} MB, generated in {time.perf_counter() - t0:.1f} s); "
        f"{args.messages:,} inbound messages, {args.posts:,} posts, {args.followers:,} followers; "
        f"{os.cpu_count()} cores"
    )
    print(f"{'mode':<16}{'seconds':>10}{'CPU s':>10}{'peak MB':>10}")
    for _ in range(args.repeat):
        for mode in args.modes.split(","):
            r = measure(mode, folder)
            if "error" in r:
                print(f"{mode:<16} failed: {r['error']}")
            else:
                extra = f"  reports MB: {r['n']}" if mode == "cli" else ""
                print(f"{mode:<16}{r['seconds']:>10}{r['cpu']:>10}{r['peak_mb']:>10}{extra}", flush=True)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
