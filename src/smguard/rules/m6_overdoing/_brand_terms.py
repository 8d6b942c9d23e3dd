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
from functools import lru_cache

import polars as pl

from smguard.rules.context import AuditContext

_STRIP = r"[\s@＠#＃_\-\.·・'’]"
# Generic words of company names: alone they are not the brand ("Acme Coffee" → "acme", not "coffee").
GENERIC_WORDS = {
    "the",
    "and",
    "of",
    "co",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "company",
    "corp",
    "corporation",
    "group",
    "official",
    "store",
    "shop",
    "shops",
    "studio",
    "cafe",
    "coffee",
    "tea",
    "bakery",
    "restaurant",
    "bar",
    "kitchen",
    "foods",
    "food",
    "brand",
    "brands",
    "global",
    "china",
    "cn",
    "us",
    "uk",
    "app",
    "online",
    "team",
    "hq",
    "social",
    "media",
    "tech",
    "technology",
    "labs",
    "lab",
    "design",
    "home",
    "beauty",
    "fashion",
    "sports",
}
# Generic endings of Chinese company and account names: "阿克米咖啡官方旗舰店" → also "阿克米".
ZH_SUFFIXES = (
    "服务号",
    "订阅号",
    "公众号",
    "视频号",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "官方旗舰店",
    "旗舰店",
    "官方微博",
    "官方账号",
    "官方号",
    "官方",
    "公司",
    "集团",
    "科技",
    "咖啡馆",
    "咖啡",
    "茶饮",
    "奶茶",
    "餐饮",
    "门店",
    "店",
    "中国",
)
HANDLE_SUFFIXES = (
    "official",
    "offical",
    "_cn",
    "cn",
    "_hq",
    "hq",
    "_global",
    "global",
    "app",
    "_us",
    "_uk",
    "tv",
    "live",
    "shop",
    "store",
    "news",
    "team",
    "co",
    "inc",
)
MIN_TERM_CHARS = 3  # a folded Latin term shorter than this matches too much by accident
MIN_TERM_CHARS_CJK = 2


@lru_cache(maxsize=1)
def _t2s() -> dict[int, int]:
    """Traditional → simplified Chinese characters (the text models' table): "銳聲" names the brand "锐声" too."""
    from smguard.text.normalize import t2s_pairs

    return t2s_pairs()


def fold(text: str) -> str:
    return re.sub(_STRIP, "", unicodedata.normalize("NFKC", text or "").lower().translate(_t2s()))


def fold_expr(col: pl.Expr) -> pl.Expr:
    t2s = _t2s()
    base = col.fill_null("").str.normalize("NFKC").str.to_lowercase().str.replace_all(_STRIP, "")
    return base.str.replace_many([chr(k) for k in t2s], [chr(v) for v in t2s.values()])


def _has_cjk(s: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in s)


def _ok(term: str) -> bool:
    return len(term) >= (MIN_TERM_CHARS_CJK if _has_cjk(term) else MIN_TERM_CHARS)


def _strip_zh(terms: set[str]) -> set[str]:
    """Add each term without generic Chinese endings, repeatedly ("晨光咖啡服务号" → "晨光咖啡" → "晨光")."""
    out, todo = set(terms), list(terms)
    while todo:
        t = todo.pop()
        for suf in ZH_SUFFIXES:
            if t.endswith(suf) and len(t) > len(suf) and t[: -len(suf)] not in out:
                out.add(t[: -len(suf)])
                todo.append(t[: -len(suf)])
    return out


def name_terms(name: str) -> set[str]:
    """The whole name, and the distinctive part of each of its names: a bilingual name ("Acme Coffee 阿克米咖啡")
    is a Latin name and a Chinese one. A part with one distinctive word gives that word ("Acme Coffee" →
    "acme"); a part with several gives each pair of neighbouring distinctive words ("Velo Lane Cycles" →
    "velolane", "lanecycles"), never a single one of them: "lane" or "cycles" alone is an everyday word
    ("the new bike lane"), not the brand."""
    out = {fold(name)}
    words = [w for w in re.split(r"[\s_\-\.·,/&|()（）]+", unicodedata.normalize("NFKC", name).lower()) if w]
    # split mixed-script words ("骑行巷velolane") and group the words by script
    pieces: list[str] = []
    for w in words:
        pieces += [x for x in re.findall(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+", w) if x]
    for cjk in (True, False):
        part = [w for w in pieces if _has_cjk(w) == cjk]
        distinct = [w for w in part if w not in GENERIC_WORDS and not w.isdigit()]
        if not part:
            continue
        out.add(fold("".join(part)))
        if len(distinct) == 1:
            out.add(fold(distinct[0]))
        else:
            out |= {fold(a + b) for a, b in zip(distinct, distinct[1:], strict=False)}
    return _strip_zh(out)


def _handle_terms(handle: str) -> set[str]:
    h = unicodedata.normalize("NFKC", handle or "").strip().lstrip("@").lower()
    out = name_terms(h)
    for suf in HANDLE_SUFFIXES:
        if h.endswith(suf) and len(h) > len(suf) + 2:
            out.add(fold(h[: -len(suf)]))
    return _strip_zh(out)


def brand_terms(ctx: AuditContext, extra: Iterable[str] = ()) -> list[str]:
    """Folded brand and product terms, longest first."""
    ds = ctx.dataset
    terms: set[str] = set()
    # The name counts only when dataset.toml gave it: a folder name is no brand.
    if ds.name and not (ds.path is not None and ds.name == ds.path.name):
        terms |= name_terms(ds.name)
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


# --------------------------------------------------------------------------- the brand's own vocabulary
# Fans often name a product or a store without the brand ("the osmanthus latte at Sanlitun was great",
# "在南山科技园店遇到了超可爱的咖啡师"). Such a post *does* mention the brand's products, so a like on it is fine.
# The brand's own posts are the best catalogue of those names: a liked text that shares a distinctive phrase
# with at least two brand posts counts as mentioning the brand. Distinctive phrases are
#   * four consecutive Han characters with no particle or pronoun (的, 了, 我 …) and at most one common
#     content character (大, 小, 今, 天 …), and
#   * two consecutive Latin words, neither a stop word, each at least 3 letters ("osmanthus latte", "cold brew"),
#     or a word and a model code, the way products are named ("Gravel X2", "Ridgeline 29", "Trailhead Jr"),
#   * two Han characters followed by a model code ("碎石X2", "都市折叠20" → "折叠20", "城市通勤3代" → "通勤3"),
#   * a model code on its own ("RS-X3", "ＲＳ－Ｘ３" → "rsx3").

# Characters that make a 4-character run an ordinary phrase rather than a name. Particles and pronouns rule a
# run out at once; the common content characters only when two are in it: product names often carry one
# ("小小探路者" → 小探路者, "大疆", "小米"), everyday phrases two or more ("今天天气", "小小的人").
_FUNCTION_HAN = set("的了是在我你他她它们这那就都也还很吗呢吧啊哦呀和与或个")
_COMMON_HAN = set("有今天明昨要会能去来到说看一不人大小好上下")
_STOP_EN = {
    "the",
    "and",
    "for",
    "with",
    "this",
    "that",
    "you",
    "your",
    "our",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "just",
    "new",
    "now",
    "today",
    "tonight",
    "tomorrow",
    "day",
    "week",
    "weekend",
    "time",
    "get",
    "got",
    "all",
    "any",
    "not",
    "but",
    "can",
    "will",
    "out",
    "one",
    "two",
    "from",
    "what",
    "who",
    "how",
    "why",
    "when",
    "where",
    "its",
    "it's",
    "i'm",
    "my",
    "me",
    "we",
    "they",
    "them",
    "their",
    "his",
    "her",
    "she",
    "him",
    "too",
    "very",
    "really",
    "so",
    "more",
    "most",
    "some",
    "about",
    "into",
    "over",
    "after",
    "before",
    "again",
    "here",
    "there",
    "best",
    "good",
    "great",
    "love",
    "like",
    "first",
    "last",
    "next",
    "every",
    "check",
    "finally",
    "anyone",
    "watching",
    "keep",
    "going",
    "make",
    "made",
    "let",
    "lets",
    "let's",
    "please",
    "thanks",
    "thank",
    "off",
}
# two-letter words that are not a model suffix
_STOP_EN2 = {
    "an",
    "am",
    "as",
    "at",
    "be",
    "by",
    "do",
    "go",
    "he",
    "hi",
    "if",
    "in",
    "is",
    "it",
    "me",
    "my",
    "no",
    "of",
    "oh",
    "ok",
    "on",
    "or",
    "so",
    "to",
    "up",
    "us",
    "we",
    "ya",
    "yo",
}
_RE_SPACED = r"[^\p{L}\p{N}]+"
MIN_BRAND_POSTS = 2  # a phrase in one brand post may be chance; in two it is the brand's vocabulary


def spaced_expr(col: pl.Expr) -> pl.Expr:
    return (
        " "
        + col.fill_null("").str.normalize("NFKC").str.to_lowercase().str.replace_all(_RE_SPACED, " ")
        + " "
    )


_FUNCTION_HAN_RE = "[" + "".join(sorted(_FUNCTION_HAN)) + "]"
_COMMON_HAN_RE = "[" + "".join(sorted(_COMMON_HAN)) + "]"
_ANY_HAN_RE = "[" + "".join(sorted(_FUNCTION_HAN | _COMMON_HAN)) + "]"


def phrases(texts: pl.Series) -> pl.DataFrame:
    """Distinctive phrases of each text, vectorised: columns ``i`` (position in ``texts``) and ``g`` (the
    phrase), one row per distinct (text, phrase)."""
    df = texts.to_frame("t").with_row_index("i").select("i", spaced_expr(pl.col("t")).alias("t"))
    han = (
        df.select("i", pl.col("t").str.extract_all(r"[\u3400-\u9fff]{4,}").alias("run"))
        .explode("run")
        .drop_nulls("run")
        .with_columns(pl.int_ranges(0, pl.col("run").str.len_chars() - 3).alias("off"))
        .explode("off")
        .select("i", pl.col("run").str.slice(pl.col("off"), 4).alias("g"))
        .filter(
            ~pl.col("g").str.contains(_FUNCTION_HAN_RE) & (pl.col("g").str.count_matches(_COMMON_HAN_RE) < 2)
        )
    )
    words = (
        df.select("i", pl.col("t").str.extract_all(r"[a-z0-9][a-z0-9'’]*").alias("w"))
        .with_columns(pl.col("w").list.slice(1).alias("n"))
        .with_columns(pl.col("w").list.head(pl.col("n").list.len()))
        .explode("w", "n")
        .drop_nulls("n")
    )

    def ok(c: str) -> pl.Expr:
        return pl.col(c).str.contains(r"^[a-z][a-z'’]{2,}$") & ~pl.col(c).is_in(list(_STOP_EN))

    # a model code after a product word: letters and a digit ("x2", "29", "3"), or a 2-letter suffix ("jr")
    code = (pl.col("n").str.contains(r"^[a-z]{0,3}[0-9]{1,4}[a-z]{0,2}$")) | (
        pl.col("n").str.contains(r"^[a-z]{2}$") & ~pl.col("n").is_in(list(_STOP_EN2))
    )
    latin = words.filter(ok("w") & (ok("n") | code)).select(
        "i", (" " + pl.col("w") + " " + pl.col("n") + " ").alias("g")
    )
    han_code = (
        df.select("i", pl.col("t").str.extract_all(r"[\u3400-\u9fff]{2}[a-z]{0,3}[0-9]{1,4}").alias("g"))
        .explode("g")
        .drop_nulls("g")
        .filter(~pl.col("g").str.slice(0, 2).str.contains(_ANY_HAN_RE))
    )
    # a model code on its own, letters and digits ("RS-X3", "ＲＳ－Ｘ３", "rs x3" → "rsx3"): a product name
    # in every language (3+ characters; it still has to be in two of the brand's own posts)
    model_code = (
        df.select(
            "i",
            pl.col("t")
            .str.extract_all(r"(?:^|[^a-z0-9])[a-z]{1,4} ?[a-z]{0,2}[0-9]{1,4}[a-z]{0,2}(?:[^a-z0-9]|$)")
            .alias("g"),
        )
        .explode("g")
        .drop_nulls("g")
        .select("i", pl.col("g").str.replace_all(r"[^a-z0-9]", ""))
        .filter(pl.col("g").str.len_chars() >= 3)
    )
    return pl.concat([han, latin, han_code, model_code]).unique()


def brand_vocabulary_hits(ctx: AuditContext, texts: pl.Series) -> pl.Series:
    """For each text, True when it shares a distinctive phrase with at least two of the brand's own posts."""
    n = texts.len()
    if n == 0:
        return pl.Series([], dtype=pl.Boolean)
    posts = ctx.brand_posts["text"]
    if posts.len() < MIN_BRAND_POSTS:
        return pl.Series([False] * n, dtype=pl.Boolean)
    mine = phrases(texts)
    if mine.height == 0:
        return pl.Series([False] * n, dtype=pl.Boolean)
    vocab = (
        phrases(posts)
        .join(mine.select("g").unique(), on="g", how="semi")
        .group_by("g")
        .agg(pl.len().alias("posts"))
        .filter(pl.col("posts") >= MIN_BRAND_POSTS)
    )
    hit = mine.join(vocab.select("g"), on="g", how="semi")["i"].unique()
    return pl.Series(range(n)).is_in(hit.implode()).alias("hit")
