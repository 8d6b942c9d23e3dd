"""``smguard import``: detection, summary, bad input messages and exit codes."""

from __future__ import annotations

import json
import shutil
import zipfile

from _helpers import FIXTURES
from typer.testing import CliRunner

from smguard.cli.main import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["import", *args], env={"COLUMNS": "200"})


def test_import_several_sources_with_summary_and_merge(tmp_path):
    out = tmp_path / "ds"
    r = invoke(
        str(FIXTURES / "x_archive"),
        str(FIXTURES / "youtube"),
        "--out",
        str(out),
        "--timezone",
        "Asia/Shanghai",
    )
    assert r.exit_code == 0, r.output
    assert "x_archive (x_archive)" in r.output and "youtube (youtube)" in r.output
    assert "posts" in r.output and "messages" in r.output
    assert 'timezone = "Asia/Shanghai"' in (out / "dataset.toml").read_text()
    ids = [json.loads(x)["id"] for x in (out / "accounts.jsonl").read_text().splitlines()]
    assert "x:900000000000000001" in ids and "youtube:UCacmeacmeacmeacmeacme01" in ids
    r2 = invoke(str(FIXTURES / "x_archive"), "--out", str(out))
    assert r2.exit_code == 0 and "0 new records" in r2.output
    assert len((out / "accounts.jsonl").read_text().splitlines()) == len(ids)


def test_bad_file_is_named_and_the_others_still_import(tmp_path):
    r = invoke(
        str(FIXTURES / "malformed" / "broken.json"),
        str(FIXTURES / "x_archive_bad"),
        "--out",
        str(tmp_path / "ds"),
    )
    assert r.exit_code == 0, r.output
    assert "broken.json" in r.output and "line 1, column" in r.output
    assert "tweets.js, record 4" in r.output
    assert "Traceback" not in r.output
    assert (tmp_path / "ds" / "posts.jsonl").exists()


def test_nothing_imported_exits_2(tmp_path):
    for args in (
        [str(FIXTURES / "malformed" / "notes.txt")],
        [str(FIXTURES / "malformed" / "empty.json")],
        [str(tmp_path / "does-not-exist")],
        [str(FIXTURES / "malformed" / "broken.json")],
    ):
        r = invoke(*args, "--out", str(tmp_path / "ds"))
        assert r.exit_code == 2, r.output
        assert "Traceback" not in r.output
    assert "no such file" in r.output or "format not recognised" in r.output or "not valid JSON" in r.output
    assert not (tmp_path / "ds" / "dataset.toml").exists()


def test_usage_errors(tmp_path):
    assert invoke(str(FIXTURES / "x_api"), "--out", str(tmp_path), "--format", "nope").exit_code == 2
    assert invoke(str(FIXTURES / "x_api"), "--out", str(tmp_path), "--timezone", "Mars/Base").exit_code == 2
    assert invoke(str(FIXTURES / "x_api")).exit_code == 2
    r = runner.invoke(app, ["import", "--list-formats"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    for name in ("x_archive", "x_api", "facebook", "instagram", "youtube", "linkedin"):
        assert name in r.output


def test_zip_and_forced_format(tmp_path):
    z = tmp_path / "twitter-archive.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in (FIXTURES / "x_archive" / "data").iterdir():
            zf.write(p, f"data/{p.name}")
    r = invoke(str(z), "--out", str(tmp_path / "ds"))
    assert r.exit_code == 0, r.output
    assert "twitter-archive.zip (x_archive)" in r.output
    # --format reads a file with an unusual name that detection would still find, here a copy
    single = tmp_path / "export.json"
    shutil.copy(FIXTURES / "x_api" / "tweets.json", single)
    r = invoke(
        str(single), "--out", str(tmp_path / "ds2"), "--format", "x_api", "--brand-account", "AcmeCoffee"
    )
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ds2" / "posts.jsonl").exists()


def test_automated_app_option(tmp_path):
    r = invoke(
        str(FIXTURES / "x_archive"), "--out", str(tmp_path / "ds"), "--automated-app", "Twitter Web App"
    )
    assert r.exit_code == 0
    posts = [json.loads(x) for x in (tmp_path / "ds" / "posts.jsonl").read_text().splitlines()]
    assert all(p["source"] == "automated" for p in posts)


def test_invalid_utf8_wrong_shape_and_damaged_zip(tmp_path):
    a = tmp_path / "a" / "data"
    a.mkdir(parents=True)
    (a / "tweets.js").write_bytes(
        b'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1", "full_text": "ab\xff", '
        b'"created_at": "Fri Mar 06 13:02:05 +0000 2026"}} ]'
    )
    r = invoke(str(tmp_path / "a"), "--out", str(tmp_path / "ds"), "--brand-account", "x:9")
    assert r.exit_code == 0, r.output
    post = json.loads((tmp_path / "ds" / "posts.jsonl").read_text(encoding="utf-8"))
    assert post["text"] == "ab\ufffd"  # the bad byte is replaced, the tweet kept

    b = tmp_path / "b" / "data"
    b.mkdir(parents=True)
    (b / "tweets.js").write_text('window.YTD.tweets.part0 = {"tweet": {}}', encoding="utf-8")
    r = invoke(str(tmp_path / "b"), "--out", str(tmp_path / "ds2"))
    assert "expected a JSON array" in r.output and "tweets.js" in r.output

    z = tmp_path / "z.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(FIXTURES / "x_archive" / "data" / "tweets.js", "data/tweets.js")
    data = bytearray(z.read_bytes())
    for k in range(60, 200):
        data[k] ^= 0x55
    z.write_bytes(bytes(data))
    r = invoke(str(z), "--out", str(tmp_path / "ds3"))
    assert r.exit_code == 2 and "damaged" in r.output and "Traceback" not in r.output
