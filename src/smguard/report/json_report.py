"""The audit JSON (CONTRACT §3). Keys listed there are never renamed or dropped; extra keys are allowed.

:func:`to_json` gives the document as a dict. :func:`write_json` writes the same document to a file, byte for
byte what ``json.dumps(to_json(report, lang), ensure_ascii=False, indent=2, default=str)`` gives, but finding
by finding with orjson: a large audit (tens of thousands of findings, hundreds of thousands of evidence items)
is written in a fraction of the time and never holds the whole document in memory, neither as dicts nor as
one string.
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import IO, Any

import orjson

from smguard.report.model import MISTAKE_TITLES, Report


def _head(report: Report) -> dict[str, Any]:
    return {
        "smguard_version": report.version,
        "dataset": {
            "name": report.dataset_name,
            "timezone": report.timezone,
            "period": {
                "start": report.local_iso(report.period_start),
                "end": report.local_iso(report.period_end),
            },
            "as_of": report.local_iso(report.as_of),
            "counts": report.counts,
        },
        "scores": {str(m): s for m, s in report.scores.items()},
        "overall": report.overall,
    }


def _tail(report: Report, lang: str) -> dict[str, Any]:
    return {
        "not_run": report.not_run,
        "lang": lang,
        "mistakes": {str(m): (t[1] if lang == "zh" else t[0]) for m, t in MISTAKE_TITLES.items()},
        "text_backend": report.text_backend,
        "input_problems": [
            {"file": p.file, "line": p.line, "field": p.field, "message": p.message, "severity": p.severity}
            for p in report.problems
        ],
    }


def to_json(report: Report, lang: str = "en") -> dict[str, Any]:
    return {
        **_head(report),
        "findings": [f.to_json(lang) for f in report.findings],
        **_tail(report, lang),
    }


# ------------------------------------------------------------------------------------------- writing

_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)


def _refuse(obj: Any) -> Any:
    raise TypeError  # anything orjson does not write natively goes through json.dumps (default=str)


def _plain(obj: Any) -> bool:
    """True when orjson writes ``obj`` exactly as ``json.dumps(ensure_ascii=False, indent=2)`` does.

    orjson differs only on floats (it writes 1e-05 as 0.00001, NaN and Infinity as null) and on Enum members
    (it writes their value, json.dumps with ``default=str`` their name); everything else it does not write as
    json.dumps would (datetimes, dataclasses, subclasses, numpy values, integers beyond 64 bits, non-text keys,
    lone surrogates) makes it raise, and the value is then written by json.dumps.
    """
    t = type(obj)
    if t is str or t is int or t is bool or obj is None:
        return True
    if t is float:
        return obj == 0.0 or 1e-4 <= abs(obj) < float("inf")
    if t is dict:
        return all(_plain(v) for v in obj.values())
    if t is list or t is tuple:
        return all(_plain(v) for v in obj)
    return not isinstance(obj, (float, Enum))


def _dumps(obj: Any) -> bytes:
    """``obj`` as json.dumps(ensure_ascii=False, indent=2, default=str) writes it, UTF-8 encoded."""
    if _plain(obj):
        try:
            return orjson.dumps(obj, default=_refuse, option=_OPTIONS)
        except (orjson.JSONEncodeError, TypeError):
            pass
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _member(key: str, value: Any) -> bytes:
    """One top-level ``"key": value`` line of the document, indented as json.dumps indents it."""
    return b"  " + _dumps(key) + b": " + _dumps(value).replace(b"\n", b"\n  ")


def _finding(f: Any, lang: str) -> bytes:
    doc = f.to_json(lang)
    # the evidence items are many and small: check them in one sweep instead of one _plain call each
    if all(type(v) is str or v is None for e in doc["evidence"] for v in e.values()) and all(
        _plain(v) for k, v in doc.items() if k != "evidence"
    ):
        try:
            return orjson.dumps(doc, default=_refuse, option=_OPTIONS)
        except (orjson.JSONEncodeError, TypeError):
            pass
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def write_json(report: Report, path: Path | str, lang: str = "en") -> None:
    """Write the JSON report to ``path`` (UTF-8), finding by finding."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        _write_document(report, lang, fh)


def _write_document(report: Report, lang: str, fh: IO[bytes]) -> None:
    newline = os.linesep.encode()  # text-mode files write \n as the platform's line separator

    def put(chunk: bytes) -> None:
        fh.write(chunk if newline == b"\n" else chunk.replace(b"\n", newline))

    put(b"{\n")
    for key, value in _head(report).items():
        put(_member(key, value) + b",\n")
    if report.findings:
        put(b'  "findings": [\n')
        last = len(report.findings) - 1
        for i, f in enumerate(report.findings):
            body = b"    " + _finding(f, lang).replace(b"\n", b"\n    ")
            put(body + (b",\n" if i < last else b"\n"))
        put(b"  ],\n")
    else:
        put(b'  "findings": [],\n')
    tail = list(_tail(report, lang).items())
    for i, (key, value) in enumerate(tail):
        put(_member(key, value) + (b",\n" if i < len(tail) - 1 else b"\n"))
    put(b"}")
