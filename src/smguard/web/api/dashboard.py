"""Dashboard: the six scores, their weekly trend, top findings with links to their evidence."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from smguard.store.models import User
from smguard.web.deps import SessionDep, require
from smguard.web.services import dashboard as svc

router = APIRouter(tags=["dashboard"])
Staff = Annotated[User, Depends(require("dashboard"))]


@router.get("/dashboard")
def dashboard(
    db: SessionDep,
    user: Staff,
    lang: Literal["zh", "en"] | None = None,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """Scores (0-100 per mistake, 100 = no sign of it), overall, weekly trend and the top findings."""
    return svc.dashboard(db, lang or user.lang, top)


@router.get("/findings")
def findings(
    db: SessionDep,
    user: Staff,
    mistake: Annotated[int | None, Query(ge=1, le=6)] = None,
    lang: Literal["zh", "en"] | None = None,
) -> list[dict[str, Any]]:
    """Every finding of the latest audit snapshot, optionally of one mistake."""
    return svc.findings(db, mistake, lang or user.lang)
