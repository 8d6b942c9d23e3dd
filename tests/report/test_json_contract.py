"""The audit JSON holds CONTRACT §3 exactly: keys, types, score ranges and evidence shapes."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from smguard.cli.main import app
from smguard.rules.base import EVIDENCE_TYPES, SEVERITIES

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def audit_json(hostile_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.json"
    res = CliRunner().invoke(app, ["audit", str(hostile_dir), "--json", str(out)])
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text(encoding="utf-8"))


def check_contract(doc: dict) -> None:
    for key in ("smguard_version", "dataset", "scores", "overall", "findings", "not_run"):
        assert key in doc, key
    assert isinstance(doc["smguard_version"], str)
    ds = doc["dataset"]
    assert isinstance(ds["name"], str) and isinstance(ds["timezone"], str)
    assert set(ds["period"]) >= {"start", "end"}
    assert set(doc["scores"]) == {"1", "2", "3", "4", "5", "6"}
    for s in doc["scores"].values():
        assert isinstance(s, int) and 0 <= s <= 100
    assert isinstance(doc["overall"], int) and 0 <= doc["overall"] <= 100
    for f in doc["findings"]:
        assert re.match(r"^SM[1-6]\d\d$", f["rule"])
        assert f["mistake"] == int(f["rule"][2]) and f["mistake"] in range(1, 7)
        assert f["severity"] in SEVERITIES
        for k in ("title", "message", "recommendation"):
            assert isinstance(f[k], str) and f[k]
        assert f["account_id"] is None or isinstance(f["account_id"], str)
        assert isinstance(f["evidence"], list)
        for e in f["evidence"]:
            assert e["type"] in EVIDENCE_TYPES
            assert "id" in e
            if e["type"] == "day":
                assert DATE.match(e["date"]) and isinstance(e["account_id"], str)
            if e["type"] == "follower":
                assert isinstance(e["account_id"], str) and isinstance(e["id"], str)
    for n in doc["not_run"]:
        assert set(n) >= {"rule", "reason"} and n["reason"]


def test_audit_json_follows_the_contract(audit_json):
    check_contract(audit_json)
    assert audit_json["findings"], "the hostile data set has findings"


def test_evidence_names_the_exact_items(audit_json):
    by_rule = {f["rule"]: f for f in audit_json["findings"]}
    assert {"type": "message", "id": "c1"} in by_rule["SM301"]["evidence"]
    day = by_rule["SM601"]["evidence"][0]
    assert day["type"] == "day" and day["account_id"] == "ig" and day["date"] == "2026-10-20"
    assert {e["id"] for e in by_rule["SM101"]["evidence"]} <= {f"p{i}" for i in range(5)}


def test_missing_inputs_are_reported_as_not_run(audit_json):
    reasons = {n["rule"]: n["reason"] for n in audit_json["not_run"]}
    assert "SM402" in reasons and "campaigns" in reasons["SM402"]  # no campaigns.jsonl in this data set


def test_lang_zh_gives_chinese(hostile_dir, tmp_path):
    out = tmp_path / "zh"
    res = CliRunner().invoke(
        app,
        [
            "audit",
            str(hostile_dir),
            "--json",
            str(out / "r.json"),
            "--html",
            str(out / "r.html"),
            "--md",
            str(out / "r.md"),
            "--lang",
            "zh",
        ],
    )
    assert res.exit_code == 0, res.output
    doc = json.loads((out / "r.json").read_text(encoding="utf-8"))
    check_contract(doc)
    assert doc["lang"] == "zh"
    assert any(re.search(r"[\u4e00-\u9fff]", f["title"]) for f in doc["findings"])
    assert "社交媒体营销体检报告" in (out / "r.html").read_text(encoding="utf-8")
    assert "按错误分类的全部问题" in (out / "r.md").read_text(encoding="utf-8")
    assert "忽略求助信息和投诉" in res.output


def test_lang_defaults_to_the_data_set_language(hostile_dir, tmp_path):
    res = CliRunner().invoke(app, ["audit", str(hostile_dir), "--md", str(tmp_path / "r.md")])
    assert res.exit_code == 0
    assert "All findings by mistake" in (tmp_path / "r.md").read_text(encoding="utf-8")  # language = "en"
