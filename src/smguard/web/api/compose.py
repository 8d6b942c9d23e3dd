"""Composer and scheduler (mistakes 1, 2, 6): check a draft, schedule it, see the queue."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from smguard.store.models import User
from smguard.web.api._errors import service_errors
from smguard.web.deps import SessionDep, require
from smguard.web.services import compose as svc

router = APIRouter(tags=["compose"])
Composer = Annotated[User, Depends(require("compose"))]


class PostDraft(BaseModel):
    text: str = Field("", max_length=20000)
    platform: str | None = Field(None, description="weibo, x, … (or give account_id)")
    account_id: str | None = Field(None, description="checks cadence against this account's posts")
    media: list[str | dict[str, Any]] = Field(
        default_factory=list, description='["photo"] or [{"type": "video", "duration_s": 30}]'
    )
    link: str | None = None
    at: datetime | None = Field(None, description="publication time (ISO 8601); default now")


class ScheduleIn(PostDraft):
    confirm: bool = False  # schedule despite warnings (blocking issues always refuse)


def _input(d: PostDraft) -> svc.CheckInput:
    return svc.CheckInput(d.text, d.platform, d.account_id, svc.media_items(d.media), d.link, d.at)


@router.post("/check/post")
def check_post(body: PostDraft, db: SessionDep, user: Composer) -> dict[str, Any]:
    """Platform fit, embargo, daily cap and spacing for one draft; ``slots`` are the next allowed times.
    Changes nothing. ``ok`` is false when an issue is blocking."""
    with service_errors():
        return svc.check_post(db, _input(body)).to_json()


class Target(BaseModel):
    account_id: str | None = None
    platform: str | None = None
    text: str | None = Field(
        None, max_length=20000, description="adapted text for this target (default: the draft's)"
    )
    media: list[str | dict[str, Any]] | None = None
    link: str | None = None


class MultiDraft(PostDraft):
    targets: list[Target] = Field(min_length=1, max_length=20)


@router.post("/check/posts")
def check_posts(body: MultiDraft, db: SessionDep, user: Composer) -> list[dict[str, Any]]:
    """Write once, adapt per platform: the same checks for each target account or platform, in order."""
    with service_errors():
        return svc.check_many(db, _input(body), [t.model_dump() for t in body.targets])


@router.post("/posts", status_code=201)
def schedule(body: ScheduleIn, db: SessionDep, user: Composer) -> dict[str, Any]:
    """Schedule a post. 409 with the check when an issue blocks it (or warns and ``confirm`` is false)."""
    with service_errors():
        return svc.schedule_post(db, user, _input(body), confirm=body.confirm)


@router.get("/posts/queue")
def post_queue(
    db: SessionDep,
    user: Composer,
    account_id: str | None = None,
    start: datetime | None = None,
    days: Annotated[int, Query(ge=1, le=62)] = 14,
) -> list[dict[str, Any]]:
    """Posts in a window (default: from yesterday, 14 days) for the queue and calendar."""
    return svc.queue(db, account_id, start, days)


@router.delete("/posts/{post_id}", status_code=204)
def cancel_post(post_id: str, db: SessionDep, user: Composer) -> None:
    """Cancel a scheduled post."""
    with service_errors():
        svc.cancel(db, user, post_id)


@router.get("/posts/{post_id}")
def get_post(post_id: str, db: SessionDep, user: Composer) -> dict[str, Any]:
    with service_errors():
        return svc.post_json(svc.get_post(db, post_id))


@router.get("/accounts")
def accounts(db: SessionDep, user: Composer) -> list[dict[str, Any]]:
    """The social accounts (brand and employee) with their platform."""
    return svc.account_list(db)
