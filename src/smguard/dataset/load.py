"""Read a data set folder (format v1) into typed Polars tables, reporting every problem with file, line, field.

Two paths produce the same tables:

* a fast path: Polars reads a whole JSONL file at once with the declared schema (millions of rows per second);
* a careful path, taken when the fast path refuses the file (a broken line, a value of the wrong type): each
  line is parsed on its own, bad values are reported and dropped, every valid row is kept.

Both then go through the same vectorised checks (required fields, allowed values, timestamps, references,
duplicate keys), so a problem is reported the same way whichever path read the file.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson
import polars as pl

from smguard.dataset.model import MEDIA_STRUCT, SOCIAL_STRUCT, UTC_DT, Dataset, DatasetError, Problem
from smguard.dataset.schema import LOAD_ORDER, METRICS, TABLES, Field, Table

LINE = "__line"
MAX_PROBLEMS_PER_FIELD = 50  # beyond this, one summary line per file and field

TARGETING_STRUCT = pl.Struct(
    {
        "locations": pl.List(pl.String),
        "age_min": pl.Int64,
        "age_max": pl.Int64,
        "genders": pl.List(pl.String),
        "interests": pl.List(pl.String),
        "custom_audience": pl.String,
        "retargeting": pl.Boolean,
    }
)
METRICS_STRUCT = pl.Struct({m: pl.Int64 for m in METRICS})
OBJECT_TYPES: dict[tuple[str, str], pl.DataType] = {
    ("posts", "media"): pl.List(MEDIA_STRUCT),
    ("posts", "metrics"): METRICS_STRUCT,
    ("customers", "social"): pl.List(SOCIAL_STRUCT),
    ("campaigns", "targeting"): TARGETING_STRUCT,
}
RAW_TYPES = {
    "str": pl.String,
    "int": pl.Int64,
    "float": pl.Float64,
    "bool": pl.Boolean,
    "timestamp": pl.String,  # parsed after reading, so that offsets and local times are handled alike
    "date": pl.String,
    "list_str": pl.List(pl.String),
}


def raw_schema(table: Table) -> dict[str, pl.DataType]:
    return {f.name: _raw_type(table.name, f) for f in table.fields}


def _raw_type(table: str, f: Field) -> pl.DataType:
    if f.kind in ("object", "list_obj"):
        return OBJECT_TYPES[(table, f.name)]
    return RAW_TYPES[f.kind]


# --------------------------------------------------------------------------------------------- problems


class Reporter:
    """Collects problems, capping the number of lines per file and field so a huge broken file stays readable."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._counts: dict[tuple[str, str | None, str], int] = {}

    def add(
        self, file: str, line: int | None, fld: str | None, message: str, severity: str = "error"
    ) -> None:
        key = (file, fld, message.split(":")[0])
        n = self._counts.get(key, 0) + 1
        self._counts[key] = n
        if n <= MAX_PROBLEMS_PER_FIELD:
            self.problems.append(Problem(file, line, fld, message, severity))

    def summarise(self) -> None:
        for (file, fld, kind), n in self._counts.items():
            if n > MAX_PROBLEMS_PER_FIELD:
                self.problems.append(
                    Problem(
                        file, None, fld, f"{kind}: {n - MAX_PROBLEMS_PER_FIELD} more lines like the above"
                    )
                )

    def rows(
        self, file: str, lines: list[int], fld: str | None, message: str, severity: str = "error"
    ) -> None:
        for ln in lines:
            self.add(file, ln, fld, message, severity)


# --------------------------------------------------------------------------------------------- settings


def _read_settings(folder: Path) -> dict[str, Any]:
    path = folder / "dataset.toml"
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path.name}: not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise DatasetError(f"{path.name}: not valid TOML: {exc}") from None


def _zone(name: str, rep: Reporter) -> str:
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        rep.add(
            "dataset.toml",
            None,
            "timezone",
            f"unknown timezone {name!r} (use an IANA name such as 'Asia/Shanghai'); UTC is used instead",
        )
        return "UTC"


# --------------------------------------------------------------------------------------------- reading


def _find_file(folder: Path, stem: str) -> Path | None:
    for ext in (".jsonl", ".csv"):
        p = folder / f"{stem}{ext}"
        if p.exists():
            return p
    return None


CHUNK_BYTES = 32 << 20  # the fast path reads a JSONL file in pieces of about this size, cut at line ends


def _chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes in pieces of about CHUNK_BYTES, each ending with a newline (except maybe the last).

    Each piece is read once, straight into the bytes object Polars gets: the line end is looked up in a small
    window first, so no piece is sliced or glued together (each of those is a copy of the piece).
    """
    size = CHUNK_BYTES
    with path.open("rb") as fh:
        total = os.fstat(fh.fileno()).st_size
        start = 0
        while start < total:
            end = _line_end(fh, start, min(start + size, total), total)
            fh.seek(start)
            yield fh.read(end - start)
            start = end


def _line_end(fh: IO[bytes], start: int, end: int, total: int, window: int = 1 << 16) -> int:
    """The position just after the last newline in [start, end); a line longer than that: just after its
    newline (or the end of the file)."""
    if end >= total:
        return total
    pos = end
    while pos > start:  # backwards, a window at a time
        lo = max(start, pos - window)
        fh.seek(lo)
        i = fh.read(pos - lo).rfind(b"\n")
        if i >= 0:
            return lo + i + 1
        pos = lo
    pos = end
    while pos < total:  # no newline in the piece: forwards to the end of its first line
        fh.seek(pos)
        block = fh.read(window)
        i = block.find(b"\n")
        if i >= 0:
            return pos + i + 1
        pos += len(block)
    return total


# Objects and lists of objects, fast. Polars builds List(Struct)/Struct columns from JSON slowly (posts: 0.8 s
# per 100k rows, six times the rest of the row), but reads them quickly as JSON text, and str.json_decode is
# fast. json_decode is more lenient than the reader, though (true -> 1, 5.5 -> 5 where the reader refuses),
# and the text Polars writes for an object loses details (1.0 becomes 1, -0.0 becomes -0). So the text is
# decoded only where that cannot make a difference: every value has the plain shape below (known members in
# the usual order, plain strings without escapes, whole numbers where whole numbers belong), and the raw
# bytes show no value of the field written as a JSON string (its text would look like an object) nor a
# number with a fraction or exponent in a whole-number member. Any other piece is read with the full schema,
# exactly as before.
_S = r'(?:"[^"\\\x00-\x1f]*"|null)'  # a plain string (no escapes) or null
_I = r"(?:0|-?[1-9][0-9]{0,17}|null)"  # a whole number that fits in 64 bits
_N = r"(?:0|-?[1-9][0-9]{0,14}(?:\.[0-9]{1,17})?|-?0\.[0-9]{1,17}|null)"  # a plain number, no exponent


def _members(*pairs: tuple[str, str]) -> str:
    return "".join(f'(?:(?:, )?"{name}": {value})?' for name, value in pairs)


_MEDIA = r"\{" + _members(("type", _S), ("duration_s", _N), ("id", _S), ("url", _S)) + r"\}"
_SOCIAL = r"\{" + _members(("platform", _S), ("user_id", _S), ("handle", _S)) + r"\}"
_PLAIN_TEXT: dict[tuple[str, str], str] = {
    ("posts", "media"): rf"^\[(?:{_MEDIA}(?:, {_MEDIA})*)?\]$",
    ("posts", "metrics"): r"^\{" + _members(*((m, _I) for m in METRICS)) + r"\}$",
    ("customers", "social"): rf"^\[(?:{_SOCIAL}(?:, {_SOCIAL})*)?\]$",
}
_RAW_ESCAPED_NAME = re.compile(rb"\\u00[2-7]")  # a member name could be spelled with escapes
_RAW_WHOLE_AS_FLOAT = re.compile(rb'"(?:' + "|".join(METRICS).encode() + rb')"\s*:\s*-?[0-9]+[.eE]')


def _raw_as_string(name: str) -> re.Pattern[bytes]:
    return re.compile(rb'"' + name.encode() + rb'"\s*:\s*"')


def _text_schema(table: Table) -> tuple[dict[str, pl.DataType], list[str]]:
    """The raw schema with the object fields that have a plain shape read as JSON text, and those fields."""
    schema = raw_schema(table)
    names = [f.name for f in table.fields if (table.name, f.name) in _PLAIN_TEXT]
    return {k: (pl.String if k in names else v) for k, v in schema.items()}, names


def _read_piece(piece: bytes, table: Table) -> pl.DataFrame:
    """One piece of a JSONL file with the raw schema (raises what Polars raises when it refuses the piece)."""
    schema = raw_schema(table)
    text_schema, names = _text_schema(table)
    if (
        names
        and not _RAW_ESCAPED_NAME.search(piece)
        and not any(_raw_as_string(n).search(piece) for n in names)
        and not (table.name == "posts" and _RAW_WHOLE_AS_FLOAT.search(piece))
    ):
        try:
            df = pl.read_ndjson(piece, schema=text_schema)
            plain = df.select(
                pl.all_horizontal(
                    pl.col(n).is_null() | pl.col(n).str.contains(_PLAIN_TEXT[(table.name, n)]) for n in names
                )
            ).to_series()
            if plain.all():
                return df.with_columns(pl.col(n).str.json_decode(schema[n]) for n in names)
        except Exception:  # noqa: BLE001, S110 - read it with the full schema below, which decides
            pass
    return pl.read_ndjson(piece, schema=schema)


def _read_jsonl_fast(path: Path, table: Table) -> pl.DataFrame | None:
    """Read a whole JSONL file with Polars; None when Polars refuses it (then it is read line by line).

    The file is read piece by piece: the bytes of one piece at a time are in memory (not the whole file, which
    may be hundreds of MB), and the line numbers are counted in the piece that is at hand anyway.
    """
    schema = raw_schema(table)
    parts: list[pl.DataFrame] = []
    first = 1  # line number of the piece's first line
    for piece in _chunks(path):
        try:
            df = _read_piece(piece, table)
        except Exception:  # noqa: BLE001 - any refusal means: read it line by line
            return None
        n_lines = piece.count(b"\n") + (0 if piece.endswith(b"\n") else 1)
        if df.height == n_lines:  # no blank lines: row n is line n
            lines: Any = pl.int_range(first, first + n_lines, dtype=pl.Int64, eager=True)
        else:
            # blank lines: Polars skips them, so map rows to the line numbers of the non-blank lines
            lines = [first + i for i, ln in enumerate(piece.split(b"\n")) if ln.strip()]
            if len(lines) != df.height:
                return None
        if _hides_wrong_type(df, piece, schema, first, lines):
            return None
        parts.append(df.with_columns(pl.Series(LINE, lines, dtype=pl.Int64)))
        first += n_lines
    if not parts:
        return pl.DataFrame(schema={**schema, LINE: pl.Int64})
    return pl.concat(parts, rechunk=False) if len(parts) > 1 else parts[0]


def _hides_wrong_type(
    df: pl.DataFrame, piece: bytes, schema: dict[str, pl.DataType], first: int, lines: Any
) -> bool:
    """True when a text field of the piece holds true/false, an object or a list in the JSON.

    Polars turns such a value into text ("true", '{"a": 1}') where the careful path reports it as the wrong
    type; so that both paths give the same result, such a file is read line by line. Only the rows whose text
    looks like one (it starts with ``{`` or ``[`` — a Weibo emoticon such as ``[怒]`` does too — or is
    true/false) are parsed again to find out; on clean data that is a vectorised look at each text column."""
    names = [n for n, t in schema.items() if t == pl.String]
    if not names or df.height == 0:
        return False
    looks = df.select(
        pl.any_horizontal(
            (
                pl.col(n).str.starts_with("{")
                | pl.col(n).str.starts_with("[")
                | pl.col(n).is_in(["true", "false"])
            ).fill_null(False)
            for n in names
        )
    ).to_series()
    if not looks.any():
        return False
    rows = looks.arg_true().to_list()
    line_of = pl.Series(lines) if not isinstance(lines, pl.Series) else lines
    raw_lines = piece.split(b"\n")
    for r in rows:
        try:
            obj = orjson.loads(raw_lines[line_of[r] - first])
        except (orjson.JSONDecodeError, IndexError):
            return True
        if not isinstance(obj, dict):
            return True
        if any(isinstance(obj.get(n), (bool, dict, list)) for n in names):
            return True
    return False


def _read_jsonl_careful(data: bytes, table: Table, fname: str, rep: Reporter) -> pl.DataFrame:
    schema = raw_schema(table)
    cols: dict[str, list[Any]] = {name: [] for name in schema}
    cols[LINE] = []
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            try:
                raw.decode("utf-8")
                rep.add(fname, lineno, None, f"not valid JSON ({exc.msg}); line skipped")
            except UnicodeDecodeError:
                rep.add(fname, lineno, None, "not UTF-8 text; line skipped")
            continue
        if not isinstance(obj, dict):
            rep.add(
                fname,
                lineno,
                None,
                f"expected a JSON object {{...}}, found {type(obj).__name__}; line skipped",
            )
            continue
        _append_row(obj, table, cols, lineno, fname, rep)
    return pl.DataFrame(cols, schema={**schema, LINE: pl.Int64})


def _append_row(
    obj: dict, table: Table, cols: dict[str, list], lineno: int, fname: str, rep: Reporter
) -> None:
    for f in table.fields:
        value = obj.get(f.name)
        if value is not None:
            try:
                value = coerce(table.name, f, value)
            except (ValueError, TypeError, OverflowError) as exc:
                rep.add(fname, lineno, f.name, f"wrong type: {exc}; value ignored")
                value = None
        cols[f.name].append(value)
    cols[LINE].append(lineno)


_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


def coerce(table: str, f: Field, value: Any) -> Any:
    """Turn one JSON (or CSV) value into the raw column type of the field; raise ValueError when impossible."""
    kind = f.kind
    if kind in ("str", "timestamp", "date"):
        if isinstance(value, (bool, dict, list)):
            raise ValueError(f"expected text, found {_jtype(value)}")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)
    if kind == "int":
        if isinstance(value, bool):
            raise ValueError("expected a whole number, found true/false")
        whole = None
        if isinstance(value, int):
            whole = value
        elif isinstance(value, float) and value.is_integer():
            whole = int(value)
        elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
            whole = int(value.strip())
        if whole is None:
            raise ValueError(f"expected a whole number, found {value!r}")
        if not _fits_int64(whole):
            raise ValueError(f"expected a whole number from -2^63 to 2^63-1, found {value!r}")
        return whole
    if kind == "float":
        if isinstance(value, bool):
            raise ValueError("expected a number, found true/false")
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            try:
                v = float(value.strip())
            except ValueError:
                raise ValueError(f"expected a number, found {value!r}") from None
            if math.isfinite(v):
                return v
        raise ValueError(f"expected a number, found {value!r}")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, str)) and str(value).strip().lower() in _TRUE | _FALSE:
            return str(value).strip().lower() in _TRUE
        raise ValueError(f"expected true or false, found {value!r}")
    if kind == "list_str":
        if isinstance(value, str):
            return [v.strip() for v in value.split(";") if v.strip()]
        if isinstance(value, list):
            return [str(v) for v in value if v is not None and not isinstance(v, (dict, list))]
        raise ValueError(f"expected a list of strings, found {_jtype(value)}")
    if kind in ("object", "list_obj"):
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            try:
                value = orjson.loads(text)
            except orjson.JSONDecodeError:
                raise ValueError(f"expected JSON {'list' if kind == 'list_obj' else 'object'} text") from None
        return _coerce_object(table, f.name, value)
    raise AssertionError(kind)


def _jtype(v: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", str: "text"}.get(type(v), type(v).__name__)


def _opt_str(v: Any) -> str | None:
    if v is None or isinstance(v, (dict, list)):
        return None
    return str(v)


def _fits_int64(v: int) -> bool:
    return -(2**63) <= v < 2**63


def _opt_num(v: Any, cast: Callable[[Any], Any]) -> Any:
    if v is None or isinstance(v, bool):
        return None
    try:
        out = cast(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return None if isinstance(out, int) and not _fits_int64(out) else out


def _coerce_object(table: str, name: str, value: Any) -> Any:
    if (table, name) == ("posts", "media"):
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            raise ValueError(f"expected a list of media objects, found {_jtype(value)}")
        out = []
        for m in value:
            if isinstance(m, str):
                m = {"type": m}
            if not isinstance(m, dict):
                raise ValueError('each media item must be an object like {"type": "photo"}')
            out.append(
                {
                    "type": _opt_str(m.get("type")),
                    "duration_s": _opt_num(m.get("duration_s"), float),
                    "id": _opt_str(m.get("id")),
                    "url": _opt_str(m.get("url")),
                }
            )
        return out
    if (table, name) == ("posts", "metrics"):
        if not isinstance(value, dict):
            raise ValueError(f"expected an object of counts, found {_jtype(value)}")
        return {m: _opt_num(value.get(m), lambda x: int(float(x))) for m in METRICS}
    if (table, name) == ("customers", "social"):
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            raise ValueError(f"expected a list of social profiles, found {_jtype(value)}")
        return [
            {
                "platform": _opt_str(s.get("platform")),
                "user_id": _opt_str(s.get("user_id")),
                "handle": _opt_str(s.get("handle")),
            }
            for s in value
            if isinstance(s, dict)
        ]
    if (table, name) == ("campaigns", "targeting"):
        if not isinstance(value, dict):
            raise ValueError(f"expected a targeting object, found {_jtype(value)}")

        def lst(v: Any) -> list[str] | None:
            if v is None:
                return None
            if isinstance(v, str):
                return [s.strip() for s in v.split(";") if s.strip()]
            if isinstance(v, list):
                return [str(x) if not isinstance(x, (dict, list)) else orjson.dumps(x).decode() for x in v]
            if isinstance(v, dict):
                return [orjson.dumps(v).decode()] if v else []
            return [str(v)]

        ca = value.get("custom_audience")
        if ca in (None, False, "", [], {}):
            ca = None
        elif ca is True:
            ca = "yes"
        elif not isinstance(ca, str):
            ca = orjson.dumps(ca).decode()
        rt = value.get("retargeting")
        return {
            "locations": lst(value.get("locations")),
            "age_min": _opt_num(value.get("age_min"), lambda x: int(float(x))),
            "age_max": _opt_num(value.get("age_max"), lambda x: int(float(x))),
            "genders": lst(value.get("genders")),
            "interests": lst(value.get("interests")),
            "custom_audience": ca,
            "retargeting": bool(rt)
            if isinstance(rt, (bool, int))
            else (str(rt).lower() in _TRUE if rt else None),
        }
    raise AssertionError((table, name))


def _read_csv(path: Path, table: Table, rep: Reporter) -> pl.DataFrame | None:
    fname = path.name
    try:
        df = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy", truncate_ragged_lines=True)
    except Exception as exc:  # noqa: BLE001 - report any CSV parse failure in plain words
        rep.add(fname, None, None, f"could not be read as CSV ({str(exc).splitlines()[0]}); file skipped")
        return None
    df = df.rename({c: c.strip().lstrip("\ufeff") for c in df.columns})
    missing_required = [f.name for f in table.fields if f.required and f.name not in df.columns]
    if missing_required:
        rep.add(
            fname,
            1,
            ", ".join(missing_required),
            f"the header has no column {', '.join(missing_required)} (required); file skipped",
        )
        return None
    lines = list(range(2, df.height + 2))
    cols: dict[str, list[Any]] = {f.name: [] for f in table.fields}
    simple = {f.name for f in table.fields if f.kind in ("str", "timestamp", "date")}
    data = {c: df[c].to_list() for c in df.columns if c in cols}
    for f in table.fields:
        if f.name not in data:
            cols[f.name] = [None] * df.height
            continue
        values = data[f.name]
        if f.name in simple:
            cols[f.name] = [v if v not in ("",) else None for v in values]
            continue
        out = []
        for ln, v in zip(lines, values, strict=True):
            if v is None or (v == "" and f.kind not in ("list_str",)):
                out.append(None)
                continue
            try:
                out.append(coerce(table.name, f, v))
            except (ValueError, TypeError, OverflowError) as exc:
                rep.add(fname, ln, f.name, f"wrong type: {exc}; value ignored")
                out.append(None)
        cols[f.name] = out
    cols[LINE] = lines
    return pl.DataFrame(cols, schema={**raw_schema(table), LINE: pl.Int64})


# --------------------------------------------------------------------------------------------- parsing


_FMT_OFFSET = "%Y-%m-%dT%H:%M:%S%.f%#z"
_FMT_LOCAL = "%Y-%m-%dT%H:%M:%S%.f"


# The shape nearly every exporter writes: 2026-10-03T09:30:00+08:00 or 2026-10-03T01:30:00Z. Polars parses
# its first 19 characters with the plain ISO format several times faster than with an offset in the format;
# the offset (a handful of distinct values) is then subtracted.
_PLAIN_SHAPE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})$"
_FMT_PLAIN = "%Y-%m-%dT%H:%M:%S"


def parse_timestamps(s: pl.Series, tz: str) -> pl.Series:
    """ISO 8601 strings → UTC datetimes; a value without an offset is read in ``tz``. Unparseable → null.

    Values of the common shape (see ``_PLAIN_SHAPE``) whose offset the general parser reads the same way are
    parsed by the fast pass; everything else (and whatever the fast pass leaves null) by the general one.
    """
    name = s.name
    s = pl.Series(name, s, dtype=pl.String)
    shaped = s.str.contains(_PLAIN_SHAPE).fill_null(False)
    if not shaped.any():
        return _parse_timestamps_general(s, tz)
    offsets = s.str.slice(19)
    minutes = {o: _offset_minutes(o) for o in offsets.filter(shaped).unique().to_list()}
    shift = offsets.replace_strict(
        {o: m for o, m in minutes.items() if m is not None}, default=None, return_dtype=pl.Int64
    )
    fast = (
        s.str.slice(0, 19)
        .str.to_datetime(_FMT_PLAIN, strict=False, time_unit="us", cache=False)
        .dt.replace_time_zone("UTC")
    )
    out = pl.select(
        pl.when(pl.lit(shaped) & pl.lit(shift).is_not_null())
        .then(pl.lit(fast) - pl.duration(minutes=pl.lit(shift)))
        .alias(name)
    ).to_series()
    todo = out.is_null() & s.is_not_null()
    if todo.any():
        out = out.scatter(todo.arg_true(), _parse_timestamps_general(s.filter(todo), tz))
    return out


@lru_cache(maxsize=256)
def _offset_minutes(offset: str) -> int | None:
    """Minutes east of UTC of an offset ("Z", "+08:00"), as the general parser reads it; None if it does not."""
    probe = pl.Series([f"2026-01-01T00:00:00{offset}"])
    parsed = probe.str.to_datetime(_FMT_OFFSET, strict=False, time_zone="UTC", time_unit="us")[0]
    if parsed is None:
        return None
    return round((datetime(2026, 1, 1, tzinfo=UTC) - parsed).total_seconds() / 60)


def _parse_timestamps_general(s: pl.Series, tz: str) -> pl.Series:
    """Every accepted form: one vectorised pass for full timestamps with an offset or ``Z``; only the values it
    leaves are tried again as local times, and only what is still left goes through Python."""
    name = s.name
    out = s.str.to_datetime(_FMT_OFFSET, strict=False, time_zone="UTC", time_unit="us")
    todo = out.is_null() & s.is_not_null()
    if not todo.any():
        return out
    idx = todo.arg_true()
    rest = s.gather(idx).str.strip_chars().str.replace(r"^(\d{4}-\d{2}-\d{2})[ t]", "${1}T")
    with_off = rest.str.to_datetime(_FMT_OFFSET, strict=False, time_zone="UTC", time_unit="us")
    local = (
        rest.str.to_datetime(_FMT_LOCAL, strict=False, time_unit="us")
        .dt.replace_time_zone(tz, ambiguous="earliest", non_existent="null")
        .dt.convert_time_zone("UTC")
    )
    fixed = pl.select(pl.coalesce(with_off, local).alias(name)).to_series()
    left = fixed.is_null()
    if left.any():
        zone = ZoneInfo(tz)
        values = rest.filter(left).to_list()
        py = pl.Series(name, [_py_timestamp(v, zone) for v in values], dtype=UTC_DT)
        fixed = fixed.scatter(left.arg_true(), py)
    return out.scatter(idx, fixed)


def _py_timestamp(v: str, zone: ZoneInfo) -> datetime | None:
    text = v.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            d = date.fromisoformat(text)
            dt = datetime.combine(d, time(0), tzinfo=zone)
        else:
            dt = datetime.fromisoformat(text.replace("z", "Z"))
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=zone)
    except ValueError:
        return None
    return dt.astimezone(UTC)


def parse_dates(s: pl.Series, tz: str) -> pl.Series:
    """``YYYY-MM-DD`` → date; a full timestamp is reduced to its local day in ``tz``."""
    s = s.str.strip_chars()
    plain = s.str.to_date("%Y-%m-%d", strict=False)
    todo = plain.is_null() & s.is_not_null()
    if todo.any():
        ts = parse_timestamps(s, tz).dt.convert_time_zone(tz).dt.date()
        plain = pl.select(pl.when(todo).then(ts).otherwise(plain).alias(s.name)).to_series()
    return plain


# --------------------------------------------------------------------------------------------- checking


def _check_and_type(df: pl.DataFrame, table: Table, fname: str, tz: str, rep: Reporter) -> pl.DataFrame:
    """Required fields, allowed values and timestamps of every row; bad rows are reported and dropped.

    Each check first asks the cheap question (any nulls? every value already allowed?) and does the costly
    string work only when the answer says there is something to find, so clean data costs little.
    """
    bad: pl.Series | None = None
    lines = df[LINE]

    def skip(mask: pl.Series) -> None:
        nonlocal bad
        bad = mask if bad is None else bad | mask

    def not_bad(mask: pl.Series) -> pl.Series:
        return mask if bad is None else mask & ~bad

    for f in table.fields:
        col = df[f.name]
        if f.required:
            empty = col.is_null()
            if f.kind in ("str", "timestamp", "date"):  # text: blank counts as missing
                blank = col.str.strip_chars() == ""
                if blank.any():
                    empty = empty | blank.fill_null(False)
                    df = df.with_columns(
                        pl.when(pl.col(f.name).str.strip_chars() == "")
                        .then(None)
                        .otherwise(pl.col(f.name))
                        .alias(f.name)
                    )
            if empty.any():
                miss = not_bad(empty)
                if miss.any():
                    rep.rows(
                        fname,
                        lines.filter(miss).to_list(),
                        f.name,
                        "required field is missing or empty; line skipped",
                    )
                    skip(miss)
        if f.kind in ("timestamp", "date"):
            parsed = parse_timestamps(col, tz) if f.kind == "timestamp" else parse_dates(col, tz)
            if parsed.null_count() > col.null_count():  # some text that is not a time (or blank)
                wrong = parsed.is_null() & col.is_not_null() & (col.str.strip_chars() != "")
                if wrong.any():
                    shown = not_bad(wrong)
                    what = (
                        "timestamp (ISO 8601, e.g. 2026-10-31T09:30:00+08:00)"
                        if f.kind == "timestamp"
                        else "date (YYYY-MM-DD)"
                    )
                    for ln, v in zip(lines.filter(shown).to_list(), col.filter(shown).to_list(), strict=True):
                        action = "line skipped" if f.required else "value ignored"
                        rep.add(fname, ln, f.name, f"not a valid {what}: {v!r}; {action}")
                    if f.required:
                        skip(wrong)
            df = df.with_columns(parsed.alias(f.name))
        if f.choices and f.kind == "str":
            allowed_values = list(f.choices)
            if not (col.is_null() | col.is_in(allowed_values)).all():  # else every value is already allowed
                norm = col.str.strip_chars().str.to_lowercase()
                wrong = norm.is_not_null() & ~norm.is_in(allowed_values) & (norm != "")
                if wrong.any():
                    shown = not_bad(wrong)
                    allowed = ", ".join(f.choices)
                    for ln, v in zip(lines.filter(shown).to_list(), col.filter(shown).to_list(), strict=True):
                        action = "line skipped" if f.required else "value ignored"
                        rep.add(fname, ln, f.name, f"{v!r} is not one of: {allowed}; {action}")
                    if f.required:
                        skip(wrong)
                df = df.with_columns(pl.when(wrong).then(None).otherwise(norm).alias(f.name))
        if f.default is not None and df[f.name].null_count():
            df = df.with_columns(pl.col(f.name).fill_null(f.default))
    if bad is not None and bad.any():
        df = df.filter(~bad)
    return df


def _check_keys(df: pl.DataFrame, table: Table, fname: str, rep: Reporter) -> pl.DataFrame:
    if not table.key or df.height == 0:
        return df
    if df.select(table.key).hash_rows().n_unique() == df.height:
        return df  # all hashes differ, so all keys differ (hashing is cheaper than comparing text)
    # a row whose key an earlier row already has (nulls count as equal, as in is_duplicated)
    key = pl.col(table.key[0]) if len(table.key) == 1 else pl.struct(list(table.key))
    dup = df.select(~key.is_first_distinct()).to_series()
    if dup.any():
        key_name = "+".join(table.key)
        for ln in df[LINE].filter(dup).to_list():
            rep.add(
                fname, ln, key_name, f"duplicate {key_name}: an earlier line has the same; this line skipped"
            )
        df = df.filter(~dup)
    return df


def _check_refs(
    df: pl.DataFrame, table: Table, fname: str, known: dict[str, pl.Series], rep: Reporter, present: set[str]
) -> pl.DataFrame:
    for f in table.fields:
        if not f.ref:
            continue
        ref_table, ref_col = f.ref.split(".")
        if ref_table not in present:
            continue
        col = df[f.name]
        unknown = col.is_not_null() & ~col.is_in(known[f.ref].implode())
        if unknown.any():
            for ln, v in zip(df[LINE].filter(unknown).to_list(), col.filter(unknown).to_list(), strict=True):
                action = "line skipped" if f.required else "value ignored"
                rep.add(fname, ln, f.name, f"{v!r} is not an id in {ref_table}; {action}")
            if f.required:
                df = df.filter(~unknown)
            else:
                df = df.with_columns(pl.when(unknown).then(None).otherwise(pl.col(f.name)).alias(f.name))
    return df


# --------------------------------------------------------------------------------------------- deriving


def _derive(name: str, df: pl.DataFrame, tz: str, accounts: pl.DataFrame | None) -> pl.DataFrame:
    if name == "posts":
        df = df.with_columns([pl.col("metrics").struct.field(m).alias(m) for m in METRICS]).drop("metrics")
        df = df.with_columns(
            pl.col("media").fill_null(pl.lit([], dtype=pl.List(MEDIA_STRUCT))),
            pl.col("source").fill_null("manual"),
        )
    if name == "campaigns":
        t = pl.col("targeting")
        df = df.with_columns(
            t.struct.field("locations").alias("t_locations"),
            t.struct.field("age_min").alias("t_age_min"),
            t.struct.field("age_max").alias("t_age_max"),
            t.struct.field("genders").alias("t_genders"),
            t.struct.field("interests").alias("t_interests"),
            # a blank custom audience is none (JSONL "" as CSV's empty cell): it must not count as targeting
            pl.when(t.struct.field("custom_audience").str.strip_chars() != "")
            .then(t.struct.field("custom_audience"))
            .alias("t_custom_audience"),
            t.struct.field("retargeting").fill_null(False).alias("t_retargeting"),
        ).drop("targeting")
        df = df.with_columns(
            (
                (pl.col("t_locations").list.len().fill_null(0) > 0)
                | pl.col("t_age_min").is_not_null()
                | pl.col("t_age_max").is_not_null()
                | (pl.col("t_genders").list.len().fill_null(0) > 0)
                | (pl.col("t_interests").list.len().fill_null(0) > 0)
                | pl.col("t_custom_audience").is_not_null()
                | pl.col("t_retargeting")
            ).alias("has_targeting")
        )
    if name in ("followers",):
        df = df.with_columns(pl.col("interests").fill_null(pl.lit([], dtype=pl.List(pl.String))))
    if name == "customers":
        df = df.with_columns(pl.col("social").fill_null(pl.lit([], dtype=pl.List(SOCIAL_STRUCT))))
    if name == "embargo":
        df = df.with_columns(pl.col("aliases").fill_null(pl.lit([], dtype=pl.List(pl.String))))
    if name in ("posts", "messages", "likes"):
        df = df.with_columns(pl.col("created_at").dt.convert_time_zone(tz).dt.date().alias("date"))
    if accounts is not None and name in (
        "posts",
        "messages",
        "likes",
        "campaigns",
        "followers",
        "follower_counts",
    ):
        df = df.join(
            accounts.select(pl.col("id").alias("account_id"), "platform", "owner"),
            on="account_id",
            how="left",
        )
    return df


def empty_table(name: str, tz: str = "UTC") -> pl.DataFrame:
    """An empty table with the same columns a loaded one has."""
    table = TABLES[name]
    df = pl.DataFrame(schema={**raw_schema(table), LINE: pl.Int64})
    for f in table.fields:
        if f.kind == "timestamp":
            df = df.with_columns(pl.col(f.name).cast(UTC_DT))
        elif f.kind == "date":
            df = df.with_columns(pl.col(f.name).cast(pl.Date))
    accounts = pl.DataFrame(schema={"id": pl.String, "platform": pl.String, "owner": pl.String})
    return _derive(name, df, tz, accounts if name != "accounts" else None).drop(LINE)


# --------------------------------------------------------------------------------------------- entry point


def load_dataset(folder: str | Path, progress: Callable[[str, int], None] | None = None) -> Dataset:
    """Load a data set folder. Raises :class:`DatasetError` only when it cannot be read at all."""
    folder = Path(folder)
    if not folder.exists():
        raise DatasetError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise DatasetError(
            f"{folder}: not a folder (a data set is a folder with accounts.jsonl and other files)"
        )
    settings = _read_settings(folder)
    rep = Reporter()
    tz = _zone(str(settings.get("timezone", "UTC")), rep)
    frames: dict[str, pl.DataFrame] = {}
    present: set[str] = set()
    counts: dict[str, int] = {}
    known: dict[str, pl.Series] = {}

    def load_table(name: str) -> tuple[pl.DataFrame | None, int | None]:
        """One table read, checked and derived; (None, None) when its file is missing or unreadable."""
        table = TABLES[name]
        path = paths[name]
        assert path is not None
        fname = path.name
        if path.suffix == ".csv":
            raw = _read_csv(path, table, rep)
            if raw is None:
                return None, None
        else:
            raw = _read_jsonl_fast(path, table)
            if raw is None:
                raw = _read_jsonl_careful(path.read_bytes(), table, fname, rep)
        n_read = raw.height
        df = _check_and_type(raw, table, fname, tz, rep)
        df = _check_keys(df, table, fname, rep)
        df = _check_refs(df, table, fname, known, rep, present)
        if name == "accounts":
            need = df["owner"].eq("employee") & (df["employee_id"].is_null() | (df["employee_id"] == ""))
            if need.any():
                rep.rows(
                    fname,
                    df[LINE].filter(need).to_list(),
                    "employee_id",
                    "an employee account needs employee_id (kept, but it cannot be matched to a person)",
                    severity="warning",
                )
        df = _derive(name, df.drop(LINE), tz, frames.get("accounts") if name != "accounts" else None)
        return df, n_read

    def keep(name: str, result: tuple[pl.DataFrame | None, int | None]) -> None:
        df, n_read = result
        if df is None:
            frames[name] = empty_table(name, tz)
            present.discard(name)
            return
        counts[name] = n_read  # type: ignore[assignment]
        frames[name] = df
        if "id" in df.columns:
            known[f"{name}.id"] = df["id"]

    paths = {name: _find_file(folder, name) for name in LOAD_ORDER}
    present.update(name for name, path in paths.items() if path is not None)
    # The tables other tables refer to come first; the rest refer only to them, so two of those are read
    # at a time (Polars works without the GIL; each file's problems are reported by one thread, in order).
    # Results are kept in LOAD_ORDER, so the tables, counts and problems come out as one by one.
    referenced = [
        n
        for n in LOAD_ORDER
        if any(f.ref and f.ref.split(".")[0] == n for t in TABLES.values() for f in t.fields)
    ]
    for name in LOAD_ORDER:
        if progress and paths[name] is not None:
            progress(name, paths[name].stat().st_size)  # type: ignore[union-attr]
    for name in referenced:
        keep(name, load_table(name) if paths[name] is not None else (None, None))
    rest = [n for n in LOAD_ORDER if n not in referenced]
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {n: pool.submit(load_table, n) for n in rest if paths[n] is not None}
        for name in rest:
            keep(name, futures[name].result() if name in futures else (None, None))
    frames = {name: frames[name] for name in LOAD_ORDER}

    if "accounts" not in present:
        raise DatasetError(
            f"{folder}: no accounts.jsonl (or accounts.csv). Every data set needs it: one line per social "
            'account, e.g. {"id": "weibo-main", "platform": "weibo", "handle": "@acme", '
            '"owner": "brand"}',
            rep.problems,
        )
    if frames["accounts"].height == 0:
        rep.summarise()
        raise DatasetError(f"{folder}: accounts file has no valid account", rep.problems)

    as_of = _as_of(settings.get("as_of"), tz, frames, rep)
    policy = settings.get("policy") or {}
    if not isinstance(policy, dict):
        rep.add("dataset.toml", None, "policy", "[policy] must be a table of settings; ignored")
        policy = {}
    rep.summarise()
    order = {name: i for i, name in enumerate(LOAD_ORDER)}
    rep.problems.sort(key=lambda p: (order.get(p.file.rsplit(".", 1)[0], -1), p.line or 0))
    return Dataset(
        name=str(settings.get("name") or folder.name),
        timezone=tz,
        as_of=as_of,
        tables=frames,
        present=present,
        language=settings.get("language"),
        policy=policy,
        problems=rep.problems,
        path=folder,
        counts_read=counts,
    )


def _as_of(value: Any, tz: str, frames: dict[str, pl.DataFrame], rep: Reporter) -> datetime:
    if value is not None:
        if isinstance(value, datetime):
            dt = value if value.tzinfo else value.replace(tzinfo=ZoneInfo(tz))
            return dt.astimezone(UTC)
        if isinstance(value, date):
            return datetime.combine(value, time(23, 59, 59), tzinfo=ZoneInfo(tz)).astimezone(UTC)
        text = str(value).strip()
        if len(text) == 10:  # a bare date means the end of that day
            try:
                return _as_of(date.fromisoformat(text), tz, frames, rep)
            except ValueError:
                pass
        parsed = _py_timestamp(text, ZoneInfo(tz))
        if parsed is not None:
            return parsed
        rep.add(
            "dataset.toml",
            None,
            "as_of",
            f"not a valid timestamp: {value!r}; the latest time in the data is used",
        )
    latest: list[datetime] = []
    for name, table in TABLES.items():
        df = frames[name]
        if df.height == 0:
            continue
        for f in table.fields:
            if f.kind == "timestamp" and f.name in df.columns:
                m = df[f.name].max()
                if m is not None:
                    latest.append(m)
    return max(latest) if latest else datetime.now(UTC)
