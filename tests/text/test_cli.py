"""`smguard classify` round trip and bad input, through the real typer app."""

import json

import pytest
from typer.testing import CliRunner

from smguard.cli.main import app

runner = CliRunner()


def _run(tmp_path, lines, *extra, raw: bytes | None = None):
    inp = tmp_path / "in.jsonl"
    if raw is not None:
        inp.write_bytes(raw)
    else:
        inp.write_text(
            "".join(
                json.dumps(x, ensure_ascii=False) + "\n" if not isinstance(x, str) else x + "\n"
                for x in lines
            ),
            encoding="utf-8",
        )
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["classify", "--in", str(inp), "--out", str(out), *extra])
    rows = (
        [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else None
    )
    return res, rows


@pytest.mark.parametrize(
    "kind,extra_keys",
    [
        ("inbound", []),
        ("reply", ["apology", "fix_intent", "argumentative", "offers_private"]),
        ("post", ["negative_about_company"]),
    ],
)
def test_round_trip(tmp_path, kind, extra_keys):
    lines = [
        {"id": "a1", "text": "@ShopFast my parcel never arrived, where is it?"},
        {"id": 2, "text": "谢谢客服，很满意", "lang": "zh"},
        {"id": "c", "text": "hello", "lang": "zh"},
    ]
    res, rows = _run(tmp_path, lines, "--kind", kind)
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in rows] == ["a1", 2, "c"]
    keys = [
        "id",
        "lang",
        "complaint",
        "complaint_score",
        "help_request",
        "abusive",
        "abusive_score",
        "sentiment",
        "sentiment_score",
    ] + extra_keys
    assert all(list(r) == keys for r in rows)
    assert rows[0]["lang"] == "en" and rows[0]["complaint"] is True
    assert rows[1]["sentiment"] == "positive"
    assert rows[2]["lang"] == "zh"  # input lang respected
    assert isinstance(rows[0]["complaint_score"], float)


def test_default_kind_is_inbound(tmp_path):
    res, rows = _run(tmp_path, [{"id": 1, "text": "ok"}])
    assert res.exit_code == 0 and "apology" not in rows[0]


def test_empty_and_long_text_have_defined_results(tmp_path):
    res, rows = _run(
        tmp_path,
        [{"id": 1, "text": ""}, {"id": 2, "text": "terrible service " * 2000}, {"id": 3, "text": None}],
    )
    assert res.exit_code == 0, res.output
    assert rows[0]["lang"] == "other" and rows[0]["complaint"] is False and rows[0]["sentiment"] == "neutral"
    assert rows[1]["lang"] == "en" and len(rows) == 3


def test_invalid_utf8_is_replaced_and_noted(tmp_path):
    raw = b'{"id": 1, "text": "my order \xff\xfe is late"}\n{"id": 2, "text": "fine"}\n'
    res, rows = _run(tmp_path, None, raw=raw)
    assert res.exit_code == 0
    assert len(rows) == 2
    assert "in.jsonl:1" in res.output and "UTF-8" in res.output


def test_bad_lines_are_named_and_nothing_written(tmp_path):
    lines = [
        '{"id": 1, "text": "ok"}',
        "this is not json",
        '{"text": "no id"}',
        "[1, 2]",
        '{"id": 5, "text": 42}',
        '{"id": 6}',
    ]
    res, rows = _run(tmp_path, lines)
    assert res.exit_code == 1
    assert rows is None  # no partial output
    for needle in (
        "in.jsonl:2: not valid JSON",
        "in.jsonl:3: field 'id': missing",
        "in.jsonl:4: expected a JSON object",
        "in.jsonl:5: field 'text'",
        "in.jsonl:6: field 'text': missing",
    ):
        assert needle in res.output, needle
    assert "Traceback" not in res.output


def test_skip_invalid_writes_every_valid_line(tmp_path):
    lines = [
        '{"id": 1, "text": "我的快递还没到"}',
        "this is not json",
        '{"text": "no id"}',
        '{"id": 4, "text": "Thanks, love it!"}',
        '{"id": 5, "text": null}',
    ]
    res, rows = _run(tmp_path, lines, "--skip-invalid")
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in rows] == [1, 4, 5]
    assert rows[0]["complaint"] and not rows[1]["complaint"]
    assert rows[2]["lang"] == "other" and not rows[2]["complaint"]  # null text: as an empty text
    assert "in.jsonl:2: not valid JSON" in res.output and "(line skipped)" in res.output
    assert "in.jsonl:3: field 'id': missing" in res.output


def test_blank_lines_skipped(tmp_path):
    res, rows = _run(tmp_path, ['{"id": 1, "text": "a"}', "", '{"id": 2, "text": "b"}'])
    assert res.exit_code == 0 and [r["id"] for r in rows] == [1, 2]


def test_unreadable_input_exits_2(tmp_path):
    res = runner.invoke(
        app, ["classify", "--in", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 2
    assert "cannot read" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["classify", "--in", str(tmp_path), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2


def test_bad_kind(tmp_path):
    res, _ = _run(tmp_path, [{"id": 1, "text": "a"}], "--kind", "tweet")
    assert res.exit_code == 2 and "--kind" in res.output


def test_subprocess_entry_point(tmp_path):
    import subprocess
    import sys

    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": 1, "text": "请私信我们您的订单号"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "smguard.cli.main",
            "classify",
            "--in",
            str(inp),
            "--out",
            str(out),
            "--kind",
            "reply",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["id"] == 1 and row["lang"] == "zh" and row["offers_private"] is True
