"""Alembic environment for the store. Configured in code (see ``smguard.store.db.alembic_config``)."""

from __future__ import annotations

from alembic import context

from smguard.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
        from smguard.store.db import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite's limited ALTER TABLE
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
