"""Audiences and tools (mistake 4): segments with sizes, CSV export, campaigns, marketing tools checklist."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from smguard.store.models import User
from smguard.web.deps import SessionDep, StreamSessionDep, require
from smguard.web.services import audiences as svc

router = APIRouter(tags=["audiences"])
Staff = Annotated[User, Depends(require("audiences"))]
CampaignReader = Annotated[User, Depends(require("campaigns"))]
ToolReader = Annotated[User, Depends(require("tools"))]


def segment(
    account_id: str | None = None,
    location: Annotated[list[str] | None, Query()] = None,
    age_min: Annotated[int | None, Query(ge=0, le=120)] = None,
    age_max: Annotated[int | None, Query(ge=0, le=120)] = None,
    gender: Annotated[list[Literal["female", "male", "other", "unknown"]] | None, Query()] = None,
    interest: Annotated[list[str] | None, Query()] = None,
    customer: bool | None = None,
    include_suspect: bool = False,
) -> svc.Segment:
    """Segment filters (repeat location/gender/interest for several values)."""
    return svc.Segment(
        account_id,
        location,
        age_min,
        age_max,
        list(gender) if gender else None,
        interest,
        customer,
        include_suspect,
    )


SegmentDep = Annotated[svc.Segment, Depends(segment)]


@router.get("/audiences")
def audiences(db: SessionDep, user: Staff, seg: SegmentDep) -> dict[str, Any]:
    """Size of the segment and its split by location, age band, gender, interest and customer status."""
    return {"size": svc.size(db, seg), "facets": svc.facets(db, seg)}


@router.get("/audiences/export.csv", response_class=StreamingResponse)
def export(db: StreamSessionDep, user: Staff, seg: SegmentDep) -> StreamingResponse:
    """The segment as CSV for the platforms' ads managers (custom audiences)."""
    return StreamingResponse(
        svc.export_csv(db, seg),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="smguard-audience.csv"'},
    )


@router.get("/campaigns")
def campaigns(db: SessionDep, user: CampaignReader) -> list[dict[str, Any]]:
    """Campaigns with their targeting (``has_targeting`` false: nobody was targeted)."""
    return svc.campaigns(db)


@router.get("/tools")
def tools(db: SessionDep, user: ToolReader, lang: Literal["zh", "en"] | None = None) -> list[dict[str, Any]]:
    """Per brand account, the platform's own marketing tools, used or not."""
    return svc.tools_checklist(db, lang or user.lang)
