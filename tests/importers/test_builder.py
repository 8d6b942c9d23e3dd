"""DatasetBuilder: validation against schema.TABLES, dedupe, merge with an existing data set."""

from __future__ import annotations

import json

import pytest

from smguard.dataset.schema import TABLES
from smguard.importers.base import ImportContext
from smguard.importers.builder import DatasetBuilder, RecordError, validate


def test_validate_normalises_and_rejects():
    rec = validate(
        TABLES["posts"],
        {"id": 1, "account_id": "x:1", "created_at": "2026-03-01T00:00:00+00:00", "link": None},
    )
    assert rec == {"id": "1", "account_id": "x:1", "created_at": "2026-03-01T00:00:00+00:00"}
    with pytest.raises(RecordError, match="created_at"):
        validate(TABLES["posts"], {"id": "1", "account_id": "x:1"})
    with pytest.raises(RecordError, match="channel"):
        validate(
            TABLES["messages"],
            {
                "id": "1",
                "account_id": "a",
                "created_at": "2026-03-01T00:00:00Z",
                "channel": "sms",
                "direction": "in",
            },
        )
    with pytest.raises(RecordError, match="media"):
        validate(
            TABLES["posts"],
            {
                "id": "1",
                "account_id": "a",
                "created_at": "2026-03-01T00:00:00Z",
                "media": [{"type": "hologram"}],
            },
        )
    with pytest.raises(RecordError, match="ISO"):
        validate(TABLES["posts"], {"id": "1", "account_id": "a", "created_at": "last tuesday"})
    with pytest.raises(RecordError, match="employee_id"):
        validate(TABLES["accounts"], {"id": "a", "platform": "x", "owner": "employee"})
    assert (
        validate(
            TABLES["posts"], {"id": "1", "account_id": "a", "created_at": "2026-03-01T00:00:00Z", "extra": 1}
        )["extra"]
        == 1
    )


def test_builder_dedupes_merges_and_reports(tmp_path):
    out = tmp_path / "ds"
    ctx = ImportContext()
    acc = {"id": "x:1", "platform": "x", "handle": "acme", "owner": "brand"}
    post = {"id": "x:10", "account_id": "x:1", "created_at": "2026-03-01T00:00:00+00:00", "text": "hi"}
    with DatasetBuilder(out, ctx, name='Acme "Coffee"', timezone="Asia/Shanghai") as b:
        b.source_label = "one"
        assert b.add("accounts", acc) == "added"
        assert b.add("posts", post) == "added"
        assert b.add("posts", post) == "duplicate"
        assert b.add("posts", {"id": "x:11"}, origin="f.json", position="record 2") == "invalid"
        assert b.add("nonsense", {}) == "invalid"
        assert (
            b.add(
                "messages",
                {
                    "id": "x:m",
                    "account_id": "x:404",
                    "created_at": "2026-03-01T00:00:00Z",
                    "channel": "dm",
                    "direction": "in",
                },
            )
            == "added"
        )
    assert b.counts[("one", "posts")] == {"added": 1, "duplicate": 1, "invalid": 1}
    errs = [str(p) for p in ctx.problems if p.level == "error"]
    assert any("f.json, record 2" in e and "created_at" in e for e in errs)
    warns = [str(p) for p in ctx.problems if p.level == "warning"]
    assert any("x:404" in w and "accounts.jsonl" in w for w in warns)
    toml = (out / "dataset.toml").read_text(encoding="utf-8")
    assert 'name = "Acme \\"Coffee\\""' in toml and 'timezone = "Asia/Shanghai"' in toml

    # a second run (another process) merges: nothing is duplicated, new records are appended
    ctx2 = ImportContext()
    with DatasetBuilder(out, ctx2, timezone="UTC") as b2:
        assert b2.add("posts", post) == "duplicate"
        assert b2.add("posts", {**post, "id": "x:12"}) == "added"
        assert b2.add("followers", {"account_id": "x:1", "user_id": "5"}) == "added"
        assert b2.add("followers", {"account_id": "x:1", "user_id": "5", "handle": "other"}) == "duplicate"
    posts = [json.loads(x) for x in (out / "posts.jsonl").read_text().splitlines()]
    assert [p["id"] for p in posts] == ["x:10", "x:12"]
    assert 'timezone = "Asia/Shanghai"' in (out / "dataset.toml").read_text()  # an existing toml is kept


def test_builder_writes_nothing_when_nothing_is_valid(tmp_path):
    with DatasetBuilder(tmp_path / "ds", ImportContext()) as b:
        b.add("posts", {"id": "x"})
    assert not (tmp_path / "ds" / "dataset.toml").exists()
    assert not (tmp_path / "ds" / "posts.jsonl").exists()


def test_many_invalid_records_are_summarised(tmp_path):
    ctx = ImportContext()
    with DatasetBuilder(tmp_path / "ds", ctx) as b:
        b.source_label = "s"
        for i in range(50):
            b.add("posts", {"id": str(i)}, origin="big.json")
    assert len(ctx.problems) == 21 and "only the first 20" in ctx.problems[-1].message


def test_a_table_kept_as_csv_is_not_hidden_by_a_new_jsonl(tmp_path):
    out = tmp_path / "ds"
    out.mkdir()
    (out / "posts.csv").write_text(
        "id,account_id,created_at\np1,x:1,2026-03-01T00:00:00Z\n", encoding="utf-8"
    )
    ctx = ImportContext()
    with DatasetBuilder(out, ctx) as b:
        assert (
            b.add("posts", {"id": "x:10", "account_id": "x:1", "created_at": "2026-03-01T00:00:00+00:00"})
            == "invalid"
        )
        assert b.add("accounts", {"id": "x:1", "platform": "x", "owner": "brand"}) == "added"
    assert not (out / "posts.jsonl").exists()
    assert any("posts.csv" in str(p) for p in ctx.problems)
