"""Users: create, list, change role or state; one's own profile."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smguard.store.models import ROLES, Employee, User
from smguard.web.security import create_user, hash_password, verify_password


def list_users(db: Session) -> list[User]:
    return list(db.scalars(select(User).order_by(User.id)))


def create(
    db: Session,
    email: str,
    password: str,
    role: str,
    name: str = "",
    employee_id: str | None = None,
    lang: str = "zh",
) -> User:
    return create_user(db, email, password, role, name=name, employee_id=employee_id, lang=lang)


def update(db: Session, user_id: int, acting: User, **changes: object) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise LookupError(user_id)
    if "role" in changes and changes["role"] is not None:
        if changes["role"] not in ROLES:
            raise ValueError(f"unknown role {changes['role']!r}")
        if user.id == acting.id and changes["role"] != "admin":
            raise ValueError("you cannot remove your own admin role")
        user.role = str(changes["role"])
    if changes.get("name") is not None:
        user.name = str(changes["name"])
    if "employee_id" in changes:
        eid = changes["employee_id"]
        if eid is not None and db.get(Employee, eid) is None:
            raise ValueError(f"no employee with id {eid!r}")
        user.employee_id = eid  # type: ignore[assignment]
    if changes.get("active") is not None:
        if user.id == acting.id and not changes["active"]:
            raise ValueError("you cannot deactivate yourself")
        user.active = bool(changes["active"])
    if user.role == "employee" and not user.employee_id:
        raise ValueError("an employee user must be linked to an employee id")
    db.flush()
    return user


def update_profile(
    db: Session,
    user: User,
    name: str | None = None,
    lang: str | None = None,
    password: str | None = None,
    current_password: str | None = None,
) -> User:
    if name is not None:
        user.name = name
    if lang is not None:
        if lang not in ("zh", "en"):
            raise ValueError("lang must be zh or en")
        user.lang = lang
    if password is not None:
        if not current_password or not verify_password(user.password_hash, current_password):
            raise ValueError("the current password is wrong")
        if len(password) < 8:
            raise ValueError("the password needs at least 8 characters")
        user.password_hash = hash_password(password)
    db.flush()
    return user


def count_admins(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active)) or 0
