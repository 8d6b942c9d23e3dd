"""Dashboard: the six scores with their weekly trend, and the top findings linking to their evidence."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from smguard.store.models import User
from smguard.web.deps import SessionDep
from smguard.web.pages._common import current_lang, page_user, render, sparkline
from smguard.web.pages._queries import evidence_texts
from smguard.web.services import dashboard as svc

router = APIRouter()
Staff = Annotated[User, Depends(page_user("dashboard"))]

# Where each mistake is worked on in the workspace.
MISTAKE_PAGES = {
    1: "/compose",
    2: "/guidelines/manage",
    3: "/inbox?view=needs_reply",
    4: "/audiences",
    5: "/followers",
    6: "/likes",
}


def evidence_url(ev: dict[str, Any]) -> str | None:
    """The page that shows a piece of evidence (the service gives API paths; pages link to pages)."""
    kind, ident = ev.get("type"), ev.get("id")
    if not ident:
        return None
    if kind == "message":
        return f"/inbox/{ident}"
    if kind == "day":
        params = {
            k: v
            for k, v in (("account_id", ev.get("account_id")), ("start", ev.get("date") or ev.get("day")))
            if v
        }
        return "/compose/queue" + (f"?{urlencode(params)}" if params else "")
    return {
        "post": f"/compose/post/{ident}",
        "employee": "/guidelines/manage#unsigned",
        "campaign": "/audiences#campaigns",
        "follower": "/followers",
        "account": "/audiences#tools",
        "like": "/likes",
    }.get(kind)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, db: SessionDep, user: Staff) -> HTMLResponse:
    lang = current_lang(request, user)
    data = svc.dashboard(db, lang, top=10)
    trend = data["trend"]
    cards = []
    for m in range(1, 7):
        key = str(m)
        score = (data["scores"] or {}).get(key) if data["scores"] else None
        series = [(w["scores"] or {}).get(key) for w in trend]
        prev = next((v for v in reversed(series[:-1]) if v is not None), None) if len(series) > 1 else None
        cards.append(
            {
                "mistake": m,
                "title": data["mistakes"][key][lang],
                "score": score,
                "delta": (round(score - prev) if score is not None and prev is not None else None),
                "spark": sparkline(series, lo=0, hi=100),
                "findings": (data.get("findings_per_mistake") or {}).get(key, 0),
                "url": MISTAKE_PAGES[m],
            }
        )
    findings = []
    texts = evidence_texts(db, [e for f in data["top_findings"] for e in f.get("evidence", [])[:5]])
    for f in data["top_findings"]:
        evidence = [
            {**e, "url": evidence_url(e), "text": texts.get((e.get("type"), e.get("id")))}
            for e in f.get("evidence", [])[:5]
        ]
        findings.append({**f, "evidence": evidence, "more": max(0, len(f.get("evidence", [])) - 5)})
    overall_series = [w.get("overall") for w in trend]
    return render(
        request,
        "dashboard.html",
        {
            "data": data,
            "cards": cards,
            "findings": findings,
            "overall_spark": sparkline(overall_series, 240, 48),
            "weeks": [w["week"] for w in trend],
        },
        db=db,
        user=user,
    )
