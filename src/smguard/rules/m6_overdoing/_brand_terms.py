"""Brand and product terms of a data set, and a vectorised "does this text mention any of them" test.

Used by SM604 (brand likes on posts that mention neither the brand nor its products). Terms come from:
the data set's `name` in dataset.toml (whole, and its distinctive words), the brand accounts' handles, the
embargo terms and aliases (those are the brand's products, announced or not), and the `brand_terms` option.
Texts and terms are folded the same way: NFKC (full-width → half-width), lower case, and spaces, `@`, `#`,
`_`, `-`, `.` and `·` removed, so "@Acme_Coffee", "ＡＣＭＥ coffee" and "#acmecoffee" all match "Acme Coffee".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import polars as pl

from smguard.rules.context import AuditContext

_STRIP = r"[\s@＠#＃_\-\.·・'’]"
# Generic words of company names: alone they are not the brand ("Acme Coffee" → "acme", not "coffee").
GENERIC_WORDS = {
    "the", "and", "of", "co", "inc", "ltd", "llc", "gmbh", "company", "corp", "corporation", "group", "official",
    "store", "shop", "shops", "studio", "cafe", "coffee", "tea", "bakery", "restaurant", "bar", "kitchen",
    "foods", "food", "brand", "brands", "global", "china", "cn", "us", "uk", "app", "online", "team", "hq",
    "social", "media", "tech", "technology", "labs", "lab", "design", "home", "beauty", "fashion", "sports",
}
# Generic endings of Chinese company and account names: "阿克米咖啡官方旗舰店" → also "阿克米".
ZH_SUFFIXES = ("有限责任公司", "有限公司", "股份公司", "官方旗舰店", "旗舰店", "官方微博", "官方账号", "官方号", "官方",
               "公司", "集团", "科技", "咖啡馆", "咖啡", "茶饮", "奶茶", "餐饮", "门店", "店", "中国")
HANDLE_SUFFIXES = ("official", "offical", "_cn", "cn", "_hq", "hq", "_global", "global", "app", "_us", "_uk")
MIN_TERM_CHARS = 3  # a folded Latin term shorter than this matches too much by accident
MIN_TERM_CHARS_CJK = 2


def fold(text: str) -> str:
    return re.sub(_STRIP, "", unicodedata.normalize("NFKC", text or "").lower())


def fold_expr(col: pl.Expr) -> pl.Expr:
    return col.fill_null("").str.normalize("NFKC").str.to_lowercase().str.replace_all(_STRIP, "")


def _has_cjk(s: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in s)


def _ok(term: str) -> bool:
    return len(term) >= (MIN_TERM_CHARS_CJK if _has_cjk(term) else MIN_TERM_CHARS)


def _name_terms(name: str) -> set[str]:
    out = {fold(name)}
    words = [w for w in re.split(r"[\s_\-\.·,/&|()（）]+", unicodedata.normalize("NFKC", name).lower()) if w]
    for w in words:
        if w not in GENERIC_WORDS and not w.isdigit():
            out.add(fold(w))
    for t in list(out):
        for suf in ZH_SUFFIXES:
            if t.endswith(suf) and len(t) > len(suf):
                out.add(t[: -len(suf)])
    return out


def _handle_terms(handle: str) -> set[str]:
    h = unicodedata.normalize("NFKC", handle or "").strip().lstrip("@").lower()
    out = _name_terms(h)
    for suf in HANDLE_SUFFIXES:
        if h.endswith(suf) and len(h) > len(suf) + 2:
            out.add(fold(h[: -len(suf)]))
    for t in list(out):
        for suf in ZH_SUFFIXES:
            if t.endswith(suf) and len(t) > len(suf):
                out.add(t[: -len(suf)])
    return out


def brand_terms(ctx: AuditContext, extra: Iterable[str] = ()) -> list[str]:
    """Folded brand and product terms, longest first."""
    ds = ctx.dataset
    terms: set[str] = set()
    # The name counts only when dataset.toml gave it: a folder name is no brand.
    if ds.name and not (ds.path is not None and ds.name == ds.path.name):
        terms |= _name_terms(ds.name)
    for h in ctx.brand_accounts["handle"].drop_nulls().to_list():
        terms |= _handle_terms(h)
    if ds.has("embargo"):
        emb = ds.tables["embargo"]
        terms |= {fold(t) for t in emb["term"].drop_nulls().to_list()}
        terms |= {fold(t) for lst in emb["aliases"].to_list() for t in (lst or [])}
    terms |= {fold(t) for t in extra}
    return sorted((t for t in terms if t and _ok(t)), key=lambda t: (-len(t), t))


def mentions_any(df: pl.DataFrame, col: str, terms: list[str]) -> pl.Series:
    """True where the folded text contains any of the (already folded) terms. A fast case-insensitive pass on
    the raw text settles most rows; only the others are folded (NFKC, separators removed)."""
    if not terms or df.height == 0:
        return pl.Series(col, [False] * df.height, dtype=pl.Boolean)
    raw = df.select(pl.col(col).fill_null("").str.contains_any(terms, ascii_case_insensitive=True))[col]
    if raw.all():
        return raw
    rest = df.filter(~raw).select(fold_expr(pl.col(col)).str.contains_any(terms))[col]
    return raw.scatter((~raw).arg_true(), rest)
