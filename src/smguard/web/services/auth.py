"""Log in and out: shared by ``/api/auth`` and the login page."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

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

# Failed logins: at most MAX_FAILURES per (client address, email) and MAX_FAILURES_PER_CLIENT per address in
# WINDOW seconds; beyond that, logins from there are refused until the window moves on. In memory, per process.
WINDOW = 15 * 60
MAX_FAILURES = 10
MAX_FAILURES_PER_CLIENT = 50
_failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
_lock = threading.Lock()


def _keys(request: Request, email: str) -> tuple[tuple[str, str], tuple[str, str]]:
    client = request.client.host if request.client else "?"
    return (client, email.strip().lower()), (client, "*")


def _recent(key: tuple[str, str], now: float) -> int:
    q = _failures.get(key)
    if not q:
        return 0
    while q and q[0] < now - WINDOW:
        q.popleft()
    return len(q)


def throttled(request: Request, email: str) -> bool:
    """True when too many logins failed lately from this address (for this email or overall)."""
    one, every = _keys(request, email)
    now = time.monotonic()
    with _lock:
        return _recent(one, now) >= MAX_FAILURES or _recent(every, now) >= MAX_FAILURES_PER_CLIENT


def _failed(request: Request, email: str) -> None:
    now = time.monotonic()
    with _lock:
        for key in _keys(request, email):
            _failures[key].append(now)


def login(
    db: Session, request: Request, response: Response, settings: Settings, email: str, password: str
) -> User | None:
    """Check the password; on success open a session and set its cookies on ``response``.

    Returns None for a wrong email or password, and also while the address is throttled after too many
    failures (:func:`throttled` tells the two apart)."""
    if throttled(request, email):
        return None
    user = authenticate(db, email, password)
    if user is None:
        _failed(request, email)
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
