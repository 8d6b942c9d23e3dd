"""The user docs stay in step with the code: rules.md is generated, dataset-format.md names every field."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguard.dataset.schema import TABLES
from smguard.rules import all_rules
from smguard.rules.docs import SECTIONS, generate

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_rules_md_is_up_to_date():
    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert committed == generate(), "docs/rules.md is out of date: run `make docs` and commit it"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    missing = [s for s in SECTIONS if s not in rule.doc]
    assert not missing, f"{rule.code} docstring lacks {', '.join(missing)}"
    assert f"### {rule.code} `{rule.name}`" in generate()


def test_dataset_format_names_every_table_and_field():
    text = (DOCS / "dataset-format.md").read_text(encoding="utf-8")
    for table in TABLES.values():
        assert f"{table.name}.jsonl" in text, table.name
        for f in table.fields:
            assert f"`{f.name}`" in text, f"{table.name}.{f.name}"


def test_scores_md_matches_the_formula():
    from smguard.report import scores

    text = (DOCS / "scores.md").read_text(encoding="utf-8")
    for value in (scores.RULE_CAP, scores.SCALE, *scores.SEVERITY_WEIGHT.values()):
        assert f"{value:g}" in text
