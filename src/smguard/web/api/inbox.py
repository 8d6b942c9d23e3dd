"""Inbox (mistake 3): list by urgency with response clocks, threads, replies with tone check, private offer,
assignment, resolution."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from smguard.store.models import User
from smguard.web.api._errors import service_errors
from smguard.web.deps import SessionDep, require
from smguard.web.services import inbox as svc

router = APIRouter(prefix="/inbox", tags=["inbox"])
Agent = Annotated[User, Depends(require("inbox"))]


class ReplyIn(BaseModel):
    text: str = Field(max_length=5000)
    private: bool = False  # answer by direct message
    confirm: bool = False  # send despite tone warnings


class ToneIn(BaseModel):
    text: str = Field(max_length=5000)
    message_id: str | None = None  # the message being answered (complaint checks)


class AssignIn(BaseModel):
    user_id: int | None


class ResolveIn(BaseModel):
    resolved: bool = True


class OfferIn(BaseModel):
    lang: Literal["zh", "en"] | None = None
    text: str | None = Field(None, max_length=2000)


@router.get("")
def list_inbox(
    db: SessionDep,
    user: Agent,
    view: Literal["all", "needs_reply"] = "all",
    label: Literal["abusive", "complaint", "help_request", "praise", "other"] | None = None,
    account_id: str | None = None,
    assigned: Annotated[str | None, Query(description="'me', 'none' or a user id")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Inbound messages, most urgent first (abusive/complaint, help request, other, praise), then the longest
    waiting. ``waiting_seconds`` is the response clock. Pass ``next_cursor`` as ``cursor`` for the next page."""
    with service_errors():
        return svc.list_inbox(db, user, svc.InboxFilter(view, label, account_id, assigned, limit, cursor))


@router.get("/counts")
def inbox_counts(db: SessionDep, user: Agent) -> dict[str, int]:
    """Open (needs reply) messages per label."""
    return svc.counts(db)


@router.get("/{message_id}")
def get_thread(message_id: str, db: SessionDep, user: Agent) -> dict[str, Any]:
    """The message's thread (oldest first), its state and suggested replies."""
    with service_errors():
        return svc.thread(db, message_id)


@router.get("/{message_id}/suggestions")
def get_suggestions(
    message_id: str, db: SessionDep, user: Agent, lang: Literal["zh", "en"] | None = None
) -> dict[str, list[str]]:
    """Suggested replies (complaints: apologise and promise a fix), in the message's language by default."""
    with service_errors():
        return {"suggestions": svc.suggestions(svc.get_message(db, message_id), lang)}


@router.post("/{message_id}/reply")
def reply(message_id: str, body: ReplyIn, db: SessionDep, user: Agent) -> dict[str, Any]:
    """Send a reply. 409 with ``tone`` when the tone check warns (resend with ``confirm``), or when the thread is
    private-only and the reply is public."""
    with service_errors():
        return svc.reply(db, user, message_id, body.text, private=body.private, confirm=body.confirm)


@router.post("/{message_id}/offer-private")
def offer_private(
    message_id: str, db: SessionDep, user: Agent, body: OfferIn | None = None
) -> dict[str, Any]:
    """Post one public offer to continue in private and mark the thread private-only (a second one: 409)."""
    body = body or OfferIn()
    with service_errors():
        return svc.offer_private(db, user, message_id, body.lang, body.text)


@router.post("/{message_id}/assign")
def assign(message_id: str, body: AssignIn, db: SessionDep, user: Agent) -> dict[str, Any]:
    with service_errors():
        return svc.assign(db, message_id, body.user_id)


@router.post("/{message_id}/resolve")
def resolve(message_id: str, body: ResolveIn, db: SessionDep, user: Agent) -> dict[str, Any]:
    with service_errors():
        return svc.resolve(db, message_id, body.resolved)


tone_router = APIRouter(prefix="/check", tags=["inbox"])


@tone_router.post("/reply")
def check_reply(body: ToneIn, db: SessionDep, user: Agent) -> dict[str, Any]:
    """Live tone check of a draft reply: warns on arguing/blaming, and for complaints on a missing apology or
    fix. Changes nothing."""
    with service_errors():
        about = svc.get_message(db, body.message_id) if body.message_id else None
        return svc.tone_check(body.text, about)
