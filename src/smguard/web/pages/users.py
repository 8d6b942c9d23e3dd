"""Users (admin only): the team's logins, their roles, creating one, changing a role, deactivating."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from smguard.store.models import ROLES, Employee, User
from smguard.web.deps import SessionDep
from smguard.web.pages._common import not_found, page_user, redirect, render
from smguard.web.services import users as svc
from smguard.web.services.common import NotFound

router = APIRouter()
Admin = Annotated[User, Depends(page_user("users"))]


def _page(
    request: Request,
    db: Session,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
    draft: dict | None = None,
) -> HTMLResponse:
    employees = list(db.scalars(select(Employee).where(Employee.left_at.is_(None)).order_by(Employee.name)))
    return render(
        request,
        "users.html",
        {
            "users": svc.list_users(db),
            "roles": ROLES,
            "employees": employees,
            "employee_names": {e.id: e.name or e.id for e in employees},
            "error": error,
            "draft": draft or {"email": "", "name": "", "role": "agent", "employee_id": ""},
        },
        db=db,
        user=user,
        status_code=status_code,
    )


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, db: SessionDep, user: Admin) -> HTMLResponse:
    return _page(request, db, user)


@router.post("/users", response_class=HTMLResponse)
def create(
    request: Request,
    db: SessionDep,
    user: Admin,
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "agent",
    password: Annotated[str, Form()] = "",
    employee_id: Annotated[str, Form()] = "",
) -> Response:
    draft = {"email": email, "name": name, "role": role, "employee_id": employee_id}
    try:
        svc.create(
            db,
            email,
            password,
            role,
            name=name,
            employee_id=employee_id or None,
            lang="zh" if request.cookies.get("smguard_lang") != "en" else "en",
        )
    except ValueError as exc:
        db.rollback()
        return _page(request, db, user, error=str(exc), status_code=422, draft=draft)
    return redirect("/users", "user_created")


@router.post("/users/{user_id}", response_class=HTMLResponse)
def update(
    request: Request,
    user_id: int,
    db: SessionDep,
    user: Admin,
    role: Annotated[str, Form()] = "",
    active: Annotated[bool, Form()] = False,
    employee_id: Annotated[str, Form()] = "",
) -> Response:
    try:
        with not_found():
            try:
                svc.update(
                    db,
                    user_id,
                    acting=user,
                    role=role or None,
                    active=active,
                    employee_id=employee_id or None,
                )
            except LookupError:
                raise NotFound(f"no user {user_id}") from None
    except ValueError as exc:
        db.rollback()
        return _page(request, db, user, error=str(exc), status_code=422)
    return redirect("/users", "user_saved")
