"""Inbox (mistake 3): messages of every account by urgency with response clocks, the thread with its reply
composer (suggested replies, live tone check), the one-click private offer, assignment and resolution."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from smguard.store.models import LABELS, User
from smguard.web.deps import SessionDep
from smguard.web.pages._common import current_lang, not_found, page_user, redirect, render
from smguard.web.permissions import allowed
from smguard.web.services import compose as compose_svc
from smguard.web.services import inbox as svc
from smguard.web.services import users as users_svc
from smguard.web.services.common import NotFound, Refused, accounts

router = APIRouter()
Agent = Annotated[User, Depends(page_user("inbox"))]


def _team(db: SessionDep) -> list[User]:
    return [u for u in users_svc.list_users(db) if u.active and allowed(u.role, "inbox")]


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(
    request: Request,
    db: SessionDep,
    user: Agent,
    view: Literal["all", "needs_reply"] = "needs_reply",
    label: str | None = None,
    account_id: str | None = None,
    assigned: str | None = None,
    cursor: str | None = None,
) -> HTMLResponse:
    label = label if label in LABELS else None
    try:
        page = svc.list_inbox(
            db, user, svc.InboxFilter(view, label, account_id or None, assigned or None, 50, cursor or None)
        )
    except ValueError:  # a stale or hand-edited cursor / filter: start again from the top
        page = svc.list_inbox(db, user, svc.InboxFilter(view, label, None, None, 50, None))
    team = {u.id: u.name or u.email for u in _team(db)}
    return render(
        request,
        "inbox/list.html",
        {
            "items": page["items"],
            "next_cursor": page["next_cursor"],
            "counts": svc.counts(db),
            "view": view,
            "label": label,
            "account_id": account_id or "",
            "assigned": assigned or "",
            "labels": LABELS,
            "accounts": sorted(accounts(db).values(), key=lambda a: (a.owner != "brand", a.id)),
            "team": team,
            "cursor": cursor,
        },
        db=db,
        user=user,
    )


def _thread_page(
    request: Request,
    db: SessionDep,
    user: User,
    message_id: str,
    *,
    draft: str = "",
    tone: dict | None = None,
    error: str | None = None,
    private: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    with not_found():
        data = svc.thread(db, message_id)
    lang = current_lang(request, user)
    team = _team(db)
    names = {u.id: u.name or u.email for u in users_svc.list_users(db)}
    post = None
    if data["message"]["post_id"]:
        try:
            post = compose_svc.post_json(compose_svc.get_post(db, data["message"]["post_id"]))
        except NotFound:
            post = None
    return render(
        request,
        "inbox/thread.html",
        {
            "t_data": data,
            "post": post,
            "m": data["message"],
            "team": team,
            "names": names,
            "draft": draft,
            "tone": tone,
            "error": error,
            "private": private or data["private_only"] or data["message"]["channel"] == "dm",
            "suggestions": svc.suggestions(svc.get_message(db, message_id), lang)
            + (
                svc.suggestions(svc.get_message(db, message_id), "en" if lang == "zh" else "zh")
                if data["message"]["lang"] not in (None, "", lang[:2])
                else []
            ),
        },
        db=db,
        user=user,
        status_code=status_code,
    )


@router.get("/inbox/{message_id}", response_class=HTMLResponse)
def thread_page(request: Request, message_id: str, db: SessionDep, user: Agent) -> HTMLResponse:
    return _thread_page(request, db, user, message_id)


@router.post("/inbox/{message_id}/tone", response_class=HTMLResponse)
def tone_partial(
    request: Request, message_id: str, db: SessionDep, user: Agent, text: Annotated[str, Form()] = ""
) -> HTMLResponse:
    """The live tone check (HTMX): the backend's tone check of the draft, as a small warning box."""
    text = text[:5000]
    with not_found():
        about = svc.get_message(db, message_id)
    result = svc.tone_check(text, about) if text.strip() else None
    return render(request, "inbox/_tone.html", {"tone": result}, db=db, user=user)


@router.post("/inbox/{message_id}/reply", response_class=HTMLResponse)
def reply(
    request: Request,
    message_id: str,
    db: SessionDep,
    user: Agent,
    text: Annotated[str, Form()] = "",
    private: Annotated[bool, Form()] = False,
    confirm: Annotated[bool, Form()] = False,
) -> Response:
    try:
        svc.reply(db, user, message_id, text, private=private, confirm=confirm)
    except NotFound:
        return _thread_page(request, db, user, message_id)
    except Refused as exc:
        db.rollback()
        if exc.data.get("private_only"):
            return _thread_page(
                request,
                db,
                user,
                message_id,
                draft=text,
                error="inbox.err_private_only",
                private=True,
                status_code=409,
            )
        return _thread_page(
            request,
            db,
            user,
            message_id,
            draft=text,
            tone=exc.data.get("tone"),
            private=private,
            status_code=409,
        )
    except ValueError:
        return _thread_page(
            request,
            db,
            user,
            message_id,
            draft=text,
            error="inbox.err_empty",
            private=private,
            status_code=422,
        )
    return redirect(f"/inbox/{message_id}", "sent")


@router.post("/inbox/{message_id}/offer-private", response_class=HTMLResponse)
def offer_private(request: Request, message_id: str, db: SessionDep, user: Agent) -> Response:
    try:
        svc.offer_private(db, user, message_id, None)
    except NotFound:
        return _thread_page(request, db, user, message_id)
    except (Refused, ValueError):
        db.rollback()
        return _thread_page(request, db, user, message_id, error="inbox.err_offer_twice", status_code=409)
    return redirect(f"/inbox/{message_id}", "offered")


@router.post("/inbox/{message_id}/assign", response_class=HTMLResponse)
def assign(
    request: Request, message_id: str, db: SessionDep, user: Agent, user_id: Annotated[str, Form()] = ""
) -> Response:
    target = int(user_id) if user_id.strip().isdigit() else None
    try:
        with not_found():
            svc.assign(db, message_id, target)
    except ValueError:
        db.rollback()
        return _thread_page(request, db, user, message_id, error="inbox.err_assign", status_code=422)
    return redirect(f"/inbox/{message_id}", "assigned")


@router.post("/inbox/{message_id}/resolve", response_class=HTMLResponse)
def resolve(
    request: Request, message_id: str, db: SessionDep, user: Agent, resolved: Annotated[bool, Form()] = True
) -> Response:
    with not_found():
        svc.resolve(db, message_id, resolved)
    return redirect(f"/inbox/{message_id}", "resolved" if resolved else "reopened")
