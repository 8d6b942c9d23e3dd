"""Parsers and helpers shared by all importers: times, ids, text fixes, JSON/CSV readers that stream.

Everything here raises :class:`~smguard.importers.base.ImportFileError` (or ``ValueError`` for one bad
value) instead of library exceptions, so an importer can report the file and position and go on.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import html
import io
import json
import math
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import ijson

from smguard.importers.base import ImportContext, ImportFileError, Source

# ------------------------------------------------------------------------------------------------- ids


def pid(platform: str, raw_id: object) -> str:
    """Stable data set id for an object of a platform: ``pid("x", 123) == "x:123"`` (idempotent)."""
    s = str(raw_id).strip()
    prefix = f"{platform}:"
    return s if s.startswith(prefix) else prefix + s


def unprefix(value: str) -> str:
    """``"x:123" -> "123"``; a value without a platform prefix is returned as is."""
    head, sep, tail = value.partition(":")
    return tail if sep and head.isalpha() and head.islower() else value


def twitter_snowflake_time(tweet_id: object) -> datetime | None:
    """Creation time encoded in an X/Twitter id (ids after Nov 2010), or ``None``."""
    try:
        n = int(str(tweet_id))
    except ValueError:
        return None
    ms = (n >> 22) + 1288834974657
    if n < 2**40 or ms > 4102444800000:  # before snowflakes or after 2100: not a snowflake
        return None
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


# ----------------------------------------------------------------------------------------------- times

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


def get_tz(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


_OFFSETS: dict[str, tzinfo] = {}


def parse_twitter_time(s: str) -> datetime:
    """``"Fri Mar 06 13:02:05 +0000 2026"`` (X archive, Weibo) -> aware datetime.

    Parsed by hand (``strptime`` was a third of the time of a large archive import).
    """
    parts = s.split() if isinstance(s, str) else []
    try:
        if len(parts) != 6 or len(parts[3]) != 8 or len(parts[4]) != 5:
            raise ValueError
        month = _MONTHS[parts[1].lower()]
        hh, mm, ss = parts[3].split(":")
        off = parts[4]
        tz = _OFFSETS.get(off)
        if tz is None:
            sign = -1 if off[0] == "-" else 1
            if off[0] not in "+-":
                raise ValueError
            tz = timezone(sign * timedelta(hours=int(off[1:3]), minutes=int(off[3:5])))
            _OFFSETS[off] = tz
        return datetime(int(parts[5]), month, int(parts[2]), int(hh), int(mm), int(ss), tzinfo=tz)
    except (ValueError, KeyError, IndexError):
        raise ValueError(f"not a time like 'Fri Mar 06 13:02:05 +0000 2026': {s!r}") from None


def from_unix(value: object, unit: str = "auto") -> datetime:
    """Unix time in seconds or milliseconds (``unit`` = ``"s"``, ``"ms"`` or ``"auto"``) -> aware UTC."""
    try:
        n = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"not a unix time: {value!r}") from None
    if unit == "ms" or (unit == "auto" and abs(n) > 1e11):
        n /= 1000.0
    try:
        return datetime.fromtimestamp(n, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"unix time out of range: {value!r}") from None


def parse_iso(s: str, tz: str | None = None) -> datetime:
    """ISO 8601 (``Z``, ``+0000`` and ``+00:00`` offsets, fractions); a naive time is read in ``tz``."""
    t = s.strip()
    if t.endswith(("Z", "z")):
        t = t[:-1] + "+00:00"
    m = re.search(r"([+-])(\d\d)(\d\d)$", t)
    if m and "T" in t:
        t = t[: m.start()] + f"{m.group(1)}{m.group(2)}:{m.group(3)}"
    # Python < 3.11-safe fraction length: trim to microseconds
    t = re.sub(r"(\.\d{6})\d+", r"\1", t)
    try:
        dt = datetime.fromisoformat(t)
    except ValueError:
        raise ValueError(f"not an ISO 8601 time: {s!r}") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=get_tz(tz))
    return dt


def parse_linkedin_time(s: str, tz: str | None = None) -> datetime:
    """LinkedIn CSV ``"YYYY-MM-DD HH:MM:SS"`` (local, no zone: read in ``tz``)."""
    t = s.strip()
    if not re.fullmatch(r"\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d+)?)?)?", t):
        raise ValueError(f"not a time like '2026-03-06 13:02:05': {s!r}")
    return parse_iso(t.replace(" ", "T", 1), tz)


def parse_day_month_year(s: str) -> date:
    """``"06 Mar 2026"`` / ``"6 March 2026"`` (LinkedIn Connections.csv) -> date."""
    m = re.fullmatch(r"\s*(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{4})\s*", s)
    if not m or m.group(2).lower() not in _MONTHS:
        raise ValueError(f"not a date like '06 Mar 2026': {s!r}")
    return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))


def parse_time(value: object, tz: str | None = None) -> datetime:
    """Any of the formats above, guessed from the value. Raises ``ValueError``."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=get_tz(tz))
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not a time: {value!r}")
    if isinstance(value, int | float):
        return from_unix(value)
    s = str(value).strip()
    if not s:
        raise ValueError("empty time")
    if re.fullmatch(r"-?\d+(\.\d+)?", s):
        return from_unix(s)
    if re.fullmatch(r"[A-Za-z]{3} [A-Za-z]{3} \d\d \d\d:\d\d:\d\d [+-]\d{4} \d{4}", s):
        return parse_twitter_time(s)
    if re.fullmatch(r"\d{1,2}[ -][A-Za-z]{3,9}\.?[ -]\d{4}", s):
        d = parse_day_month_year(s)
        return datetime(d.year, d.month, d.day, tzinfo=get_tz(tz))
    if re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}( \d{1,2}:\d\d(:\d\d)?)?", s):
        parts = re.split(r"[/ :]", s)
        nums = [int(p) for p in parts] + [0] * (6 - len(parts))
        return datetime(*nums[:6], tzinfo=get_tz(tz))  # type: ignore[misc]
    return parse_iso(s.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", s) else s, tz)


def iso(value: object, tz: str | None = None) -> str:
    """Normalised data set timestamp: ISO 8601 with offset, seconds precision unless fractions matter."""
    dt = parse_time(value, tz)
    return dt.isoformat(timespec="milliseconds" if dt.microsecond else "seconds")


def iso_or_none(value: object, tz: str | None = None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return iso(value, tz)
    except ValueError:
        return None


def local_date(value: object, tz: str | None = None) -> str:
    """``YYYY-MM-DD`` of a time in the given zone (a plain date stays as it is)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        return value.strip()
    return parse_time(value, tz).astimezone(get_tz(tz)).date().isoformat()


def iso_duration_seconds(s: str) -> float | None:
    """``"PT5M49S"`` / ``"P1DT2H"`` (YouTube ``contentDetails.duration``) -> seconds."""
    m = re.fullmatch(
        r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", (s or "").strip()
    )
    if not m or s.strip() in ("P", "PT"):
        return None
    w, d, h, mi, sec = (float(x) if x else 0.0 for x in m.groups())
    return timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=sec).total_seconds()


# ------------------------------------------------------------------------------------------------ text


def fix_mojibake(s: str) -> str:
    """Meta exports write UTF-8 bytes as ``\\u00f0\\u009f...``; undo that (text that is not mojibake is kept)."""
    if not isinstance(s, str) or not s or s.isascii():
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def fix_mojibake_deep(obj: Any) -> Any:
    """:func:`fix_mojibake` applied to every string (and key) in a JSON value."""
    if isinstance(obj, str):
        return fix_mojibake(obj)
    if isinstance(obj, list):
        return [fix_mojibake_deep(v) for v in obj]
    if isinstance(obj, dict):
        return {fix_mojibake(k): fix_mojibake_deep(v) for k, v in obj.items()}
    return obj


_TAG_RE = re.compile(r"<[^>]+>")


def app_from_source(source_html: str | None) -> str | None:
    """App name from an X/Weibo ``source`` (``<a href=...>Twitter Web App</a>``) or a plain name."""
    if not source_html:
        return None
    text = html.unescape(_TAG_RE.sub("", str(source_html))).strip()
    return text or None


def strip_html(s: str | None) -> str:
    """Plain text of a small HTML fragment (YouTube ``textDisplay``): ``<br>`` -> newline, tags dropped."""
    if not s:
        return ""
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    return html.unescape(_TAG_RE.sub("", s))


def to_int(value: object) -> int | None:
    """Counts that platforms write as strings (``"12"``, ``"1,204"``) -> int; junk (also NaN, infinity) -> ``None``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    s = str(value).strip().replace(",", "").replace("_", "")
    try:
        f = float(s) if s else None
    except ValueError:
        return None
    return int(f) if f is not None and math.isfinite(f) else None


def metrics(**counts: object) -> dict[str, int] | None:
    """``metrics(likes="3", shares=None)`` -> ``{"likes": 3}``; ``None`` when empty."""
    out = {k: v for k, v in ((k, to_int(v)) for k, v in counts.items()) if v is not None}
    return out or None


#: platform media type names -> data set media types
MEDIA_TYPE_MAP = {
    "photo": "photo",
    "image": "photo",
    "picture": "photo",
    "carousel_album": "photo",
    "album": "photo",
    "video": "video",
    "reel": "video",
    "reels": "video",
    "video_inline": "video",
    "animated_gif": "gif",
    "gif": "gif",
    "animated_image_share": "gif",
    "audio": "audio",
    "document": "document",
    "file": "document",
    "link": "link",
    "share": "link",
    "article": "link",
}


def media_type(name: object, default: str = "photo") -> str:
    return MEDIA_TYPE_MAP.get(str(name or "").strip().lower(), default)


def media_type_from_uri(uri: str | None, default: str = "photo") -> str:
    """Media type guessed from a file name/URL extension (Meta exports)."""
    ext = (uri or "").rsplit("?", 1)[0].rsplit(".", 1)[-1].lower() if "." in (uri or "") else ""
    if ext in ("mp4", "mov", "m4v", "webm", "avi", "mkv"):
        return "video"
    if ext == "gif":
        return "gif"
    if ext in ("mp3", "m4a", "aac", "wav", "ogg", "opus"):
        return "audio"
    if ext in ("pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx"):
        return "document"
    if ext in ("jpg", "jpeg", "png", "webp", "heic", "bmp", "tif", "tiff"):
        return "photo"
    return default


def clean(record: dict[str, Any]) -> dict[str, Any]:
    """Drop ``None`` values (the data set omits unknown optional fields)."""
    return {k: v for k, v in record.items() if v is not None}


def dm_replies(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    r"""``("messages", record)`` for the direct messages of one conversation, in time order.

    An ``out`` message answers the last ``in`` message since the previous answer (``in_reply_to``, ``None``
    when there is none) and is written by a person (``automated`` false). Records are :func:`clean`\ ed.
    """
    last_in = None
    for rec in records:
        if rec["direction"] == "out":
            rec["in_reply_to"] = last_in
            rec["automated"] = False
            last_in = None
        else:
            last_in = rec["id"]
        yield "messages", clean(rec)


# --------------------------------------------------------------------------------------- reading files


@contextlib.contextmanager
def guard(ctx: ImportContext, source: Source, member: str) -> Iterator[None]:
    """Report any error while reading ``member`` as a problem and carry on with the next file.

    Usage in an importer's ``read``::

        for member in source.list("*.json"):
            with guard(ctx, source, member):
                yield from self._read_one(source, member, ctx)
    """
    try:
        yield
    except ImportFileError as exc:
        ctx.problem(source.display(member), exc.position, exc.message)
    except json.JSONDecodeError as exc:
        ctx.problem(
            source.display(member), f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}"
        )
    except (ijson.JSONError, ijson.IncompleteJSONError) as exc:
        ctx.problem(source.display(member), "", f"not valid JSON: {exc}")
    except csv.Error as exc:
        ctx.problem(source.display(member), "", f"not a readable CSV file: {exc}")
    except (zipfile.BadZipFile, zlib.error) as exc:
        ctx.problem(source.display(member), "", f"the zip file is damaged here: {exc}")
    except (OSError, EOFError) as exc:
        ctx.problem(source.display(member), "", f"cannot read the file: {exc}")
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, UnicodeError) as exc:
        ctx.problem(source.display(member), "", f"unexpected content ({type(exc).__name__}: {exc})")


class _RawWrapper(io.RawIOBase):
    """A readable raw stream over another one (``self.raw``): subclasses implement ``read``; closing it
    closes ``raw``."""

    raw: IO[bytes]

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.raw.close()
        super().close()


class ProgressReader(_RawWrapper):
    """Wraps a binary file: skips ``skip`` leading bytes and reports progress every ``every`` bytes."""

    def __init__(
        self,
        raw: IO[bytes],
        ctx: ImportContext | None = None,
        label: str = "",
        total: int | None = None,
        every: int = 1 << 20,
        head: bytes = b"",
    ) -> None:
        self.raw = raw
        self.ctx = ctx
        self.label = label
        self.total = total
        self.every = every
        self.done = 0
        self._next = every
        self._head = head

    def read(self, n: int = -1) -> bytes:
        if self._head:
            data, self._head = (
                (self._head, b"")
                if n < 0 or n >= len(self._head)
                else (
                    self._head[:n],
                    self._head[n:],
                )
            )
        else:
            data = self.raw.read(n)
        self.done += len(data)
        if self.ctx is not None and (self.done >= self._next or not data):
            self._next = self.done + self.every
            self.ctx.progress(self.label, self.done, self.total)
        return data


class Utf8Repair(_RawWrapper):
    """Wraps a binary stream and replaces invalid UTF-8 with U+FFFD, so one bad byte does not stop a parse."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self._dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buf = b""
        self._eof = False

    def read(self, n: int = -1) -> bytes:
        want = n if n is not None and n >= 0 else 1 << 62
        while len(self._buf) < want and not self._eof:
            chunk = self.raw.read(65536 if n is None or n < 0 else max(n, 4096))
            if not chunk:
                self._eof = True
            self._buf += self._dec.decode(chunk, final=not chunk).encode("utf-8")
        data, self._buf = self._buf[:want], self._buf[want:]
        return data


_JS_PREFIX = re.compile(
    rb"^\s*(?:window\.[A-Za-z0-9_.$\[\]'\"]+|(?:export\s+)?(?:const|let|var)\s+\w+)\s*=\s*"
)


def _open_json_stream(source: Source, member: str, ctx: ImportContext | None) -> ProgressReader:
    """Binary stream of a JSON document, with a BOM and a ``window.YTD.x.part0 =`` prefix removed."""
    raw = source.open_bytes(member)
    head = raw.read(4096)
    n = len(head)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    m = _JS_PREFIX.match(head)
    if m:
        head = head[m.end() :]
    try:
        total = source.size(member)
    except OSError:
        total = None
    reader = ProgressReader(raw, ctx, source.display(member), total, head=head)
    reader.done = n - len(head)  # the BOM and prefix count as read
    return reader


def iter_json_array(
    source: Source, member: str, ctx: ImportContext | None = None, prefix: str = "item"
) -> Iterator[tuple[int, Any]]:
    """Stream the items of a JSON array without loading the file: ``(index, item)``.

    ``prefix`` is an ijson path: ``"item"`` for a top-level array (X archive ``*.js`` files, with their
    ``window.YTD...`` prefix removed), ``"data.item"`` for ``{"data": [...]}``. Floats come as ``float``.
    A broken or truncated file raises :class:`ImportFileError` naming the item where reading stopped; the
    items before it have been yielded.
    """
    stream = _open_json_stream(source, member, ctx)
    head = stream._head.lstrip()
    if prefix == "item" and head and not head.startswith(b"["):
        stream.close()
        raise ImportFileError(
            f"expected a JSON array of records ('['), found {head[:1].decode('latin-1')!r}",
            "start of the data",
        )
    repaired = Utf8Repair(stream)
    index = -1
    try:
        for index, item in enumerate(ijson.items(repaired, prefix, use_float=True)):  # noqa: B007
            yield index, item
    except ijson.IncompleteJSONError as exc:
        msg = _ijson_message(exc)
        what = (
            "the file ends in the middle of the data (truncated?)"
            if "premature EOF" in msg or "incomplete" in msg.lower()
            else f"not valid JSON ({msg})"
        )
        raise ImportFileError(
            f"{what}; {index + 1} records before it were read",
            f"record {index + 2} (near byte {stream.done})",
        ) from None
    except ijson.JSONError as exc:
        raise ImportFileError(
            f"not valid JSON ({_ijson_message(exc)}); {index + 1} records before it were read",
            f"record {index + 2} (near byte {stream.done})",
        ) from None
    finally:
        stream.close()


def _ijson_message(exc: Exception) -> str:
    """The first line of an ijson/yajl error, as text (yajl gives bytes with a caret diagram)."""
    arg = exc.args[0] if exc.args else exc
    text = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def peek(source: Source, member: str, n: int = 4096) -> bytes:
    """The first ``n`` bytes of a member (BOM removed), for cheap format detection."""
    try:
        with source.open_bytes(member) as f:
            data = f.read(n)
    except (OSError, KeyError, EOFError, zipfile.BadZipFile, zlib.error):
        return b""
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def peek_text(source: Source, member: str, n: int = 4096) -> str:
    return peek(source, member, n).decode("utf-8", errors="replace")


def load_json(source: Source, member: str, max_bytes: int = 256 << 20) -> Any:
    """Parse a whole JSON (or ``window.YTD... =`` / ``export const x =`` JS) file. For small/medium files.

    JSON5-ish JavaScript object literals (unquoted keys, single quotes, trailing commas, as in a saved
    ``tweets.ts``) are accepted too. Raises :class:`ImportFileError` with line and column.
    """
    if source.size(member) > max_bytes:
        raise ImportFileError(f"file too large to read at once ({source.size(member)} bytes)")
    raw = source.read_bytes(member)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    m = _JS_PREFIX.match(raw)
    if m:
        raw = raw[m.end() :]
    text = raw.decode("utf-8", errors="replace").strip().rstrip(";").strip()
    if not text:
        raise ImportFileError("the file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if m:  # a JS file: try the object-literal syntax
            try:
                return json.loads(js_literal_to_json(text))
            except (json.JSONDecodeError, ValueError):
                pass
        raise ImportFileError(
            f"not valid JSON: {exc.msg}", f"line {exc.lineno}, column {exc.colno}"
        ) from None


def js_literal_to_json(text: str) -> str:
    """Turn a JavaScript object literal (unquoted keys, ``'strings'``, trailing commas) into JSON text."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            j = i + 1
            buf = []
            while j < n and text[j] != c:
                if text[j] == "\\" and j + 1 < n:
                    nxt = text[j + 1]
                    buf.append("'" if nxt == "'" else "\\" + nxt)
                    j += 2
                    continue
                if text[j] == '"':
                    buf.append('\\"')
                elif text[j] == "\n":
                    buf.append("\\n")
                else:
                    buf.append(text[j])
                j += 1
            if j >= n:
                raise ValueError("unterminated string")
            out.append('"' + "".join(buf) + '"')
            i = j + 1
        elif c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c.isalpha() or c in "_$":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_$"):
                j += 1
            word = text[i:j]
            k = j
            while k < n and text[k] in " \t\r\n":
                k += 1
            if k < n and text[k] == ":" and word not in ("true", "false", "null"):
                out.append(json.dumps(word))
            elif word == "undefined":
                out.append("null")
            else:
                out.append(word)
            i = j
        elif c == ",":
            k = i + 1
            while k < n:
                if text[k] in " \t\r\n":
                    k += 1
                elif text.startswith("//", k):
                    j = text.find("\n", k)
                    k = n if j < 0 else j
                elif text.startswith("/*", k):
                    j = text.find("*/", k + 2)
                    k = n if j < 0 else j + 2
                else:
                    break
            if k < n and text[k] in "]}":
                i += 1  # trailing comma
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def iter_csv(
    source: Source, member: str, skip_until: str | None = None, **csv_options: Any
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as ``(line_number, row)`` (BOM removed, header names stripped).

    ``skip_until``: the header row starts with this column name; lines before it (LinkedIn's "Notes:"
    preamble in Connections.csv) are skipped. Line numbers are the physical lines of the file.
    ``csv_options`` go to :func:`csv.reader` (e.g. ``escapechar="\\"`` for LinkedIn's Comments.csv).
    """
    with source.open_text(member) as f:
        lines = f
        line_no = 0
        if skip_until:
            buffered: list[str] = []
            for line in f:
                line_no += 1
                if line.lstrip("\ufeff").strip().strip('"').startswith(skip_until):
                    buffered.append(line)
                    break
            else:
                raise ImportFileError(f"no header row starting with {skip_until!r}")
            lines = _chain([buffered[0]], f)  # type: ignore[assignment]
            line_no -= 1
        reader = csv.reader(lines, **csv_options)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError("the file is empty") from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        base = line_no
        for row in reader:
            if not any(c.strip() for c in row):
                continue
            yield base + reader.line_num, dict(zip(header, row, strict=False))


def _chain(first: list[str], rest: Any) -> Iterator[str]:
    yield from first
    yield from rest
