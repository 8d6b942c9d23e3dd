"""Small helpers shared by the Weibo, WeChat, Douyin, TikTok and generic importers.

Kept apart from :mod:`smguard.importers.common` (owned by the framework) so that the two can evolve
independently; anything here that turns out to be generally useful can move there later.
All functions are pure and never raise on bad input: they return ``None`` and let the caller report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from smguard.dataset.schema import PLATFORMS
from smguard.importers.base import Importer
from smguard.importers.common import app_from_source
from smguard.importers.common import pid as _common_pid

Record = tuple[str, dict[str, Any]]


class Ctx(Protocol):
    """The part of ``ImportContext`` these importers use."""

    brand_account_ids: Any
    automated_apps: Any
    default_tz: Any

    def problem(self, file: str, position: object, message: str, level: str = "error") -> None: ...


# --------------------------------------------------------------------------- ids


# ``pid`` is the framework's: record ids and references are prefixed ("weibo:123"); ids of platform users
# that are not accounts of the data set (author_id, followers.user_id, likes.target_*) stay raw.
pid = _common_pid


def stable_id(*parts: Any) -> str:
    """A short, stable hash for records whose source gives no id (same input, same id, every run)."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


def split_ids(values: Iterable[Any] | None, platform: str) -> tuple[list[str], list[str]]:
    """Brand account ids given by the user, for one platform: ``(strong, weak)``.

    ``strong``: ids written with this platform's prefix (``weibo:123`` → ``123``); ``weak``: ids without a
    prefix (they may be meant for another platform in a mixed import). ``@`` is removed; ids prefixed with
    another platform are left out. Both lists are sorted and without duplicates.
    """
    strong: set[str] = set()
    weak: set[str] = set()
    for v in values or ():
        s = str(v).strip()
        if not s:
            continue
        head, sep, tail = s.partition(":")
        if sep and head == platform:
            if tail.strip().lstrip("@"):
                strong.add(tail.strip().lstrip("@"))
        elif sep and head in _KNOWN_PLATFORMS:
            continue
        else:
            weak.add(s.lstrip("@"))
    return sorted(strong), sorted(weak)


def raw_ids(values: Iterable[Any] | None, platform: str) -> set[str]:
    """All brand ids that may belong to ``platform`` (strong and weak, see :func:`split_ids`)."""
    strong, weak = split_ids(values, platform)
    return set(strong) | set(weak)


def pick_account(values: Iterable[Any] | None, platform: str, looks_right: Any = None) -> str | None:
    """The one brand account id to use for a platform whose data does not name the account.

    A prefixed id wins. Otherwise, with ``looks_right``, the first unprefixed id it accepts (ids of other
    platforms' shape are never taken); without it, the only unprefixed id.
    """
    strong, weak = split_ids(values, platform)
    if strong:
        return strong[0]
    if looks_right is not None:
        fits = [w for w in weak if looks_right(w)]
        return fits[0] if fits else None
    return weak[0] if len(weak) == 1 else None


_KNOWN_PLATFORMS = frozenset(PLATFORMS)


# --------------------------------------------------------------------------- values


def to_int(v: Any) -> int | None:
    """``12``, ``"12"``, ``"1,234"``, ``12.0``, ``"1.2万"``, ``"3k"`` → int; anything else → None."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return int(v) if v == v and abs(v) != float("inf") else None
    if isinstance(v, str):
        f = to_float(v)
        return None if f is None else int(round(f))
    return None


_NUM_CLEAN = re.compile(r"[\s,_'\u00a0]|^[¥￥$€£]|(?:元|円|USD|CNY|RMB|EUR|GBP)$", re.IGNORECASE)
_MULT = {
    "万": 10_000,
    "w": 10_000,
    "W": 10_000,
    "亿": 100_000_000,
    "k": 1_000,
    "K": 1_000,
    "m": 1_000_000,
    "M": 1_000_000,
}


def to_float(v: Any) -> float | None:
    """Numbers and numeric text (currency symbols, thousands separators, ``%``, 万/亿/k/M) → float."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int | float):
        return float(v) if v == v else None
    if not isinstance(v, str):
        return None
    s = v.strip()
    if not s or s in {"-", "--", "N/A", "n/a", "NA", "null", "None"}:
        return None
    neg = s.startswith("(") and s.endswith(")")
    if neg:
        s = s[1:-1]
    prev = None
    while prev != s:
        prev = s
        s = _NUM_CLEAN.sub("", s)
    mult = 1.0
    if s.endswith("%"):
        s = s[:-1]
        mult = 0.01
    elif s and s[-1] in _MULT:
        mult = _MULT[s[-1]]
        s = s[:-1]
    try:
        f = float(s) * mult
    except ValueError:
        return None
    if f != f or f in (float("inf"), float("-inf")):
        return None
    return -f if neg else f


_TRUE = {"1", "true", "yes", "y", "t", "on", "是", "对", "有", "开启", "enabled", "x", "✓"}
_FALSE = {"0", "false", "no", "n", "f", "off", "否", "不", "无", "关闭", "disabled", ""}


def to_bool(v: Any) -> bool | None:
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return bool(v)
    if isinstance(v, str):
        s = v.strip().lower()
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
    return None


def to_str(v: Any) -> str | None:
    """Strings and numbers as text (ids are often numbers); None for anything else."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else str(v)
    return None


def clean_na(v: Any) -> Any:
    """TikTok and many CSV exports write ``N/A``/``None`` for "no value"."""
    if isinstance(v, str) and v.strip() in {"N/A", "None", "null", "NULL", "n/a"}:
        return None
    return v


# --------------------------------------------------------------------------- time


def get_tz(name: Any, fallback: str = "UTC") -> Any:
    """A tzinfo for an IANA name, a tzinfo, or None (→ fallback)."""
    if name is None or name == "":
        name = fallback
    if hasattr(name, "utcoffset"):
        return name
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def unix_to_iso(v: Any) -> str | None:
    """Unix seconds (or milliseconds, detected by size) → UTC ISO 8601 string."""
    if isinstance(v, str) and v.strip().lstrip("-").isdigit():
        v = int(v.strip())
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    if v > 1e11:  # milliseconds
        v = v / 1000.0
    if v <= 0:
        return None
    try:
        dt = datetime.fromtimestamp(v, tz=UTC)
        return dt.isoformat(timespec="milliseconds" if dt.microsecond else "seconds")
    except (OverflowError, OSError, ValueError):
        return None


def unix_time(obj: dict, key: str, pos: str, report: Reporter, skipped: str) -> str | None:
    """``obj[key]`` read with :func:`unix_to_iso`; when it is not a time, report it at ``pos.key`` and
    return None (``skipped`` ends the message: what the caller leaves out, e.g. ``"comment skipped"``)."""
    created = unix_to_iso(obj.get(key))
    if created is None:
        report(f"{pos}.{key}", f"expected unix seconds, found {type_name(obj.get(key))}; {skipped}")
    return created


def weibo_time(v: Any) -> str | None:
    """Weibo / X v1.1 time ``"Wed Jan 24 11:19:36 +0800 2018"`` → ``"2018-01-24T11:19:36+08:00"``."""
    if not isinstance(v, str):
        return None
    try:
        return datetime.strptime(v.strip(), "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return None


_LOCAL_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日",
    "%d %b %Y",
    "%b %d, %Y",
)
# Not guessed: 03/04/2024 is March in the US and April elsewhere. Such files need an explicit format.


def local_time(v: Any, tz: Any, fmt: str | None = None) -> str | None:
    """A wall-clock time in ``tz`` (or any ISO 8601 time with an offset) → ISO 8601 with offset.

    ``fmt`` is a ``strptime`` format; without it ISO 8601 and common export formats are tried.
    """
    if isinstance(v, datetime):
        dt = v
    elif isinstance(v, date):
        dt = datetime(v.year, v.month, v.day)
    elif isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        dt = None
        if fmt:
            try:
                dt = datetime.strptime(s, fmt)
            except ValueError:
                return None
        else:
            try:
                dt = datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s)
            except ValueError:
                for f in _LOCAL_FORMATS:
                    try:
                        dt = datetime.strptime(s, f)
                        break
                    except ValueError:
                        continue
            if dt is None:
                wt = weibo_time(s)
                if wt:
                    return wt
                if s.isdigit() and len(s) >= 9:
                    return unix_to_iso(int(s))
                return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=get_tz(tz))
    return dt.isoformat()


def local_date(v: Any, fmt: str | None = None) -> str | None:
    """A date (``YYYY-MM-DD`` or a timestamp reduced to its own calendar day) or None."""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    t = local_time(v, UTC, fmt)
    return t[:10] if t else None


def day_start(d: Any, tz: Any) -> str | None:
    """``"2014-12-08"`` → midnight of that day in ``tz``, ISO with offset."""
    if not isinstance(d, str):
        return None
    try:
        dd = date.fromisoformat(d.strip()[:10])
    except ValueError:
        return None
    return datetime(dd.year, dd.month, dd.day, tzinfo=get_tz(tz)).isoformat()


# --------------------------------------------------------------------------- text


def app_name(source_html: Any) -> str | None:
    """``<a href="..." rel="nofollow">皮皮时光机</a>`` → ``皮皮时光机``; None for anything but text.

    The parsing is :func:`smguard.importers.common.app_from_source` (which also turns numbers into text).
    """
    return app_from_source(source_html) if isinstance(source_html, str) else None


def app_matches(app: str | None, apps: Iterable[str]) -> bool:
    """Case-insensitive substring match of an app name against a list of app names."""
    if not app:
        return False
    a = app.casefold()
    return any(x and str(x).casefold() in a for x in apps)


_URL = re.compile(r"https?://[^\s<>\"'，。）)\]】]+")


def first_url(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    m = _URL.search(text)
    return m.group(0) if m else None


# --------------------------------------------------------------------------- problems


class Once:
    """Mixin for an importer's per-run state: :meth:`once` is true the first time a ``(table, key)`` is seen.

    The subclass sets ``self.emitted = set()`` in its ``__init__``.
    """

    emitted: set[tuple[str, str]]

    def once(self, table: str, key: str) -> bool:
        k = (table, key)
        if k in self.emitted:
            return False
        self.emitted.add(k)
        return True


class Reporter:
    """Forwards problems of one file to ``ctx.problem`` (``error``: something was skipped)."""

    def __init__(self, ctx: Ctx, file: str) -> None:
        self.ctx = ctx
        self.file = file
        self.count = 0

    def __call__(self, position: str, message: str, level: str = "error") -> None:
        self.count += 1
        try:
            self.ctx.problem(self.file, position, message, level)
        except TypeError:  # a context without levels
            self.ctx.problem(self.file, position, message)

    def warn(self, position: str, message: str) -> None:
        self(position, message, "warning")


def each_dict(items: Any, where: str, report: Reporter) -> Iterator[tuple[str, dict]]:
    """Yield ``(position, item)`` for the object items of a list; report anything else.

    ``None`` (an empty list in several exports) yields nothing. A text item among objects is usually a
    placeholder (``"... 8 more"`` in redacted samples) and is reported as a warning; other wrong types are
    errors.
    """
    if items is None:
        return
    where = where or "top level"
    if not isinstance(items, list):
        report(where, f"expected a list, found {type_name(items)}; skipped")
        return
    for i, it in enumerate(items):
        pos = f"{where}[{i}]" if where != "top level" else f"[{i}]"
        if isinstance(it, dict):
            yield pos, it
        elif isinstance(it, str):
            report.warn(pos, f"expected an object, found {type_name(it)}; skipped")
        else:
            report(pos, f"expected an object, found {type_name(it)}; skipped")


def type_name(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, int | float):
        return f"the number {v}"
    if isinstance(v, str):
        return f"the text {v[:30]!r}"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, dict):
        return "an object"
    return type(v).__name__


# --------------------------------------------------------------------------- sources


def claim_json(source: Any, patterns: Iterable[str], is_mine: Any, head_bytes: int = 8192) -> list[str]:
    """Members matching any glob of ``patterns`` whose first bytes satisfy ``is_mine(head: bytes)``."""
    from smguard.importers.common import peek

    out: list[str] = []
    seen: set[str] = set()
    for pat in patterns:
        for m in source.list(pat):
            if m in seen:
                continue
            seen.add(m)
            try:
                head = peek(source, m, head_bytes)
            except Exception:  # noqa: BLE001 - detection never fails
                continue
            try:
                mine = bool(is_mine(head))
            except Exception:  # noqa: BLE001
                mine = False
            if mine:
                out.append(m)
    return out


def load_documents(
    source: Any, members: Iterable[str], ctx: Any, text_suffixes: tuple[str, ...] = ()
) -> list:
    """``[(display name, parsed JSON or text)]`` for the members; unreadable files are reported and left out.

    Members ending in one of ``text_suffixes`` (e.g. ``.xml``) are returned as text.
    """
    from smguard.importers.base import ImportFileError
    from smguard.importers.common import load_json

    docs: list[tuple[str, Any]] = []
    for m in members:
        name = source.display(m)
        try:
            if m.lower().endswith(text_suffixes) and text_suffixes:
                docs.append((name, source.read_bytes(m).decode("utf-8", errors="replace")))
            else:
                docs.append((name, load_json(source, m)))
        except ImportFileError as exc:
            ctx.problem(name, exc.position or "start of file", f"{exc.message}; the file was skipped")
        except (OSError, EOFError, ValueError, KeyError) as exc:
            ctx.problem(name, "start of file", f"cannot read the file ({exc}); skipped")
    return docs


class DocumentsImporter(Importer):
    """An importer of whole JSON (or text) documents, recognised by their first bytes and parsed together.

    Subclasses set ``patterns`` (globs of the members to look at), optionally ``text_suffixes`` (members
    returned as text, see :func:`load_documents`), and implement :meth:`is_mine` and :meth:`parse`.
    """

    patterns: ClassVar[tuple[str, ...]] = ("*.json", "*.txt")
    text_suffixes: ClassVar[tuple[str, ...]] = ()

    def is_mine(self, head: bytes) -> bool:
        """Whether a member starting with ``head`` is one of this importer's files."""
        raise NotImplementedError

    def parse(self, docs: Iterable[tuple[str, Any]], ctx: Any) -> Iterator[Record]:
        """Records of the loaded ``(display name, document)`` pairs."""
        raise NotImplementedError

    def claim(self, source: Any) -> list[str]:
        return claim_json(source, self.patterns, self.is_mine)

    def detect(self, source: Any) -> bool:
        return bool(self.claim(source))

    def read(self, source: Any, ctx: Any) -> Iterator[Record]:
        members = self.claim(source) or source.members()
        yield from self.parse(load_documents(source, members, ctx, text_suffixes=self.text_suffixes), ctx)
