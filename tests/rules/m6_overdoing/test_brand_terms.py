"""Brand terms and the brand-vocabulary test behind SM604."""

from __future__ import annotations

import polars as pl

from smguard.rules.context import AuditContext
from smguard.rules.m6_overdoing._brand_terms import (
    _handle_terms,
    brand_terms,
    fold,
    mentions_any,
    name_terms,
    phrases,
)
from smguard.testing import make_dataset

ACC = [
    {"id": "wb", "platform": "weibo", "handle": "@Acme_Coffee", "owner": "brand"},
    {"id": "dy", "platform": "douyin", "handle": "晨光咖啡官方", "owner": "brand"},
]


def test_fold_ignores_case_width_and_separators():
    assert fold("ＡＣＭＥ　Coffee") == fold("@acme_coffee") == fold("#AcmeCoffee") == "acmecoffee"


def test_name_terms_drop_generic_words_and_chinese_suffixes():
    terms = name_terms("Acme Coffee / 晨光咖啡")
    assert "acme" in terms and "coffee" not in terms and "晨光" in terms
    assert "晨光" in _handle_terms("晨光咖啡官方")


def test_brand_terms_skip_folder_name(tmp_path):
    ds = make_dataset(tmp_path / "myfolder", {"accounts": ACC})
    terms = brand_terms(AuditContext(ds))
    assert "myfolder" not in terms and "acmecoffee" in terms and "acme" in terms


def test_mentions_any_fast_path_and_folded_path():
    df = pl.DataFrame({"t": ["I love ACME", "Ａｃｍｅ　latte", "#acme_coffee", "a sunset", None]})
    got = mentions_any(df, "t", ["acmecoffee", "acme"]).to_list()
    assert got == [True, True, True, False, False]


def test_embargo_terms_and_policy_terms_count(tmp_path):
    ds = make_dataset(
        tmp_path / "ds",
        {
            "accounts": ACC,
            "embargo": [
                {
                    "term": "Maple Oat Latte",
                    "aliases": ["枫糖燕麦拿铁", "Project Maple"],
                    "until": "2026-12-01",
                }
            ],
        },
        {"name": "Acme Coffee"},
    )
    terms = brand_terms(AuditContext(ds), ["Oat Dream"])
    for t in ("mapleoatlatte", "枫糖燕麦拿铁", "projectmaple", "oatdream"):
        assert t in terms


def test_product_names_with_one_common_character_are_brand_phrases():
    """小小探路者 (a bike) has 小 in every 4-character window; one such character does not make a phrase
    ordinary, two do (今天天气), and a particle does at once (我的新车)."""
    got = phrases(pl.Series(["小小探路者新配色到店", "今天天气真好", "我的新车"]))
    by_text = {i: set(g["g"].to_list()) for (i,), g in got.group_by("i")}
    assert "小探路者" in by_text[0] and "小小探路" not in by_text[0]
    assert 1 not in by_text and 2 not in by_text


def test_a_bare_model_code_is_a_brand_phrase_however_it_is_written():
    """Fans name a product by its model code alone: "RS-X3", full-width "ＲＳ－Ｘ３", "rs x3" are one phrase."""
    got = phrases(pl.Series(["新品RS-X3到货", "ＲＳ－Ｘ３ 真香", "the rs x3 in blue", "no code here"]))
    by_text = {i: set(g["g"].to_list()) for (i,), g in got.group_by("i")}
    assert all("rsx3" in by_text[i] for i in (0, 1, 2))
    assert "rsx3" not in by_text.get(3, set())


def test_traditional_chinese_brand_name_matches():
    df = pl.DataFrame({"t": ["銳聲的耳機真心好用", "别家的耳机"]})
    assert mentions_any(df, "t", ["锐声"]).to_list() == [True, False]
