"""Text normalisation and language detection, vectorised over a whole batch.

All texts of a batch are joined into one string (separated by NUL), a handful of regular expressions run once
over that string (URLs, e-mail addresses, @mentions), and the rest happens on one numpy array of code points:

* full-width / half-width folding and other NFKC compatibility mappings (per character, via a lookup table),
* lower-casing, digits folded to ``0``, whitespace and control characters folded to one space,
* traditional Chinese folded to simplified (OpenCC's character table, shipped in ``data/t2s.txt``),
* whitespace runs collapsed.

Hashtags keep their text (``#tag`` and Weibo ``#话题#``; the ``#`` becomes a space). Emoji and Weibo emoticons
such as ``[怒]`` are kept as characters, so the models see them as n-grams.

Language detection counts script classes per text: ``zh`` (Han characters, no kana / hangul dominating),
``en`` (Latin letters, English function words not outnumbered by those of other Latin-script languages) or
``other``. Mixed texts go to the script that dominates (one Han character weighs as four Latin letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

MAX_CHARS = 2000  # longer texts are cut: the head of a message decides what it is
URL_TOKEN = "\ue000"
MENTION_TOKEN = "\ue001"
EMAIL_TOKEN = "\ue002"

_SEP = 0
# the local part of an address stays as words ("support", "help"); the domain becomes the e-mail token
_RE_URL = re.compile(r"www\.[^\s\x00]+")

LANGS = ("zh", "en", "other")

# Function words: English vs. other common Latin-script languages (es, fr, de, it, pt, nl, id).
_EN_WORDS = [
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "my",
    "your",
    "you",
    "i",
    "me",
    "we",
    "our",
    "it",
    "this",
    "that",
    "not",
    "no",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "should",
    "just",
    "so",
    "if",
    "from",
    "they",
    "he",
    "she",
    "his",
    "her",
    "them",
    "what",
    "why",
    "how",
    "when",
    "please",
    "thanks",
    "thank",
    "still",
    "get",
    "got",
    "im",
    "dont",
    "cant",
    "its",
    "there",
    "here",
    "all",
]
_OTHER_WORDS = [
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "que",
    "y",
    "en",
    "un",
    "una",
    "es",
    "por",
    "para",
    "con",
    "no",
    "se",
    "lo",
    "su",
    "al",
    "muy",
    "pero",
    "como",
    "mas",
    "le",
    "les",
    "des",
    "et",
    "est",
    "une",
    "pour",
    "pas",
    "dans",
    "qui",
    "sur",
    "au",
    "du",
    "ce",
    "je",
    "vous",
    "il",
    "ne",
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "ich",
    "sie",
    "mit",
    "den",
    "ein",
    "eine",
    "zu",
    "auf",
    "es",
    "sich",
    "dem",
    "il",
    "di",
    "che",
    "e",
    "non",
    "per",
    "una",
    "sono",
    "della",
    "gli",
    "con",
    "mi",
    "ti",
    "ho",
    "o",
    "os",
    "as",
    "um",
    "uma",
    "do",
    "da",
    "em",
    "não",
    "com",
    "para",
    "mais",
    "het",
    "een",
    "en",
    "van",
    "ik",
    "je",
    "niet",
    "dat",
    "op",
    "te",
    "zijn",
    "yang",
    "dan",
    "ini",
    "itu",
    "tidak",
    "ada",
    "saya",
    "dengan",
    "untuk",
]
_OTHER_WORDS = [w for w in _OTHER_WORDS if w not in set(_EN_WORDS)]


@lru_cache(maxsize=1)
def t2s_pairs() -> dict[int, int]:
    text = resources.files("smguard.text").joinpath("data/t2s.txt").read_text(encoding="utf-8")
    out: dict[int, int] = {}
    for line in text.splitlines():
        if len(line) == 2 and not line.startswith("#"):
            out[ord(line[0])] = ord(line[1])
    return out


@lru_cache(maxsize=1)
def fold_table() -> np.ndarray:
    """Lookup table over the Basic Multilingual Plane: code point -> folded code point."""
    table = np.arange(0x10000, dtype=np.uint32)
    t2s = t2s_pairs()
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF or cp in (0xE000, 0xE001, 0xE002):
            continue
        ch = chr(cp)
        if cp < 0x80:
            out = ch.lower()
        else:
            n = unicodedata.normalize("NFKC", ch)
            out = n.lower() if len(n) == 1 else ch.lower()
            if len(out) != 1:
                out = ch
        o = ord(out)
        o = t2s.get(o, o)
        cat = unicodedata.category(chr(o))
        if o == 0:
            pass
        elif chr(o).isspace() or cat in ("Cc", "Cf", "Zs", "Zl", "Zp") and o not in (0x200D,):
            o = 0x20
        elif ord("0") <= o <= ord("9"):
            o = ord("0")
        elif o == ord("#"):
            o = 0x20
        table[cp] = o
    table[0] = 0
    return table


@dataclass
class Batch:
    """A normalised batch: one code-point buffer plus where each text lives in it."""

    codes: np.ndarray  # uint32, folded code points, texts separated by 0
    doc: np.ndarray  # int32, text index of each position (separator positions hold the next text's index)
    n: int
    lang: np.ndarray  # object array of "zh" / "en" / "other"
    n_chars: np.ndarray  # int32 characters per text after normalisation
    words: tuple | None = None  # (start, end, text index, hash) of each ASCII word, see word_spans

    def text(self, i: int) -> str:
        """The normalised text ``i`` (for debugging and the lexicon fallback)."""
        seg = self.codes[self.doc == i]
        seg = seg[seg != _SEP]
        return seg.astype("<u4").tobytes().decode("utf-32-le", errors="replace")

    def texts(self) -> list[str]:
        s = self.codes.astype("<u4").tobytes().decode("utf-32-le", errors="replace")
        return s.split("\x00") if self.n else []


def _clean_one(t) -> str:
    t = t if isinstance(t, str) else ("" if t is None else str(t))
    return t if len(t) <= MAX_CHARS else t[:MAX_CHARS]


def _join(texts: Sequence[str]) -> str:
    clean = [t if type(t) is str and len(t) <= MAX_CHARS else _clean_one(t) for t in texts]
    s = "\x00".join(clean)
    if s.count("\x00") != max(len(clean) - 1, 0):
        s = "\x00".join(t.replace("\x00", " ") for t in clean)
    return s


# every pattern starts with a literal, which lets the regex engine skip ahead fast over the whole batch
_RE_HTTP = re.compile(r"https?://[^\s\x00]+")
_RE_EMAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}\b")
_RE_MENTION = re.compile(r"@[\w\-]+")


def _replace_specials(s: str) -> str:
    """URLs, e-mail domains and @mentions -> placeholder tokens (the local part of an address stays)."""
    if "http" in s:
        s = _RE_HTTP.sub(f" {URL_TOKEN} ", s)
    if "www." in s:
        s = _RE_URL.sub(f" {URL_TOKEN} ", s)
    if "＠" in s:
        s = s.replace("＠", "@")
    if "@" in s:
        s = _RE_EMAIL.sub(f" {EMAIL_TOKEN}", s)
        s = _RE_MENTION.sub(f" {MENTION_TOKEN} ", s)
    return s


def _canon_lang(v: str | None) -> str | None:
    if v is None:
        return None
    v = str(v).strip().lower()
    if not v:
        return None
    if v.startswith("zh") or v in ("cn", "chinese", "中文"):
        return "zh"
    if v.startswith("en") or v == "english":
        return "en"
    return "other"


def prepare(texts: Sequence[str], langs: Sequence[str | None] | None = None) -> Batch:
    """Normalise a batch of texts and detect their languages (``langs`` entries override detection)."""
    n = len(texts)
    if n == 0:
        return Batch(
            np.zeros(0, np.uint32), np.zeros(0, np.int32), 0, np.zeros(0, dtype=object), np.zeros(0, np.int32)
        )
    s = _join(texts)
    s = _replace_specials(s)
    raw = np.frombuffer(s.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    table = fold_table()
    if raw.size and raw.max() < 0x10000:
        codes = table[raw]
    else:
        codes = np.where(raw < 0x10000, table[np.minimum(raw, 0xFFFF)], raw).astype(np.uint32)
    if codes.size == 0:  # a batch of empty texts
        codes = np.zeros(n - 1, dtype=np.uint32)
    # collapse whitespace runs, drop spaces next to separators
    if len(codes):
        space = codes == 0x20
        sep = codes == _SEP
        after_gap = np.empty(len(codes), dtype=bool)  # previous char is a space or separator (or start)
        after_gap[0] = True
        np.logical_or(space[:-1], sep[:-1], out=after_gap[1:])
        before_sep = np.empty(len(codes), dtype=bool)
        before_sep[-1] = True
        before_sep[:-1] = sep[1:]
        drop = space & (after_gap | before_sep)
        if drop.any():
            codes = codes[~drop]
    sep = codes == _SEP
    doc = np.cumsum(sep, dtype=np.int32)
    bounds = np.empty(n + 1, dtype=np.int64)
    bounds[0] = -1
    bounds[1:n] = np.flatnonzero(sep)
    bounds[n] = len(codes)
    n_chars = (np.diff(bounds) - 1).astype(np.int32)
    cls = char_classes(codes)
    words = word_spans(codes, doc, cls)
    lang = detect_langs(codes, doc, n, cls, words)
    if langs is not None:
        for i, v in enumerate(langs):
            c = _canon_lang(v)
            if c is not None:
                lang[i] = c
    return Batch(codes, doc, n, lang, n_chars, words)


# character classes for language detection and word splitting
C_OTHER, C_HAN, C_KANA, C_HANGUL, C_LATIN, C_WORDX, C_ACCENT, C_SCRIPT = range(8)


@lru_cache(maxsize=1)
def class_table() -> np.ndarray:
    t = np.zeros(0x10000, dtype=np.uint8)
    t[0x4E00:0xA000] = C_HAN
    t[0x3400:0x4DC0] = C_HAN
    t[0xF900:0xFB00] = C_HAN
    t[0x3040:0x3100] = C_KANA
    t[0xAC00:0xD7B0] = C_HANGUL
    t[0x1100:0x1200] = C_HANGUL
    t[0x3130:0x3190] = C_HANGUL
    t[0x370:0x2000] = C_SCRIPT
    t[0x0E00:0x0E80] = C_SCRIPT
    t[0xC0:0x250] = C_ACCENT
    t[0xD7] = C_OTHER
    t[0xF7] = C_OTHER
    t[ord("a") : ord("z") + 1] = C_LATIN
    t[ord("0")] = C_WORDX
    t[ord("'")] = C_WORDX
    return t


def char_classes(codes: np.ndarray) -> np.ndarray:
    cls = class_table()[np.minimum(codes, 0xFFFF)]
    big = codes >= 0x20000
    if big.any():
        cls[big & (codes < 0x30000)] = C_HAN
    return cls


def detect_langs(
    codes: np.ndarray, doc: np.ndarray, n: int, cls: np.ndarray | None = None, words=None
) -> np.ndarray:
    if cls is None:
        cls = char_classes(codes)
    cnt = np.bincount(doc.astype(np.int64) * 8 + cls, minlength=n * 8).reshape(n, 8)
    n_han, n_kana, n_hangul = cnt[:, C_HAN], cnt[:, C_KANA], cnt[:, C_HANGUL]
    n_lat, n_acc, n_oth = cnt[:, C_LATIN], cnt[:, C_ACCENT], cnt[:, C_SCRIPT]
    en_w, other_w, n_words = _function_word_counts(codes, doc, n, words)
    lang = np.full(n, "other", dtype=object)
    latin_total = n_lat + n_acc
    is_zh = (n_han > 0) & (n_han * 4 >= latin_total) & (n_kana == 0) & (n_hangul < n_han)
    is_en = (~is_zh) & (n_lat >= 2) & (n_acc * 20 <= n_lat) & (n_oth * 2 < n_lat) & (n_kana == 0)
    # other-language function words must outnumber English ones and be a real share of the words
    is_en &= (n_hangul * 4 < n_lat) & ~((other_w >= en_w) & (other_w > 0) & (other_w * 20 >= n_words))
    lang[is_zh] = "zh"
    lang[is_en] = "en"
    return lang


_P = np.uint64(1000003)


_WORD_LUT = np.zeros(256, dtype=bool)


def word_spans(codes: np.ndarray, doc: np.ndarray, cls: np.ndarray | None = None):
    """Runs of ASCII letters/digits/apostrophes: (start, end, doc, hash) arrays."""
    c = codes
    if cls is None:
        cls = char_classes(codes)
    _WORD_LUT[C_LATIN] = _WORD_LUT[C_WORDX] = True
    pos = np.flatnonzero(_WORD_LUT[cls])
    if not len(pos):
        z = np.zeros(0, np.int64)
        return z, z, z.astype(np.int32), z.astype(np.uint64)
    brk = np.empty(len(pos), dtype=bool)
    brk[0] = True
    np.not_equal(np.diff(pos), 1, out=brk[1:])
    first = np.flatnonzero(brk)  # index into pos of each word's first character
    starts = pos[first]
    lens = np.diff(np.append(first, len(pos)))
    ends = starts + lens
    off = np.arange(len(pos)) - np.repeat(first, lens)  # position of each character inside its word
    vals = (c[pos].astype(np.uint64) + np.uint64(1)) * _powers()[off]
    hashes = np.add.reduceat(vals, first)
    hashes = hashes + lens.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return starts, ends, doc[starts], hashes.astype(np.uint64)


@lru_cache(maxsize=1)
def _powers() -> np.ndarray:
    p = np.ones(MAX_CHARS + 2, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(1, len(p)):
            p[i] = p[i - 1] * _P
    return p


def hash_word(word: str) -> int:
    """Hash of one normalised ASCII word, identical to the vectorised ``word_spans`` hash."""
    codes = np.frombuffer(word.encode("utf-32-le"), dtype=np.uint32)
    _, _, _, h = word_spans(codes, np.zeros(len(codes), np.int32))
    return int(h[0]) if len(h) else 0


def _fw_bucket(h: np.ndarray) -> np.ndarray:
    return ((h * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(44)).astype(np.int64)


@lru_cache(maxsize=1)
def _fw_table() -> np.ndarray:
    """Function-word lookup by the top 20 bits of the word hash: 1 = English, 2 = other language."""
    t = np.zeros(1 << 20, dtype=np.uint8)
    for w in _EN_WORDS:
        t[_fw_bucket(np.array([hash_word(w)], dtype=np.uint64))] = 1
    for w in _OTHER_WORDS:
        t[_fw_bucket(np.array([hash_word(w)], dtype=np.uint64))] = 2
    return t


def _function_word_counts(codes: np.ndarray, doc: np.ndarray, n: int, words=None):
    _, _, wdoc, h = words if words is not None else word_spans(codes, doc)
    kind = _fw_table()[_fw_bucket(h)]
    cnt = np.bincount(wdoc.astype(np.int64) * 3 + kind, minlength=n * 3).reshape(n, 3)
    return cnt[:, 1], cnt[:, 2], cnt.sum(axis=1)


def normalize_text(text: str) -> str:
    """Normalised form of one text (what the models see)."""
    return prepare([text]).text(0)


def detect_lang(text: str) -> str:
    return str(prepare([text]).lang[0])
