"""Configuration of the web workspace: one pydantic model, filled from arguments and ``SMGUARD_*`` variables."""

from __future__ import annotations

import os

from pydantic import BaseModel

from smguard.store.db import normalize_url


class Settings(BaseModel):
    db_url: str = "sqlite:///smguard.db"
    session_days: int = 14  # a login lasts this long
    secure_cookies: bool | None = None  # None: Secure when the request came over https
    upgrade_on_start: bool = True  # run the Alembic migrations when the app starts
    default_lang: str = "zh"  # UI language when the user has not chosen one (zh | en)

    @classmethod
    def from_env(cls, db_url: str | None = None, **overrides: object) -> Settings:
        env = os.environ
        values: dict[str, object] = {"db_url": normalize_url(db_url or env.get("SMGUARD_DATABASE_URL"))}
        if "SMGUARD_SECURE_COOKIES" in env:
            values["secure_cookies"] = env["SMGUARD_SECURE_COOKIES"].lower() in ("1", "true", "yes")
        if "SMGUARD_LANG" in env:
            values["default_lang"] = env["SMGUARD_LANG"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
