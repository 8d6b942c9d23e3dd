"""Every importer over the real samples in ../shared/formats (skipped when that folder is absent).

Each sample folder must import without an error-level problem into a data set whose every line parses and
has its table's required fields (``schema.TABLES``), and that the project's loader reads without errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smguard.dataset.schema import TABLES
from smguard.importers import registry
from smguard.importers.base import ImportContext
from smguard.importers.runner import import_sources

FORMATS = Path(__file__).resolve().parents[3] / "shared" / "formats"
# Folders that describe an API's fields (summaries of spec files), not data a user would import.
SPEC_ONLY = {
    "facebook/graph_api_specs": "field/type summary of Meta's Graph API spec files, not a response",
    "pinterest/api_v5_openapi": "schema summary of Pinterest's OpenAPI spec; no Pinterest importer (no verified export)",
}

SAMPLES = sorted(p for p in FORMATS.glob("*/*") if p.is_dir()) if FORMATS.is_dir() else []


def _id(p: Path) -> str:
    return f"{p.parent.name}/{p.name}"


@pytest.mark.skipif(not FORMATS.is_dir(), reason=f"real samples not found at {FORMATS} (../shared/formats)")
@pytest.mark.parametrize("sample", SAMPLES, ids=_id)
def test_real_sample_imports(sample: Path, tmp_path: Path):
    if _id(sample) in SPEC_ONLY:
        pytest.skip(SPEC_ONLY[_id(sample)])
    ctx = ImportContext()
    out = tmp_path / "ds"
    result = import_sources([sample], out, ctx)
    errors = [str(p) for p in ctx.problems if p.level == "error"]
    assert not errors, "\n".join(errors)
    assert result.read_anything, f"nothing imported from {sample}"
    assert (out / "accounts.jsonl").exists()
    for path in out.glob("*.jsonl"):
        table = TABLES[path.stem]
        required = [f.name for f in table.fields if f.required]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            missing = [f for f in required if rec.get(f) in (None, "")]
            assert not missing, f"{path.name}, line {n}: missing {missing}"
    try:
        from smguard.dataset.load import load_dataset
    except ImportError:  # the loader is optional for this test
        return
    ds = load_dataset(out)
    bad = [str(p) for p in ds.problems if p.severity == "error"]
    assert not bad, "\n".join(bad)


@pytest.mark.skipif(not FORMATS.is_dir(), reason=f"real samples not found at {FORMATS} (../shared/formats)")
def test_every_importer_reads_some_real_sample(tmp_path: Path):
    """Each registered importer claims files in at least one sample folder (when the platform has samples)."""
    from smguard.importers.base import Source

    claimed: dict[str, int] = {imp.name: 0 for imp in registry.all_importers()}
    for sample in SAMPLES:
        for imp, view in registry.assign(Source.open(sample)):
            claimed[imp.name] += len(view.members())
    platforms_with_samples = {
        "x",
        "facebook",
        "instagram",
        "youtube",
        "linkedin",
        "weibo",
        "wechat",
        "douyin",
        "tiktok",
    }
    missing = [
        name
        for name, n in claimed.items()
        if n == 0 and registry.get(name).platform in platforms_with_samples
    ]
    assert not missing, f"importers that read no real sample: {missing}"
