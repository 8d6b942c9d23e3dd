"""What the reader sees, in their language: plain data built once from a :class:`Report` for all renderers.

Like coverage.py's ``IndexPage``/``FileData``: the terminal, Markdown and HTML renderers only lay this out;
none of them computes or translates anything. Strings here are *plain text*: each renderer escapes them for
its own format (HTML autoescape, Markdown escaping, Rich without markup).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smguard.report.i18n import platform_name, tr
from smguard.report.model import MISTAKE_TITLES, Report
from smguard.report.stats import ITEMS_PER_FINDING, item_key, shown_findings
from smguard.rules.base import Evidence, Finding

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass
class EvidenceView:
    type: str
    id: str
    label: str  # "Post p00123 by @acme (Weibo), 2026-09-03 10:00"
    text: str | None = None  # the user's own words (post text, message, liked post), excerpted
    note: str | None = None  # "no answer yet", "answered after 52 h"
    sub: list[str] = field(default_factory=list)  # for a day: its posts, "09:30 p123 “text”"


@dataclass
class FindingView:
    rule: str
    rule_name: str
    mistake: int
    severity: str
    severity_label: str
    title: str
    message: str
    recommendation: str
    account: str | None
    evidence: list[EvidenceView]
    more_evidence: int
    anchor: str

    @property
    def brief(self) -> str:
        """A few words telling this finding apart from the others of its rule (account, the single item)."""
        if len(self.evidence) == 1 and self.evidence[0].type in ("post", "message", "like", "campaign"):
            return self.evidence[0].label
        return self.account or ""


@dataclass
class RuleGroup:
    rule: str
    rule_name: str
    findings: list[FindingView]
    omitted: int = 0  # findings of this rule not shown (they are all in the JSON report)

    @property
    def severity(self) -> str:
        return self.findings[0].severity


@dataclass
class MistakeView:
    number: int
    title: str
    score: int
    issues: int
    tips: int
    findings: list[FindingView]
    omitted: dict[str, int] = field(default_factory=dict)

    @property
    def problems(self) -> list[FindingView]:
        return [f for f in self.findings if f.severity != "info"]

    @property
    def level(self) -> str:
        return "good" if self.score >= 80 else ("fair" if self.score >= 50 else "poor")

    @property
    def groups(self) -> list[RuleGroup]:
        """Findings grouped by rule, most severe group first (the order of :attr:`findings`)."""
        out: dict[str, RuleGroup] = {}
        for f in self.findings:
            out.setdefault(
                f.rule, RuleGroup(f.rule, f.rule_name, [], self.omitted.get(f.rule, 0))
            ).findings.append(f)
        return list(out.values())

    def top(self, n: int = 3) -> list[FindingView]:
        """The ``n`` findings to show first: the most severe of each rule before a second one of any rule, so
        a summary names different problems rather than the same one three times. Tips only when no issue."""
        pool = self.problems or self.findings
        picked: list[FindingView] = []
        seen: set[str] = set()
        for f in pool:  # already ordered by severity, then rule
            if f.rule not in seen:
                picked.append(f)
                seen.add(f.rule)
        picked.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule))
        picked += [f for f in pool if f not in picked]
        return picked[:n]


@dataclass
class AccountRow:
    """One brand account at a glance: the numbers a manager compares between accounts."""

    account_id: str
    label: str
    posts: int | None
    days_over_cap: int | None
    median_hours: float | None
    unanswered: int | None
    customers: str
    suspicious: str
    issues: int


def account_rows(report: Report, lang: str) -> list[AccountRow]:
    s = report.stats or {}
    posting = {r["account_id"]: r for r in s.get("posting") or []}
    resp = {r["account_id"]: r for r in s.get("response_by_account") or []}
    foll = {r["account_id"]: r for r in s.get("followers") or []}
    issues: dict[str, int] = {}
    for f in report.findings:
        if f.severity != "info" and f.account_id:
            issues[f.account_id] = issues.get(f.account_id, 0) + 1
    out = []
    for a in s.get("accounts") or []:
        if a.get("owner") != "brand":
            continue
        aid = a["id"]
        p, r, fo = posting.get(aid) or {}, resp.get(aid) or {}, foll.get(aid)
        n = max(1, fo["following"]) if fo else 1
        out.append(
            AccountRow(
                account_id=aid,
                label=f"{a.get('handle') or aid} · {platform_name(a.get('platform'), lang)}",
                posts=p.get("posts"),
                days_over_cap=p.get("days_over_cap"),
                median_hours=r.get("median_hours"),
                unanswered=r.get("unanswered_needing_reply"),
                customers=f"{fo['customers'] / n:.0%}" if fo else "—",
                suspicious=f"{fo['suspicious'] / n:.0%}" if fo else "—",
                issues=issues.get(aid, 0),
            )
        )
    return out


@dataclass
class ReportView:
    lang: str
    title: str
    dataset_name: str
    period: str
    as_of: str
    timezone: str
    version: str
    overall: int
    mistakes: list[MistakeView]
    not_run: list[dict[str, str]]
    problems: list[dict[str, Any]]
    problem_counts: dict[str, int]
    text_backend: str
    counts: dict[str, int]
    stats: dict[str, Any] = field(default_factory=dict)
    accounts: list[AccountRow] = field(default_factory=list)

    @property
    def overall_level(self) -> str:
        return "good" if self.overall >= 80 else ("fair" if self.overall >= 50 else "poor")


def _day(dt_iso: str | None) -> str:
    return (dt_iso or "")[:10]


def describe(ev: Evidence, items: dict[str, dict[str, Any]], lang: str) -> EvidenceView:
    """One evidence item in words, with the user's text kept apart so that renderers can quote it."""
    e = ev.to_json()
    it = items.get(item_key(e)) or {}
    pf = platform_name(it.get("platform"), lang)
    handle = it.get("handle") or it.get("account_id") or e.get("account_id") or "?"
    eid = str(e.get("id") or "")
    t = ev.type
    if t == "post" and it:
        return EvidenceView(
            t,
            eid,
            tr("ev_post", lang, id=eid, handle=handle, platform=pf, when=it.get("when")),
            it.get("text"),
        )
    if t == "message" and it:
        if it.get("direction") == "out":
            label = tr("ev_message_out", lang, id=eid, handle=handle, platform=pf, when=it.get("when"))
            if it.get("automated"):
                label += tr("ev_message_auto", lang)
            return EvidenceView(t, eid, label, it.get("text"))
        ch = it.get("channel") or "comment"
        label = tr(
            "ev_message_in",
            lang,
            channel=tr(f"ch_{ch}", lang) if f"ch_{ch}" in _CHANNELS else ch,
            id=eid,
            author=it.get("author") or "?",
            handle=handle,
            platform=pf,
            when=it.get("when"),
        )
        note = None
        if "answered_after_hours" in it:
            h = it["answered_after_hours"]
            note = tr("ev_unanswered", lang) if h is None else tr("ev_answered_after", lang, hours=h)
        return EvidenceView(t, eid, label, it.get("text"), note)
    if t == "like" and it:
        return EvidenceView(
            t,
            eid,
            tr("ev_like", lang, id=eid, handle=handle, platform=pf, when=it.get("when")),
            it.get("text"),
        )
    if t == "day":
        d = e.get("date") or ""
        if it.get("posts"):
            sub = [f"{p['time']} {p['id']} “{p['text']}”" for p in it.get("post_list") or []]
            return EvidenceView(
                t, eid, tr("ev_day", lang, date=d, posts=it["posts"], handle=handle, platform=pf), sub=sub
            )
        return EvidenceView(t, eid, tr("ev_day_plain", lang, date=d, handle=handle, platform=pf))
    if t == "employee" and it:
        label = tr(
            "ev_employee", lang, id=eid, name=it.get("name") or "?", department=it.get("department") or "?"
        )
        if it.get("left_at"):
            label += tr("ev_employee_left", lang, left=it["left_at"])
        return EvidenceView(t, eid, label)
    if t == "campaign" and it:
        return EvidenceView(
            t,
            eid,
            tr(
                "ev_campaign",
                lang,
                id=eid,
                name=it.get("name") or "",
                kind=it.get("kind"),
                handle=handle,
                platform=pf,
                when=it.get("when") or "?",
            ),
        )
    if t == "follower" and it:
        return EvidenceView(
            t,
            eid,
            tr(
                "ev_follower",
                lang,
                author=it.get("author") or "?",
                id=eid,
                handle=handle,
                platform=pf,
                followers=_n(it.get("followers_count")),
                following=_n(it.get("following_count")),
                posts=_n(it.get("posts_count")),
            ),
        )
    if t == "account" and it:
        return EvidenceView(
            t,
            eid,
            tr(
                "ev_account",
                lang,
                handle=handle,
                platform=pf,
                owner=tr(f"owner_{it.get('owner') or 'brand'}", lang),
            ),
        )
    return EvidenceView(t, eid, tr("ev_unknown", lang, type=t, id=eid))


_CHANNELS = {"ch_comment", "ch_mention", "ch_dm", "ch_review"}


def _n(v: Any) -> str:
    return "?" if v is None else str(v)


def finding_view(
    f: Finding, items: dict[str, dict[str, Any]], names: dict[str, str], lang: str, index: int
) -> FindingView:
    account = None
    if f.account_id:
        it = items.get(f"account:{f.account_id}") or {}
        account = (
            f"{it.get('handle') or f.account_id} ({platform_name(it.get('platform'), lang)})"
            if it
            else f.account_id
        )
    shown = f.evidence[:ITEMS_PER_FINDING]
    return FindingView(
        rule=f.rule,
        rule_name=names.get(f.rule, ""),
        mistake=f.mistake,
        severity=f.severity,
        severity_label=tr(f"sev_{f.severity}", lang),
        title=f.title.get(lang),
        message=f.message.get(lang),
        recommendation=f.recommendation.get(lang),
        account=account,
        evidence=[describe(ev, items, lang) for ev in shown],
        more_evidence=len(f.evidence) - len(shown),
        anchor=f"f{index}",
    )


def text_backend_label(info: dict[str, Any], lang: str) -> str:
    backend = str(info.get("backend") or "none")
    if backend == "lexicon":
        return tr("text_backend_lexicon", lang)
    if backend in ("none", ""):
        return str(info.get("note") or backend)
    return tr("text_backend_model", lang, version=info.get("version") or backend)


def build_view(report: Report, lang: str = "en") -> ReportView:
    items = report.stats.get("items", {}) if report.stats else {}
    names = {r.code: r.name for r in report.rules}
    mistakes = []
    index = 0
    shown, omitted = shown_findings(report.findings)
    for m, (en, zh) in MISTAKE_TITLES.items():
        fs = report.findings_for(m)
        views = []
        for f in shown:
            if f.mistake == m:
                index += 1
                views.append(finding_view(f, items, names, lang, index))
        mistakes.append(
            MistakeView(
                number=m,
                title=zh if lang == "zh" else en,
                score=report.scores.get(m, 100),
                issues=sum(1 for f in fs if f.severity != "info"),
                tips=sum(1 for f in fs if f.severity == "info"),
                findings=views,
                omitted={r: n for r, n in omitted.items() if r.startswith(f"SM{m}")},
            )
        )
    errors = sum(1 for p in report.problems if p.severity == "error")
    problems = [
        {"file": p.file, "line": p.line, "field": p.field, "message": p.message, "severity": p.severity}
        for p in report.problems
    ]
    start, end = report.local_iso(report.period_start), report.local_iso(report.period_end)
    period = f"{_day(start)} – {_day(end)}" if start else "—"
    return ReportView(
        lang=lang,
        title=tr("report_title", lang),
        dataset_name=report.dataset_name,
        period=period,
        as_of=(report.local_iso(report.as_of) or "")[:16].replace("T", " "),
        timezone=report.timezone,
        version=report.version,
        overall=report.overall,
        mistakes=mistakes,
        not_run=[{**n, "name": names.get(n.get("rule", ""), "")} for n in report.not_run],
        problems=problems,
        problem_counts={"errors": errors, "warnings": len(problems) - errors},
        text_backend=text_backend_label(report.text_backend, lang),
        counts=dict(report.counts),
        stats=report.stats or {},
        accounts=account_rows(report, lang),
    )
