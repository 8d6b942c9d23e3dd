"""Login, logout, the home redirect and the language toggle."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from smguard.web.deps import OptionalUser, SessionDep, SettingsDep
from smguard.web.i18n import LANG_COOKIE, LANGS
from smguard.web.pages._common import home_for, redirect, render, safe_next
from smguard.web.services import auth as auth_service
from smguard.web.services import users as users_service

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(user: OptionalUser) -> Response:
    """Each role lands where its work is: managers on the dashboard, agents in the inbox, employees on the
    guidelines."""
    if user is None:
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse(home_for(user), status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, db: SessionDep, user: OptionalUser, next: str | None = None) -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next) or home_for(user), status_code=303)
    return render(
        request,
        "login.html",
        {"next": safe_next(next) or "", "error": None, "email": "", "demo_file": demo_users_file(request)},
        db=db,
    )


def demo_users_file(request: Request) -> str | None:
    """Where ``smguard serve`` saved the demo users' passwords (shown on the login page: the path, never the
    passwords), when that file exists next to a SQLite store."""
    url = request.app.state.settings.db_url
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///")).with_suffix(".demo-users.txt")
    return str(path.resolve()) if path.exists() else None


@router.post("/login", response_class=HTMLResponse)
def login_submit(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    target = safe_next(next)
    response = RedirectResponse(target or "/", status_code=303)
    user = auth_service.login(db, request, response, settings, email, password)
    if user is None:
        return render(
            request,
            "login.html",
            {
                "next": target or "",
                "error": "login.wrong",
                "email": email,
                "demo_file": demo_users_file(request),
            },
            status_code=401,
        )
    if target is None:
        response.headers["location"] = home_for(user)
    return response


@router.post("/logout")
def logout(request: Request, db: SessionDep, user: OptionalUser) -> Response:
    response = RedirectResponse("/login", status_code=303)
    if user is not None:
        auth_service.logout(db, request, response)
    return response


@router.post("/lang")
def set_language(
    request: Request,
    db: SessionDep,
    user: OptionalUser,
    lang: Annotated[str, Form()] = "zh",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """The zh/en toggle: a cookie for this browser and, when logged in, the user's profile language."""
    if lang not in LANGS:
        lang = "zh"
    response = redirect(safe_next(next) or "/")
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="lax", path="/")
    if user is not None:
        users_service.update_profile(db, user, lang=lang)
    return response
