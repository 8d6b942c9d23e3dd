"""The audit JSON (CONTRACT §3). Keys listed there are never renamed or dropped; extra keys are allowed."""

from __future__ import annotations

from typing import Any

from smguard.report.model import MISTAKE_TITLES, Report


def to_json(report: Report, lang: str = "en") -> dict[str, Any]:
    return {
        "smguard_version": report.version,
        "dataset": {
            "name": report.dataset_name,
            "timezone": report.timezone,
            "period": {
                "start": report.local_iso(report.period_start),
                "end": report.local_iso(report.period_end),
            },
            "as_of": report.local_iso(report.as_of),
            "counts": report.counts,
        },
        "scores": {str(m): s for m, s in report.scores.items()},
        "overall": report.overall,
        "findings": [f.to_json(lang) for f in report.findings],
        "not_run": report.not_run,
        "lang": lang,
        "mistakes": {str(m): (t[1] if lang == "zh" else t[0]) for m, t in MISTAKE_TITLES.items()},
        "text_backend": report.text_backend,
        "input_problems": [
            {"file": p.file, "line": p.line, "field": p.field, "message": p.message, "severity": p.severity}
            for p in report.problems
        ],
    }
