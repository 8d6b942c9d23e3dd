"""The self-contained HTML report: one file, inline CSS, charts as inline SVG computed here, no script, no
font, nothing fetched. Works offline and can be e-mailed as is.

The charts' geometry (bars, arcs, lines) is computed in Python into plain dataclasses; the Jinja2 template
(``templates/report.html.j2``, autoescape on) only lays them out. No HTML is built in Python strings, so every
piece of user text reaches the page through Jinja2's escaping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from smguard.report.i18n import platform_name, tr
from smguard.report.model import Report
from smguard.report.view import ReportView, build_view

LEVEL_COLORS = {"good": "#2e9d5b", "fair": "#d99a1e", "poor": "#d64545"}


# ------------------------------------------------------------------------------------------------ chart data


@dataclass
class Gauge:
    number: int
    title: str
    score: int
    level: str
    color: str
    track: str  # SVG path of the full half circle
    arc: str  # SVG path of the score's part
    anchor: str


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    over: bool
    title: str


@dataclass
class PostingChart:
    label: str
    note: str
    width: int
    height: int
    bars: list[Bar]
    cap_y: float
    cap: int
    max_n: int
    months: list[tuple[float, str]] = field(default_factory=list)


@dataclass
class ResponseRow:
    platform: str
    median: float | None
    p90: float | None
    median_w: float
    p90_w: float
    answered: str
    waiting: int
    auto: str


@dataclass
class Segment:
    x: float
    w: float
    color: str
    label: str
    title: str


@dataclass
class FollowerRow:
    label: str
    total: int
    segments: list[Segment]


@dataclass
class GrowthLine:
    label: str
    path: str
    start: int
    end: int
    change: str


def _arc(score: int, cx: float = 60, cy: float = 60, r: float = 46) -> tuple[str, str]:
    track = f"M {cx - r:.1f} {cy:.1f} A {r} {r} 0 0 1 {cx + r:.1f} {cy:.1f}"
    theta = math.pi * (1 - max(0, min(100, score)) / 100)
    x, y = cx + r * math.cos(theta), cy - r * math.sin(theta)
    arc = f"M {cx - r:.1f} {cy:.1f} A {r} {r} 0 0 1 {x:.2f} {y:.2f}" if score > 0 else ""
    return track, arc


def gauges(v: ReportView) -> list[Gauge]:
    out = []
    for m in v.mistakes:
        track, arc = _arc(m.score)
        out.append(
            Gauge(
                m.number, m.title, m.score, m.level, LEVEL_COLORS[m.level], track, arc, f"mistake-{m.number}"
            )
        )
    return out


def overall_gauge(v: ReportView) -> Gauge:
    track, arc = _arc(v.overall)
    return Gauge(
        0,
        tr("overall", v.lang),
        v.overall,
        v.overall_level,
        LEVEL_COLORS[v.overall_level],
        track,
        arc,
        "scores",
    )


def posting_charts(v: ReportView, width: int = 760, height: int = 64) -> list[PostingChart]:
    lang = v.lang
    rows = v.stats.get("posting") or []
    days: list[str] = sorted({d for r in rows for d, _ in r["series"]})
    if not days:
        return []
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    ndays = (last - first).days + 1
    bw = width / ndays
    months: list[tuple[float, str]] = []
    d = first
    while d <= last:
        if d.day == 1 or d == first:
            months.append(((d - first).days * bw, d.strftime("%Y-%m")))
        d += timedelta(days=1)
    out = []
    for r in rows:
        if not r["series"]:
            continue
        max_n = max([r["cap"] + 1] + [n for _, n in r["series"]])
        scale = (height - 4) / max_n
        bars = []
        for day, n in r["series"]:
            i = (date.fromisoformat(day) - first).days
            h = n * scale
            bars.append(Bar(i * bw, height - h, max(bw - 0.6, 0.8), h, n > r["cap"], f"{day}: {n}"))
        note = tr("days_over_cap", lang, n=r["days_over_cap"], cap=r["cap"])
        if r.get("busiest"):
            note += " · " + tr("busiest_day", lang, date=r["busiest"][0], n=r["busiest"][1])
        out.append(
            PostingChart(
                f"{r['handle']} · {platform_name(r['platform'], lang)}",
                note,
                width,
                height,
                bars,
                height - r["cap"] * scale,
                r["cap"],
                max_n,
                months,
            )
        )
    return out


def response_rows(v: ReportView, width: float = 300) -> tuple[list[ResponseRow], float]:
    rows = v.stats.get("response") or []
    top = max([r.get("p90_hours") or 0 for r in rows] + [1.0])
    out = []
    for r in rows:
        med, p90 = r.get("median_hours"), r.get("p90_hours")
        out.append(
            ResponseRow(
                platform=platform_name(r["platform"], v.lang),
                median=med,
                p90=p90,
                median_w=(med or 0) / top * width,
                p90_w=(p90 or 0) / top * width,
                answered=_pct(r.get("answered_share")),
                waiting=int(r.get("unanswered_needing_reply") or 0),
                auto=_pct(r.get("auto_answered_share")),
            )
        )
    return out, top


FOLLOWER_PARTS = (
    ("customers", "#2e9d5b"),
    ("other", "#7a9cc6"),
    ("inactive", "#c4c9d1"),
    ("suspicious", "#d64545"),
)


def follower_rows(v: ReportView, width: float = 460) -> list[FollowerRow]:
    out = []
    for r in v.stats.get("followers") or []:
        total = max(1, r["following"])
        x = 0.0
        segs = []
        for key, color in FOLLOWER_PARTS:
            n = r.get(key, 0)
            w = n / total * width
            share = f"{n / total:.0%}"
            segs.append(Segment(x, w, color, share if w > 34 else "", f"{tr(key, v.lang)}: {n} ({share})"))
            x += w
        out.append(
            FollowerRow(f"{r['handle']} · {platform_name(r['platform'], v.lang)}", r["following"], segs)
        )
    return out


def growth_lines(v: ReportView, width: float = 220, height: float = 36) -> list[GrowthLine]:
    out = []
    for r in v.stats.get("growth") or []:
        series = r["series"]
        if len(series) < 2:
            continue
        vals = [n for _, n in series]
        lo, hi = min(vals), max(vals)
        span = max(1, hi - lo)
        step = width / (len(vals) - 1)
        pts = " ".join(
            f"{i * step:.1f},{height - (n - lo) / span * (height - 2) - 1:.1f}" for i, n in enumerate(vals)
        )
        change = r["change"]
        pct = f"{change / r['start']:+.0%}" if r["start"] else ""
        out.append(
            GrowthLine(
                f"{r['handle']} · {platform_name(r['platform'], v.lang)}",
                "M " + pts.replace(" ", " L "),
                r["start"],
                r["end"],
                f"{change:+,} ({pct})",
            )
        )
    return out


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


# ------------------------------------------------------------------------------------------------ rendering


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("smguard.report", "templates"),
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["tr"] = tr
    env.filters["hours"] = lambda x: "—" if x is None else (f"{x:.1f}" if x < 100 else f"{x:.0f}")
    return env


def render_view(v: ReportView) -> str:
    context: dict[str, Any] = {
        "v": v,
        "lang": v.lang,
        "gauges": gauges(v),
        "overall": overall_gauge(v),
        "posting": posting_charts(v),
        "response": response_rows(v),
        "followers": follower_rows(v),
        "growth": growth_lines(v),
        "colors": LEVEL_COLORS,
        "follower_parts": FOLLOWER_PARTS,
    }
    return environment().get_template("report.html.j2").render(**context)


def render_html(report: Report, lang: str = "en") -> str:
    return render_view(build_view(report, lang))
