"""The data set loader: every problem named with file, line and field; valid rows kept; exit 2 only when
the data set cannot be read at all."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import polars as pl
import pytest

from smguard.dataset.load import load_dataset, parse_timestamps
from smguard.dataset.model import DatasetError
from smguard.testing import make_dataset, write_dataset

ACCOUNTS = [
    {"id": "wb", "platform": "weibo", "handle": "@acme", "owner": "brand"},
    {"id": "ig", "platform": "instagram", "handle": "acme", "owner": "brand"},
    {"id": "emp-wb", "platform": "weibo", "handle": "@li", "owner": "employee", "employee_id": "e1"},
]


def problems_text(ds) -> list[str]:
    return [str(p) for p in ds.problems]


def test_clean_dataset_loads_with_local_days(tmp_path):
    ds = make_dataset(
        tmp_path,
        {
            "accounts": ACCOUNTS,
            "posts": [
                # 23:30 local on 1 Oct in Shanghai is 15:30 UTC: the local day is what counts.
                {
                    "id": "p1",
                    "account_id": "wb",
                    "created_at": "2026-10-01T23:30:00",
                    "text": "hi",
                    "media": [{"type": "photo"}],
                    "metrics": {"likes": 5},
                },
                {"id": "p2", "account_id": "ig", "created_at": "2026-10-01T16:30:00Z", "text": "late"},
            ],
        },
        {"name": "Acme", "timezone": "Asia/Shanghai"},
    )
    assert ds.problems == []
    assert ds.name == "Acme"
    posts = ds.posts.sort("id")
    assert posts["date"].to_list() == [date(2026, 10, 1), date(2026, 10, 2)]
    assert posts["created_at"][0] == datetime(2026, 10, 1, 15, 30, tzinfo=UTC)
    assert posts["likes"].to_list() == [5, None]
    assert posts["platform"].to_list() == ["weibo", "instagram"]
    # as_of defaults to the latest timestamp in the data
    assert ds.as_of == datetime(2026, 10, 1, 16, 30, tzinfo=UTC)


def test_bad_lines_are_reported_and_valid_ones_kept(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    lines = [
        json.dumps(
            {
                "id": "m1",
                "account_id": "wb",
                "created_at": "2026-10-01T10:00:00+08:00",
                "channel": "comment",
                "direction": "in",
                "text": "退款呢？",
            }
        ),
        "{not json",
        json.dumps(
            {
                "id": "m2",
                "account_id": "nope",
                "created_at": "2026-10-01T10:00:00+08:00",
                "channel": "comment",
                "direction": "in",
                "text": "x",
            }
        ),
        json.dumps(
            {
                "id": "m3",
                "account_id": "wb",
                "created_at": "last tuesday",
                "channel": "dm",
                "direction": "in",
                "text": "x",
            }
        ),
        json.dumps(
            {
                "id": "m4",
                "account_id": "wb",
                "created_at": "2026-10-01T11:00:00+08:00",
                "channel": "comment",
                "direction": "in",
                "text": "ok",
                "automated": "maybe",
            }
        ),
        json.dumps(
            {
                "account_id": "wb",
                "created_at": "2026-10-01T11:00:00+08:00",
                "channel": "comment",
                "direction": "in",
                "text": "no id",
            }
        ),
        json.dumps(["a", "list"]),
        json.dumps(
            {
                "id": "m5",
                "account_id": "wb",
                "created_at": "2026-10-01T12:00:00+08:00",
                "channel": "fax",
                "direction": "in",
                "text": "x",
            }
        ),
    ]
    (tmp_path / "messages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    text = "\n".join(problems_text(ds))
    assert "messages.jsonl, line 2: not valid JSON" in text
    assert "messages.jsonl, line 3, field 'account_id': 'nope' is not an id in accounts" in text
    assert "messages.jsonl, line 4, field 'created_at': not a valid timestamp" in text
    assert "messages.jsonl, line 5, field 'automated': wrong type" in text
    assert "messages.jsonl, line 6, field 'id': required field is missing" in text
    assert "messages.jsonl, line 7: expected a JSON object" in text
    assert "messages.jsonl, line 8, field 'channel': 'fax' is not one of" in text
    # m1 and m4 (its bad optional value dropped, the row kept) survive
    assert sorted(ds.messages["id"].to_list()) == ["m1", "m4"]
    assert ds.messages.filter(pl.col("id") == "m4")["automated"].to_list() == [False]


def test_wrong_type_in_clean_json_is_reported(tmp_path):
    write_dataset(
        tmp_path,
        {
            "accounts": ACCOUNTS,
            "follower_counts": [
                {"account_id": "wb", "date": "2026-10-01", "followers": 100},
                {"account_id": "wb", "date": "2026-10-02", "followers": "many"},
                {"account_id": "wb", "date": "2026-13-45", "followers": 3},
            ],
        },
    )
    ds = load_dataset(tmp_path)
    text = "\n".join(problems_text(ds))
    assert "follower_counts.jsonl, line 2, field 'followers': wrong type" in text
    assert "follower_counts.jsonl, line 3, field 'date': not a valid date" in text
    assert ds.tables["follower_counts"].height == 1


def test_duplicate_ids_keep_the_first(tmp_path):
    ds = make_dataset(tmp_path, {"accounts": ACCOUNTS + [{"id": "wb", "platform": "x", "owner": "brand"}]})
    assert "accounts.jsonl, line 4, field 'id': duplicate id" in "\n".join(problems_text(ds))
    assert ds.accounts.filter(pl.col("id") == "wb")["platform"].to_list() == ["weibo"]


def test_csv_in_place_of_jsonl(tmp_path):
    (tmp_path / "accounts.csv").write_text(
        "id,platform,handle,owner,employee_id\nwb,weibo,@acme,brand,\nx1,x,@acme,brand,\n", encoding="utf-8"
    )
    (tmp_path / "campaigns.csv").write_text(
        "id,account_id,kind,name,targeting,budget\n"
        'c1,wb,ad,Autumn,"{""locations"": [""Shanghai""], ""age_min"": 25}",1000\n'
        "c2,wb,ad,Blind,,500\n"
        'c3,x1,retargeting,Back,"{""retargeting"": true}",abc\n',
        encoding="utf-8",
    )
    (tmp_path / "embargo.csv").write_text(
        "term,aliases,until\nNova,Project N;新星,2026-12-01\n", encoding="utf-8"
    )
    ds = load_dataset(tmp_path)
    c = ds.tables["campaigns"].sort("id")
    assert c["has_targeting"].to_list() == [True, False, True]
    assert c["t_locations"][0].to_list() == ["Shanghai"]
    assert "campaigns.csv, line 4, field 'budget': wrong type" in "\n".join(problems_text(ds))
    assert ds.tables["embargo"]["aliases"][0].to_list() == ["Project N", "新星"]


def test_csv_missing_required_column(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    (tmp_path / "posts.csv").write_text("id,text\np1,hello\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    text = "\n".join(problems_text(ds))
    assert "posts.csv, line 1" in text and "account_id" in text and "file skipped" in text
    assert "posts" not in ds.present


def test_empty_folder_cannot_be_read(tmp_path):
    with pytest.raises(DatasetError, match="no accounts.jsonl"):
        load_dataset(tmp_path)


def test_missing_folder(tmp_path):
    with pytest.raises(DatasetError, match="no such folder"):
        load_dataset(tmp_path / "nope")


def test_broken_toml(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    (tmp_path / "dataset.toml").write_text("name = \n", encoding="utf-8")
    with pytest.raises(DatasetError, match="dataset.toml: not valid TOML"):
        load_dataset(tmp_path)


def test_unknown_timezone_falls_back_to_utc(tmp_path):
    ds = make_dataset(tmp_path, {"accounts": ACCOUNTS}, {"timezone": "Mars/Olympus"})
    assert ds.timezone == "UTC"
    assert "unknown timezone" in "\n".join(problems_text(ds))


def test_as_of_from_settings(tmp_path):
    ds = make_dataset(tmp_path, {"accounts": ACCOUNTS}, {"timezone": "Asia/Shanghai", "as_of": "2026-10-31"})
    assert ds.as_of == datetime(2026, 10, 31, 15, 59, 59, tzinfo=UTC)


def test_timestamp_variants():
    s = pl.Series(
        "t",
        [
            "2026-10-01T10:00:00+08:00",
            "2026-10-01T02:00:00Z",
            "2026-10-01 10:00:00",
            "2026-10-01T10:00:00.123456+0800",
            "2026-10-01",
            "2026-10-01T10:00",
            None,
            "garbage",
        ],
    )
    out = parse_timestamps(s, "Asia/Shanghai").to_list()
    ten_local = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)
    assert out[0] == ten_local and out[1] == ten_local and out[2] == ten_local
    assert out[3] == datetime(2026, 10, 1, 2, 0, 0, 123456, tzinfo=UTC)
    assert out[4] == datetime(2026, 9, 30, 16, 0, tzinfo=UTC)
    assert out[5] == ten_local
    assert out[6] is None and out[7] is None


def test_blank_lines_keep_line_numbers(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    (tmp_path / "likes.jsonl").write_text(
        "\n"
        + json.dumps({"id": "l1", "account_id": "wb", "created_at": "2026-10-01T10:00:00Z"})
        + "\n\n"
        + json.dumps({"id": "l2", "account_id": "zz", "created_at": "2026-10-01T10:00:00Z"})
        + "\n",
        encoding="utf-8",
    )
    ds = load_dataset(tmp_path)
    assert "likes.jsonl, line 4, field 'account_id'" in "\n".join(problems_text(ds))


def test_invalid_utf8_line(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    good = json.dumps({"id": "l1", "account_id": "wb", "created_at": "2026-10-01T10:00:00Z"}).encode()
    (tmp_path / "likes.jsonl").write_bytes(good + b"\n" + b'{"id": "\xff\xfe"}\n')
    ds = load_dataset(tmp_path)
    assert ds.tables["likes"]["id"].to_list() == ["l1"]
    assert any(p.file == "likes.jsonl" and p.line == 2 for p in ds.problems)


def test_empty_file_is_present_but_has_no_rows(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    (tmp_path / "campaigns.jsonl").write_text("", encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert "campaigns" in ds.present
    assert ds.tables["campaigns"].height == 0
    assert not ds.has("campaigns")


@pytest.mark.parametrize("piece", [1, 7, 64, 100_000, 1 << 20])
def test_pieces_keep_line_numbers(tmp_path, monkeypatch, piece):
    """The fast path reads a file in pieces; blank lines, a missing last newline, a line longer than a piece
    and a problem on either side of a piece boundary still get the right line numbers."""
    import smguard.dataset.load as load

    monkeypatch.setattr(load, "CHUNK_BYTES", piece)
    write_dataset(tmp_path, {"accounts": ACCOUNTS})

    def like(i: int, account: str = "wb", **extra) -> str:
        row = {"id": f"l{i}", "account_id": account, "created_at": "2026-10-01T10:00:00Z", **extra}
        return json.dumps(row, ensure_ascii=False)

    lines = [
        "",
        like(1),
        like(2, "zz"),
        "",
        "   ",
        like(
            3, target_text="很长的文本 " * 40 + "x" * 150_000
        ),  # longer than a piece and the line-end window
        like(4, created_at="yesterday"),
        like(5),
        like(1),
        like(6, "zz"),
    ]
    (tmp_path / "likes.jsonl").write_text("\n".join(lines), encoding="utf-8")  # no newline at the end
    ds = load_dataset(tmp_path)
    text = problems_text(ds)
    assert text == [
        "likes.jsonl, line 3, field 'account_id': 'zz' is not an id in accounts; line skipped",
        "likes.jsonl, line 7, field 'created_at': not a valid timestamp (ISO 8601, e.g. "
        "2026-10-31T09:30:00+08:00): 'yesterday'; line skipped",
        "likes.jsonl, line 9, field 'id': duplicate id: an earlier line has the same; this line skipped",
        "likes.jsonl, line 10, field 'account_id': 'zz' is not an id in accounts; line skipped",
    ]
    assert ds.tables["likes"]["id"].to_list() == ["l1", "l3", "l5"]
    assert ds.counts_read["likes"] == 7  # rows read: the blank lines are not rows


@pytest.mark.parametrize("piece", [16, 1 << 20])
def test_a_broken_line_in_any_piece_means_line_by_line(tmp_path, monkeypatch, piece):
    """When Polars refuses any piece of a file, the whole file is read line by line, as before: the rows of the
    pieces already read are not kept twice, and the broken line is named."""
    import smguard.dataset.load as load

    monkeypatch.setattr(load, "CHUNK_BYTES", piece)
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    good = [
        json.dumps({"id": f"l{i}", "account_id": "wb", "created_at": "2026-10-01T10:00:00Z"})
        for i in range(6)
    ]
    (tmp_path / "likes.jsonl").write_text(
        "\n".join([*good[:4], "{broken", *good[4:]]) + "\n", encoding="utf-8"
    )
    ds = load_dataset(tmp_path)
    problems = [p for p in ds.problems if p.file == "likes.jsonl"]
    assert [(p.line, p.field) for p in problems] == [(5, None)]
    assert problems[0].message.startswith("not valid JSON")
    assert ds.tables["likes"]["id"].to_list() == [f"l{i}" for i in range(6)]


def test_clean_values_that_need_no_work_are_kept_as_they_are(tmp_path):
    """The checks skip their string work when a column is already clean; mixed columns still get it."""
    ds = make_dataset(
        tmp_path,
        {
            "accounts": ACCOUNTS,
            "messages": [
                {
                    "id": "m1",
                    "account_id": "wb",
                    "created_at": "2026-10-01T10:00:00Z",
                    "channel": "dm",
                    "direction": "in",
                },
                {
                    "id": "m2",
                    "account_id": "wb",
                    "created_at": "2026-10-01T10:00:00Z",
                    "channel": " DM ",
                    "direction": "in",
                    "text": None,
                },
                {
                    "id": "m3",
                    "account_id": "wb",
                    "created_at": "2026-10-01T10:00:00Z",
                    "channel": "comment",
                    "direction": " ",
                    "text": "x",
                },
            ],
        },
    )
    m = ds.messages.sort("id")
    assert m["id"].to_list() == ["m1", "m2"]
    assert m["channel"].to_list() == ["dm", "dm"]
    assert m["text"].to_list() == ["", ""]
    assert "messages.jsonl, line 3, field 'direction': required field is missing or empty; line skipped" in (
        problems_text(ds)
    )


def _post(i: int, **extra) -> str:
    row = {"id": f"p{i}", "account_id": "wb", "created_at": "2026-10-01T10:00:00Z", **extra}
    return json.dumps(row, ensure_ascii=False)


@pytest.mark.parametrize(
    "odd",
    [
        {"metrics": {"likes": 1.0}},  # read as text, Polars writes 1.0 as 1
        {"metrics": {"likes": 5, "views": 2e3}},
        {"media": "[]"},  # a string that reads like a list
        {"media": '[{"type": "photo"}]'},
        {"metrics": '{"likes": 3}'},
        {"media": [{"type": "photo", "duration_s": True}]},  # the text decoder would take true as 1
        {"m\\u0065dia": "[]"},
    ],
)
def test_object_values_that_only_look_plain_take_the_same_path_as_before(tmp_path, odd):
    """posts.media/metrics and customers.social are decoded from their JSON text only when that cannot change
    the result. A value that Polars' reader refuses still sends the file line by line, where it is coerced,
    and where a value such as ``"id": true`` is then reported instead of being read as the text 'true'."""
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    lines = [_post(1, media=[{"type": "photo"}], metrics={"likes": 2}), _post(2, **odd), _post(3)]
    lines[2] = lines[2].replace('"p3"', "true")
    text = "\n".join(lines).replace("m\\\\u0065dia", "m\\u0065dia") + "\n"
    (tmp_path / "posts.jsonl").write_text(text, encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert "posts.jsonl, line 3, field 'id': wrong type: expected text, found true/false; value ignored" in (
        problems_text(ds)
    )
    assert ds.posts["id"].to_list() == ["p1", "p2"]


def test_plain_object_values_are_decoded(tmp_path):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    lines = [
        _post(1, media=[{"type": "video", "duration_s": 45, "id": "m1"}], metrics={"likes": 2, "views": 10}),
        _post(2, media=[], metrics={}),
        _post(3, media=[{"type": "photo"}, {"type": "video", "duration_s": -0.0}]),
        _post(4, media=None, metrics=None, text="plain"),
    ]
    (tmp_path / "posts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "customers.jsonl").write_text(
        json.dumps({"id": "c1", "social": [{"platform": "weibo", "user_id": "u1", "handle": "@a"}]}) + "\n",
        encoding="utf-8",
    )
    ds = load_dataset(tmp_path)
    assert ds.problems == []
    p = ds.posts.sort("id")
    assert p["media"].to_list() == [
        [{"type": "video", "duration_s": 45.0, "id": "m1", "url": None}],
        [],
        [
            {"type": "photo", "duration_s": None, "id": None, "url": None},
            {"type": "video", "duration_s": -0.0, "id": None, "url": None},
        ],
        [],
    ]
    assert str(p["media"][2][1]["duration_s"]) == "-0.0"
    assert p["likes"].to_list() == [2, None, None, None] and p["views"].to_list() == [10, None, None, None]
    assert ds.tables["customers"]["social"].to_list() == [
        [{"platform": "weibo", "user_id": "u1", "handle": "@a"}]
    ]


def test_timestamp_fast_pass_agrees_with_the_general_parser():
    """Values of the common shape (…T09:30:00+08:00 / …Z) take a fast pass; whatever it reads must be what the
    general parser reads, including impossible dates and times, odd offsets and the other accepted forms."""
    from smguard.dataset.load import _parse_timestamps_general

    values = [
        f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{off}"
        for y in ("0000", "1900", "2000", "2024", "2026", "9999")
        for mo, d in ((1, 1), (2, 28), (2, 29), (2, 30), (4, 31), (12, 31), (0, 1), (13, 1), (1, 0), (1, 32))
        for h, mi, s in ((0, 0, 0), (23, 59, 59), (24, 0, 0), (12, 60, 0), (12, 0, 60), (12, 0, 61))
        for off in (
            "Z",
            "+00:00",
            "-00:00",
            "+08:00",
            "+05:45",
            "-03:30",
            "+14:00",
            "+23:59",
            "+24:00",
            "+08:60",
        )
    ]
    values += [
        "2026-10-01T10:00:00+0800",
        "2026-10-01T10:00:00z",
        " 2026-10-01T10:00:00Z",
        "2026-10-01 10:00:00",
    ]
    values += ["2026-10-01T10:00:00.5+08:00", "2026-10-01", "", None, "garbage"]
    s = pl.Series("t", values, dtype=pl.String)
    for tz in ("Asia/Shanghai", "America/New_York"):
        fast = parse_timestamps(s, tz)
        general = _parse_timestamps_general(s, tz)
        assert fast.dtype == general.dtype
        assert fast.cast(pl.Int64).to_list() == general.cast(pl.Int64).to_list()  # year 0 is no Python date
        assert fast.is_not_null().sum() > 500  # the valid ones (most combinations above are not)


def test_blank_required_time_is_missing_not_kept(tmp_path):
    """A required timestamp or date given as "" or spaces is reported as missing and its line skipped (it was
    kept with no time at all, which no rule expects); CSV already did this."""
    ds = make_dataset(
        tmp_path,
        {
            "accounts": ACCOUNTS,
            "messages": [
                {"id": "m1", "account_id": "wb", "created_at": "", "channel": "dm", "direction": "in"},
                {"id": "m2", "account_id": "wb", "created_at": "  ", "channel": "dm", "direction": "in"},
                {
                    "id": "m3",
                    "account_id": "wb",
                    "created_at": "2026-10-01T10:00:00Z",
                    "channel": "dm",
                    "direction": "in",
                },
            ],
            "follower_counts": [{"account_id": "wb", "date": "", "followers": 3}],
            "followers": [{"account_id": "wb", "user_id": "u1", "followed_at": ""}],  # optional: just no time
        },
    )
    assert problems_text(ds) == [
        "messages.jsonl, line 1, field 'created_at': required field is missing or empty; line skipped",
        "messages.jsonl, line 2, field 'created_at': required field is missing or empty; line skipped",
        "follower_counts.jsonl, line 1, field 'date': required field is missing or empty; line skipped",
    ]
    assert ds.messages["id"].to_list() == ["m3"]
    assert ds.tables["follower_counts"].height == 0
    assert ds.followers["followed_at"].to_list() == [None]


@pytest.mark.parametrize(
    "big", ["99999999999999999999", "18446744073709551615", "9223372036854775808", "1e20"]
)
def test_whole_numbers_beyond_64_bits_are_reported_not_a_crash(tmp_path, big):
    write_dataset(tmp_path, {"accounts": ACCOUNTS})
    f1 = '{"account_id": "wb", "user_id": "u1", "followers_count": BIG}'
    f2 = '{"account_id": "wb", "user_id": "u2", "followers_count": 5}'
    (tmp_path / "followers.jsonl").write_text(f1.replace("BIG", big) + "\n" + f2 + "\n", encoding="utf-8")
    p1 = '{"id": "p1", "account_id": "wb", "created_at": "2026-10-01T10:00:00Z", "metrics": {"likes": BIG, "views": 7}}'
    (tmp_path / "posts.jsonl").write_text(p1.replace("BIG", big) + "\n", encoding="utf-8")
    (tmp_path / "customers.csv").write_text(f"id,orders\nc1,{big}\nc2,3\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    text = "\n".join(problems_text(ds))
    assert "followers.jsonl, line 1, field 'followers_count': wrong type: expected a whole number" in text
    assert ds.followers.sort("user_id")["followers_count"].to_list() == [None, 5]
    assert ds.posts["likes"].to_list() == [None] and ds.posts["views"].to_list() == [7]
    if big.isdigit():
        assert "customers.csv, line 2, field 'orders': wrong type: expected a whole number" in text
    assert ds.tables["customers"].sort("id")["orders"].to_list()[1] == 3


def test_tables_read_two_at_a_time_give_what_one_at_a_time_gives(tmp_path, monkeypatch):
    """The tables that refer only to accounts/employees are read two at a time: the problems (each file's in
    line order, the files in load order, the per-field caps and summaries) and tables are the same as when they
    are read one after the other."""
    import concurrent.futures

    import smguard.dataset.load as load

    monkeypatch.setattr(load, "CHUNK_BYTES", 200)
    rows: dict[str, list[dict]] = {"accounts": ACCOUNTS, "employees": [{"id": "e1"}]}
    rows["messages"] = [
        {
            "id": f"m{i}",
            "account_id": "zz" if i % 3 == 0 else "wb",
            "created_at": "2026-10-01T10:00:00Z",
            "channel": "dm" if i % 7 else "fax",
            "direction": "in",
        }
        for i in range(120)
    ]
    rows["followers"] = [{"account_id": "wb" if i % 4 else "zz", "user_id": f"u{i % 90}"} for i in range(120)]
    rows["likes"] = [{"id": f"l{i}", "account_id": "zz", "created_at": "bad"} for i in range(60)]
    rows["posts"] = [{"id": f"p{i % 50}", "account_id": "wb", "created_at": "2026-10-01"} for i in range(80)]
    rows["acknowledgments"] = [{"employee_id": "e2", "version": "v1"}]
    write_dataset(tmp_path, rows)

    class OneAtATime(concurrent.futures.Executor):
        def __init__(self, max_workers=None):
            pass

        def submit(self, fn, *args, **kwargs):
            f = concurrent.futures.Future()
            f.set_result(fn(*args, **kwargs))
            return f

    parallel = [load_dataset(tmp_path) for _ in range(3)]
    monkeypatch.setattr(load, "ThreadPoolExecutor", OneAtATime)
    serial = load_dataset(tmp_path)
    assert len(serial.problems) > 100
    for ds in parallel:
        assert [(p.file, p.line, p.field, p.message) for p in ds.problems] == [
            (p.file, p.line, p.field, p.message) for p in serial.problems
        ]
        assert list(ds.tables) == list(serial.tables)
        for name, df in ds.tables.items():
            assert df.equals(serial.tables[name]), name
        assert ds.counts_read == serial.counts_read and ds.present == serial.present


def _messages(*extra: dict) -> list[dict]:
    base = {"account_id": "wb", "direction": "in", "channel": "comment", "created_at": "2026-10-01T10:00:00Z"}
    return [{**base, "id": f"m{i}", "text": f"msg {i}"} for i in range(3)] + [{**base, **e} for e in extra]


@pytest.mark.parametrize(
    ("extra", "line", "field", "found"),
    [
        ({"id": True, "text": "ok"}, 4, "id", "true/false"),
        ({"id": "m9", "text": {"a": 1}}, 4, "text", "an object"),
        ({"id": "m9", "text": ["a"]}, 4, "text", "a list"),
    ],
)
def test_true_false_or_object_in_a_text_field_is_reported_by_either_path(tmp_path, extra, line, field, found):
    """Polars would read true or {"a": 1} into a text column as the text "true" / '{"a": 1}'; the careful path
    calls it the wrong type. A clean file (fast path) and one with a broken line (careful path) agree."""
    for broken in (False, True):
        folder = tmp_path / f"b{broken}"
        rows = _messages(extra)
        write_dataset(folder, {"accounts": ACCOUNTS, "messages": rows})
        if broken:
            with (folder / "messages.jsonl").open("a", encoding="utf-8") as fh:
                fh.write("{broken\n")
        ds = load_dataset(folder)
        wrong = [p for p in ds.problems if p.file == "messages.jsonl" and p.line == line and p.field == field]
        assert wrong and f"found {found}" in wrong[0].message, (broken, [str(p) for p in ds.problems])
        assert "true" not in ds.messages["text"].to_list()


def test_text_that_only_looks_like_json_is_kept(tmp_path):
    """A Weibo emoticon at the start ([怒]) or the word true in a text is text: kept, nothing reported."""
    rows = _messages({"id": "m7", "text": "[怒] 又迟到了"}, {"id": "m8", "text": "true"})
    write_dataset(tmp_path, {"accounts": ACCOUNTS, "messages": rows})
    ds = load_dataset(tmp_path)
    assert [p for p in ds.problems if p.file == "messages.jsonl"] == []
    assert ds.messages.filter(pl.col("id").is_in(["m7", "m8"]))["text"].sort().to_list() == [
        "[怒] 又迟到了",
        "true",
    ]


def test_blank_custom_audience_is_no_targeting_in_jsonl_as_in_csv(tmp_path):
    """An export that writes "custom_audience": "" with every other targeting field empty ran the campaign
    untargeted: it is no targeting and no retargeting (the CSV reader already read the empty cell so)."""
    blank = {"locations": [], "age_min": None, "genders": [], "retargeting": False, "custom_audience": ""}
    rows = [
        {"id": "c1", "account_id": "wb", "kind": "ad", "name": "Blank", "targeting": blank},
        {
            "id": "c2",
            "account_id": "wb",
            "kind": "ad",
            "name": "Spaces",
            "targeting": {"custom_audience": "  "},
        },
        {
            "id": "c3",
            "account_id": "wb",
            "kind": "ad",
            "name": "CRM",
            "targeting": {"custom_audience": "buyers"},
        },
    ]
    ds = make_dataset(tmp_path, {"accounts": ACCOUNTS, "campaigns": rows})
    c = ds.tables["campaigns"].sort("id")
    assert c["has_targeting"].to_list() == [False, False, True]
    assert c["t_custom_audience"].to_list() == [None, None, "buyers"]
