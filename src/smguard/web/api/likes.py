"""Likes queue and auto-reply rules (mistake 6)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from smguard.store.models import User
from smguard.web.api._errors import service_errors
from smguard.web.deps import SessionDep, require
from smguard.web.services import likes as svc

router = APIRouter(tags=["likes"])
Liker = Annotated[User, Depends(require("likes"))]
Automator = Annotated[User, Depends(require("automation"))]


class RuleIn(BaseModel):
    name: str = Field(max_length=200)
    reply_text: str = Field(max_length=2000)
    trigger: str = Field("", max_length=300, description="keyword; empty: any inbound message")
    account_id: str | None = None
    off_hours_only: bool = True
    off_hours_start: int = Field(19, ge=0, le=23)
    off_hours_end: int = Field(9, ge=0, le=23)
    max_share: float = Field(0.2, ge=0, le=svc.MAX_SHARE_LIMIT)
    enabled: bool = True


class RulePatch(BaseModel):
    name: str | None = Field(None, max_length=200)
    reply_text: str | None = Field(None, max_length=2000)
    trigger: str | None = Field(None, max_length=300)
    off_hours_only: bool | None = None
    off_hours_start: int | None = Field(None, ge=0, le=23)
    off_hours_end: int | None = Field(None, ge=0, le=23)
    max_share: float | None = Field(None, ge=0, le=svc.MAX_SHARE_LIMIT)
    enabled: bool | None = None


@router.get("/likes/queue")
def like_queue(
    db: SessionDep,
    user: Liker,
    account_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[dict[str, Any]]:
    """Fans' posts that mention the brand or its products, not liked yet (nothing else is proposed)."""
    return svc.like_queue(db, account_id, limit)


@router.post("/likes/queue/{message_id}/like", status_code=201)
def like(message_id: str, db: SessionDep, user: Liker) -> dict[str, Any]:
    with service_errors():
        return svc.like(db, message_id)


@router.get("/automation/rules")
def list_rules(db: SessionDep, user: Automator) -> list[dict[str, Any]]:
    return svc.rules(db)


@router.post("/automation/rules", status_code=201)
def create_rule(body: RuleIn, db: SessionDep, user: Automator) -> dict[str, Any]:
    """A new auto-reply rule: off-hours only and at most 20 % of replies by default."""
    with service_errors():
        return svc.create_rule(db, **body.model_dump())


@router.patch("/automation/rules/{rule_id}")
def update_rule(rule_id: int, body: RulePatch, db: SessionDep, user: Automator) -> dict[str, Any]:
    with service_errors():
        return svc.update_rule(db, rule_id, **body.model_dump(exclude_unset=True))


@router.delete("/automation/rules/{rule_id}", status_code=204)
def delete_rule(rule_id: int, db: SessionDep, user: Automator) -> None:
    with service_errors():
        svc.delete_rule(db, rule_id)


@router.get("/automation/share")
def share(db: SessionDep, user: Automator) -> list[dict[str, Any]]:
    """Share of automated replies per brand account over the last 30 days, against the rules' cap."""
    return svc.automation_share(db)


@router.get("/automation/rules/{rule_id}/may-fire")
def may_fire(rule_id: int, db: SessionDep, user: Automator, at: datetime | None = None) -> dict[str, Any]:
    """Would this rule answer at ``at`` (default now)? Off-hours only by default, and never over the cap."""
    with service_errors():
        return svc.may_fire(db, rule_id, at)
