"""Every user-supplied text is escaped in the HTML and Markdown reports, and the HTML loads nothing."""

from __future__ import annotations

import re

from rich.console import Console

from smguard.report.html import render_html
from smguard.report.markdown import render_markdown
from smguard.report.terminal import render_terminal

from .conftest import COMPLAINT, HANDLE, NAME


def test_the_hostile_data_set_produces_findings_that_quote_it(hostile_report):
    rules = {f.rule for f in hostile_report.findings}
    assert {"SM101", "SM301", "SM601"} <= rules, rules  # post texts, a complaint and a day are all shown


def test_html_escapes_scripts_and_attribute_breakouts(hostile_report):
    for lang in ("en", "zh"):
        html = render_html(hostile_report, lang)
        low = html.lower()
        assert "<script" not in low  # the template has none, so any is an injection
        assert "<img" not in low
        assert "onerror=alert(1)>" not in low
        assert "&lt;script&gt;alert(" in html  # the texts are shown, escaped
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html or "&quot;&gt;&lt;img" in html
        assert "<b>mallory" not in low


def test_html_is_self_contained(hostile_report):
    html = render_html(hostile_report, "en")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "<link" not in html.lower() and "<iframe" not in html.lower()
    assert "<svg" in html  # charts are inline


def test_markdown_escapes_user_text(hostile_report):
    md = render_markdown(hostile_report, "en")
    assert "<script" not in md.lower() and "<img" not in md.lower()
    assert "&lt;script&gt;" in md


def test_terminal_does_not_interpret_markup(hostile_report):
    console = Console(record=True, width=200, color_system=None)
    render_terminal(hostile_report, console, "en")
    out = console.export_text()
    assert "<script>" in out  # shown literally, not swallowed as Rich markup
    assert NAME.split(" ")[0] in out
    assert HANDLE[:4] in out
    assert COMPLAINT[:20] in out
