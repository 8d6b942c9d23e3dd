"""Turn service exceptions into HTTP errors (404 / 409 / 422) the same way in every router."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException

from smguard.web.services.common import NotFound, Refused


@contextmanager
def service_errors() -> Iterator[None]:
    try:
        yield
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except Refused as exc:
        raise HTTPException(status_code=409, detail={"message": str(exc), **exc.data}) from None
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
