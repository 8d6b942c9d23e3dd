"""Log in and out: shared by ``/api/auth`` and the login page."""

from __future__ import annotations

from fastapi import Request, Response
from sqlalchemy.orm import Session

from smguard.store.models import User
from smguard.web.security import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    authenticate,
    cookie_secure,
    create_session,
    end_session,
)
from smguard.web.settings import Settings


def login(
    db: Session, request: Request, response: Response, settings: Settings, email: str, password: str
) -> User | None:
    """Check the password; on success open a session and set its cookies on ``response``."""
    user = authenticate(db, email, password)
    if user is None:
        return None
    end_session(db, request.cookies.get(SESSION_COOKIE))  # no session fixation
    token, row = create_session(db, user, settings.session_days)
    secure = cookie_secure(request, settings)
    max_age = settings.session_days * 86400
    response.set_cookie(
        SESSION_COOKIE, token, max_age=max_age, httponly=True, samesite="lax", secure=secure, path="/"
    )
    response.set_cookie(
        CSRF_COOKIE, row.csrf_token, max_age=max_age, httponly=True, samesite="lax", secure=secure, path="/"
    )
    request.state.smguard_session_row = row
    request.state.user = user
    return user


def logout(db: Session, request: Request, response: Response) -> None:
    end_session(db, request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
