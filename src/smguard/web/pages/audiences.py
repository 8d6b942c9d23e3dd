"""Audiences and tools (mistake 4): segment sizes by location, age, gender, interests and customer status, the
CSV export for ads managers, campaigns with their targeting, and the marketing tools checklist."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from smguard.store.models import User
from smguard.web.api.audiences import segment
from smguard.web.deps import SessionDep
from smguard.web.pages._common import current_lang, page_user, render
from smguard.web.services import audiences as svc
from smguard.web.services.common import accounts

router = APIRouter()
Staff = Annotated[User, Depends(page_user("audiences"))]


def _int(value: str | None) -> int | None:
    try:
        n = int(value) if value not in (None, "") else None
    except ValueError:
        return None
    return n if n is None or 0 <= n <= 120 else None


@router.get("/audiences", response_class=HTMLResponse)
def audiences_page(request: Request, db: SessionDep, user: Staff) -> HTMLResponse:
    q = request.query_params
    genders = [g for g in q.getlist("gender") if g in ("female", "male", "other", "unknown")]
    customer = {"yes": True, "no": False}.get(q.get("customer") or "")
    seg = segment(
        account_id=q.get("account_id") or None,
        location=[x for x in q.getlist("location") if x] or None,
        age_min=_int(q.get("age_min")),
        age_max=_int(q.get("age_max")),
        gender=genders or None,
        interest=[x for x in q.getlist("interest") if x] or None,
        customer=customer,
    )
    everyone = svc.facets(db, svc.Segment(account_id=seg.account_id))
    lang = current_lang(request, user)
    brand = [a for a in accounts(db).values() if a.owner == "brand"]
    export_query = str(request.url.query)
    return render(
        request,
        "audiences.html",
        {
            "size": svc.size(db, seg),
            "facets": svc.facets(db, seg),
            "everyone": everyone,
            "q": q,
            "genders": genders,
            "customer": q.get("customer") or "",
            "campaigns": svc.campaigns(db),
            "tools": svc.tools_checklist(db, lang),
            "accounts": sorted(brand, key=lambda a: a.id),
            "export_url": "/api/audiences/export.csv" + (f"?{export_query}" if export_query else ""),
        },
        db=db,
        user=user,
    )
