"""The Markdown report: the same content as the HTML report, for wikis, tickets and e-mail.

User text is escaped so that it can neither break the layout (tables, lists) nor inject HTML or links.
"""

from __future__ import annotations

import re

from smguard.report.i18n import platform_name, tr
from smguard.report.model import Report
from smguard.report.view import FindingView, ReportView, build_view

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")


def esc(text: object) -> str:
    """Escape Markdown and HTML in user text, on one line."""
    s = " ".join(str(text if text is not None else "").split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _LINE_START.sub(_line_start, s)


def _line_start(m: re.Match[str]) -> str:
    """No accidental heading, quote or list: ``# x`` → ``\\# x``, ``1. x`` → ``1\\. x``."""
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def _bar(score: int, width: int = 10) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _finding(f: FindingView, lang: str) -> list[str]:
    out = [f"#### {esc(f.rule)} · {esc(f.title)}", ""]
    meta = f"**{tr('severity', lang)}:** {esc(f.severity_label)}"
    if f.account:
        meta += f" · **{tr('account', lang)}:** {esc(f.account)}"
    out += [meta, "", esc(f.message), ""]
    if f.evidence:
        out.append(f"**{tr('evidence', lang)}:**")
        out.append("")
        for ev in f.evidence:
            line = f"- {esc(ev.label)}"
            if ev.text:
                line += f" — “{esc(ev.text)}”"
            if ev.note:
                line += f" *({esc(ev.note)})*"
            out.append(line)
            out += [f"  - {esc(sub)}" for sub in ev.sub]
        if f.more_evidence:
            out.append(f"- {esc(tr('and_more', lang, n=f.more_evidence))}")
        out.append("")
    out += [f"**{tr('recommendation', lang)}:** {esc(f.recommendation)}", ""]
    return out


def render_view(v: ReportView) -> str:
    lang = v.lang
    out = [
        f"# {esc(v.title)}: {esc(v.dataset_name)}",
        "",
        f"*{esc(tr('subtitle', lang))}*",
        "",
        f"- **{tr('period', lang)}:** {esc(v.period)}",
        f"- **{tr('as_of', lang)}:** {esc(v.as_of)} ({esc(v.timezone)})",
        f"- **{tr('text_backend', lang)}:** {esc(v.text_backend)}",
        "",
        f"## {tr('scores', lang)}",
        "",
        f"| # | {tr('mistake', lang)} | {tr('score', lang)} | | {tr('findings', lang)} |",
        "|--:|---|--:|---|--:|",
    ]
    for m in v.mistakes:
        found = f"{m.issues} {tr('issues', lang)}" + (f", {m.tips} {tr('tips', lang)}" if m.tips else "")
        out.append(
            f"| {m.number} | [{esc(m.title)}](#mistake-{m.number}) | **{m.score}** | `{_bar(m.score)}` | "
            f"{found} |"
        )
    out += [
        f"| | **{tr('overall', lang)}** | **{v.overall}** | `{_bar(v.overall)}` | |",
        "",
        f"*{esc(tr('score_help', lang))}*",
        "",
    ]

    out += [f"## {tr('top_findings', lang)}", ""]
    for m in v.mistakes:
        top = [f for f in m.top(3) if f.severity != "info"]
        if not top:
            continue
        out.append(f"- **{m.number}. {esc(m.title)}**")
        out += [f"  - {esc(f.severity_label)} · {esc(f.rule)} · {esc(f.title)}" for f in top]
    out.append("")

    s = v.stats
    if s.get("complaints"):
        c = s["complaints"]
        out += [
            esc(
                tr(
                    "complaints_total",
                    lang,
                    complaints=c.get("complaints", 0),
                    help=c.get("help_requests", 0),
                    unanswered=c.get("unanswered", 0),
                )
            ),
            "",
        ]
    if v.accounts:
        out += [
            f"### {tr('chart_accounts', lang)}",
            "",
            f"| {tr('account', lang)} | {tr('issues_col', lang)} | {tr('posts_col', lang)} | "
            f"{tr('days_over_col', lang)} | {tr('median_reply_col', lang)} | {tr('waiting', lang)} | "
            f"{tr('customers', lang)} | {tr('suspicious', lang)} |",
            "|---|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for a in sorted(v.accounts, key=lambda a: -a.issues):
            out.append(
                f"| {esc(a.label)} | **{a.issues}** | {_dash(a.posts)} | {_dash(a.days_over_cap)} | "
                f"{_num(a.median_hours)} | {_dash(a.unanswered)} | {a.customers} | {a.suspicious} |"
            )
        out.append("")
    if s.get("response"):
        out += [
            f"### {tr('chart_response', lang)}",
            "",
            f"| {tr('platform', lang)} | {tr('median', lang)} ({tr('hours', lang)}) | {tr('p90', lang)} "
            f"({tr('hours', lang)}) | {tr('answered', lang)} | {tr('waiting', lang)} | {tr('auto_share', lang)} |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        for r in s["response"]:
            out.append(
                f"| {esc(platform_name(r['platform'], lang))} | {_num(r.get('median_hours'))} | "
                f"{_num(r.get('p90_hours'))} | {_pct(r.get('answered_share'))} | "
                f"{r.get('unanswered_needing_reply', 0)} | {_pct(r.get('auto_answered_share'))} |"
            )
        out.append("")
    if s.get("posting"):
        out += [
            f"### {tr('chart_posting', lang)}",
            "",
            f"| {tr('account', lang)} | {tr('posts', lang)} | {tr('cap', lang)} | |",
            "|---|--:|--:|---|",
        ]
        for r in s["posting"]:
            busiest = r.get("busiest")
            note = tr("days_over_cap", lang, n=r["days_over_cap"], cap=r["cap"])
            if busiest:
                note += "; " + tr("busiest_day", lang, date=busiest[0], n=busiest[1])
            out.append(
                f"| {esc(r['handle'])} ({esc(platform_name(r['platform'], lang))}) | {r['posts']} | "
                f"{r['cap']} | {esc(note)} |"
            )
        out.append("")
    if s.get("followers"):
        out += [
            f"### {tr('chart_followers', lang)}",
            "",
            f"| {tr('account', lang)} | {tr('customers', lang)} | {tr('suspicious', lang)} | "
            f"{tr('inactive', lang)} | {tr('other', lang)} |",
            "|---|--:|--:|--:|--:|",
        ]
        for r in s["followers"]:
            n = max(1, r["following"])
            out.append(
                f"| {esc(r['handle'])} ({esc(platform_name(r['platform'], lang))}) | "
                f"{r['customers']} ({r['customers'] / n:.0%}) | {r['suspicious']} ({r['suspicious'] / n:.0%}) | "
                f"{r['inactive']} | {r['other']} |"
            )
        out.append("")

    out += [f"## {tr('all_findings', lang)}", ""]
    for m in v.mistakes:
        out += [f'<a id="mistake-{m.number}"></a>', "", f"### {m.number}. {esc(m.title)} — {m.score}/100", ""]
        if not m.findings:
            out += [esc(tr("no_findings", lang)), ""]
            continue
        if not m.problems:
            out += [esc(tr("only_tips", lang)), ""]
        for g in m.groups:
            for f in g.findings:
                out += _finding(f, lang)
            if g.omitted:
                out += [f"*{esc(tr('omitted_findings', lang, n=g.omitted))}*", ""]

    out += [f"## {tr('not_run', lang)}", ""]
    if v.not_run:
        out += [f"| {tr('rule', lang)} | {tr('reason', lang)} |", "|---|---|"]
        out += [f"| {esc(n['rule'])} | {esc(n['reason'])} |" for n in v.not_run]
    else:
        out.append(esc(tr("not_run_none", lang)))
    out += ["", f"## {tr('input_problems', lang)}", ""]
    if v.problems:
        out += [
            esc(tr("input_problems_summary", lang, **v.problem_counts)),
            "",
            f"| {tr('file', lang)} | {tr('line', lang)} | {tr('field', lang)} | {tr('message', lang)} |",
            "|---|--:|---|---|",
        ]
        for p in v.problems[:200]:
            out.append(
                f"| {esc(p['file'])} | {p['line'] if p['line'] is not None else ''} | {esc(p['field'] or '')} "
                f"| {esc(p['message'])} |"
            )
        if len(v.problems) > 200:
            out.append(f"\n{esc(tr('and_more', lang, n=len(v.problems) - 200))}")
    else:
        out.append(esc(tr("input_problems_none", lang)))
    out += ["", "---", f"*{esc(tr('generated_by', lang, version=v.version))}*", ""]
    return "\n".join(out)


def _dash(v: int | None) -> str:
    return "—" if v is None else str(v)


def _num(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}"


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.0%}"


def render_markdown(report: Report, lang: str = "en") -> str:
    return render_view(build_view(report, lang))
