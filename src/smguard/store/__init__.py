"""The workspace store: SQLAlchemy 2 tables (:mod:`.models`), engines and Alembic migrations (:mod:`.db`), and
filling it from a data set (:mod:`.load`)."""

from smguard.store.db import DEFAULT_DB_URL, make_engine, normalize_url, session_scope, upgrade

__all__ = ["DEFAULT_DB_URL", "make_engine", "normalize_url", "session_scope", "upgrade"]
