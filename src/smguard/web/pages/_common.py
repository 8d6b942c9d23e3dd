"""What every page shares: the Jinja2 environment (autoescape on), the language, the logged-in user with a
permission check that redirects to the login page, and the error pages.

Pages call the backend's services (:mod:`smguard.web.services`) exactly as the REST API does; they only turn
the results into HTML.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlencode, urlsplit
from zoneinfo import ZoneInfo

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from smguard.store.models import User
from smguard.web.deps import OptionalUser, csrf_token
from smguard.web.i18n import LANG_COOKIE, gettext, pick_lang
from smguard.web.permissions import allowed
from smguard.web.services.common import NotFound, timezone

TEMPLATES = Path(__file__).parents[1] / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,  # every template, whatever its file name
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.ChainableUndefined,
)
templates = Jinja2Templates(env=_env)

# Pages run only our own scripts (HTMX and smguard.js, no inline script, no eval-based HTMX features); inline
# style attributes draw the bars. Anything injected despite the escaping could not load or run code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)

# (permission, url, catalogue key) in menu order; a user sees the entries their role allows.
NAV = (
    ("dashboard", "/dashboard", "nav.dashboard"),
    ("inbox", "/inbox", "nav.inbox"),
    ("compose", "/compose", "nav.compose"),
    ("guidelines.read", "/guidelines", "nav.guidelines"),
    ("audiences", "/audiences", "nav.audiences"),
    ("followers", "/followers", "nav.followers"),
    ("likes", "/likes", "nav.likes"),
    ("users", "/users", "nav.users"),
)


class LoginRequired(Exception):
    def __init__(self, next_url: str):
        self.next_url = next_url


class PageForbidden(Exception):
    def __init__(self, permission: str):
        self.permission = permission


class PageNotFound(Exception):
    def __init__(self, detail: str = ""):
        self.detail = detail


def page_user(permission: str) -> Callable[..., User]:
    """Dependency: the logged-in user when their role has ``permission``; otherwise the login page (not logged
    in) or the 403 page."""

    def dep(request: Request, user: OptionalUser) -> User:
        if user is None:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired(target)
        # A plain copy for the error pages: they render after the request's database session is closed.
        request.state.page_user_view = SimpleNamespace(
            id=user.id,
            name=user.name,
            email=user.email,
            role=user.role,
            employee_id=user.employee_id,
            lang=user.lang,
        )
        request.state.page_csrf = csrf_token(request)
        if not allowed(user.role, permission):
            raise PageForbidden(permission)
        return user

    dep.__name__ = f"page_{permission.replace('.', '_')}"
    return dep


@contextmanager
def not_found() -> Iterator[None]:
    try:
        yield
    except NotFound as exc:
        raise PageNotFound(str(exc)) from None


def current_lang(request: Request, user: User | None = None) -> str:
    settings = request.app.state.settings
    return pick_lang(
        request.cookies.get(LANG_COOKIE),
        request.headers.get("accept-language"),
        user.lang if user is not None else None,
        settings.default_lang,
    )


def home_for(user: User) -> str:
    for perm, url, _ in NAV:
        if allowed(user.role, perm):
            return url
    return "/guidelines"


def safe_next(url: str | None) -> str | None:
    """Only local paths (no scheme, no //host): an open redirect would help phishing."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    return url


# ----------------------------------------------------------------------------------------------- formatting


def parse_dt(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def fmt_wait(seconds: int | float | None, lang: str) -> str:
    """A response clock: "45 min", "3 h 20 min", "2 d 4 h" (Chinese: 45 分钟, 3 小时 20 分, 2 天 4 小时)."""
    if seconds is None:
        return ""
    minutes = int(seconds // 60)
    zh = lang == "zh"
    if minutes < 1:
        return "不到 1 分钟" if zh else "< 1 min"
    if minutes < 60:
        return f"{minutes} 分钟" if zh else f"{minutes} min"
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return (
            (f"{hours} 小时 {mins} 分" if zh else f"{hours} h {mins} min")
            if mins
            else (f"{hours} 小时" if zh else f"{hours} h")
        )
    days, hours = divmod(hours, 24)
    return f"{days} 天 {hours} 小时" if zh else f"{days} d {hours} h"


def clock_class(seconds: int | None, needs_reply: bool) -> str:
    """Colour of a response clock: answered (grey), under 1 hour (ok), under 24 hours (late), older (overdue)."""
    if not needs_reply or seconds is None:
        return "clock-done"
    if seconds < 3600:
        return "clock-ok"
    if seconds < 86400:
        return "clock-late"
    return "clock-overdue"


def sparkline(
    values: list[float | None],
    width: int = 120,
    height: int = 32,
    lo: float | None = None,
    hi: float | None = None,
) -> dict[str, Any]:
    """Points of an inline SVG polyline (the template draws it): no JavaScript chart library needed."""
    pts = [(i, v) for i, v in enumerate(values) if v is not None]
    if not pts:
        return {"points": "", "width": width, "height": height, "last": None}
    vals = [v for _, v in pts]
    lo = min(vals) if lo is None else lo
    hi = max(vals) if hi is None else hi
    span = (hi - lo) or 1.0
    n = max(len(values) - 1, 1)
    coords = []
    for i, v in pts:
        x = 2 + (width - 4) * i / n
        y = height - 2 - (height - 4) * (v - lo) / span
        coords.append(f"{x:.1f},{y:.1f}")
    last_x, last_y = coords[-1].split(",")
    return {"points": " ".join(coords), "width": width, "height": height, "last": (last_x, last_y)}


def pct(value: float | None, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value * 100:.{digits}f}%"


def render(
    request: Request,
    name: str,
    ctx: dict[str, Any] | None = None,
    *,
    db: Session | None = None,
    status_code: int = 200,
    user: Any = None,
) -> HTMLResponse:
    """Render a page with the shared context: user, language, ``t()``, CSRF token, menu, time formatting."""
    user = user if user is not None else getattr(request.state, "user", None)
    lang = current_lang(request, user)
    tz_name = timezone(db) if db is not None else None  # error pages have no database session
    tz = ZoneInfo(tz_name or "UTC")

    def t(key: str, **kw: Any) -> str:
        return gettext(lang, key, **kw)

    def local(value: Any, fmt: str = "%Y-%m-%d %H:%M") -> str:
        dt = parse_dt(value)
        if dt is None:
            return ""
        if dt.tzinfo is not None:
            dt = dt.astimezone(tz)
        return dt.strftime(fmt)

    def url_with(**changes: Any) -> str:
        """The current URL with some query parameters changed (None removes one)."""
        params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
        params += [(k, v) for k, v in changes.items() if v is not None and v != ""]
        query = urlencode(params)
        return request.url.path + (f"?{query}" if query else "")

    nav = [(url, t(key)) for perm, url, key in NAV if user is not None and allowed(user.role, perm)]
    done = request.query_params.get("done")
    context = {
        "user": user,
        "lang": lang,
        "t": t,
        "csrf": getattr(request.state, "page_csrf", None) or csrf_token(request),
        "nav": nav,
        "path": request.url.path,
        "tz": tz_name,
        "local": local,
        "wait": lambda s: fmt_wait(s, lang),
        "clock_class": clock_class,
        "pct": pct,
        "url_with": url_with,
        "can": (lambda perm: user is not None and allowed(user.role, perm)),
        "flash": t(f"done.{done}") if done and gettext(lang, f"done.{done}") != f"done.{done}" else None,
        "quote": quote,
    }
    context.update(ctx or {})
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    return response


def redirect(url: str, done: str | None = None) -> RedirectResponse:
    """303 after a form post (the browser then GETs the page: reloading does not post twice)."""
    url, _, fragment = url.partition("#")
    if done:
        url += ("&" if "?" in url else "?") + f"done={done}"
    return RedirectResponse(url + (f"#{fragment}" if fragment else ""), status_code=303)


def install_handlers(app: FastAPI) -> None:
    """Login redirect, 403 and 404 pages for the HTML routes (the API keeps its JSON errors)."""

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        if request.headers.get("HX-Request"):
            # a live check after the session ended: send the browser to login, then back to its page
            current = urlsplit(request.headers.get("HX-Current-URL", ""))
            back = safe_next(current.path + (f"?{current.query}" if current.query else "")) or "/"
            return Response(status_code=200, headers={"HX-Redirect": "/login?" + urlencode({"next": back})})
        return RedirectResponse("/login?" + urlencode({"next": exc.next_url}), status_code=303)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden) -> HTMLResponse:
        return render(
            request,
            "error.html",
            {"status": 403, "permission": exc.permission},
            status_code=403,
            user=getattr(request.state, "page_user_view", None),
        )

    @app.exception_handler(PageNotFound)
    async def _missing(request: Request, exc: PageNotFound) -> HTMLResponse:
        return render(
            request,
            "error.html",
            {"status": 404, "detail": exc.detail},
            status_code=404,
            user=getattr(request.state, "page_user_view", None),
        )
