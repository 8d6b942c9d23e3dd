"""Embargo check: does a text mention an embargoed term (or any of its aliases) while the embargo holds?

Pure and reusable: the audit rule SM203 applies it to every post in a data set, the web composer and
``smguard check post`` apply it to one draft. ::

    m = EmbargoMatcher.from_rows([{"term": "Phoenix", "aliases": ["凤凰", "PX-9"], "until": "2026-12-01"}])
    m.find("Sneak peek: project P.h.o.e.n.i.x is coming!", on_date=date(2026, 11, 2))
    # -> [Match(term='Phoenix', alias='Phoenix', start=19, end=32, text='P.h.o.e.n.i.x', ...)]

Matching is robust to what people (and autocorrect) do to a name, while keeping false alarms rare:

* case, full-width/half-width forms and other Unicode compatibility forms (``ＰＨＯＥＮＩＸ`` = ``phoenix``),
  traditional vs. simplified Chinese (``鳳凰`` = ``凤凰``), zero-width characters;
* spacing and punctuation inside the term: ``凤 凰``, ``凤·凰``, ``Phoe-nix``, ``P h o e n i x``, ``PX 9``;
  inside a Latin word, a space is only accepted when *every* letter is spaced out (so the term ``ion`` does
  not match ``i on``), while punctuation (``phoe.nix``) is always accepted;
* word boundaries for Latin terms: ``ion`` does not match ``motion`` or ``ions``; a change of case inside a
  hashtag (``#PhoenixLaunch``) and a change between letters and digits (``Phoenix2026``) count as boundaries,
  and a term of 4 letters or more also matches at the start of a hashtag (``#phoenixlaunch``);
  Chinese terms match anywhere (Chinese has no spaces between words).

An embargo holds on a day when its ``until`` is empty or the day is on or before ``until`` (the embargo holds
through the end of that local day).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

__all__ = ["EmbargoEntry", "EmbargoMatcher", "Match", "fold", "fold_many"]

# Characters that the folding turns into a visible separator rather than dropping (dropping would break the
# 1:1 correspondence between folded and original positions that snippets rely on).
_ZERO_WIDTH = (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)
_ZW_REPLACEMENT = 0x00B7  # middle dot: punctuation, never a letter

# Latin letters and digits (after folding), for word boundaries.
_LETTERS = "A-Za-z\u00c0-\u024f"
_LATIN = "0-9" + _LETTERS
_SEP = r"(?:[^\w\x00]|_)"  # a separator: space, punctuation, symbol, emoji (never crosses texts: \x00)
_PUNCT = r"(?:[^\w\s\x00]|_)"  # punctuation without spaces
_MAX_GAP = 3  # at most this many separator characters between two letters of a term


@lru_cache(maxsize=1)
def _t2s() -> dict[int, int]:
    try:
        text = resources.files("smguard.text").joinpath("data/t2s.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):  # pragma: no cover - optional data
        return {}
    out: dict[int, int] = {}
    for line in text.splitlines():
        if len(line) == 2 and not line.startswith("#"):
            out[ord(line[0])] = ord(line[1])
    return out


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """Code point -> folded code point over the Basic Multilingual Plane (one character stays one)."""
    table = np.arange(0x10000, dtype=np.uint32)
    t2s = _t2s()
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        n = unicodedata.normalize("NFKC", ch)
        o = ord(n) if len(n) == 1 else cp
        table[cp] = t2s.get(o, o)
    for cp in _ZERO_WIDTH:
        table[cp] = _ZW_REPLACEMENT
    table[0] = 0x20
    return table


def fold_many(texts: Sequence[str | None]) -> list[str]:
    """Fold many texts at once (vectorised): NFKC width folding, traditional -> simplified Chinese.

    Case is kept (matching ignores it, but word boundaries use it: ``#PhoenixLaunch``). Every character maps to exactly one character, so positions in the folded text are positions in the
    original text.
    """
    if not texts:
        return []
    clean = ["" if t is None else str(t).replace("\x00", " ") for t in texts]
    joined = "\x00".join(clean)
    raw = np.frombuffer(joined.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    if raw.size == 0:
        return ["" for _ in clean]
    seps = raw == 0
    table = _table()
    codes = np.where(raw < 0x10000, table[np.minimum(raw, 0xFFFF)], raw).astype("<u4")
    codes[seps] = 0
    return codes.tobytes().decode("utf-32-le", errors="surrogatepass").split("\x00")


def fold(text: str | None) -> str:
    """Fold one text (see :func:`fold_many`)."""
    if not text:
        return ""
    table = _table()
    return "".join(chr(table[o]) if (o := ord(c)) < 0x10000 else c for c in str(text))


def _is_latin(ch: str) -> bool:
    return bool(re.match(f"[{_LATIN}]", ch))


def _is_digit(ch: str) -> bool:
    return ch.isdigit()


def _term_pattern(term: str) -> str | None:
    """Regular expression (over folded text) for one term or alias; None when the term has no letters."""
    folded = fold(term).strip().lower()
    # split the term into its letters and where the term itself has a separator
    chars: list[str] = []
    gap_in_term: list[bool] = []  # gap_in_term[i]: the term has a separator before chars[i]
    pending_gap = False
    for ch in folded:
        if re.match(r"\w", ch) and ch != "_":
            chars.append(ch)
            gap_in_term.append(pending_gap and bool(chars[:-1]))
            pending_gap = False
        else:
            pending_gap = True
    if not chars:
        return None
    esc = [re.escape(c) for c in chars]

    def joined(spaced_out: bool) -> str:
        parts = [esc[0]]
        for i in range(1, len(chars)):
            a, b = chars[i - 1], chars[i]
            latin_pair = _is_latin(a) and _is_latin(b)
            if spaced_out:
                gap = f"{_SEP}{{1,{_MAX_GAP}}}"
            elif gap_in_term[i] or not latin_pair or _is_digit(a) != _is_digit(b):
                # the term's own word gap, Chinese characters, letter<->digit: any short separator or none
                gap = f"{_SEP}{{0,{_MAX_GAP}}}"
            else:
                # inside a Latin word: punctuation (phoe-nix, p.h.o.e.n.i.x) but not a lone space
                gap = f"{_PUNCT}{{0,2}}"
            parts.append(gap + esc[i])
        return "".join(parts)

    body = joined(False)
    latin_run = all(_is_latin(c) for c in chars)
    if len(chars) >= 3 and latin_run:
        body = f"(?:{body}|{joined(True)})"
    bounded = _boundary_before(chars[0]) + body + _boundary_after(chars[-1])
    if len(chars) >= _HASHTAG_PREFIX_MIN and _is_latin(chars[0]) and _is_latin(chars[-1]):
        # at the start of a hashtag the term may run into the next word: #phoenixlaunch
        return f"(?:(?<=#){body}|{bounded})"
    return bounded


# A Latin term at least this long also matches at the start of an all-lower-case hashtag (#phoenixlaunch); a
# shorter one (``ion``) would match too many unrelated hashtags (#ionic).
_HASHTAG_PREFIX_MIN = 4


# a lower-case letter followed by an upper-case one is a word boundary too (#PhoenixLaunch, #newPhoenix)
_CAMEL = "(?-i:(?<=[a-z])(?=[A-Z]))"


def _boundary_before(ch: str) -> str:
    if _is_digit(ch):
        return "(?<![0-9])"
    if _is_latin(ch):
        return f"(?:(?<![{_LETTERS}])|{_CAMEL})"
    return ""


def _boundary_after(ch: str) -> str:
    if _is_digit(ch):
        return "(?![0-9])"
    if _is_latin(ch):
        return f"(?:(?![{_LETTERS}])|{_CAMEL})"
    return ""


def _skeleton(folded: str) -> str:
    """The folded text without separators (for the fast pre-filter)."""
    return re.sub(r"[\W_]+", "", folded)


def _to_date(v: Any) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    s = str(v).strip()
    return date.fromisoformat(s[:10])


@dataclass(frozen=True)
class EmbargoEntry:
    """One line of embargo.jsonl."""

    term: str
    aliases: tuple[str, ...] = ()
    reason: str | None = None
    until: date | None = None  # holds through the end of this local day; None: until further notice

    def holds_on(self, day: date | None) -> bool:
        """True when the embargo holds on ``day`` (``None``: the day is unknown, so it holds)."""
        return self.until is None or day is None or day <= self.until

    @property
    def names(self) -> tuple[str, ...]:
        seen: list[str] = []
        for n in (self.term, *self.aliases):
            n = (n or "").strip()
            if n and n not in seen:
                seen.append(n)
        return tuple(seen)


@dataclass(frozen=True)
class Match:
    """One mention of an embargoed term in a text."""

    term: str  # the embargo's main term
    alias: str  # which name matched (the term itself or one of its aliases)
    start: int  # position in the original text
    end: int
    text: str  # the matched part of the original text, as written
    until: date | None
    reason: str | None
    entry: int  # index of the embargo entry


class EmbargoMatcher:
    """Finds embargoed terms in texts. Build once (``from_rows``), use for many texts."""

    def __init__(self, entries: Iterable[EmbargoEntry]):
        self.entries: list[EmbargoEntry] = list(entries)
        self._names: list[tuple[int, str]] = []  # (entry index, name) per regex group
        self._pats: list[re.Pattern] = []  # one expression per name, same order
        by_skeleton: dict[str, list[int]] = {}
        parts: list[str] = []
        # longest names first so that "Project Phoenix" wins over "Phoenix" at the same place
        order = sorted(
            ((i, n) for i, e in enumerate(self.entries) for n in e.names), key=lambda x: -len(x[1])
        )
        for i, name in order:
            pat = _term_pattern(name)
            if pat is None:
                continue
            k = len(self._names)
            parts.append(f"(?P<g{k}>{pat})")
            self._names.append((i, name))
            self._pats.append(re.compile(pat, re.IGNORECASE))
            by_skeleton.setdefault(_skeleton(fold(name).lower()), []).append(k)
        self._regex = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        self._skeletons = sorted(by_skeleton)
        self._by_skeleton = by_skeleton

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]] | Any) -> EmbargoMatcher:
        """Build from embargo rows: dicts with ``term``, ``aliases``, ``reason``, ``until`` (or a Polars frame)."""
        if hasattr(rows, "to_dicts"):
            rows = rows.to_dicts()
        entries = []
        for r in rows:
            term = (
                (r.get("term") or "").strip() if isinstance(r.get("term"), str) else str(r.get("term") or "")
            )
            aliases = r.get("aliases") or ()
            if isinstance(aliases, str):
                aliases = [a for a in aliases.split(";")]
            aliases = tuple(str(a).strip() for a in aliases if a is not None and str(a).strip())
            if not term and not aliases:
                continue
            entries.append(
                EmbargoEntry(term or aliases[0], aliases, r.get("reason"), _to_date(r.get("until")))
            )
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    # ------------------------------------------------------------------ one text
    def find(self, text: str | None, on_date: date | datetime | str | None = None) -> list[Match]:
        """Mentions of embargoed terms in ``text`` whose embargo holds on ``on_date``.

        ``on_date`` is the local day the text is (or would be) published; ``None`` checks every embargo
        whatever its end date (what a composer wants for a draft without a date).
        """
        if not text or self._regex is None:
            return []
        return self._find_folded(text, fold(text), _to_date(on_date))

    def _find_folded(self, text: str, folded: str, day: date | None) -> list[Match]:
        assert self._regex is not None
        out: list[Match] = []
        pos = 0
        while True:
            m = self._regex.search(folded, pos)
            if m is None:
                break
            g = m.lastgroup
            idx = int(g[1:]) if g else 0
            entry_i, name = self._names[idx]
            e = self.entries[entry_i]
            start, end = m.span()
            if e.holds_on(day):
                out.append(Match(e.term, name, start, end, text[start:end], e.until, e.reason, entry_i))
            pos = end if end > start else start + 1
        # the same entry can also hide behind a shorter alias elsewhere; keep every mention, one per place
        return out

    # ------------------------------------------------------------------ many texts
    def find_many(
        self, texts: Sequence[str | None], dates: Sequence[date | None] | None = None
    ) -> list[tuple[int, list[Match]]]:
        """Mentions in many texts: ``[(index of the text, its matches), …]`` for texts with at least one.

        Vectorised: texts are folded at once, an Aho-Corasick pass over their letters (separators removed)
        finds which names may occur where, and only those names' expressions run, on those texts.
        """
        if self._regex is None or not texts:
            return []
        folded = fold_many(texts)
        out: list[tuple[int, list[Match]]] = []
        for i, names in self._candidates(folded):
            day = _to_date(dates[i]) if dates is not None else None
            text = texts[i] or ""
            found: list[Match] = []
            for k in names:
                entry_i, name = self._names[k]
                e = self.entries[entry_i]
                if not e.holds_on(day):
                    continue
                for m in self._pats[k].finditer(folded[i]):
                    a, b = m.span()
                    found.append(Match(e.term, name, a, b, text[a:b], e.until, e.reason, entry_i))
            if found:
                out.append((i, _no_overlaps(found)))
        return out

    def _candidates(self, folded: list[str]) -> list[tuple[int, list[int]]]:
        """(text index, name indices whose letters occur in it), names longest first."""
        import polars as pl

        sk = pl.Series("t", folded, dtype=pl.String).str.to_lowercase().str.replace_all(r"[\W_]+", "")
        hits = sk.str.extract_many(self._skeletons, overlapping=True)
        idx = np.flatnonzero((hits.list.len().fill_null(0) > 0).to_numpy())
        out = []
        for i, found in zip(idx.tolist(), hits.gather(idx).to_list(), strict=True):
            names = sorted({k for s in found for k in self._by_skeleton.get(s, ())})
            out.append((i, names))
        return out


def _no_overlaps(found: list[Match]) -> list[Match]:
    """Mentions in text order; where two overlap, the longer (then the earlier-listed) one is kept."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def snippet(text: str, start: int, end: int, width: int = 24) -> str:
    """A short quote around ``text[start:end]`` for messages (one line, with ellipses)."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    s = " ".join(text[a:b].split())
    return ("…" if a > 0 else "") + s + ("…" if b < len(text) else "")
