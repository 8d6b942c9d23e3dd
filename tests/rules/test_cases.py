"""Data-driven fixture cases for every rule: tests/rules/cases/SMxxx.json (the sqlfluff pattern).

A case file::

    {"rule": "SM601",
     "cases": {
       "fail_four_posts_on_one_day": {
          "settings": {"timezone": "Asia/Shanghai", "as_of": "..."},     # dataset.toml, optional
          "tables": {"accounts": [...], "posts": [...]},                  # the data set
          "labels": {"some message text": {"complaint": true}},          # pin text labels, optional
          "expect": {"count": 1, "severity": "medium",                   # optional details
                     "evidence": [{"type": "day", "account_id": "a1", "date": "2026-10-01"}]}},
       "pass_three_posts": {"tables": {...}}}}

A ``fail_`` case must produce at least one finding of the rule with severity low/medium/high (and, when given,
the expected count, severity and evidence items); a ``pass_`` case must produce none of those (info is allowed);
an ``info_`` case must produce an info finding; a ``notrun_`` case must put the rule in ``not_run``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smguard.rules import REGISTRY, all_rules
from smguard.rules.engine import run_rules
from smguard.testing import make_dataset, overriding_labeler

CASES_DIR = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES_DIR.glob("SM*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(data["rule"], name, case, id=f"{data['rule']}-{name}")


@pytest.mark.parametrize(("code", "name", "case"), list(_cases()))
def test_rule_case(tmp_path, code, name, case):
    all_rules()
    assert code in REGISTRY, f"{code} has a case file but no rule"
    ds = make_dataset(tmp_path / "ds", case["tables"], case.get("settings"))
    errors = [p for p in ds.problems if p.severity == "error"]
    assert not errors, f"fixture data of {code}/{name} has problems: {[str(p) for p in errors]}"
    result = run_rules(
        ds, select=lambda r: r.code == code, labeler=overriding_labeler(case.get("labels")), strict=True
    )
    mine = [f for f in result.findings if f.rule == code]
    real = [f for f in mine if f.severity != "info"]
    expect = case.get("expect", {})
    if name.startswith("fail_"):
        assert real, f"{code}/{name}: expected a finding, got none (not_run={result.not_run})"
    elif name.startswith("pass_"):
        assert not real, f"{code}/{name}: expected no finding, got {[f.to_json() for f in real]}"
    elif name.startswith("info_"):
        assert any(f.severity == "info" for f in mine), f"{code}/{name}: expected an info finding"
    elif name.startswith("notrun_"):
        assert any(n["rule"] == code for n in result.not_run), f"{code}/{name}: expected not_run"
        return
    else:
        pytest.fail(f"case name {name!r} must start with fail_, pass_, info_ or notrun_")
    if "count" in expect:
        assert len(real) == expect["count"], [f.to_json() for f in real]
    if "severity" in expect:
        assert {f.severity for f in real} == {expect["severity"]}, [f.to_json() for f in real]
    for ev in expect.get("evidence", []):
        got = [e.to_json() for f in mine for e in f.evidence]
        assert any(all(g.get(k) == v for k, v in ev.items()) for g in got), f"evidence {ev} not in {got}"
    for ev in expect.get("no_evidence", []):
        got = [e.to_json() for f in real for e in f.evidence]
        assert not any(all(g.get(k) == v for k, v in ev.items()) for g in got), f"unexpected evidence {ev}"


def test_every_rule_has_fail_and_pass_cases():
    codes = {
        json.loads(p.read_text(encoding="utf-8"))["rule"]: json.loads(p.read_text(encoding="utf-8"))
        for p in CASES_DIR.glob("SM*.json")
    }
    for r in all_rules():
        assert r.code in codes, f"{r.code} has no fixture cases (tests/rules/cases/{r.code}.json)"
        names = codes[r.code]["cases"]
        assert any(n.startswith(("fail_", "info_")) for n in names), f"{r.code} needs a fail_ case"
        assert any(n.startswith("pass_") for n in names), f"{r.code} needs a pass_ case"


def test_every_rule_is_documented():
    for r in all_rules():
        for part in ("What it does", "Why it matters", "Example"):
            assert part in r.doc, f"{r.code} docstring lacks '{part}'"
