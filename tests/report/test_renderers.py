"""Markdown, HTML and terminal output name the specific items (this post, this complaint, this day)."""

from __future__ import annotations

from rich.console import Console

from smguard.report import i18n
from smguard.report.html import render_html
from smguard.report.markdown import esc, render_markdown
from smguard.report.terminal import render_terminal
from smguard.report.view import build_view


def test_markdown_names_posts_messages_and_days(hostile_report):
    md = render_markdown(hostile_report, "en")
    assert "Post p0 by" in md  # the text-only post, with its id
    assert "comment c1 from" in md and "no answer yet" in md  # the unanswered complaint
    assert "2026-10-20: 5 posts" in md  # the day over the cap, with its posts listed
    assert "  - 09:00 p0 " in md
    assert "## Checks that could not run" in md and "SM402" in md
    for m in range(1, 7):
        assert f'<a id="mistake-{m}"></a>' in md
    assert "### Brand accounts at a glance" in md and "shop" in md


def test_html_names_the_items_and_has_every_section(hostile_report):
    html = render_html(hostile_report, "en")
    for needle in (
        "Post p0 by",
        "comment c1 from",
        "2026-10-20: 5 posts",
        'id="mistake-6"',
        'id="not-run"',
        'id="input"',
        "Posts per day per brand account",
        "<details",
    ):
        assert needle in html, needle


def test_terminal_shows_scores_findings_not_run_and_backend(hostile_report):
    console = Console(record=True, width=160, color_system=None)
    render_terminal(hostile_report, console, "en")
    out = console.export_text()
    for needle in (
        "Overall",
        "Ignoring help requests and complaints",
        "SM301",
        "c1",
        "SM601",
        "Checks that could not run",
        "SM402",
        "Text understanding",
    ):
        assert needle in out, needle
    assert "█" in out  # score bars


def test_view_is_built_once_per_language(hostile_report):
    en, zh = build_view(hostile_report, "en"), build_view(hostile_report, "zh")
    assert [m.score for m in en.mistakes] == [m.score for m in zh.mistakes]
    assert en.mistakes[2].title != zh.mistakes[2].title


def test_every_ui_string_exists_in_both_languages_with_the_same_placeholders():
    import string

    fmt = string.Formatter()
    for key, (en, zh) in i18n.STRINGS.items():
        assert en and zh, key
        names = {f for _, f, _, _ in fmt.parse(en) if f}
        assert names == {f for _, f, _, _ in fmt.parse(zh) if f}, key


def test_markdown_escape_keeps_text_readable():
    assert esc("a | b") == "a \\| b"
    assert esc("# not a heading") == "\\# not a heading"
    assert esc("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert esc("2026-10-20 ok") == "2026-10-20 ok"


def test_chinese_reports_have_no_english_interface_text(hostile_report):
    html, md = render_html(hostile_report, "zh"), render_markdown(hostile_report, "zh")
    for key, (en, _zh) in i18n.STRINGS.items():
        if "{" in en or len(en) < 12:
            continue
        assert en not in html, key
        assert en not in md, key
