"""Passwords (argon2), login sessions (random token in an HttpOnly cookie, its hash in the database) and CSRF
tokens (synchronizer token stored with the session; before login a double-submit cookie)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from smguard.store.models import ROLES, Employee, User, UserSession, utcnow

SESSION_COOKIE = "smguard_session"
CSRF_COOKIE = "smguard_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"

_hasher = PasswordHasher()


def cookie_secure(request: Any, settings: Any) -> bool:
    """Mark cookies Secure when configured so, or when the request came over https."""
    if settings.secure_cookies is not None:
        return bool(settings.secure_cookies)
    return request.url.scheme == "https"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_equal(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def authenticate(db: Session, email: str, password: str) -> User | None:
    user = db.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        _hasher.hash(password)  # same work either way: do not reveal which emails exist
        return None
    if not verify_password(user.password_hash, password):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def create_session(db: Session, user: User, days: int = 14) -> tuple[str, UserSession]:
    """Open a session for ``user``; returns the cookie token (shown once) and the row."""
    db.execute(delete(UserSession).where(UserSession.expires_at <= utcnow()))  # housekeeping
    token = new_token()
    row = UserSession(
        id=token_hash(token),
        user_id=user.id,
        csrf_token=new_token(),
        created_at=utcnow(),
        expires_at=utcnow() + timedelta(days=days),
    )
    db.add(row)
    db.flush()
    return token, row


def session_for_token(db: Session, token: str | None) -> UserSession | None:
    if not token:
        return None
    row = db.get(UserSession, token_hash(token))
    if row is None or row.expires_at <= utcnow():
        return None
    return row


def end_session(db: Session, token: str | None) -> None:
    if token:
        db.execute(delete(UserSession).where(UserSession.id == token_hash(token)))


def create_user(
    db: Session,
    email: str,
    password: str,
    role: str,
    name: str = "",
    employee_id: str | None = None,
    lang: str = "zh",
) -> User:
    """Create a user (email is case-insensitive and unique). Raises ValueError on bad input."""
    email = email.strip().lower()
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if "@" not in email:
        raise ValueError(f"{email!r} is not an email address")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    if db.scalar(select(User).where(User.email == email)) is not None:
        raise ValueError(f"a user with email {email} already exists")
    if role == "employee" and not employee_id:
        raise ValueError("an employee user must be linked to an employee id (--employee-id)")
    if employee_id and db.get(Employee, employee_id) is None:
        raise ValueError(f"no employee with id {employee_id!r} in the store (load the data set first)")
    user = User(
        email=email,
        password_hash=hash_password(password),
        role=role,
        name=name or email.split("@")[0],
        employee_id=employee_id,
        lang=lang,
        created_at=utcnow(),
    )
    db.add(user)
    db.flush()
    return user
