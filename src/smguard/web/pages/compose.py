"""Composer and scheduler (mistakes 1, 2, 6): write once, adapt the text per account, live checks per account
(platform fit, embargo, daily cap and spacing, via the backend's ``check_post``), schedule, and a queue that
shows each day against the cap and proposes allowed slots."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from smguard.store.models import User
from smguard.web.deps import SessionDep
from smguard.web.pages._common import not_found, page_user, redirect, render
from smguard.web.pages._queries import daily_cap
from smguard.web.services import compose as svc
from smguard.web.services.common import NotFound, Refused, now, zone

router = APIRouter()
Composer = Annotated[User, Depends(page_user("compose"))]
MEDIA_KINDS = ("none", "photo", "video")


def _brand_accounts(db: Session) -> list[dict[str, Any]]:
    return [a for a in svc.account_list(db) if a["owner"] == "brand"]


def _media(form: Any) -> list[dict[str, Any]]:
    kind = str(form.get("media") or "none")
    if kind == "photo":
        try:
            n = max(1, min(int(form.get("photos") or 1), 50))
        except ValueError:
            n = 1
        return [{"type": "photo"} for _ in range(n)]
    if kind == "video":
        try:
            duration = max(1, int(float(form.get("duration_s") or 30)))
        except ValueError:
            duration = 30
        return [{"type": "video", "duration_s": duration}]
    return []


def _at(value: Any) -> datetime | None:
    """``datetime-local`` value (the workspace's time zone: the service reads a naive time that way)."""
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _inputs(form: Any, account_ids: list[str]) -> dict[str, svc.CheckInput]:
    master = str(form.get("text") or "")
    media = _media(form)
    link = str(form.get("link") or "").strip() or None
    at = _at(form.get("at"))
    out = {}
    for acc in account_ids:
        text = form.get(f"text__{acc}")
        text = master if text is None or not str(text).strip() else str(text)
        out[acc] = svc.CheckInput(text[:20000], None, acc, media, link, at)
    return out


def _default_at(db: Session) -> str:
    t = now().astimezone(zone(db)) + timedelta(hours=1)
    return t.replace(minute=0, second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M")


@router.get("/compose", response_class=HTMLResponse)
def compose_page(request: Request, db: SessionDep, user: Composer) -> HTMLResponse:
    accs = _brand_accounts(db)
    chosen = request.query_params.getlist("account") or ([accs[0]["id"]] if accs else [])
    return render(
        request,
        "compose/compose.html",
        {
            "accounts": accs,
            "chosen": chosen,
            "form": {
                "at": request.query_params.get("at") or _default_at(db),
                "media": "photo",
                "photos": 1,
                "text": "",
                "link": "",
            },
            "results": {},
            "scheduled": [],
            "media_kinds": MEDIA_KINDS,
            "variants": {},
        },
        db=db,
        user=user,
    )


@router.post("/compose/check", response_class=HTMLResponse)
async def check_partial(request: Request, db: SessionDep, user: Composer) -> HTMLResponse:
    """Live checks of one account's version of the draft (HTMX): fit, embargo, cap, spacing and slots."""
    form = await request.form()
    acc = str(form.get("account_id") or "")
    inp = _inputs(form, [acc])[acc]
    try:
        result = svc.check_post(db, inp).to_json()
        error = None
    except NotFound:
        result, error = None, "compose.err_account"
    except ValueError:
        result, error = None, "compose.err_input"
    return render(request, "compose/_check.html", {"r": result, "acc": acc, "error": error}, db=db, user=user)


@router.post("/compose", response_class=HTMLResponse)
async def schedule(request: Request, db: SessionDep, user: Composer) -> Response:
    """Schedule the draft on every ticked account; each one passes the same checks as the API."""
    form = await request.form()
    accs = _brand_accounts(db)
    known = {a["id"] for a in accs}
    chosen = [a for a in form.getlist("account") if a in known]
    confirm = form.get("confirm") in ("1", "true", "on")
    results: dict[str, dict[str, Any]] = {}
    scheduled: list[str] = []
    error = None
    if not chosen:
        error = "compose.err_no_account"
    elif _at(form.get("at")) is None:
        error = "compose.err_no_time"
    else:
        for acc, inp in _inputs(form, chosen).items():
            try:
                out = svc.schedule_post(db, user, inp, confirm=confirm)  # checks first, adds only if ok
                scheduled.append(acc)
                results[acc] = out["check"]
            except Refused as exc:
                results[acc] = exc.data.get("check") or {}
            except ValueError:
                error = "compose.err_input"
    if scheduled and len(scheduled) == len(chosen):
        at = _at(form.get("at"))
        start = (at.date() - timedelta(days=1)).isoformat() if at else None
        # show the calendar around the new post, so the team sees it next to the others of that day
        return redirect(f"/compose/queue?start={start}" if start else "/compose/queue", "scheduled")
    variants = {a: str(form.get(f"text__{a}") or "") for a in known}
    return render(
        request,
        "compose/compose.html",
        {
            "accounts": accs,
            "chosen": chosen,
            "results": results,
            "scheduled": scheduled,
            "error": error,
            "form": {k: form.get(k) or "" for k in ("text", "at", "media", "photos", "duration_s", "link")},
            "media_kinds": MEDIA_KINDS,
            "variants": variants,
        },
        db=db,
        user=user,
        status_code=409 if results else (422 if error else 200),
    )


@router.get("/compose/queue", response_class=HTMLResponse)
def queue_page(
    request: Request, db: SessionDep, user: Composer, account_id: str | None = None, start: str | None = None
) -> HTMLResponse:
    """Two weeks (from yesterday, or from ``start``): each account's posts per day against its cap, and the next
    allowed slots."""
    tz = zone(db)
    accs = _brand_accounts(db)
    if account_id:
        accs = [a for a in accs if a["id"] == account_id] or accs
    today = now().astimezone(tz).date()
    try:
        start_day = date.fromisoformat(start) if start else today - timedelta(days=1)
    except ValueError:
        start_day = today - timedelta(days=1)
    start = datetime.combine(start_day, datetime.min.time(), tz)
    days = [start_day + timedelta(days=i) for i in range(14)]
    posts = svc.queue(db, account_id or None, start, 14)
    grid: dict[str, dict[str, list[dict[str, Any]]]] = {a["id"]: {} for a in accs}
    for p in posts:
        if p["account_id"] in grid:
            day = datetime.fromisoformat(p["created_at"]).astimezone(tz).date().isoformat()
            grid[p["account_id"]].setdefault(day, []).append(p)
    rows = []
    for a in accs:
        probe = svc.check_post(db, svc.CheckInput("", None, a["id"], [], None, None))
        cap = next((i["data"]["cap"] for i in probe.issues if i["code"] == "over-daily-cap"), None)
        rows.append(
            {
                "account": a,
                "days": grid[a["id"]],
                "slots": [s.isoformat() for s in probe.slots[:3]],
                "cap": cap or daily_cap(db, a["platform"]),
            }
        )
    upcoming = [p for p in posts if p["status"] == "scheduled"]
    return render(
        request,
        "compose/queue.html",
        {
            "rows": rows,
            "days": days,
            "today": now().astimezone(tz).date(),
            "upcoming": upcoming,
            "account_id": account_id or "",
            "all_accounts": _brand_accounts(db),
        },
        db=db,
        user=user,
    )


@router.get("/compose/post/{post_id}", response_class=HTMLResponse)
def post_page(request: Request, post_id: str, db: SessionDep, user: Composer) -> HTMLResponse:
    with not_found():
        p = svc.post_json(svc.get_post(db, post_id))
    acc = next((a for a in svc.account_list(db) if a["id"] == p["account_id"]), None)
    return render(request, "compose/post.html", {"p": p, "acc": acc}, db=db, user=user)


@router.post("/compose/post/{post_id}/cancel", response_class=HTMLResponse)
def cancel(request: Request, post_id: str, db: SessionDep, user: Composer) -> Response:
    try:
        with not_found():
            svc.cancel(db, user, post_id)
    except Refused:
        db.rollback()
        return redirect(f"/compose/post/{post_id}", "not_cancelled")
    return redirect("/compose/queue", "cancelled")
