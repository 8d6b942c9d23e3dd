"""Small helpers shared by the services: workspace settings (meta), time, accounts, bilingual texts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from smguard.store.models import Account, Meta


class NotFound(LookupError):
    """The item does not exist (404)."""


class Refused(ValueError):
    """The action is not allowed in the item's state (409); ``data`` goes into the response."""

    def __init__(self, message: str, data: dict[str, Any] | None = None):
        super().__init__(message)
        self.data = data or {}


def bi(en: str, zh: str) -> dict[str, str]:
    """A text in both UI languages."""
    return {"en": en, "zh": zh}


def get_meta(db: Session, key: str, default: Any = None) -> Any:
    row = db.get(Meta, key)
    return default if row is None or row.value is None else row.value


def set_meta(db: Session, key: str, value: Any) -> None:
    row = db.get(Meta, key)
    if row is None:
        db.add(Meta(key=key, value=value))
    else:
        row.value = value


def timezone(db: Session) -> str:
    return str(get_meta(db, "timezone", "UTC"))


def zone(db: Session) -> ZoneInfo:
    return ZoneInfo(timezone(db))


def now() -> datetime:
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def accounts(db: Session) -> dict[str, Account]:
    return {a.id: a for a in db.scalars(select(Account))}


def policy_value(db: Session, rule: str, option: str, default: Any) -> Any:
    """A threshold from the data set's ``[policy]`` (flat or ``[policy.SMxxx]``), else ``default``."""
    policy = get_meta(db, "policy", {}) or {}
    specific = policy.get(rule) or policy.get(rule.lower()) or {}
    if isinstance(specific, dict) and option in specific:
        return specific[option]
    return policy.get(option, default)


def iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None
