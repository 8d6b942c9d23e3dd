"""Benchmark: import a large X archive ``tweets.js`` and measure time and peak memory.

    .venv/bin/python bench/import_large.py              # ~200 MB tweets.js
    .venv/bin/python bench/import_large.py --mb 1024    # ~1 GB
    .venv/bin/python bench/import_large.py --mb 200 --zip   # the same, read from inside a zip

The archive is generated in a temporary folder (tweets.js in the real archive's shape: ``window.YTD`` prefix,
v1.1 tweet objects with entities, media, replies and retweets, counts as strings) together with account.js.
The import runs in a fresh process (``smguard import``), so the peak resident memory measured
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``) is that of the import alone. A second run over the same data set
measures the "nothing new" path (every record a duplicate).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

OWNER_ID = "1964312974236991488"
WORDS = tuple(
    [
        "coffee",
        "launch",
        "new",
        "blend",
        "roast",
        "beans",
        "morning",
        "espresso",
        "latte",
        "store",
        "opening",
        "today",
        "weekend",
        "offer",
        "咖啡",
        "新品",
        "上市",
        "周末",
        "优惠",
        "thanks",
        "everyone",
        "for",
        "coming",
        "see",
        "you",
        "soon",
        "customer",
        "service",
        "order",
        "delivery",
    ]
)


def tweet(i: int, rnd: random.Random, when: datetime) -> dict:
    tid = str(1500000000000000000 + i * 7919)
    text_words = [rnd.choice(WORDS) for _ in range(rnd.randint(8, 40))]
    hashtags = [] if rnd.random() < 0.6 else [rnd.choice(("Coffee", "NewBlend", "咖啡", "Weekend"))]
    text = " ".join(text_words) + "".join(f" #{h}" for h in hashtags)
    t: dict = {
        "edit_info": {
            "initial": {"editTweetIds": [tid], "editableUntil": when.isoformat(), "editsRemaining": "5"}
        },
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>'
        if rnd.random() < 0.8
        else '<a href="https://buffer.com" rel="nofollow">Buffer</a>',
        "entities": {
            "hashtags": [{"text": h, "indices": ["0", "1"]} for h in hashtags],
            "symbols": [],
            "user_mentions": [],
            "urls": [],
        },
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rnd.randint(0, 500)),
        "id_str": tid,
        "truncated": False,
        "retweet_count": str(rnd.randint(0, 50)),
        "id": tid,
        "created_at": when.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    r = rnd.random()
    if r < 0.15:  # a reply to a customer
        t["in_reply_to_status_id_str"] = t["in_reply_to_status_id"] = str(1400000000000000000 + i)
        t["in_reply_to_user_id_str"] = t["in_reply_to_user_id"] = str(10_000 + i % 5000)
        t["in_reply_to_screen_name"] = f"customer{i % 5000}"
        t["full_text"] = f"@customer{i % 5000} " + t["full_text"]
    elif r < 0.35:  # a photo or video
        video = rnd.random() < 0.3
        m = {
            "id_str": str(1600000000000000000 + i),
            "media_url_https": f"https://pbs.twimg.com/media/{i}.jpg",
            "type": "video" if video else "photo",
            "url": "https://t.co/x",
            "expanded_url": f"https://x.com/acme/status/{tid}/photo/1",
        }
        if video:
            m["video_info"] = {"duration_millis": str(rnd.randint(3000, 120000)), "variants": []}
        t["entities"]["media"] = [m]
        t["extended_entities"] = {"media": [m]}
    return {"tweet": t}


def generate(folder: Path, megabytes: float, seed: int = 7) -> tuple[Path, int]:
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "account.js").write_text(
        "window.YTD.account.part0 = "
        + json.dumps(
            [
                {
                    "account": {
                        "accountId": OWNER_ID,
                        "username": "acme",
                        "createdAt": "2020-01-01T00:00:00.000Z",
                    }
                }
            ]
        ),
        encoding="utf-8",
    )
    rnd = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    path = data / "tweets.js"
    n = 0
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with open(path, "w", encoding="utf-8") as f:
        f.write("window.YTD.tweets.part0 = [ ")
        size = 30
        while size < target:
            s = json.dumps(tweet(n, rnd, start + timedelta(minutes=7 * n)), ensure_ascii=False, indent=2)
            if n:
                f.write(", ")
            f.write(s)
            size += len(s.encode("utf-8")) + 2
            n += 1
        f.write(" ]")
    return path, n


def run_import(src: Path, out: Path) -> tuple[float, float, float, str]:
    """Run ``smguard import`` in a fresh process: (wall seconds, CPU seconds, peak RSS MB, its output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "smguard.cli.main", "import", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120"},
    )
    secs = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, file=sys.stderr)
        raise SystemExit(f"import failed with status {proc.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest child so far; the import is the largest child here
    return secs, cpu, after.ru_maxrss / 1024, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=200, help="size of tweets.js in MB (default 200)")
    ap.add_argument("--zip", action="store_true", help="pack the archive into a zip and import the zip")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args()
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="smguard-bench-"))
    try:
        t0 = time.perf_counter()
        path, n = generate(tmp / "archive", args.mb)
        size_mb = path.stat().st_size / 1024 / 1024
        print(
            f"generated {path} ({size_mb:.0f} MB, {n} tweets) in {time.perf_counter() - t0:.1f}s", flush=True
        )
        src = tmp / "archive"
        if args.zip:
            src = tmp / "archive.zip"
            with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as z:
                for p in (tmp / "archive" / "data").iterdir():
                    z.write(p, f"data/{p.name}")
            print(f"zipped to {src} ({src.stat().st_size / 1024 / 1024:.0f} MB)", flush=True)
        out = tmp / "dataset"
        secs, cpu, peak, stdout = run_import(src, out)
        print(stdout)
        load = os.getloadavg()[0]
        print(
            f"first import:  {secs:.1f}s wall, {cpu:.1f}s CPU ({size_mb / secs:.1f} MB/s, {n / secs:,.0f} tweets/s), "
            f"peak RSS {peak:.0f} MB, load average {load:.1f} on {os.cpu_count()} CPUs"
        )
        secs2, cpu2, peak2, _ = run_import(src, out)
        print(f"second import (all duplicates): {secs2:.1f}s wall, {cpu2:.1f}s CPU, peak RSS {peak2:.0f} MB")
        lines = 0
        for name in ("posts.jsonl", "messages.jsonl"):
            with open(out / name, "rb") as fh:
                lines += sum(1 for _ in fh)
        print(f"records written: {lines} posts+messages (tweets: {n})")
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
