"""Generic CSV / Excel importer driven by a column-mapping file.

For tables no platform exports in a known shape: CRM customers, HR employee lists, ads-manager campaign
exports (Meta Ads Manager, 巨量引擎 Ocean Engine, 腾讯广告 Tencent Ads) and anything else. A mapping file
(TOML, or YAML) says which data set table the rows become and which source column fills which field::

    table = "customers"                  # a table of data set format v1
    files = ["crm_export*.csv"]          # data files, relative to the mapping (default: same stem)
    timezone = "Asia/Shanghai"           # for times without offset (default: --timezone)
    time_format = "%Y/%m/%d %H:%M"       # strptime format (default: ISO 8601 and common formats)
    list_separator = ","                 # for list fields (default ";")
    id_prefix = "crm:"                   # put before every id
    platform = "facebook"                # prefixes account_id ("facebook:<id>") for campaigns
    required_columns = ["Customer ID"]   # a CSV with these columns uses this mapping automatically
                                         # (an entry may be a list of alternatives)

    [columns]                            # data set field = source column (or a list of alternatives,
    id = "Customer ID"                   # or globs like "Amount spent*", or an inline table)
    orders = ["Orders", "订单数"]
    "social.weibo.handle" = "微博昵称"     # customers.social entry for one platform
    "targeting.age_min" = { column = "年龄", pattern = "(\\d+)" }

    [defaults]                           # values for fields the file lacks
    kind = "ad"

    [values.kind]                        # value maps, before type conversion ("*" = anything else)
    "Leads" = "lead_form"

Column specs as inline tables take ``column`` (name, glob or list), ``format`` (strptime), ``separator``,
``pattern`` (a regular expression: its first group is the value), ``scale`` (multiply numbers) and
``from_header`` (a regular expression applied to the matched column's *name*, e.g. the currency in
"Amount spent (USD)").

How the importer finds the mapping for a data file:

1. ``smguard import my.mapping.toml`` (or a folder holding mapping and data): the mapping's ``files``, or the
   CSV/XLSX files with the same stem (``crm.mapping.toml`` → ``crm.csv``, ``crm.xlsx``);
2. ``smguard import crm.csv`` with ``crm.mapping.toml`` (or ``crm.toml``/``crm.yaml``) beside it;
3. a CSV/XLSX whose header has all the ``required_columns`` of a mapping shipped in
   ``smguard/importers/mappings/``;
4. a file named after a data set table (``customers.csv``, ``employees.xlsx``) whose columns are already
   data set field names.

Values are converted by the field's kind in :mod:`smguard.dataset.schema`: numbers accept thousands
separators, currency signs, ``%`` and 万/亿; booleans accept yes/no/true/false/1/0/是/否; times accept ISO 8601,
``YYYY-MM-DD HH:MM[:SS]``, ``YYYY/MM/DD``, ``2024年3月1日``, unix seconds and Excel dates. A bad value is
reported with file, line, column and field, and the rest of the row still imports (a row missing a
required field is skipped).
"""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from smguard.dataset.schema import PLATFORMS, TABLES
from smguard.importers._cnutil import (
    local_date,
    local_time,
    pick_account,
    pid,
    stable_id,
    to_bool,
    to_float,
    to_int,
    to_str,
)
from smguard.importers.base import FileSource, ImportContext, Importer, Source

DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
MAPPING_SUFFIXES = (".toml", ".yaml", ".yml")

#: kinds of the fields inside object fields (``targeting.age_min``, ``metrics.likes``)
SUBFIELD_KINDS: dict[str, dict[str, str]] = {
    "targeting": {
        "locations": "list_str",
        "genders": "list_str",
        "interests": "list_str",
        "age_min": "int",
        "age_max": "int",
        "retargeting": "bool",
        "custom_audience": "str",
    },
    "metrics": {"likes": "int", "comments": "int", "shares": "int", "views": "int", "clicks": "int"},
}
_FIELD_LIMIT = 64 << 20
_NA = {"", "-", "--", "—", "n/a", "na", "null", "none", "nan", "#n/a"}


class MappingError(ValueError):
    def __init__(self, message: str, position: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass
class Spec:
    field: str
    columns: list[str]
    format: str | None = None
    separator: str | None = None
    pattern: re.Pattern[str] | None = None
    scale: float | None = None
    from_header: re.Pattern[str] | None = None


@dataclass
class Mapping:
    name: str
    table: str
    specs: list[Spec]
    defaults: dict[str, Any] = field(default_factory=dict)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    timezone: str | None = None
    time_format: str | None = None
    list_separator: str = ";"
    id_prefix: str = ""
    platform: str | None = None
    required_columns: list[list[str]] = field(default_factory=list)  # each entry: any of these columns
    sheet: str | None = None
    header_row: int = 1
    delimiter: str | None = None
    encoding: str | None = None
    description: str = ""
    shipped: bool = False

    def matches_header(self, header: list[str]) -> bool:
        """True when every ``required_columns`` entry (a name, or a list of alternatives) is in ``header``."""
        if not self.required_columns:
            return False
        return all(_find_column(header, alts) is not None for alts in self.required_columns)


# --------------------------------------------------------------------------- mapping files


def parse_mapping_text(text: str, name: str) -> dict[str, Any]:
    """TOML or YAML text → dict. Raises :class:`MappingError` with the position of a syntax error."""
    if name.lower().endswith((".yaml", ".yml")):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise MappingError(f"not valid YAML: {exc}", f"line {mark.line + 1}" if mark else "") from None
        if not isinstance(data, dict):
            raise MappingError("a mapping file must be a YAML mapping (key: value)", "start of file")
        return data
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        pos = f"line {m.group(1)}, column {m.group(2)}" if m else ""
        raise MappingError(f"not valid TOML: {str(exc).split(' (at')[0]}", pos) from None


def looks_like_mapping(data: Any) -> bool:
    return isinstance(data, dict) and "table" in data and isinstance(data.get("columns"), dict)


def build_mapping(data: dict[str, Any], name: str) -> Mapping:
    """Check a parsed mapping and turn it into a :class:`Mapping`. Raises :class:`MappingError`."""
    table = data.get("table")
    if not isinstance(table, str) or table not in TABLES:
        raise MappingError(f"'table' must be one of {', '.join(TABLES)}; found {table!r}", "table")
    fields = {f.name for f in TABLES[table].fields}
    cols = data.get("columns")
    if not isinstance(cols, dict) or not cols:
        raise MappingError("[columns] is missing or empty: map data set fields to source columns", "columns")
    specs: list[Spec] = []
    for fname, raw in cols.items():
        head = fname.split(".", 1)[0]
        if head not in fields:
            raise MappingError(
                f"{table} has no field {head!r} (fields: {', '.join(sorted(fields))})", f"columns.{fname}"
            )
        if "." in fname and head not in ("social", *SUBFIELD_KINDS):
            raise MappingError(f"field {head!r} has no sub-fields", f"columns.{fname}")
        if head == "social" and "." in fname:
            parts = fname.split(".")
            if len(parts) != 3 or parts[2] not in ("user_id", "handle"):
                raise MappingError(
                    "write social fields as social.<platform>.user_id or social.<platform>.handle",
                    f"columns.{fname}",
                )
        specs.append(_spec(fname, raw))
    values: dict[str, dict[str, Any]] = {}
    for fname, vm in (data.get("values") or {}).items():
        if not isinstance(vm, dict):
            raise MappingError(
                "a value map is a table of 'source value' = 'data set value'", f"values.{fname}"
            )
        values[fname] = {str(k).strip().casefold(): v for k, v in vm.items()}
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise MappingError("[defaults] must be a table of field = value", "defaults")
    for fname in defaults:
        if fname.split(".", 1)[0] not in fields:
            raise MappingError(f"{table} has no field {fname!r}", f"defaults.{fname}")
    files = data.get("files", data.get("file", []))
    if isinstance(files, str):
        files = [files]
    req = data.get("required_columns", [])
    if isinstance(req, str):
        req = [req]
    m = Mapping(
        name=name,
        table=table,
        specs=specs,
        defaults=dict(defaults),
        values=values,
        files=[str(f) for f in files],
        timezone=_opt_str(data, "timezone"),
        time_format=_opt_str(data, "time_format"),
        list_separator=_opt_str(data, "list_separator") or ";",
        id_prefix=_opt_str(data, "id_prefix") or "",
        platform=_opt_str(data, "platform"),
        required_columns=[[str(x) for x in c] if isinstance(c, list) else [str(c)] for c in req],
        sheet=_opt_str(data, "sheet"),
        header_row=to_int(data.get("header_row")) or 1,
        delimiter=_opt_str(data, "delimiter"),
        encoding=_opt_str(data, "encoding"),
        description=_opt_str(data, "description") or "",
    )
    for fname, fmt in (data.get("formats") or {}).items():
        for s in m.specs:
            if s.field == fname and s.format is None:
                s.format = str(fmt)
    return m


def _opt_str(data: dict, key: str) -> str | None:
    v = data.get(key)
    return str(v) if v is not None and v != "" else None


def _spec(fname: str, raw: Any) -> Spec:
    if isinstance(raw, str):
        return Spec(fname, [raw])
    if isinstance(raw, list) and raw and all(isinstance(c, str) for c in raw):
        return Spec(fname, list(raw))
    if isinstance(raw, dict):
        col = raw.get("column", raw.get("columns"))
        cols = [col] if isinstance(col, str) else col
        if not isinstance(cols, list) or not cols or not all(isinstance(c, str) for c in cols):
            raise MappingError(
                'an inline column spec needs column = "name" (or a list of names)', f"columns.{fname}"
            )
        try:
            pattern = re.compile(raw["pattern"]) if raw.get("pattern") else None
            from_header = re.compile(raw["from_header"]) if raw.get("from_header") else None
        except re.error as exc:
            raise MappingError(f"bad regular expression: {exc}", f"columns.{fname}") from None
        scale = to_float(raw.get("scale")) if raw.get("scale") is not None else None
        return Spec(
            fname,
            cols,
            format=raw.get("format"),
            separator=raw.get("separator"),
            pattern=pattern,
            scale=scale,
            from_header=from_header,
        )
    raise MappingError("a column is a name, a list of names or an inline table", f"columns.{fname}")


def load_mapping_file(path: Path) -> Mapping:
    text = path.read_text(encoding="utf-8-sig")
    data = parse_mapping_text(text, path.name)
    if not looks_like_mapping(data):
        raise MappingError("not a column mapping: it needs 'table' and a [columns] table", "start of file")
    return build_mapping(data, str(path))


def shipped_mappings() -> list[Mapping]:
    """The example mappings in ``smguard/importers/mappings/`` (CRM, HR, ads managers)."""
    out: list[Mapping] = []
    try:
        folder = resources.files("smguard.importers") / "mappings"
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return out
    for entry in entries:
        if not entry.name.endswith(MAPPING_SUFFIXES):
            continue
        try:
            data = parse_mapping_text(entry.read_text(encoding="utf-8"), entry.name)
            m = build_mapping(data, f"smguard/importers/mappings/{entry.name}")
            m.shipped = True
            out.append(m)
        except (MappingError, OSError, UnicodeDecodeError):
            continue
    return out


def identity_mapping(table: str, header: list[str], name: str) -> Mapping | None:
    """A file named after a data set table whose columns are field names: map each field to itself."""
    if table not in TABLES:
        return None
    fields = [f.name for f in TABLES[table].fields]
    present = [f for f in fields if f in header]
    required = [f.name for f in TABLES[table].fields if f.required]
    if not present or any(r not in header for r in required if r != "id"):
        return None
    return Mapping(name=name, table=table, specs=[Spec(f, [f]) for f in present])


# --------------------------------------------------------------------------- reading rows


def _find_column(header: list[str], names: list[str]) -> int | None:
    """Index of the first header cell equal (case and spaces ignored) to, or matching the glob of, a name."""
    norm = [_norm_col(h) for h in header]
    for n in names:
        nn = _norm_col(n)
        if nn in norm:
            return norm.index(nn)
    for n in names:
        if any(ch in n for ch in "*?["):
            pat = _norm_col(n)
            for i, h in enumerate(norm):
                if fnmatch.fnmatchcase(h, pat):
                    return i
    return None


def _norm_col(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s if s is not None else "")).strip().strip("\ufeff").casefold()


def _decode_head(data: bytes, encoding: str | None) -> str:
    if encoding:
        return data.decode(encoding, errors="replace")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            if enc == "utf-8-sig" and exc.start >= len(data) - 4:
                return data[: exc.start].decode(enc)  # a character cut at the end of the peek
    return data.decode("utf-8", errors="replace")


def sniff_encoding(head: bytes, explicit: str | None) -> str:
    if explicit:
        return explicit
    try:
        head.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:
            return "utf-8-sig"
    try:
        head.decode("gb18030")
        return "gb18030"  # 巨量引擎 / 腾讯广告 / Excel-saved CSVs in Chinese Windows
    except UnicodeDecodeError:
        return "utf-8-sig"


def sniff_delimiter(first_line: str, explicit: str | None, member: str) -> str:
    if explicit:
        return "\t" if explicit in ("\\t", "tab") else explicit
    if member.lower().endswith(".tsv"):
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(
    source: Source, member: str, m: Mapping | None = None, max_rows: int | None = None, ctx: Any = None
) -> tuple[list[str], Iterator[tuple[str, list[Any]]]]:
    """``(header, rows)`` of a CSV or Excel member; rows are ``(position, values)``.

    With ``ctx``, reading a CSV reports progress (``ctx.progress``) for the progress bar of big files.

    Raises ``ValueError`` with a plain message when the file cannot be read as a table.
    """
    header_row = (m.header_row if m else 1) or 1
    if member.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(source, member, m.sheet if m else None, header_row, max_rows)
    if member.lower().endswith(".xls"):
        raise ValueError("old Excel .xls files are not supported: save the sheet as .xlsx or .csv")
    return _read_csv(source, member, m, header_row, max_rows, ctx)


def _read_csv(
    source: Source, member: str, m: Mapping | None, header_row: int, max_rows: int | None, ctx: Any = None
) -> tuple[list[str], Iterator[tuple[str, list[Any]]]]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)  # long post texts and JSON cells exceed csv's 128 KiB default
    with source.open_bytes(member) as f:
        head = f.read(65536)
    enc = sniff_encoding(head, m.encoding if m else None)
    text_head = _decode_head(head, enc)
    lines = text_head.splitlines()
    if len(lines) < header_row or not any(x.strip() for x in lines):
        raise ValueError("the file is empty" if not lines else f"no header at line {header_row}")
    delim = sniff_delimiter(lines[header_row - 1], m.delimiter if m else None, member)
    try:
        header_rows = list(csv.reader(io.StringIO("\n".join(lines[: header_row + 5])), delimiter=delim))
    except csv.Error as exc:
        raise ValueError(f"not a readable CSV file ({exc})") from None
    if len(header_rows) < header_row:
        raise ValueError(f"no header at line {header_row}")
    header = [h.strip().lstrip("\ufeff") for h in header_rows[header_row - 1]]

    def rows() -> Iterator[tuple[str, list[Any]]]:
        raw: Any = source.open_bytes(member)
        if ctx is not None:
            from smguard.importers.common import ProgressReader

            raw = io.BufferedReader(ProgressReader(raw, ctx, source.display(member), source.size(member)))
        with io.TextIOWrapper(raw, encoding=enc, errors="replace", newline="") as fh:
            reader = csv.reader(fh, delimiter=delim)
            n = 0
            try:
                for _ in range(header_row):
                    next(reader, None)
                last = reader.line_num
                for row in reader:
                    start = last + 1
                    last = reader.line_num
                    if not any(c.strip() for c in row):
                        continue
                    n += 1
                    yield f"line {start}", row
                    if max_rows is not None and n >= max_rows:
                        break
            except csv.Error as exc:
                raise ValueError(
                    f"line {reader.line_num}: not a readable CSV row ({exc}); the rest of the "
                    "file was skipped"
                ) from None

    return header, rows()


def _open_xlsx(source: Source, member: str, sheet: str | None) -> tuple[Any, Any]:
    import zipfile

    import openpyxl

    data = source.read_bytes(member)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ValueError(f"not a readable Excel file ({type(exc).__name__}: {exc})") from None
    if sheet:
        if sheet not in wb.sheetnames:
            names = ", ".join(wb.sheetnames)
            wb.close()
            raise ValueError(f"no sheet {sheet!r} (sheets: {names})")
        return wb, wb[sheet]
    return wb, wb.worksheets[0]


def _read_xlsx(
    source: Source, member: str, sheet: str | None, header_row: int, max_rows: int | None
) -> tuple[list[str], Iterator[tuple[str, list[Any]]]]:
    wb, ws = _open_xlsx(source, member, sheet)
    try:
        it = ws.iter_rows(values_only=True, max_row=header_row)
        header: list[str] = []
        for row in it:
            header = [str(c).strip() if c is not None else "" for c in row]
        if not header:
            raise ValueError("the sheet is empty")
        title = ws.title
    finally:
        wb.close()

    def rows() -> Iterator[tuple[str, list[Any]]]:
        wb2, ws2 = _open_xlsx(source, member, sheet)
        try:
            n = 0
            for i, row in enumerate(
                ws2.iter_rows(values_only=True, min_row=header_row + 1), start=header_row + 1
            ):
                if not any(c is not None and str(c).strip() for c in row):
                    continue
                n += 1
                yield f"sheet {title!r}, row {i}", list(row)
                if max_rows is not None and n >= max_rows:
                    break
        finally:
            wb2.close()

    return header, rows()


# --------------------------------------------------------------------------- converting rows


class Converter:
    """Turns rows of one file into records of the mapping's table."""

    def __init__(self, m: Mapping, header: list[str], ctx: ImportContext, file: str) -> None:
        self.m = m
        self.ctx = ctx
        self.file = file
        self.table = TABLES[m.table]
        self.kinds = {f.name: f.kind for f in self.table.fields}
        self.tz = m.timezone or getattr(ctx, "default_tz", None) or "UTC"
        self.cols: list[tuple[Spec, int, str]] = []
        self.missing: list[Spec] = []
        for s in m.specs:
            i = _find_column(header, s.columns)
            if i is None:
                self.missing.append(s)
            else:
                self.cols.append((s, i, header[i]))
        mapped = {s.field for s, _i, _h in self.cols} | set(m.defaults)
        # a table whose id the mapping does not map gets a hash of the row; a mapped id column that is
        # missing from the file is an error (below), not a reason to invent ids
        declared = {s.field for s in m.specs} | set(m.defaults)
        self.needs_id = "id" in self.kinds and "id" not in declared
        self.needs_account = "account_id" in self.kinds and "account_id" not in mapped
        self.account: str | None = None
        if self.needs_account:
            brands = getattr(ctx, "brand_account_ids", None) or ()
            if m.platform:
                # ids of this platform ("douyin:123" or a bare "123"); other platforms' ids do not fit
                own = pick_account(brands, m.platform)
                self.account = pid(m.platform, own) if own else None
            else:
                self.account = str(sorted(brands)[0]) if brands else None
        req_missing = [
            f.name
            for f in self.table.fields
            if f.required
            and f.name not in mapped
            and not (f.name == "id" and self.needs_id)
            and not (f.name == "account_id" and self.account)
        ]
        self.fatal: str | None = None
        if req_missing:
            names = ", ".join(req_missing)
            hint = ""
            if "account_id" in req_missing:
                hint = " (pass --brand-account, or set account_id under [defaults])"
            cols_hint = "; ".join(
                f"{s.field} ← {' / '.join(s.columns)}" for s in self.missing if s.field in req_missing
            )
            self.fatal = (
                f"required field(s) {names} have no column in this file{hint}"
                + (f": looked for {cols_hint}" if cols_hint else "")
                + f"; columns found: {', '.join(header[:30])}"
            )

    def warn_missing(self) -> None:
        if self.m.shipped:
            return  # shipped mappings list every column a report may have
        gone = [
            f"{s.field} ({' / '.join(s.columns)})"
            for s in self.missing
            if not self.table.field(s.field.split(".")[0]).required
        ]
        if gone:
            self.ctx.problem(
                self.file, "header", f"columns not found, fields left empty: {'; '.join(gone)}", "warning"
            )

    def convert(self, pos: str, row: list[Any]) -> dict[str, Any] | None:
        rec: dict[str, Any] = {}
        social: dict[str, dict[str, str]] = {}
        for fname, v in self.m.defaults.items():
            _put(rec, fname, v)
        for spec, i, header_name in self.cols:
            raw = row[i] if i < len(row) else None
            if spec.from_header is not None:
                mh = spec.from_header.search(header_name)
                raw = mh.group(1) if mh and mh.groups() else (mh.group(0) if mh else None)
            value, err = self._value(spec, raw)
            if err:
                self.ctx.problem(
                    self.file, f"{pos}, column {header_name!r}", f"{err} for field {spec.field}; left out"
                )
                continue
            if value is None:
                continue
            if spec.field.startswith("social."):
                _, plat, key = spec.field.split(".")
                social.setdefault(plat, {"platform": plat})[key] = str(value)
            else:
                _put(rec, spec.field, value)
        if social:
            rec.setdefault("social", [])
            if isinstance(rec["social"], list):
                rec["social"].extend(e for e in social.values() if len(e) > 1)
            if not rec["social"]:
                del rec["social"]
        if "id" in rec and self.m.id_prefix:
            rec["id"] = _prefix(self.m.id_prefix, rec["id"])
        if self.needs_id:
            body = json.dumps(rec, sort_keys=True, ensure_ascii=False, default=str)
            rec["id"] = self.m.id_prefix + stable_id(self.m.table, body)
        if self.needs_account and self.account:
            rec["account_id"] = self.account
        elif self.m.platform and isinstance(rec.get("account_id"), str) and ":" not in rec["account_id"]:
            rec["account_id"] = pid(self.m.platform, rec["account_id"])
        for f in self.table.fields:
            if f.required and rec.get(f.name) in (None, ""):
                self.ctx.problem(self.file, pos, f"required field {f.name} is empty; row skipped")
                return None
        return rec

    def _value(self, spec: Spec, raw: Any) -> tuple[Any, str | None]:
        if raw is None:
            return None, None
        if isinstance(raw, str):
            raw = raw.strip()
            if raw.casefold() in _NA and self._kind(spec.field) != "str":
                return None, None
            if raw == "":
                return None, None
        if spec.pattern is not None and raw is not None:
            mm = spec.pattern.search(str(raw))
            if not mm:
                return None, None
            raw = mm.group(1) if mm.groups() else mm.group(0)
        vmap = self.m.values.get(spec.field)
        if vmap is not None:
            key = str(raw).strip().casefold()
            if key in vmap or "*" in vmap:
                mapped = vmap[key] if key in vmap else vmap["*"]
                if mapped is None or mapped == "":
                    return None, None  # mapped to "no value"
                return self._typed(spec, mapped)
        return self._typed(spec, raw)

    def _kind(self, fname: str) -> str:
        head, _, sub = fname.partition(".")
        if head == "social":
            return "str"
        if sub:
            return SUBFIELD_KINDS.get(head, {}).get(sub, "str")
        return self.kinds.get(head, "str")

    def _typed(self, spec: Spec, raw: Any) -> tuple[Any, str | None]:
        kind = self._kind(spec.field)
        shown = repr(raw if not isinstance(raw, str) or len(raw) < 60 else raw[:57] + "...")
        if kind == "str":
            if isinstance(raw, datetime | date):
                return raw.isoformat(), None
            s = to_str(raw)
            if s is None and isinstance(raw, bool):
                s = "true" if raw else "false"
            return (s.strip() if s else None), None
        if kind in ("int", "float"):
            f = to_float(raw)
            if f is None:
                return None, f"{shown} is not a number"
            if spec.scale is not None:
                f *= spec.scale
            return (int(round(f)) if kind == "int" else f), None
        if kind == "bool":
            b = to_bool(raw)
            return (b, None) if b is not None else (None, f"{shown} is not yes/no")
        if kind == "timestamp":
            fmt = spec.format or self.m.time_format
            t = None
            if isinstance(raw, int | float) and not isinstance(raw, bool):
                from smguard.importers._cnutil import unix_to_iso

                t = unix_to_iso(raw) if raw > 1e8 else None
            else:
                t = local_time(raw, self.tz, fmt) or (local_time(raw, self.tz) if fmt else None)
            if t is None:
                if fmt:
                    want = f" (expected {fmt})"
                elif re.search(r"\d/\d", str(raw)):
                    want = ' (day/month or month/day? set time_format, e.g. "%d/%m/%Y" or "%m/%d/%Y")'
                else:
                    want = ""
                return None, f"{shown} is not a time{want}"
            return t, None
        if kind == "date":
            fmt = spec.format or self.m.time_format
            d = local_date(raw, fmt) or (local_date(raw) if fmt else None)
            return (d, None) if d else (None, f"{shown} is not a date")
        if kind == "list_str":
            if isinstance(raw, list):
                return [str(x) for x in raw if str(x).strip()], None
            sep = spec.separator or self.m.list_separator
            parts = re.split("|".join(re.escape(x) for x in _seps(sep)), str(raw))
            return [p.strip() for p in parts if p.strip()], None
        if kind in ("object", "list_obj"):
            if isinstance(raw, dict | list):
                return raw, None
            try:
                v = json.loads(str(raw))
            except json.JSONDecodeError:
                return None, f"{shown} is not JSON text"
            ok = (
                isinstance(v, dict)
                if kind == "object"
                else (isinstance(v, list) and all(isinstance(x, dict) for x in v))
            )
            return (
                (v, None)
                if ok
                else (None, f"{shown} is not a JSON {'object' if kind == 'object' else 'list'}")
            )
        return raw, None


def _seps(sep: str) -> list[str]:
    """``";"`` → [";"]; ``",|、"`` → several separators."""
    return [s for s in sep.split("|") if s] if "|" in sep and len(sep) > 1 else [sep]


def _prefix(prefix: str, v: Any) -> str:
    s = str(v)
    return s if s.startswith(prefix) else prefix + s


def _put(rec: dict[str, Any], fname: str, value: Any) -> None:
    head, _, sub = fname.partition(".")
    if head == "social" and sub:
        return
    if sub:
        obj = rec.get(head)
        if not isinstance(obj, dict):
            obj = {}
            rec[head] = obj
        obj[sub] = value
    else:
        rec[head] = value


# --------------------------------------------------------------------------- importer


@dataclass
class _Job:
    mapping: Mapping | None
    data_source: Source
    member: str
    error: tuple[str, str, str] | None = None  # file, position, message


def _sibling_mapping(path: Path) -> Path | None:
    stem = path.name.rsplit(".", 1)[0]
    for suffix in (".mapping.toml", ".mapping.yaml", ".mapping.yml", ".toml", ".yaml", ".yml"):
        p = path.with_name(stem + suffix)
        if p.is_file():
            return p
    return None


class GenericImporter(Importer):
    name = "generic"
    platform = "other"
    description = (
        "CSV/Excel with a column-mapping file (TOML/YAML): CRM customers, HR employees, ads-manager campaigns "
        "(Meta, 巨量引擎, 腾讯广告) and any other data set table"
    )

    def __init__(self) -> None:
        self._shipped: list[Mapping] | None = None

    @property
    def shipped(self) -> list[Mapping]:
        if self._shipped is None:
            self._shipped = shipped_mappings()
        return self._shipped

    # ---- planning: which data file is read with which mapping
    def _plan(self, source: Source) -> tuple[list[str], list[_Job]]:
        members = source.members()
        claimed: list[str] = []
        jobs: list[_Job] = []
        used: set[str] = set()
        for mm in members:
            if not mm.lower().endswith(MAPPING_SUFFIXES):
                continue
            try:
                text = source.read_bytes(mm).decode("utf-8-sig", errors="replace")
            except (OSError, KeyError):
                continue
            try:
                data = parse_mapping_text(text, mm)
            except MappingError as exc:
                if "[columns]" in text and "table" in text:
                    claimed.append(mm)
                    jobs.append(_Job(None, source, mm, (source.display(mm), exc.position, exc.message)))
                continue
            if not looks_like_mapping(data):
                continue
            claimed.append(mm)
            try:
                mapping = build_mapping(data, source.display(mm))
            except MappingError as exc:
                jobs.append(_Job(None, source, mm, (source.display(mm), exc.position, exc.message)))
                continue
            for ds, dm in self._data_files(source, mm, mapping):
                if ds is source:
                    claimed.append(dm)
                    used.add(dm)
                jobs.append(_Job(mapping, ds, dm))
            if not any(j.mapping is mapping for j in jobs):
                jobs.append(
                    _Job(
                        None,
                        source,
                        mm,
                        (
                            source.display(mm),
                            "files",
                            "no data file found for this mapping (set files = [...] or put "
                            "a CSV/XLSX with the same name next to it)",
                        ),
                    )
                )
        for dm in members:
            if dm in used or not dm.lower().endswith(DATA_SUFFIXES):
                continue
            mapping = self._mapping_for(source, dm)
            if mapping is not None:
                claimed.append(dm)
                jobs.append(_Job(mapping, source, dm))
        return sorted(set(claimed)), jobs

    def _data_files(self, source: Source, mm: str, mapping: Mapping) -> list[tuple[Source, str]]:
        folder = PurePosixPath(mm).parent
        out: list[tuple[Source, str]] = []
        if isinstance(source, FileSource) or getattr(source, "kind", "") == "file":
            base = source.path.parent
            pats = mapping.files or [_stem(mm) + s for s in DATA_SUFFIXES if s != ".txt"]
            for pat in pats:
                for p in sorted(base.glob(pat)):
                    if p.is_file() and p.suffix.lower() in DATA_SUFFIXES and p != source.path:
                        out.append((FileSource(p), p.name))
            return out
        pats = mapping.files or [_stem(mm) + s for s in DATA_SUFFIXES if s != ".txt"]
        for pat in pats:
            full = str(folder / pat) if str(folder) != "." else pat
            for dm in source.members():
                if fnmatch.fnmatchcase(dm.casefold(), full.casefold()) and dm.lower().endswith(DATA_SUFFIXES):
                    out.append((source, dm))
        return out

    def _mapping_for(self, source: Source, dm: str) -> Mapping | None:
        """The mapping of a data file without an explicit one: beside it on disk, shipped, or identity."""
        if isinstance(source, FileSource) or getattr(source, "kind", "") == "file":
            sib = _sibling_mapping(source.path)
            if sib is not None:
                try:
                    return load_mapping_file(sib)
                except (MappingError, OSError, UnicodeDecodeError):
                    return None
        try:
            header, _rows = read_table(source, dm, None, max_rows=0)
        except Exception:  # noqa: BLE001 - detection never fails
            return None
        for m in self.shipped:
            if m.matches_header(header):
                return m
        return identity_mapping(_stem(dm), header, f"{_stem(dm)} columns")

    @staticmethod
    def _workbook_file(source: Source) -> Source | None:
        """An .xlsx given as the source is a zip file: read it as one workbook, not as a folder of XML."""
        if getattr(source, "kind", "") == "zip" and source.path.suffix.lower() in (".xlsx", ".xlsm"):
            return FileSource(source.path)
        return None

    def claim(self, source: Source) -> list[str]:
        book = self._workbook_file(source)
        if book is not None:
            claimed, _jobs = self._plan(book)
            return source.members() if claimed else []
        claimed, _jobs = self._plan(source)
        return claimed

    def detect(self, source: Source) -> bool:
        return bool(self.claim(source))

    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, dict[str, Any]]]:
        self._accounts_done: set[tuple[str, str]] = set()
        source = self._workbook_file(source) or source
        _claimed, jobs = self._plan(source)
        if not jobs:
            for dm in source.members():
                ctx.problem(
                    source.display(dm),
                    "",
                    "no column mapping for this file: write one (see "
                    "docs/importers.md, 'Generic CSV/Excel') and import the mapping file",
                )
            return
        for job in jobs:
            if job.error is not None:
                ctx.problem(*job.error)
                continue
            assert job.mapping is not None
            yield from self._read_file(job.mapping, job.data_source, job.member, ctx)

    def _read_file(
        self, m: Mapping, src: Source, member: str, ctx: ImportContext
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        file = src.display(member)
        try:
            header, rows = read_table(src, member, m, ctx=ctx)
        except (ValueError, OSError, KeyError, EOFError) as exc:
            ctx.problem(file, "start of file", f"{exc}; skipped")
            return
        conv = Converter(m, header, ctx, file)
        if conv.fatal:
            ctx.problem(file, f"header (mapping {Path(m.name).name})", conv.fatal + "; file skipped")
            return
        conv.warn_missing()
        if conv.account and m.platform in PLATFORMS and (conv.account, m.platform) not in self._accounts_done:
            # the rows' account is the brand account named by --brand-account: declare it, so the
            # records' account_id resolves even when no export of that platform is imported
            self._accounts_done.add((conv.account, m.platform))
            yield "accounts", {"id": conv.account, "platform": m.platform, "owner": "brand"}
        try:
            for pos, row in rows:
                rec = conv.convert(pos, row)
                if rec is not None:
                    yield m.table, rec
        except ValueError as exc:
            ctx.problem(file, "", str(exc))


def _stem(member: str) -> str:
    name = PurePosixPath(member).name
    for suf in (".mapping.toml", ".mapping.yaml", ".mapping.yml"):
        if name.lower().endswith(suf):
            return name[: -len(suf)]
    return name.rsplit(".", 1)[0]


IMPORTERS = [GenericImporter()]
