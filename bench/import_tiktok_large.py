"""Benchmark: import a large TikTok "Download your data" export and measure time and peak memory.

    .venv/bin/python bench/import_tiktok_large.py              # ~120 MB user_data_tiktok.json
    .venv/bin/python bench/import_tiktok_large.py --watch 3000000   # ~300 MB

The export is generated in a temporary folder in the real file's shape (new layout: "Your Activity",
"Post", "Comment", "Direct Message", "Profile"), with a long watch history (the section that makes real
exports big and that the importer skips while parsing) plus posts, followers and likes. The import runs in a
fresh process (``smguard import``) and its peak resident memory is read with ``os.wait4`` for that process
alone (the export is generated in another process).
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


def make_export(path: Path, watch: int, posts: int, fans: int, likes: int) -> None:
    export = {
        "Profile": {"Profile Info": {"ProfileMap": {"userName": "benchbrand", "followerCount": fans}}},
        "Post": {
            "Posts": {
                "VideoList": [
                    {
                        "Date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00:00",
                        "Link": f"https://www.tiktokv.com/share/video/{7400000000000000000 + i}/",
                        "Likes": str(i % 5000),
                        "Title": f"Post {i} #coffee #bench",
                    }
                    for i in range(posts)
                ]
            }
        },
        "Comment": {"Comments": {"CommentsList": []}},
        "Your Activity": {
            "Follower": {
                "FansList": [{"Date": "2025-02-01 12:00:00", "UserName": f"fan{i}"} for i in range(fans)]
            },
            "Like List": {
                "ItemFavoriteList": [
                    {
                        "date": "2025-03-06 20:00:00",
                        "link": f"https://www.tiktokv.com/share/video/{7300000000000000000 + i}/",
                    }
                    for i in range(likes)
                ]
            },
            "Watch History": {
                "VideoList": [
                    {
                        "Date": "2025-03-06 21:00:00",
                        "Link": f"https://www.tiktokv.com/share/video/{7200000000000000000 + i}/",
                    }
                    for i in range(watch)
                ]
            },
        },
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(export, f)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--watch", type=int, default=1_200_000, help="watch-history entries (size driver)")
    ap.add_argument("--posts", type=int, default=2_000)
    ap.add_argument("--fans", type=int, default=50_000)
    ap.add_argument("--likes", type=int, default=20_000)
    ap.add_argument("--generate", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate:  # child process: keeps the generator's memory out of the measured import
        make_export(Path(args.generate), args.watch, args.posts, args.fans, args.likes)
        return
    smguard = Path(sys.executable).with_name("smguard")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "export"
        src.mkdir()
        f = src / "user_data_tiktok.json"
        gen = [
            f"--watch={args.watch}",
            f"--posts={args.posts}",
            f"--fans={args.fans}",
            f"--likes={args.likes}",
        ]
        subprocess.run([sys.executable, __file__, "--generate", str(f), *gen], check=True)
        size_mb = f.stat().st_size / 1e6
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [str(smguard), "import", str(src), "--out", str(Path(tmp) / "ds")],
            stdout=subprocess.DEVNULL,
            stderr=(errf := open(Path(tmp) / "stderr.txt", "w")),  # noqa: SIM115 - closed below
        )
        # wait4 gives this child's own resource usage (not the generator's)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        peak_mb = usage.ru_maxrss / 1024
        errf.close()
        if os.waitstatus_to_exitcode(status) != 0:
            print((Path(tmp) / "stderr.txt").read_text(), file=sys.stderr)
            raise SystemExit(1)
        records = sum(1 for p in (Path(tmp) / "ds").glob("*.jsonl") for _ in p.open(encoding="utf-8"))
        print(
            f"export: {size_mb:.0f} MB; records: {records}; time: {elapsed:.1f} s; peak RSS: {peak_mb:.0f} MB"
        )


if __name__ == "__main__":
    main()
