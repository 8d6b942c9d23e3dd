"""Text classification speed: smguard (all inbound heads) vs VADER and SnowNLP, on one CPU core.

    .venv/bin/python bench/classify_speed.py [--data ../shared/data] [--n 100000]

Short messages come from the public sets in ``--data`` (English tweets: Preotiuc-Pietro complaints and
Davidson; Chinese: SMP2020 Weibo posts and waimai reviews), repeated to ``--n`` texts, half English, half
Chinese. The process pins itself to one core and single-threaded BLAS before numpy is imported.
Rates use the process's CPU time by default (``--wall`` for wall-clock time), because the reference machine
is shared and wall time would measure the other users. smguard runs ``classify_texts(texts, kind="inbound")`` (normalisation, language detection, complaint,
help_request, abusive, sentiment) in batches of ``--batch``. VADER (English sentiment only) runs on the English
texts and SnowNLP (Chinese sentiment only) on the Chinese texts of the same run; ratios compare
messages per second on the same texts.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _pin_one_core() -> str:
    try:
        cpu = sorted(os.sched_getaffinity(0))[0]
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def load_texts(data: Path, n: int) -> tuple[list[str], list[str]]:
    csv.field_size_limit(10_000_000)
    en: list[str] = []
    with (data / "complaints-preotiuc2019/complaints-data.csv").open(encoding="utf-8") as fh:
        en += [r[1] for r in csv.reader(fh)]
    with (data / "en-davidson-hate-offensive/labeled_data.csv").open(encoding="utf-8") as fh:
        en += [r[6] for r in list(csv.reader(fh))[1:]]
    zh: list[str] = [
        r["content"]
        for r in json.loads((data / "zh-SMP2020-EWECT/virus_train.json").read_text(encoding="utf-8"))
    ]
    with (data / "zh-waimai_10k/waimai_10k.csv").open(encoding="utf-8-sig") as fh:
        zh += [r[1] for r in list(csv.reader(fh))[1:]]
    en = [t for t in en if t.strip()]
    zh = [t for t in zh if t.strip()]
    half = n // 2
    return (en * (half // len(en) + 1))[:half], (zh * (half // len(zh) + 1))[: n - half]


CLOCK = time.process_time  # CPU time of this process: on a shared machine wall time measures the neighbours


def rate(fn, items, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = CLOCK()
        fn(items)
        best = min(best, CLOCK() - t)
    return len(items) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=10_000)
    ap.add_argument("--vader-n", type=int, default=20_000)
    ap.add_argument("--snownlp-n", type=int, default=2_000)
    ap.add_argument("--wall", action="store_true", help="time with the wall clock instead of CPU time")
    a = ap.parse_args()
    global CLOCK
    if a.wall:
        CLOCK = time.perf_counter
    pin = _pin_one_core()

    from smguard.text import backend_info, classify_texts

    en, zh = load_texts(a.data, a.n)
    mixed = [t for pair in zip(en, zh, strict=False) for t in pair]

    def smguard_run(texts):
        for i in range(0, len(texts), a.batch):
            classify_texts(texts[i : i + a.batch], kind="inbound")

    classify_texts(mixed[:100])  # load the model once
    avg_len = sum(map(len, mixed)) / len(mixed)
    r_all = rate(smguard_run, mixed)
    r_en = rate(smguard_run, en[: a.vader_n * 2])
    r_zh = rate(smguard_run, zh[: a.vader_n * 2])

    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer()
        r_vader = rate(lambda xs: [vader.polarity_scores(x) for x in xs], en[: a.vader_n], repeat=1)
    except ImportError:
        r_vader = float("nan")
    try:
        from snownlp import SnowNLP

        r_snow = rate(lambda xs: [SnowNLP(x).sentiments for x in xs], zh[: a.snownlp_n], repeat=1)
    except ImportError:
        r_snow = float("nan")

    info = backend_info()
    print(f"# {platform.processor() or platform.machine()}, Python {platform.python_version()}, {pin}")
    print(
        f"# clock: {'wall' if a.wall else 'process CPU time'}; smguard backend: {info['backend']} "
        f"{info['version']}; batch {a.batch}; "
        f"{len(mixed)} texts, mean {avg_len:.0f} characters"
    )
    print("| what | texts | messages/second |")
    print("|---|---|---|")
    print(f"| smguard, all inbound heads, mixed zh+en | {len(mixed)} | {r_all:,.0f} |")
    print(f"| smguard, all inbound heads, English only | {min(len(en), a.vader_n * 2)} | {r_en:,.0f} |")
    print(f"| smguard, all inbound heads, Chinese only | {min(len(zh), a.vader_n * 2)} | {r_zh:,.0f} |")
    print(f"| VADER polarity_scores (English sentiment only) | {a.vader_n} | {r_vader:,.0f} |")
    print(f"| SnowNLP .sentiments (Chinese sentiment only) | {a.snownlp_n} | {r_snow:,.0f} |")
    print()
    print(f"smguard (English, all heads) / VADER (sentiment only): {r_en / r_vader:.1f}x")
    print(f"smguard (Chinese, all heads) / SnowNLP (sentiment only): {r_zh / r_snow:.0f}x")
    print(
        f"target >= 100,000 messages/s on one core: {'met' if r_all >= 100_000 else 'NOT met'} ({r_all:,.0f})"
    )


if __name__ == "__main__":
    main()
