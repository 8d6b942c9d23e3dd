"""Guidelines (mistake 2): read and sign the current version (every role; employees see only this), publish a
new version in Markdown, who has not signed, the embargo list and alerts on employee posts."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from markdown_it import MarkdownIt

from smguard.store.models import User
from smguard.web.deps import SessionDep
from smguard.web.pages._common import PageNotFound, not_found, page_user, parse_dt, redirect, render
from smguard.web.pages._queries import employee_names
from smguard.web.permissions import allowed
from smguard.web.services import guidelines as svc
from smguard.web.services.common import NotFound, Refused, now

router = APIRouter()
Reader = Annotated[User, Depends(page_user("guidelines.read"))]
Signer = Annotated[User, Depends(page_user("guidelines.sign"))]
Manager = Annotated[User, Depends(page_user("guidelines.manage"))]
EmbargoEditor = Annotated[User, Depends(page_user("embargo"))]

# CommonMark with raw HTML off: "<script>" in a guideline is shown as text, never run. markdown-it also refuses
# javascript:/data: link targets.
# Images are off too: a guideline must not make every reader's browser fetch a remote (tracking) picture.
_md = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .disable("image")
)


def render_markdown(text: str) -> str:
    return _md.render(text or "")


@router.get("/guidelines", response_class=HTMLResponse)
def read_page(request: Request, db: SessionDep, user: Reader, version: str | None = None) -> HTMLResponse:
    data = svc.overview(db, user)
    manager = allowed(user.role, "guidelines.manage")
    if not manager:  # a version published in the future is a draft: only managers see it before its date
        when = now()
        data["versions"] = [v for v in data["versions"] if (parse_dt(v["published_at"]) or when) <= when]
    shown = data["current"]
    if version:
        with not_found():
            shown = svc.guideline_json(svc.get(db, version))
        if not manager and all(v["version"] != version for v in data["versions"]):
            raise PageNotFound(version)
    return render(
        request,
        "guidelines/read.html",
        {
            "data": data,
            "shown": shown,
            "html": render_markdown(shown["text"]) if shown else "",
            "is_current": bool(shown and data["current"] and shown["version"] == data["current"]["version"]),
        },
        db=db,
        user=user,
    )


@router.post("/guidelines/sign", response_class=HTMLResponse)
def sign(request: Request, db: SessionDep, user: Signer, version: Annotated[str, Form()] = "") -> Response:
    try:
        svc.sign(db, user, version or None)
    except (NotFound, Refused):
        db.rollback()
        return redirect("/guidelines", "not_signed")
    return redirect("/guidelines", "signed")


@router.get("/guidelines/manage", response_class=HTMLResponse)
def manage_page(request: Request, db: SessionDep, user: Manager) -> HTMLResponse:
    return _manage(request, db, user)


def _manage(
    request: Request,
    db: SessionDep,
    user: User,
    *,
    error: str | None = None,
    draft: dict | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    data = svc.overview(db, user)
    return render(
        request,
        "guidelines/manage.html",
        {
            "data": data,
            "unsigned": svc.unsigned(db),
            "error": error,
            "draft": draft or {"text": (data["current"] or {}).get("text", ""), "title": "", "version": ""},
            "preview": render_markdown((draft or {}).get("text", "")) if draft else None,
        },
        db=db,
        user=user,
        status_code=status_code,
    )


@router.post("/guidelines/publish", response_class=HTMLResponse)
def publish(
    request: Request,
    db: SessionDep,
    user: Manager,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
    requires_signature: Annotated[bool, Form()] = False,
    preview: Annotated[str, Form()] = "",
) -> Response:
    draft = {"text": text, "title": title, "version": version}
    if preview:
        return _manage(request, db, user, draft=draft)
    try:
        svc.publish(db, user, text[:200_000], title or None, version or None, requires_signature)
    except Refused:
        db.rollback()
        return _manage(request, db, user, error="guidelines.err_version_exists", draft=draft, status_code=409)
    except ValueError:
        db.rollback()
        return _manage(request, db, user, error="guidelines.err_empty", draft=draft, status_code=422)
    return redirect("/guidelines/manage", "published")


@router.get("/guidelines/embargo", response_class=HTMLResponse)
def embargo_page(request: Request, db: SessionDep, user: EmbargoEditor) -> HTMLResponse:
    return _embargo(request, db, user)


def _embargo(
    request: Request, db: SessionDep, user: User, *, error: str | None = None, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "guidelines/embargo.html",
        {
            "embargo": svc.embargo_list(db),
            "alerts": svc.alerts(db),
            "error": error,
            "today": date.today(),
            "employees": employee_names(db),
        },
        db=db,
        user=user,
        status_code=status_code,
    )


def _aliases(text: str) -> list[str]:
    return [
        a.strip()
        for a in text.replace("，", ",").replace("、", ",").replace("\n", ",").split(",")
        if a.strip()
    ]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.post("/guidelines/embargo", response_class=HTMLResponse)
def embargo_add(
    request: Request,
    db: SessionDep,
    user: EmbargoEditor,
    term: Annotated[str, Form()] = "",
    aliases: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    until: Annotated[str, Form()] = "",
) -> Response:
    try:
        svc.embargo_create(db, term[:300], _aliases(aliases), reason or None, _date(until))
    except Refused:
        db.rollback()
        return _embargo(request, db, user, error="embargo.err_exists", status_code=409)
    except ValueError:
        db.rollback()
        return _embargo(request, db, user, error="embargo.err_empty", status_code=422)
    return redirect("/guidelines/embargo", "embargo_added")


@router.post("/guidelines/embargo/{embargo_id}", response_class=HTMLResponse)
def embargo_edit(
    request: Request,
    embargo_id: int,
    db: SessionDep,
    user: EmbargoEditor,
    aliases: Annotated[str, Form()] = "",
    until: Annotated[str, Form()] = "",
    delete: Annotated[str, Form()] = "",
) -> Response:
    with not_found():
        if delete:
            svc.embargo_delete(db, embargo_id)
            return redirect("/guidelines/embargo", "embargo_removed")
        svc.embargo_update(db, embargo_id, aliases=_aliases(aliases), until=_date(until))
    return redirect("/guidelines/embargo", "embargo_saved")
