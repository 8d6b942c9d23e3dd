"""Guidelines (mistake 2): versions, publishing, signing, who has not signed, embargo list, alerts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from smguard.store.models import User
from smguard.web.api._errors import service_errors
from smguard.web.deps import SessionDep, require
from smguard.web.services import guidelines as svc

router = APIRouter(tags=["guidelines"])
Reader = Annotated[User, Depends(require("guidelines.read"))]
Signer = Annotated[User, Depends(require("guidelines.sign"))]
Manager = Annotated[User, Depends(require("guidelines.manage"))]
EmbargoEditor = Annotated[User, Depends(require("embargo"))]


class PublishIn(BaseModel):
    text: str = Field(max_length=200_000, description="Markdown")
    title: str | None = Field(None, max_length=300)
    version: str | None = Field(None, max_length=50, description="default: the next number")
    requires_signature: bool = True


class SignIn(BaseModel):
    version: str | None = None  # default: the current version


class EmbargoIn(BaseModel):
    term: str = Field(max_length=300)
    aliases: list[str] = Field(default_factory=list)
    reason: str | None = None
    until: date | None = None  # holds through the end of that day; null: until further notice


class EmbargoPatch(BaseModel):
    term: str | None = Field(None, max_length=300)
    aliases: list[str] | None = None
    reason: str | None = None
    until: date | None = None


@router.get("/guidelines")
def overview(db: SessionDep, user: Reader) -> dict[str, Any]:
    """The current version (Markdown), whether you signed it, and every version."""
    return svc.overview(db, user)


@router.get("/guidelines/unsigned")
def unsigned(db: SessionDep, user: Manager, version: str | None = None) -> dict[str, Any]:
    """Current employees who have not signed the version (default: current)."""
    with service_errors():
        return svc.unsigned(db, version)


@router.get("/guidelines/alerts")
def alerts(db: SessionDep, user: Manager) -> list[dict[str, Any]]:
    """Employee posts that mention an embargoed term while the embargo holds."""
    return svc.alerts(db)


@router.get("/guidelines/{version}")
def get_version(version: str, db: SessionDep, user: Reader) -> dict[str, Any]:
    with service_errors():
        return svc.guideline_json(svc.get(db, version))


@router.post("/guidelines", status_code=201)
def publish(body: PublishIn, db: SessionDep, user: Manager) -> dict[str, Any]:
    """Publish a new version now; employees must sign it (unless ``requires_signature`` is false)."""
    with service_errors():
        return svc.guideline_json(
            svc.publish(db, user, body.text, body.title, body.version, body.requires_signature)
        )


@router.post("/guidelines/sign")
def sign(db: SessionDep, user: Signer, body: SignIn | None = None) -> dict[str, Any]:
    """Sign the guidelines as the employee linked to your user."""
    with service_errors():
        return svc.sign(db, user, body.version if body else None)


@router.get("/embargo")
def embargo_list(db: SessionDep, user: EmbargoEditor) -> list[dict[str, Any]]:
    return svc.embargo_list(db)


@router.post("/embargo", status_code=201)
def embargo_create(body: EmbargoIn, db: SessionDep, user: EmbargoEditor) -> dict[str, Any]:
    with service_errors():
        return svc.embargo_create(db, body.term, body.aliases, body.reason, body.until)


@router.patch("/embargo/{embargo_id}")
def embargo_update(
    embargo_id: int, body: EmbargoPatch, db: SessionDep, user: EmbargoEditor
) -> dict[str, Any]:
    with service_errors():
        return svc.embargo_update(db, embargo_id, **body.model_dump(exclude_unset=True))


@router.delete("/embargo/{embargo_id}", status_code=204)
def embargo_delete(embargo_id: int, db: SessionDep, user: EmbargoEditor) -> None:
    with service_errors():
        svc.embargo_delete(db, embargo_id)
