"""The streamed JSON writer gives byte for byte what json.dumps(to_json(...), indent=2) gives, for every value a
rule may put into a finding (floats orjson writes differently, enums, dates, numpy values, odd keys, markup)."""

from __future__ import annotations

import dataclasses
import enum
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import numpy as np
import pytest

from smguard.report.json_report import to_json, write_json
from smguard.report.model import build_report
from smguard.rules.base import Evidence, Finding, T


class Colour(enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


class Word(str):
    pass


@dataclasses.dataclass
class Point:
    x: int


AWKWARD = {
    "small": 1e-05,
    "tiny": 5e-324,
    "ok": 0.0001,
    "big": 1e16,
    "neg": -0.0,
    "nan": float("nan"),
    "inf": float("-inf"),
    "ints": [0, -1, 2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**64)],
    "enum": Colour.RED,
    "intenum": Level.HIGH,
    "word": Word("sub"),
    "when": datetime(2026, 10, 1, 2, 0, tzinfo=UTC),
    "day": date(2026, 10, 1),
    "point": Point(1),
    "np_int": np.int64(7),
    "np_float": np.float64(0.5),
    "np_bool": np.bool_(True),
    "decimal": Decimal("1.10"),
    "keys": {1: "int key", None: "none key", False: "bool key", 2.5: "float key"},
    "tuple": (1, "a"),
    "nested": {"empty_list": [], "empty_dict": {}, "deep": [[{"a": []}], {}]},
    "text": 'quote " backslash \\ newline \n tab \t ctrl \x01 \x1f del \x7f ‹script› 中文 😀 \u2028',
}


def finding(data: dict, evidence: list[Evidence]) -> Finding:
    return Finding(
        "medium",
        T('Title with "quotes" and\nnewline', "标题"),
        T("Message", "消息"),
        T("Do this", "这样做"),
        account_id="acc",
        evidence=evidence,
        data=data,
        rule="SM301",
        mistake=3,
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_streamed_json_is_byte_identical(hostile_report, tmp_path, lang):
    findings = [
        finding({}, []),
        finding({"n": 3, "share": 0.25}, [Evidence.post("p1"), Evidence.day("a", "2026-10-01")]),
    ]
    findings += [finding({k: v}, [Evidence.follower("acc", "u1")]) for k, v in AWKWARD.items()]
    findings.append(finding(AWKWARD, [Evidence("message", Word("m1")), Evidence("post", 12)]))
    report = dataclasses.replace(hostile_report, findings=[*hostile_report.findings, *findings])
    expected = json.dumps(to_json(report, lang), ensure_ascii=False, indent=2, default=str).encode()
    out = tmp_path / "r.json"
    write_json(report, out, lang)
    assert out.read_bytes() == expected


def test_empty_report_json_is_byte_identical(tmp_path):
    from smguard.testing import make_dataset

    ds = make_dataset(tmp_path / "ds", {"accounts": [{"id": "a", "platform": "x", "owner": "brand"}]})
    report = dataclasses.replace(build_report(ds), findings=[], not_run=[], problems=[])
    out = tmp_path / "r.json"
    write_json(report, out)
    expected = json.dumps(to_json(report), ensure_ascii=False, indent=2, default=str).encode()
    assert out.read_bytes() == expected
