"""Followers quality (mistake 5)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from smguard.store.models import User
from smguard.web.deps import SessionDep, require
from smguard.web.services import followers as svc

router = APIRouter(tags=["followers"])
Staff = Annotated[User, Depends(require("followers"))]


@router.get("/followers/quality")
def quality(db: SessionDep, user: Staff) -> list[dict[str, Any]]:
    """Per brand account: customer share, fake-looking and inactive share, engaged customers, follower trend."""
    return svc.quality(db)
