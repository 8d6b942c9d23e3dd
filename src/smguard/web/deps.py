"""FastAPI dependencies shared by the API and the pages: database session, current user, permissions, CSRF.

Use the typed aliases in routes::

    @router.get("/inbox")
    def inbox(db: SessionDep, user: Annotated[User, Depends(require("inbox"))]): ...

CSRF is checked for every POST/PUT/PATCH/DELETE by :func:`verify_csrf`, which ``create_app`` installs as a
global dependency: a state-changing request must carry the token in the ``X-CSRF-Token`` header (API, HTMX) or
in a ``csrf_token`` form field (HTML forms). Get the token for a template with :func:`csrf_token`.

Before login the token is a double-submit cookie (``smguard_csrf``, set by the app's middleware on any
response); after login it is the synchronizer token stored with the server-side session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from smguard.store.models import User, UserSession
from smguard.web.permissions import allowed
from smguard.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    session_for_token,
    tokens_equal,
)
from smguard.web.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    """One database session per request; committed when the route returns without error."""
    with request.app.state.sessionmaker() as db:
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise


# committed before the response is sent (scope "function"): with FastAPI's default scope the commit ran after
# the response, so the page a POST redirects to could be read before the write landed (a flaky browser test:
# "signature recorded" above a still-unsigned form)
SessionDep = Annotated[Session, Depends(get_db, scope="function")]
# for streamed responses that read the database while the body is sent (closed after the response)
StreamSessionDep = Annotated[Session, Depends(get_db, scope="request")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def _load_session(request: Request, db: Session) -> UserSession | None:
    if "smguard_session_row" not in request.state._state:
        row = session_for_token(db, request.cookies.get(SESSION_COOKIE))
        user = db.get(User, row.user_id) if row else None
        if user is None or not user.active:
            row, user = None, None
        request.state.smguard_session_row = row
        request.state.user = user
    return request.state.smguard_session_row


def get_optional_user(request: Request, db: SessionDep) -> User | None:
    """The logged-in user, or None (pages use this to redirect to the login page)."""
    _load_session(request, db)
    return request.state.user


OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def get_current_user(user: OptionalUser) -> User:
    """The logged-in user; 401 when there is none."""
    if user is None:
        raise HTTPException(status_code=401, detail="not logged in")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require(permission: str) -> Callable[[User], User]:
    """A dependency that returns the current user when their role has ``permission``, else 403."""

    def check(user: CurrentUser) -> User:
        if not allowed(user.role, permission):
            raise HTTPException(status_code=403, detail=f"your role ({user.role}) may not use {permission}")
        return user

    check.__name__ = f"require_{permission.replace('.', '_')}"
    return check


def csrf_token(request: Request) -> str:
    """The CSRF token to put in forms (``<input type=hidden name=csrf_token>``) and in HTMX headers.

    Call it after the current user was resolved (any route depending on ``OptionalUser``/``CurrentUser``).
    """
    row = getattr(request.state, "smguard_session_row", None)
    if row is not None:
        return row.csrf_token
    return request.cookies.get(CSRF_COOKIE) or request.state.anon_csrf


async def verify_csrf(request: Request, db: SessionDep) -> None:
    """Refuse a state-changing request whose CSRF token is missing or wrong (403)."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    row = _load_session(request, db)
    expected = row.csrf_token if row is not None else request.cookies.get(CSRF_COOKIE)
    if not tokens_equal(sent, expected):
        raise HTTPException(status_code=403, detail="CSRF token missing or invalid; reload the page")
