"""A data set with nothing but accounts still gives complete, readable reports (and says what could not run)."""

from __future__ import annotations

from rich.console import Console

from smguard.report.html import render_html
from smguard.report.json_report import to_json
from smguard.report.markdown import render_markdown
from smguard.report.model import build_report
from smguard.report.terminal import render_terminal
from smguard.testing import make_dataset


def test_accounts_only(tmp_path):
    ds = make_dataset(
        tmp_path, {"accounts": [{"id": "a", "platform": "weibo", "handle": "acme", "owner": "brand"}]}
    )
    report = build_report(ds)
    assert report.not_run  # the checks that need posts, messages, … say so
    assert report.stats["posting"] == [] and report.stats["response"] == []
    doc = to_json(report)
    assert doc["dataset"]["period"] == {"start": None, "end": None}
    for lang in ("en", "zh"):
        html = render_html(report, lang)
        assert "<svg" in html and ("No data for this chart." in html or "没有可用于此图的数据。" in html)
        md = render_markdown(report, lang)
        assert "SM301" in md  # listed under checks that could not run
        console = Console(record=True, width=120, color_system=None)
        render_terminal(report, console, lang)
        assert "SM301" in console.export_text()
