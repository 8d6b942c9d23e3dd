"""DatasetBuilder: validates importer records against ``schema.TABLES``, deduplicates and writes the data set.

Records are written as they come (``<table>.jsonl``, appended), so a huge import holds only the keys in
memory, not the records. An existing data set in the output folder is merged: its keys are read first, so
importing the same file twice, or two sources that overlap, adds no duplicates (the first record with a key
wins; tables without a key are deduplicated on the whole record).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson

from smguard.dataset.schema import LOAD_ORDER, TABLES, Field, Table
from smguard.importers.base import ImportContext

_DATE_RE = re.compile(r"\d{4}-\d\d-\d\d")


class RecordError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"field {field!r}: {message}")
        self.field = field


def _check_value(f: Field, value: Any) -> Any:
    """Validate one value for a field of kind ``f.kind``; returns the normalised value or raises."""
    kind = f.kind
    if kind == "str":
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise RecordError(f.name, f"expected text, got {type(value).__name__}")
        value = str(value)
    elif kind == "int":
        if isinstance(value, bool):
            raise RecordError(f.name, "expected a whole number, got true/false")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            value = int(value)
        if not isinstance(value, int):
            raise RecordError(f.name, f"expected a whole number, got {value!r}")
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RecordError(f.name, f"expected a number, got {value!r}")
    elif kind == "bool":
        if not isinstance(value, bool):
            raise RecordError(f.name, f"expected true or false, got {value!r}")
    elif kind == "timestamp":
        if not isinstance(value, str):
            raise RecordError(f.name, f"expected an ISO 8601 time, got {value!r}")
        try:
            datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
        except ValueError:
            raise RecordError(f.name, f"not an ISO 8601 time: {value!r}") from None
    elif kind == "date":
        if not isinstance(value, str) or not _DATE_RE.match(value):
            raise RecordError(f.name, f"expected a date YYYY-MM-DD, got {value!r}")
    elif kind == "list_str":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RecordError(f.name, "expected a list of strings")
    elif kind == "object":
        if not isinstance(value, dict):
            raise RecordError(f.name, "expected an object")
    elif kind == "list_obj" and (not isinstance(value, list) or not all(isinstance(v, dict) for v in value)):
        raise RecordError(f.name, "expected a list of objects")
    if f.choices is not None and value not in f.choices:
        raise RecordError(f.name, f"{value!r} is not one of {', '.join(f.choices)}")
    return value


def validate(table: Table, record: dict[str, Any]) -> dict[str, Any]:
    """Check a record against its table; returns the cleaned record (``None`` values dropped) or raises.

    Unknown fields are kept (the format allows them). Raises :class:`RecordError` naming the field.
    """
    out = {k: v for k, v in record.items() if v is not None}
    missing = [f.name for f in table.fields if f.required and f.name not in out]
    if missing:
        raise RecordError(
            missing[0],
            "required field is missing"
            if len(missing) == 1
            else f"required fields are missing: {', '.join(missing)}",
        )
    for f in table.fields:
        if f.name not in out:
            continue
        out[f.name] = _check_value(f, out[f.name])
        if f.required and f.kind == "str" and not out[f.name].strip():
            raise RecordError(f.name, "required field is empty")
    if table.name == "accounts" and out.get("owner") == "employee" and not out.get("employee_id"):
        raise RecordError("employee_id", "required when owner is employee")
    if table.name == "posts" and "media" in out:
        for m in out["media"]:
            t = m.get("type")
            if t not in ("photo", "video", "gif", "audio", "document", "link"):
                raise RecordError(
                    "media", f"media type {t!r} is not one of photo, video, gif, audio, document, link"
                )
    return out


def _digest(text: str) -> int:
    # 64-bit digests instead of the key strings: a 1 GB archive has a million keys (collisions: ~1e-7)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def _key(table: Table, record: dict[str, Any]) -> int:
    if table.key:
        return _digest("\x1f".join(str(record.get(k)) for k in table.key))
    return _digest(orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode())


class DatasetBuilder:
    """Collects records from importers, merges with the data set already in ``out_dir`` and writes it."""

    def __init__(
        self,
        out_dir: str | Path,
        ctx: ImportContext | None = None,
        name: str | None = None,
        timezone: str | None = None,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.ctx = ctx or ImportContext()
        self.name = name
        self.timezone = timezone or self.ctx.default_tz
        self.source_label = ""
        #: counts[(source_label, table)][status] with status in added / duplicate / invalid
        self.counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._keys: dict[str, set[Any]] = {}
        self._files: dict[str, IO[bytes]] = {}
        self._pending_refs: dict[str, dict[str, int]] = defaultdict(dict)  # "accounts.id" -> value -> count
        self._invalid_reported: Counter[tuple[str, str]] = Counter()
        self._loaded = False
        self._csv_only: set[str] = (
            set()
        )  # tables the data set keeps as CSV: not written (a .jsonl would hide it)

    # ----------------------------------------------------------------------------------- existing data
    def _load_existing(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for name in LOAD_ORDER:
            table = TABLES[name]
            keys: set[Any] = set()
            path = self.out_dir / f"{table.file_stem}.jsonl"
            if not path.exists() and (self.out_dir / f"{table.file_stem}.csv").exists():
                self._csv_only.add(name)
            if path.exists():
                with open(path, "rb") as fh:
                    for line in fh:
                        line = line.strip()
                        if not line:
                            continue
                        try:
                            rec = orjson.loads(line)
                        except orjson.JSONDecodeError:
                            continue
                        if isinstance(rec, dict):
                            keys.add(_key(table, rec))
            self._keys[name] = keys

    def known(self, table: str, *key_values: object) -> bool:
        """Whether a record with this key (the values of the table's key fields) is in the data set."""
        self._load_existing()
        return _digest("\x1f".join(str(v) for v in key_values)) in self._keys.get(table, set())

    # ------------------------------------------------------------------------------------------ adding
    def add(self, table_name: str, record: dict[str, Any], origin: str = "", position: object = "") -> str:
        """Validate and write one record. Returns ``"added"``, ``"duplicate"`` or ``"invalid"``."""
        self._load_existing()
        counter = self.counts[(self.source_label, table_name)]
        table = TABLES.get(table_name)
        if table is None:
            counter["invalid"] += 1
            self._report_invalid(
                origin or self.source_label, position, table_name, f"unknown table {table_name!r}"
            )
            return "invalid"
        try:
            rec = validate(table, record)
        except RecordError as exc:
            counter["invalid"] += 1
            what = rec_id = record.get("id") if isinstance(record, dict) else None
            where = position or (f"{table_name} id {rec_id}" if what else table_name)
            self._report_invalid(
                origin or self.source_label, where, table_name, f"{table_name} record skipped: {exc}"
            )
            return "invalid"
        if table_name in self._csv_only:
            counter["invalid"] += 1
            self._report_invalid(
                str(self.out_dir / f"{table.file_stem}.csv"),
                "",
                table_name,
                f"the data set keeps {table_name} as CSV; writing {table_name}.jsonl beside it would hide it, so "
                f"{table_name} records are not imported (convert the CSV to JSONL, or import into a new folder)",
            )
            return "invalid"
        key = _key(table, rec)
        keys = self._keys[table_name]
        if key in keys:
            counter["duplicate"] += 1
            return "duplicate"
        keys.add(key)
        fh = self._files.get(table_name)
        if fh is None:
            fh = open(self.out_dir / f"{table.file_stem}.jsonl", "ab")  # noqa: SIM115 - closed in close()
            self._files[table_name] = fh
        fh.write(orjson.dumps(rec) + b"\n")
        counter["added"] += 1
        for f in table.fields:
            if f.ref and f.name in rec:
                ref_table = f.ref.split(".", 1)[0]
                val = str(rec[f.name])
                if ref_table in self._keys and _digest(val) not in self._keys[ref_table]:
                    pend = self._pending_refs[f"{f.ref}|{table_name}.{f.name}"]
                    pend[val] = pend.get(val, 0) + 1
        return "added"

    def _report_invalid(self, origin: str, position: object, table: str, message: str) -> None:
        # Report each kind of problem in full up to 20 times per source and table, then count silently.
        k = (origin, table)
        self._invalid_reported[k] += 1
        n = self._invalid_reported[k]
        if n <= 20:
            self.ctx.problem(origin, position, message)
        elif n == 21:
            self.ctx.problem(origin, "", f"more invalid {table} records; only the first 20 are listed")

    # ----------------------------------------------------------------------------------------- closing
    def close(self) -> None:
        """Flush files, write ``dataset.toml`` if missing, report references to records that do not exist."""
        for fh in self._files.values():
            fh.close()
        self._files.clear()
        self._load_existing()
        toml = self.out_dir / "dataset.toml"
        if not toml.exists() and any(self._keys.values()):
            name = (self.name or self.out_dir.resolve().name).replace("\\", "\\\\").replace('"', '\\"')
            toml.write_text(f'name = "{name}"\ntimezone = "{self.timezone}"\n', encoding="utf-8")
        for ref_key, values in self._pending_refs.items():
            ref, used_by = ref_key.split("|", 1)
            ref_table = ref.split(".", 1)[0]
            missing = {v: c for v, c in values.items() if _digest(v) not in self._keys.get(ref_table, set())}
            for v, c in sorted(missing.items())[:10]:
                self.ctx.warning(
                    str(self.out_dir / f"{used_by.split('.')[0]}.jsonl"),
                    "",
                    f"{c} record(s) have {used_by.split('.')[1]} {v!r}, which is not in {ref_table}.jsonl "
                    f"(import the account's profile too, or pass --brand-account)",
                )
        self._pending_refs.clear()

    def __enter__(self) -> DatasetBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------------------- summary
    def totals(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for (_, table), c in self.counts.items():
            out[table].update(c)
        return out
