"""Login, logout, the current user and the CSRF token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel

from smguard.web.deps import CurrentUser, OptionalUser, SessionDep, SettingsDep, csrf_token
from smguard.web.permissions import permissions_of
from smguard.web.services import auth as auth_service

router = APIRouter(prefix="/auth", tags=["auth"])


class LoginIn(BaseModel):
    email: str
    password: str


class UserOut(BaseModel):
    id: int
    email: str
    name: str
    role: str
    employee_id: str | None
    lang: str
    permissions: list[str]


def user_out(user) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        employee_id=user.employee_id,
        lang=user.lang,
        permissions=permissions_of(user.role),
    )


@router.get("/csrf")
def get_csrf(request: Request, user: OptionalUser) -> dict[str, str]:
    """The CSRF token to send as ``X-CSRF-Token`` with every state-changing call (also before login)."""
    return {"csrf_token": csrf_token(request)}


@router.post("/login")
def login(body: LoginIn, request: Request, response: Response, db: SessionDep, settings: SettingsDep) -> dict:
    """Open a session (HttpOnly cookie). Returns the user and the new CSRF token."""
    if auth_service.throttled(request, body.email):
        raise HTTPException(status_code=429, detail="too many failed logins; try again in 15 minutes")
    user = auth_service.login(db, request, response, settings, body.email, body.password)
    if user is None:
        raise HTTPException(status_code=401, detail="wrong email or password")
    return {"user": user_out(user).model_dump(), "csrf_token": csrf_token(request)}


@router.post("/logout")
def logout(request: Request, response: Response, db: SessionDep, user: CurrentUser) -> dict[str, bool]:
    auth_service.logout(db, request, response)
    return {"ok": True}


@router.get("/me", response_model=UserOut)
def me(user: CurrentUser) -> UserOut:
    return user_out(user)
