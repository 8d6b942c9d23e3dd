"""The web workspace application factory.

``create_app(db_url)`` returns a FastAPI app with the REST API under ``/api`` (OpenAPI at
``/api/openapi.json``), the server-rendered pages of :mod:`smguard.web.pages` when that
package is present, and the vendored static files under ``/static``.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from smguard import __version__
from smguard.store.db import make_engine, session_factory, upgrade
from smguard.web.deps import verify_csrf
from smguard.web.security import CSRF_COOKIE, cookie_secure, new_token
from smguard.web.settings import Settings

log = logging.getLogger("smguard.web")

# No inline or foreign scripts: a script that slipped past escaping would not run. Inline style attributes are
# allowed (bar widths in the pages; htmx's indicator style).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

API_MODULES = (
    "auth",
    "dashboard",
    "inbox",
    "compose",
    "guidelines",
    "audiences",
    "followers",
    "likes",
    "users",
)


def create_app(
    db_url: str | None = None,
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    pages: bool = True,
    **overrides: Any,
) -> FastAPI:
    """Build the app. ``engine`` lets tests share one engine; otherwise one is made from ``db_url``.
    ``pages=False`` serves the API only (API tests, headless deployments)."""
    settings = settings or Settings.from_env(db_url, **overrides)
    engine = engine or make_engine(settings.db_url)
    if settings.upgrade_on_start:
        upgrade(engine)
    app = FastAPI(
        title="smguard workspace API",
        version=__version__,
        description="Inbox, composer, guidelines, audiences and dashboard of the smguard web workspace. "
        "State-changing calls need the session cookie and the X-CSRF-Token header "
        "(GET /api/auth/csrf gives the token).",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI would load from a CDN; the workspace vendors everything it serves
        redoc_url=None,
        dependencies=[Depends(verify_csrf)],
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = session_factory(engine)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        anon = None
        if not request.cookies.get(CSRF_COOKIE):
            anon = new_token()
        request.state.anon_csrf = anon
        response: Response = await call_next(request)
        if anon is not None:
            response.set_cookie(
                CSRF_COOKIE,
                anon,
                httponly=True,
                samesite="lax",
                secure=cookie_secure(request, settings),
                path="/",
            )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    for name in API_MODULES:
        module = importlib.import_module(f"smguard.web.api.{name}")
        app.include_router(module.router, prefix="/api")
        for extra in ("tone_router", "extra_router"):
            if hasattr(module, extra):
                app.include_router(getattr(module, extra), prefix="/api")

    if pages:
        _include_pages(app)
    static = Path(__file__).parent / "static"
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")
    return app


def _include_pages(app: FastAPI) -> None:
    """Include the HTML pages (``smguard.web.pages``: a ``router`` or a ``register(app)``) when present."""
    try:
        pages = importlib.import_module("smguard.web.pages")
    except ModuleNotFoundError as exc:
        if exc.name not in ("smguard.web.pages",):
            raise
        return
    if hasattr(pages, "register"):
        pages.register(app)
    elif hasattr(pages, "router"):
        app.include_router(pages.router)
