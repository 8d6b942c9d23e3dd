"""The import framework's interface: sources, the import context and the importer protocol.

An importer turns one platform's export or API responses into records of data set format v1
(``../shared/CONTRACT.md`` §2, fields declared in :mod:`smguard.dataset.schema`). It never writes files: it
yields ``(table_name, record)`` pairs and :class:`smguard.importers.builder.DatasetBuilder` validates,
deduplicates and writes them.

Id conventions (so several sources merge without clashes, see :func:`smguard.importers.common.pid`):

- a record's own id and every id that names another record of the data set (``accounts.id``,
  ``posts.id``, ``messages.id``, ``account_id``, ``post_id``, ``in_reply_to``, ``likes.id``, ``campaigns.id``)
  is prefixed with the platform: ``"x:12345"``, ``"weibo:4211"``;
- ids of platform users that are not accounts of the data set (``author_id``, ``followers.user_id``,
  ``likes.target_author_id``, ``likes.target_post_id``) are the platform's raw ids: they are matched against
  ``customers.social[].user_id``, which holds raw ids.

Timestamps are ISO 8601 strings with an offset (see :func:`smguard.importers.common.iso`).
"""

from __future__ import annotations

import fnmatch
import io
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, ClassVar

from smguard.dataset.schema import PLATFORMS

#: Client/app names whose posts or replies count as automated (compared case-insensitively, as substrings
#: of the app name). Extend with ``--automated-app``.
DEFAULT_AUTOMATED_APPS: frozenset[str] = frozenset(
    {
        "皮皮时光机",
        "Hootsuite",
        "Buffer",
        "IFTTT",
        "Sprout Social",
        "自动回复",
        "dlvr.it",
        "Zapier",
        "TweetDeck Scheduler",
        "SocialPilot",
        "Later",
        "Twittascope",
        "twittbot.net",
        "Botize",
        "Auto Reply",
        "Autoresponder",
    }
)


# --------------------------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    """A bad or partial item: where it is and what is wrong, in plain words."""

    file: str
    position: str  # "line 12", "record 40", "$.data[3].from", "byte 1048576" ...
    message: str
    level: str = "error"  # "error" (something was skipped) or "warning" (imported, but note this)

    def __str__(self) -> str:
        where = f"{self.file}, {self.position}" if self.position else self.file
        return f"{where}: {self.message}"


class ImportFileError(Exception):
    """Raised by an importer (or a common parser) when a whole file or the rest of it cannot be read.

    ``position`` says where reading stopped. Records yielded before the error are kept.
    """

    def __init__(self, message: str, position: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position


ProgressHook = Callable[[str, int, int | None], None]
"""``hook(label, done, total)``: ``done`` bytes of ``total`` (``None`` when unknown) of ``label`` read."""


@dataclass
class ImportContext:
    """What an importer needs to know beyond its source, and where it reports problems and progress."""

    brand_account_ids: set[str] = field(default_factory=set)
    automated_apps: set[str] = field(default_factory=lambda: set(DEFAULT_AUTOMATED_APPS))
    default_tz: str = "UTC"
    problems: list[Problem] = field(default_factory=list)
    progress_hook: ProgressHook | None = None
    _app_cache: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _app_cache_size: int = field(default=-1, repr=False, compare=False)

    # ---- reporting
    def problem(self, file: str, position: object, message: str, level: str = "error") -> None:
        """Report a bad or partial item. ``position``: line number, record index or JSON path."""
        if isinstance(position, int):
            position = f"record {position}"
        self.problems.append(Problem(str(file), str(position or ""), message, level))

    def warning(self, file: str, position: object, message: str) -> None:
        self.problem(file, position, message, level="warning")

    def progress(self, label: str, done: int, total: int | None = None) -> None:
        if self.progress_hook is not None:
            self.progress_hook(label, done, total)

    # ---- decisions shared by all importers
    def is_brand(self, *ids_or_handles: object) -> bool:
        """True when any of the given ids/handles names a brand account (``@`` and case ignored)."""
        wanted = {_norm_handle(b) for b in self.brand_account_ids}
        return any(v is not None and _norm_handle(v) in wanted for v in ids_or_handles)

    def is_automated_app(self, app_name: str | None) -> bool:
        """True when the app/client name is one of the configured automation apps."""
        if not app_name:
            return False
        if self._app_cache_size != len(self.automated_apps):  # the list changed: forget earlier answers
            self._app_cache.clear()
            self._app_cache_size = len(self.automated_apps)
        hit = self._app_cache.get(app_name)
        if hit is None:
            name = app_name.casefold()
            hit = any(a.casefold() in name for a in self.automated_apps if a)
            self._app_cache[app_name] = hit
        return hit


def _norm_handle(value: object) -> str:
    s = str(value).strip()
    if ":" in s and s.split(":", 1)[0] in _PLATFORM_PREFIXES:
        s = s.split(":", 1)[1]
    return s.lstrip("@").casefold()


_PLATFORM_PREFIXES = frozenset(PLATFORMS)


# ----------------------------------------------------------------------------------------------- sources


class Source(ABC):
    """A uniform read-only view of a folder, a zip file or a single file.

    Members are named by their path relative to the folder / zip root, with ``/`` separators (a single
    file's only member is its own file name).
    """

    kind: ClassVar[str] = ""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name or str(self.path)

    @staticmethod
    def open(path: str | Path) -> Source:
        """The right kind of source for a path. Raises ``ImportFileError`` if it cannot be read."""
        p = Path(path)
        if p.is_dir():
            return DirSource(p)
        if not p.exists():
            raise ImportFileError("no such file or folder")
        if zipfile.is_zipfile(p):
            try:
                return ZipSource(p)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ImportFileError(f"cannot read the zip file ({exc})") from None
        return FileSource(p)

    # ---- listing
    @abstractmethod
    def members(self) -> list[str]:
        """All file members, sorted."""

    def list(self, pattern: str = "*") -> list[str]:
        """Members whose relative path matches the glob ``pattern`` (``*`` also crosses ``/``; case ignored).

        A pattern without ``/`` matches the base name too: ``list("tweets*.js")`` finds ``data/tweets.js``.
        """
        pat = pattern.casefold()
        out = []
        for m in self.members():
            low = m.casefold()
            if fnmatch.fnmatchcase(low, pat) or (
                "/" not in pat and fnmatch.fnmatchcase(low.rsplit("/", 1)[-1], pat)
            ):
                out.append(m)
        return out

    def exists(self, member: str) -> bool:
        return member in set(self.members())

    # ---- reading
    @abstractmethod
    def open_bytes(self, member: str) -> IO[bytes]:
        """A binary file object for the member (streamed, not loaded whole). Close it after use."""

    def open_text(self, member: str, encoding: str = "utf-8-sig", errors: str = "replace") -> IO[str]:
        """A text file object (BOM removed; undecodable bytes replaced, never an exception)."""
        return io.TextIOWrapper(self.open_bytes(member), encoding=encoding, errors=errors, newline="")

    def read_bytes(self, member: str) -> bytes:
        with self.open_bytes(member) as f:
            return f.read()

    @abstractmethod
    def size(self, member: str) -> int:
        """Size of the member in bytes (uncompressed)."""

    def display(self, member: str) -> str:
        """How a member is named in messages: ``export.zip:data/tweets.js``, ``folder/data/tweets.js``."""
        return f"{self.path}/{member}" if self.kind == "dir" else f"{self.path}:{member}"

    def subset(self, members: list[str]) -> Source:
        """A view of this source that shows only the given members."""
        return SubsetSource(self, members)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path}>"


class DirSource(Source):
    kind = "dir"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._members: list[str] | None = None

    def members(self) -> list[str]:
        if self._members is None:
            self._members = sorted(
                p.relative_to(self.path).as_posix()
                for p in self.path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(self.path).parts)
            )
        return self._members

    def exists(self, member: str) -> bool:
        return (self.path / member).is_file()

    def open_bytes(self, member: str) -> IO[bytes]:
        return open(self.path / member, "rb")  # noqa: SIM115 - the caller closes it

    def size(self, member: str) -> int:
        return (self.path / member).stat().st_size


class ZipSource(Source):
    kind = "zip"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._zip = zipfile.ZipFile(path)
        self._infos = {
            i.filename: i
            for i in self._zip.infolist()
            if not i.is_dir() and not i.filename.startswith("__MACOSX/") and "/." not in "/" + i.filename
        }

    def members(self) -> list[str]:
        return sorted(self._infos)

    def exists(self, member: str) -> bool:
        return member in self._infos

    def open_bytes(self, member: str) -> IO[bytes]:
        return self._zip.open(self._infos[member])

    def size(self, member: str) -> int:
        return self._infos[member].file_size

    def close(self) -> None:
        self._zip.close()


class FileSource(Source):
    kind = "file"

    def members(self) -> list[str]:
        return [self.path.name]

    def exists(self, member: str) -> bool:
        return member == self.path.name

    def open_bytes(self, member: str) -> IO[bytes]:
        if member != self.path.name:
            raise FileNotFoundError(member)
        return open(self.path, "rb")  # noqa: SIM115 - the caller closes it

    def size(self, member: str) -> int:
        return self.path.stat().st_size

    def display(self, member: str) -> str:
        return str(self.path)


class SubsetSource(Source):
    """A view of another source restricted to some members (used when several importers share a folder)."""

    def __init__(self, inner: Source, members: list[str]) -> None:
        super().__init__(inner.path)
        self.inner = inner
        self.name = inner.name
        self.kind = inner.kind  # type: ignore[misc]
        self._members = sorted(set(members))

    def members(self) -> list[str]:
        return self._members

    def exists(self, member: str) -> bool:
        return member in self._members

    def open_bytes(self, member: str) -> IO[bytes]:
        return self.inner.open_bytes(member)

    def size(self, member: str) -> int:
        return self.inner.size(member)

    def display(self, member: str) -> str:
        return self.inner.display(member)


def basename(member: str) -> str:
    return PurePosixPath(member).name


# --------------------------------------------------------------------------------------------- importers


Record = dict[str, object]


class Importer(ABC):
    """One platform export or API format.

    Subclasses set ``name`` (used by ``--format``), ``platform`` (a value of ``schema.PLATFORMS``) and
    ``description``, and implement :meth:`detect` (cheap: file names and a peek at the first bytes) and
    :meth:`read`. A folder or zip may hold several formats: :meth:`claim` returns the members this importer
    will read, so the CLI can hand each file to one importer only. Override :meth:`claim` when the importer
    reads only some files of a folder; the default claims every member when :meth:`detect` is true.

    :meth:`read` yields ``(table, record)`` with data set v1 field names (tables of ``schema.TABLES``). It
    reports bad items with ``ctx.problem(file, position, message)`` and goes on; for an unreadable file it
    reports and moves to the next file (see :func:`smguard.importers.common.guard`). It never raises for bad
    input.
    """

    name: ClassVar[str] = ""
    platform: ClassVar[str] = "other"
    description: ClassVar[str] = ""

    @abstractmethod
    def detect(self, source: Source) -> bool:
        """Whether this importer can read (some of) ``source``."""

    def claim(self, source: Source) -> list[str]:
        """The members of ``source`` this importer reads (empty: not for this importer)."""
        return source.members() if self.detect(source) else []

    @abstractmethod
    def read(self, source: Source, ctx: ImportContext) -> Iterator[tuple[str, Record]]:
        """Yield ``(table_name, record)`` pairs in data set v1 field names."""

    def __repr__(self) -> str:
        return f"<importer {self.name}>"
