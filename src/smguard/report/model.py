"""The audit report, computed once from the data set and the rule results, then rendered many ways
(terminal, JSON, Markdown, HTML). Renderers only read a :class:`Report`; they never recompute."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from smguard import __version__
from smguard.dataset.model import Dataset, Problem
from smguard.report import scores as scoring
from smguard.rules.base import Finding, Rule
from smguard.rules.engine import RunResult, run_rules

MISTAKE_TITLES = {
    1: ("Treating all platforms the same", "误认为所有社交媒体平台都一样"),
    2: ("No company-wide social media guidelines", "缺少全公司范围的社交媒体使用准则"),
    3: ("Ignoring help requests and complaints", "忽略求助信息和投诉"),
    4: ("Not using the platforms' marketing tools", "没有利用社交媒体营销工具"),
    5: ("Counting likes and followers instead of their quality", "关注点赞和粉丝的数量而不是质量"),
    6: ("Overdoing it", "“过分”地使用社交媒体"),
}


@dataclass
class Report:
    version: str
    dataset_name: str
    timezone: str
    as_of: datetime
    period_start: datetime | None
    period_end: datetime | None
    scores: dict[int, int]
    overall: int
    findings: list[Finding]
    not_run: list[dict[str, str]]
    rules: list[Rule]
    problems: list[Problem]
    counts: dict[str, int]
    text_backend: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)  # numbers behind the charts (see report.stats)
    language: str | None = None

    def findings_for(self, mistake: int) -> list[Finding]:
        return [f for f in self.findings if f.mistake == mistake]

    def local_iso(self, dt: datetime | None) -> str | None:
        if dt is None:
            return None
        from zoneinfo import ZoneInfo

        return dt.astimezone(ZoneInfo(self.timezone)).isoformat()


def _text_backend() -> dict[str, Any]:
    from smguard.text import backend_info

    return dict(backend_info())


class _RecordingLabeler:
    """Wraps the text labeler the rules use and keeps what it returned per kind, so that the report's
    statistics (complaints per platform, …) reuse the audit's labels instead of classifying every text again."""

    def __init__(self, labeler: Any = None):
        self._labeler = labeler
        self.results: dict[str, Any] = {}

    def __call__(self, texts: Any, kind: str = "inbound", langs: Any = None) -> Any:
        if self._labeler is None:
            from smguard.text import classify_texts

            self._labeler = classify_texts
        out = (
            self._labeler(texts, kind=kind, langs=langs)
            if langs is not None
            else self._labeler(texts, kind=kind)
        )
        self.results[kind] = out
        return out


def build_report(
    dataset: Dataset,
    *,
    labeler: Any = None,
    on_rule: Callable[[Rule], None] | None = None,
    strict: bool = False,
    result: RunResult | None = None,
) -> Report:
    """Run every rule and compute everything the renderers show."""
    recorder = _RecordingLabeler(labeler)
    if result is None:
        result = run_rules(dataset, labeler=recorder, on_rule=on_rule, strict=strict)
    per = scoring.scores(result.findings)
    start, end = dataset.period()
    report = Report(
        version=__version__,
        dataset_name=dataset.name,
        timezone=dataset.timezone,
        as_of=dataset.as_of,
        period_start=start,
        period_end=end,
        scores=per,
        overall=scoring.overall(per),
        findings=result.findings,
        not_run=result.not_run,
        rules=result.rules,
        problems=[*dataset.problems, *result.problems],
        counts={name: df.height for name, df in dataset.tables.items() if name in dataset.present},
        text_backend=_text_backend(),
        language=dataset.language,
    )
    from smguard.report.stats import compute_stats

    report.stats = compute_stats(dataset, report, labels=recorder.results)
    return report
