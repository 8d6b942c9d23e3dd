"""Followers (mistake 5): customer share, fake-looking and inactive share, engaged customers, trend."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from smguard.store.models import User
from smguard.web.deps import SessionDep
from smguard.web.pages._common import page_user, render, sparkline
from smguard.web.services import followers as svc

router = APIRouter()
Staff = Annotated[User, Depends(page_user("followers"))]


@router.get("/followers", response_class=HTMLResponse)
def followers_page(request: Request, db: SessionDep, user: Staff) -> HTMLResponse:
    rows = svc.quality(db)
    for r in rows:
        series = [p["followers"] for p in r["trend"]][-90:]
        r["spark"] = sparkline(series, 160, 36)
        r["first"] = series[0] if series else None
        r["last"] = series[-1] if series else None
    totals = {
        k: sum(r[k] for r in rows)
        for k in ("followers", "customers", "suspect", "inactive", "engaged_customers")
    }
    return render(request, "followers.html", {"rows": rows, "totals": totals}, db=db, user=user)
