"""The page tests use the shared web fixtures (``tests/web/conftest.py``) with the pages switched on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smguard.web.app import create_app


@pytest.fixture
def app(template_db: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    shutil.copy(template_db, db)
    application = create_app(f"sqlite:///{db}", pages=True, upgrade_on_start=False)
    yield application
    application.state.engine.dispose()
