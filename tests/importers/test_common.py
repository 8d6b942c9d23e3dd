"""Shared parsers and the Source view (folder, zip, single file)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from smguard.importers.base import ImportContext, ImportFileError, Source
from smguard.importers.common import (
    app_from_source,
    fix_mojibake,
    fix_mojibake_deep,
    guard,
    iso,
    iso_duration_seconds,
    iter_csv,
    iter_json_array,
    js_literal_to_json,
    load_json,
    parse_day_month_year,
    parse_linkedin_time,
    pid,
    strip_html,
    to_int,
    twitter_snowflake_time,
)
from smguard.importers.runner import import_sources


@pytest.mark.parametrize(
    ("value", "tz", "expected"),
    [
        ("Fri Mar 06 13:02:05 +0000 2026", None, "2026-03-06T13:02:05+00:00"),
        ("Wed Jan 24 11:19:36 +0800 2018", None, "2018-01-24T11:19:36+08:00"),
        ("2023-08-30T23:14:37.000Z", None, "2023-08-30T23:14:37+00:00"),
        ("2017-08-31T18:10:00+0000", None, "2017-08-31T18:10:00+00:00"),
        ("2023-04-14T07:39:35.956042+00:00", None, "2023-04-14T07:39:35.956+00:00"),
        (1700000000, None, "2023-11-14T22:13:20+00:00"),
        (1700000000123, None, "2023-11-14T22:13:20.123+00:00"),
        ("1700000000", None, "2023-11-14T22:13:20+00:00"),
        ("2026-03-01 09:00:00", "Asia/Shanghai", "2026-03-01T09:00:00+08:00"),
        ("06 Mar 2026", "UTC", "2026-03-06T00:00:00+00:00"),
    ],
)
def test_times(value, tz, expected):
    assert iso(value, tz) == expected


def test_bad_times_raise_value_error():
    for bad in ("yesterday", "", "Fri Mar 99 13:02:05 +0000 2026", None, True):
        with pytest.raises(ValueError):
            iso(bad)
    with pytest.raises(ValueError):
        parse_linkedin_time("not a date")
    with pytest.raises(ValueError):
        parse_day_month_year("31 Feb 2026")
    assert parse_day_month_year("6 March 2026").isoformat() == "2026-03-06"


def test_small_parsers():
    assert fix_mojibake("caf\u00c3\u00a9 \u00f0\u009f\u0098\u0080") == "café 😀"
    assert fix_mojibake("already fine ☕") == "already fine ☕"
    assert fix_mojibake_deep({"a": ["\u00c3\u00b8"]}) == {"a": ["ø"]}
    assert app_from_source('<a href="https://x" rel="nofollow">Hootsuite &amp; Co</a>') == "Hootsuite & Co"
    assert app_from_source("皮皮时光机") == "皮皮时光机"
    assert app_from_source(None) is None
    assert pid("x", 12) == "x:12" and pid("x", "x:12") == "x:12"
    assert iso_duration_seconds("PT5M49S") == 349 and iso_duration_seconds("P1DT1H") == 90000
    assert iso_duration_seconds("junk") is None
    assert to_int("1,204") == 1204 and to_int("") is None and to_int("n/a") is None and to_int(True) is None
    assert strip_html("a &amp; b<br>c <b>d</b>") == "a & b\nc d"
    assert twitter_snowflake_time("2029905358261502168").year == 2026
    assert twitter_snowflake_time("12345") is None


def test_to_int_non_finite_is_none():
    # JSON allows NaN/Infinity (json.loads reads them) and CSV cells can hold "1e400": junk, not an error
    for v in (float("inf"), float("-inf"), float("nan"), "inf", "1e400", "-Infinity"):
        assert to_int(v) is None, v
    assert to_int(12.9) == 12 and to_int("3.0") == 3


def test_infinite_count_leaves_out_the_metric_not_the_file(tmp_path):
    body = (
        '{"data": [{"id": "1900000000000000901", "author_id": "12", "created_at": "2026-03-06T13:02:05Z",'
        ' "text": "hi", "public_metrics": {"like_count": Infinity, "reply_count": 2}}],'
        ' "includes": {"users": [{"id": "12", "username": "acme"}]}}'
    )
    (tmp_path / "tweets.json").write_text(body, encoding="utf-8")
    ctx = ImportContext(brand_account_ids={"x:12"})
    import_sources([tmp_path / "tweets.json"], tmp_path / "ds", ctx)
    assert [str(p) for p in ctx.problems if p.level == "error"] == []
    posts = [json.loads(x) for x in (tmp_path / "ds" / "posts.jsonl").read_text().splitlines()]
    assert posts[0]["id"] == "x:1900000000000000901" and posts[0]["metrics"] == {"comments": 2}


def test_js_literal():
    text = "{data: [{text: 'it\\'s \"ok\"', n: 1, flag: true, none: undefined,},], // comment\n}"
    import json

    assert json.loads(js_literal_to_json(text)) == {
        "data": [{"text": 'it\'s "ok"', "n": 1, "flag": True, "none": None}]
    }


def _write_archive(folder: Path) -> None:
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "tweets.js").write_text(
        'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1", "n": 1.5}}, {"tweet": {"id_str": "2"}} ]',
        encoding="utf-8",
    )
    (folder / ".hidden").write_text("x")


def test_source_dir_zip_file(tmp_path):
    _write_archive(tmp_path / "arch")
    with zipfile.ZipFile(tmp_path / "arch.zip", "w") as z:
        z.write(tmp_path / "arch" / "data" / "tweets.js", "export/data/tweets.js")
        z.writestr("__MACOSX/export/data/._tweets.js", "junk")
    d = Source.open(tmp_path / "arch")
    z = Source.open(tmp_path / "arch.zip")
    f = Source.open(tmp_path / "arch" / "data" / "tweets.js")
    assert (d.kind, z.kind, f.kind) == ("dir", "zip", "file")
    assert d.members() == ["data/tweets.js"]
    assert z.members() == ["export/data/tweets.js"]
    assert f.members() == ["tweets.js"]
    for src in (d, z, f):
        member = src.list("TWEETS*.js")[0]  # case-insensitive, matches the base name
        assert src.exists(member)
        assert [i for i, _ in iter_json_array(src, member)] == [0, 1]
        items = [item for _, item in iter_json_array(src, member)]
        assert items[0] == {"tweet": {"id_str": "1", "n": 1.5}}
        assert src.open_text(member).read(6) == "window"
    assert z.display("export/data/tweets.js").endswith("arch.zip:export/data/tweets.js")
    with pytest.raises(ImportFileError):
        Source.open(tmp_path / "missing")


def test_streaming_reports_truncation_and_keeps_earlier_items(tmp_path):
    p = tmp_path / "tweets.js"
    p.write_text('window.YTD.tweets.part0 = [ {"a": 1}, {"a": 2}, {"a": ', encoding="utf-8")
    src = Source.open(p)
    ctx = ImportContext()
    got = []
    with guard(ctx, src, "tweets.js"):
        for _, item in iter_json_array(src, "tweets.js", ctx):
            got.append(item)
    assert got == [{"a": 1}, {"a": 2}]
    assert len(ctx.problems) == 1
    prob = ctx.problems[0]
    assert prob.file == str(p) and "record 3" in prob.position and "truncated" in prob.message


def test_load_json_errors_name_line_and_column(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{\n  "a": 1,\n  "b": ,\n}', encoding="utf-8")
    with pytest.raises(ImportFileError) as e:
        load_json(Source.open(p), "x.json")
    assert e.value.position == "line 3, column 8"
    (tmp_path / "e.json").write_text("", encoding="utf-8")
    with pytest.raises(ImportFileError, match="empty"):
        load_json(Source.open(tmp_path / "e.json"), "e.json")


def test_iter_csv_preamble_bom_and_line_numbers(tmp_path):
    p = tmp_path / "Connections.csv"
    p.write_text(
        '\ufeffNotes:\n"some note"\n\nFirst Name,URL\nAda,u1\n,\nBob,"multi\nline"\nCy,u3\n', encoding="utf-8"
    )
    rows = list(iter_csv(Source.open(p), "Connections.csv", skip_until="First Name"))
    assert [(n, r["First Name"]) for n, r in rows] == [(5, "Ada"), (8, "Bob"), (9, "Cy")]
    assert rows[1][1]["URL"] == "multi\nline"
    with pytest.raises(ImportFileError):
        list(iter_csv(Source.open(p), "Connections.csv", skip_until="Nope"))


def test_progress_hook_sees_every_byte(tmp_path):
    p = tmp_path / "tweets.js"
    text = "x" * 100
    items = ", ".join(f'{{"tweet": {{"id_str": "{i}", "full_text": "{text}"}}}}' for i in range(3000))
    p.write_text(f"window.YTD.tweets.part0 = [ {items} ]", encoding="utf-8")
    seen = []
    ctx = ImportContext(progress_hook=lambda label, done, total: seen.append((label, done, total)))
    src = Source.open(p)
    assert sum(1 for _ in iter_json_array(src, "tweets.js", ctx)) == 3000
    assert seen and seen[-1][1] == seen[-1][2] == p.stat().st_size
    assert all(label == str(p) for label, _, _ in seen)
