"""The server-rendered pages of the workspace: one module per resource, each calling the same services as
the REST API (:mod:`smguard.web.services`). ``create_app`` calls :func:`register`."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from smguard.web.pages import audiences, auth, compose, dashboard, followers, guidelines, inbox, likes, users
from smguard.web.pages._common import install_handlers

router = APIRouter(include_in_schema=False)
for _module in (auth, dashboard, inbox, compose, guidelines, audiences, followers, likes, users):
    router.include_router(_module.router)


def register(app: FastAPI) -> None:
    """Add the pages and their error handling (login redirect, 403 and 404 pages) to the app."""
    app.include_router(router)
    install_handlers(app)
