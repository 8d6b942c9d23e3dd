"""Auto-detection: each of the project's fixture folders goes to the right importer, and only to it."""

from __future__ import annotations

import pytest
from _helpers import FIXTURES

from smguard.importers import registry
from smguard.importers.base import Source

EXPECTED = {
    "x_archive": {"x_archive"},
    "x_api": {"x_api"},
    "facebook_graph": {"facebook"},
    "facebook_dyi": {"facebook"},
    "instagram_dyi": {"instagram"},
    "instagram_graph": {"instagram"},
    "youtube": {"youtube"},
    "linkedin": {"linkedin"},
    "linkedin_api": {"linkedin"},
}


@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_detection(folder):
    src = Source.open(FIXTURES / folder)
    plan = registry.assign(src)
    assert {imp.name for imp, _ in plan} == EXPECTED[folder]
    assert {imp.name for imp in registry.detect_importers(src)} >= EXPECTED[folder]
    claimed = [m for _, view in plan for m in view.members()]
    assert len(claimed) == len(set(claimed))  # a file goes to one importer only


def test_lookup():
    assert registry.get("x_archive").platform == "x"
    with pytest.raises(KeyError, match="known formats"):
        registry.get("myspace")
    names = registry.names()
    assert len(names) == len(set(names))
    for imp in registry.all_importers():
        assert imp.name and imp.description and imp.platform
