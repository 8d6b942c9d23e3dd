"""The bundled demo data set: generated deterministically, readable, and showing every rule somewhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smguard.cli.main import app
from smguard.dataset.load import load_dataset
from smguard.demo import demo_dataset_path, generate
from smguard.report.model import build_report
from smguard.rules import all_rules

DATA = demo_dataset_path()


@pytest.fixture(scope="module")
def demo_report():
    return build_report(load_dataset(DATA))


def test_committed_demo_data_is_what_the_generator_writes(tmp_path):
    generate.write(tmp_path)
    committed = sorted(p.name for p in DATA.iterdir() if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), (
            f"{name} differs: run `python -m smguard.demo.generate` and commit the data"
        )


def test_demo_is_small_and_complete():
    total = sum(p.stat().st_size for p in DATA.iterdir())
    assert total < 3_000_000
    ds = load_dataset(DATA)
    assert not ds.problems, [str(p) for p in ds.problems[:5]]
    assert ds.timezone == "Asia/Shanghai" and ds.language == "zh"
    assert all(ds.has(t) for t in generate.build())
    platforms = set(ds.accounts["platform"].to_list())
    assert {
        "weibo",
        "wechat",
        "douyin",
        "xiaohongshu",
        "instagram",
        "x",
        "facebook",
        "linkedin",
        "youtube",
    } <= platforms
    assert set(ds.accounts["owner"].to_list()) == {"brand", "employee"}


def test_every_rule_fires_on_the_demo_and_none_errors(demo_report):
    assert demo_report.not_run == []
    fired = {f.rule for f in demo_report.findings}
    # SM201 (no guidelines at all) cannot fire on a data set that has guidelines; see the next test.
    expected = {r.code for r in all_rules()} - {"SM201"}
    assert expected - fired == set(), f"rules that never fire on the demo: {sorted(expected - fired)}"


def test_sm201_fires_on_the_demo_without_its_guidelines(tmp_path):
    folder = tmp_path / "demo"
    shutil.copytree(DATA, folder)
    (folder / "guidelines.jsonl").unlink()
    (folder / "acknowledgments.jsonl").unlink()
    report = build_report(load_dataset(folder))
    assert "SM201" in {f.rule for f in report.findings}


def test_demo_shows_good_practice_too(demo_report):
    """Not every account is flagged for everything: the good accounts stay clean of the main problems."""
    flagged = {(f.rule, f.account_id) for f in demo_report.findings if f.severity != "info"}
    unanswered = [f.account_id for f in demo_report.findings if f.rule == "SM301"]
    # WeChat answers its complaints within hours; X lets them wait (robust to how texts are classified).
    assert unanswered.count("acme-x") > unanswered.count("acme-wechat")
    assert ("SM601", "acme-linkedin") not in flagged  # LinkedIn keeps to the cap
    assert ("SM402", None) not in flagged
    assert not [f for f in demo_report.findings if f.rule == "SM402" and f.account_id == "acme-linkedin"]


def test_demo_command_writes_the_three_reports(tmp_path):
    out = tmp_path / "reports"
    res = CliRunner().invoke(app, ["demo", "--out", str(out)])
    assert res.exit_code == 0, res.output
    for name in ("report.json", "report.html", "report.md"):
        assert (out / name).stat().st_size > 1000, name
        assert name in res.output.replace("\n", "")  # it says where the reports are
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert doc["dataset"]["name"] == "Acme Coffee / 晨光咖啡"
    assert doc["lang"] == "zh"  # the demo data set's language
    assert "晨光咖啡" in (out / "report.html").read_text(encoding="utf-8")


def test_demo_command_in_english(tmp_path):
    res = CliRunner().invoke(app, ["demo", "--out", str(tmp_path), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Treating all platforms the same" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Social media audit" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_demo_package_data_is_declared():
    # The data files must be shipped with the package (pyproject's package-data covers .jsonl and .toml).
    names = {p.suffix for p in Path(DATA).iterdir()}
    assert names <= {".jsonl", ".toml"}
