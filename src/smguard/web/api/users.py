"""Users (admin only) and one's own profile."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from smguard.store.models import User
from smguard.web.api.auth import UserOut, user_out
from smguard.web.deps import SessionDep, require
from smguard.web.services import users as svc

router = APIRouter(tags=["users"])
Admin = Annotated[User, Depends(require("users"))]
Me = Annotated[User, Depends(require("profile"))]


class UserCreate(BaseModel):
    email: str
    password: str
    role: Literal["admin", "manager", "agent", "employee"]
    name: str = ""
    employee_id: str | None = None
    lang: Literal["zh", "en"] = "zh"


class UserUpdate(BaseModel):
    role: Literal["admin", "manager", "agent", "employee"] | None = None
    name: str | None = None
    active: bool | None = None
    employee_id: str | None = None


class ProfileUpdate(BaseModel):
    name: str | None = None
    lang: Literal["zh", "en"] | None = None
    password: str | None = None
    current_password: str | None = None


@router.get("/users", response_model=list[UserOut])
def list_users(db: SessionDep, admin: Admin) -> list[UserOut]:
    return [user_out(u) for u in svc.list_users(db)]


@router.post("/users", response_model=UserOut, status_code=201)
def create_user(body: UserCreate, db: SessionDep, admin: Admin) -> UserOut:
    try:
        return user_out(svc.create(db, **body.model_dump()))
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.patch("/users/{user_id}", response_model=UserOut)
def update_user(user_id: int, body: UserUpdate, db: SessionDep, admin: Admin) -> UserOut:
    try:
        return user_out(svc.update(db, user_id, acting=admin, **body.model_dump(exclude_unset=True)))
    except LookupError:
        raise HTTPException(status_code=404, detail="no such user") from None
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.get("/profile", response_model=UserOut)
def get_profile(me: Me) -> UserOut:
    return user_out(me)


@router.patch("/profile", response_model=UserOut)
def update_profile(body: ProfileUpdate, db: SessionDep, me: Me) -> UserOut:
    try:
        return user_out(svc.update_profile(db, me, **body.model_dump(exclude_unset=True)))
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
