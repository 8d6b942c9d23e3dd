"""The terminal summary (Rich): six scores with bars, the top findings of each mistake with the exact items,
checks that could not run, input problems, and which text backend was used.

User text is never interpreted as Rich markup: every piece of it goes through :class:`rich.text.Text`.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from smguard.report.i18n import tr
from smguard.report.model import Report
from smguard.report.view import FindingView, ReportView, build_view

TOP_PER_MISTAKE = 3
EVIDENCE_PER_FINDING = 3
BAR = 20
COLORS = {"good": "green", "fair": "yellow", "poor": "red"}
SEV_COLORS = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def score_bar(score: int, width: int = BAR) -> Text:
    filled = round(score / 100 * width)
    level = "good" if score >= 80 else ("fair" if score >= 50 else "poor")
    t = Text("█" * filled, style=COLORS[level])
    t.append("░" * (width - filled), style="dim")
    return t


def _finding(f: FindingView, lang: str) -> Table:
    """One finding: a severity tag, then title, the exact items and what to do, wrapped with a hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=6, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    head = Text(f.rule + " ", style="bold")
    head.append(f.title)
    grid.add_row(Text(f.severity_label, style=SEV_COLORS[f.severity]), head)
    for ev in f.evidence[:EVIDENCE_PER_FINDING]:
        line = Text("• ", style="dim")
        line.append(ev.label, style="dim")
        if ev.note:
            line.append(f" ({ev.note})", style="italic")
        if ev.text:
            line.append("\n  “" + ev.text[:110] + ("…" if len(ev.text) > 110 else "") + "”")
        grid.add_row("", line)
    more = len(f.evidence) - EVIDENCE_PER_FINDING + f.more_evidence
    if more > 0:
        grid.add_row("", Text(tr("and_more", lang, n=more), style="dim"))
    grid.add_row(Text("     →", style="green"), Text(f.recommendation))
    return grid


def render_view(v: ReportView, console: Console) -> None:
    lang = v.lang
    head = Text()
    head.append(f"{v.title} — ", style="bold")
    head.append(v.dataset_name, style="bold")
    head.append(
        f"\n{tr('period', lang)}: {v.period}   {tr('as_of', lang)}: {v.as_of} ({v.timezone})", style="dim"
    )
    console.print(head)

    t = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 1))
    t.add_column("#", justify="right")
    t.add_column(tr("mistake", lang), overflow="fold")
    t.add_column(tr("score", lang), justify="right")
    t.add_column("")
    t.add_column(tr("findings", lang), justify="right")
    for m in v.mistakes:
        found = f"{m.issues} {tr('issues', lang)}" + (f", {m.tips} {tr('tips', lang)}" if m.tips else "")
        t.add_row(
            str(m.number), Text(m.title), Text(str(m.score), style=COLORS[m.level]), score_bar(m.score), found
        )
    t.add_row(
        "",
        Text(tr("overall", lang), style="bold"),
        Text(str(v.overall), style="bold " + COLORS[v.overall_level]),
        score_bar(v.overall),
        "",
    )
    console.print(t)
    console.print()

    for m in v.mistakes:
        shown = m.top(TOP_PER_MISTAKE)
        if not shown:
            continue
        title = Text(f"{m.number}. {m.title}", style="bold")
        title.append(f"  {m.score}/100", style=COLORS[m.level])
        body = [_finding(f, lang) for f in shown]
        rest = m.issues + m.tips - len(shown)
        if rest > 0:
            body.append(Text("  " + tr("more_findings", lang, n=rest), style="dim"))
        console.print(Panel(Group(*body), title=title, title_align="left", border_style=COLORS[m.level]))

    if v.not_run:
        nt = Table(title=tr("not_run", lang), title_justify="left", show_edge=False, box=None)
        nt.add_column(tr("rule", lang), style="bold")
        nt.add_column(tr("reason", lang))
        for n in v.not_run:
            nt.add_row(Text(n["rule"]), Text(n["reason"]))
        console.print(nt)
    else:
        console.print(Text(tr("not_run_none", lang), style="dim"))

    if v.problems:
        console.print(
            Text(
                tr("input_problems", lang) + ": " + tr("input_problems_summary", lang, **v.problem_counts),
                style="yellow",
            )
        )
        for p in v.problems[:5]:
            where = (
                p["file"]
                + (f":{p['line']}" if p["line"] is not None else "")
                + (f" [{p['field']}]" if p["field"] else "")
            )
            console.print(Text(f"  • {where}: {p['message']}"))
        if len(v.problems) > 5:
            console.print(Text("  " + tr("and_more", lang, n=len(v.problems) - 5), style="dim"))
    else:
        console.print(Text(tr("input_problems_none", lang), style="dim"))
    console.print(Text(f"{tr('text_backend', lang)}: {v.text_backend}", style="dim"))


def render_terminal(report: Report, console: Console, lang: str = "en") -> None:
    render_view(build_view(report, lang), console)
