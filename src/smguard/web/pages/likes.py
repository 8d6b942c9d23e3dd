"""Likes and automation (mistake 6): the like queue (only fans' posts that mention the brand), auto-reply rules
(off-hours only by default, capped share) and the automated share per account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from smguard.store.models import User
from smguard.web.api.likes import RuleIn
from smguard.web.deps import SessionDep
from smguard.web.pages._common import not_found, page_user, redirect, render
from smguard.web.services import likes as svc
from smguard.web.services.common import Refused, accounts

router = APIRouter()
Liker = Annotated[User, Depends(page_user("likes"))]
Automator = Annotated[User, Depends(page_user("automation"))]


def _page(
    request: Request, db: SessionDep, user: User, *, error: str | None = None, status_code: int = 200
) -> HTMLResponse:
    accs = accounts(db)
    return render(
        request,
        "likes.html",
        {
            "queue": svc.like_queue(db, None, 15),
            "rules": svc.rules(db),
            "share": svc.automation_share(db),
            "accounts": accs,
            "brand": sorted((a for a in accs.values() if a.owner == "brand"), key=lambda a: a.id),
            "error": error,
            "max_share": svc.MAX_SHARE_LIMIT,
            "recommended_share": RuleIn.model_fields["max_share"].default,
            "brand_terms": svc.brand_terms(db),
        },
        db=db,
        user=user,
        status_code=status_code,
    )


@router.get("/likes", response_class=HTMLResponse)
def likes_page(request: Request, db: SessionDep, user: Liker) -> HTMLResponse:
    return _page(request, db, user)


@router.post("/likes/{message_id}/like", response_class=HTMLResponse)
def like(request: Request, message_id: str, db: SessionDep, user: Liker) -> Response:
    try:
        with not_found():
            svc.like(db, message_id)
    except Refused:
        db.rollback()
        return _page(request, db, user, error="likes.err_not_fan", status_code=409)
    if request.headers.get("HX-Request"):  # liked from the queue in place: the row says so, no reload
        return render(request, "_liked.html", {}, db=db, user=user)
    return redirect("/likes", "liked")


@router.post("/automation/rules", response_class=HTMLResponse)
def create_rule(
    request: Request,
    db: SessionDep,
    user: Automator,
    name: Annotated[str, Form()] = "",
    reply_text: Annotated[str, Form()] = "",
    trigger: Annotated[str, Form()] = "",
    account_id: Annotated[str, Form()] = "",
    off_hours_only: Annotated[bool, Form()] = False,
    off_hours_start: Annotated[int, Form(ge=0, le=23)] = 19,
    off_hours_end: Annotated[int, Form(ge=0, le=23)] = 9,
    max_share_pct: Annotated[float, Form(ge=0, le=100)] = 20,
) -> Response:
    try:
        svc.create_rule(
            db,
            name=name[:200] or reply_text[:40],
            reply_text=reply_text[:2000],
            trigger=trigger[:300],
            account_id=account_id or None,
            off_hours_only=off_hours_only,
            off_hours_start=off_hours_start,
            off_hours_end=off_hours_end,
            max_share=max_share_pct / 100,
            enabled=True,
        )
    except LookupError:
        db.rollback()
        return _page(request, db, user, error="likes.err_rule", status_code=422)
    except ValueError:
        db.rollback()
        return _page(request, db, user, error="likes.err_rule", status_code=422)
    return redirect("/likes#rules", "rule_added")


@router.post("/automation/rules/{rule_id}", response_class=HTMLResponse)
def change_rule(
    request: Request, rule_id: int, db: SessionDep, user: Automator, action: Annotated[str, Form()] = ""
) -> Response:
    with not_found():
        if action == "delete":
            svc.delete_rule(db, rule_id)
        elif action in ("enable", "disable"):
            svc.update_rule(db, rule_id, enabled=action == "enable")
        elif action == "off_hours":
            svc.update_rule(db, rule_id, off_hours_only=True)
    return redirect("/likes#rules", "rule_saved")
