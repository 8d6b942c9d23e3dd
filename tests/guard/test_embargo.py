"""The embargo matcher shared by SM203, the composer and ``smguard check post``."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from smguard.guard.embargo import EmbargoMatcher, fold, fold_many, snippet

ROWS = [
    {"term": "Phoenix", "aliases": ["凤凰", "PX-9", "鳳凰計劃"], "reason": "launch", "until": "2026-12-01"},
    {"term": "Project Nova", "aliases": ["新星计划"], "until": None},
    {"term": "Ion", "aliases": [], "until": None},
]
ON = date(2026, 11, 1)


@pytest.fixture(scope="module")
def matcher() -> EmbargoMatcher:
    return EmbargoMatcher.from_rows(ROWS)


@pytest.mark.parametrize(
    ("text", "term", "seen"),
    [
        ("Sneak peek: Phoenix is coming", "Phoenix", "Phoenix"),
        ("sneak peek: PHOENIX!", "Phoenix", "PHOENIX"),
        ("ＰＨＯＥＮＩＸ来了", "Phoenix", "ＰＨＯＥＮＩＸ"),  # full-width, Latin inside Chinese
        ("终于可以剧透一下凤凰了", "Phoenix", "凤凰"),
        ("終於可以劇透一下鳳凰了", "Phoenix", "鳳凰"),  # traditional Chinese
        ("凤 · 凰 就要发布", "Phoenix", "凤 · 凰"),  # spacing and punctuation inside a Chinese term
        ("P.h.o.e.n.i.x!", "Phoenix", "P.h.o.e.n.i.x"),
        ("P h o e n i x", "Phoenix", "P h o e n i x"),
        ("Phoe-nix", "Phoenix", "Phoe-nix"),
        ("phoe\u200bnix", "Phoenix", "phoe\u200bnix"),  # zero-width space
        ("#PhoenixLaunch", "Phoenix", "Phoenix"),  # camel-case hashtag
        ("#phoenixlaunch soon", "Phoenix", "phoenix"),  # the term at the start of a lower-case hashtag
        ("#ＰＨＯＥＮＩＸday", "Phoenix", "ＰＨＯＥＮＩＸ"),
        ("Phoenix2026", "Phoenix", "Phoenix"),
        ("px9 is real", "Phoenix", "px9"),
        ("PX 9 is real", "Phoenix", "PX 9"),
        ("Project-Nova kickoff", "Project Nova", "Project-Nova"),
        ("#projectnova", "Project Nova", "projectnova"),
        ("新 星 计 划", "Project Nova", "新 星 计 划"),
        ("鳳凰計劃", "Phoenix", "鳳凰計劃"),  # the longer alias wins over 凤凰
        ("the new ion battery", "Ion", "ion"),
        ("Ion's launch", "Ion", "Ion"),
    ],
)
def test_finds_variants(matcher, text, term, seen):
    found = matcher.find(text, ON)
    assert found, text
    assert found[0].term == term
    assert found[0].text == seen
    assert text[found[0].start : found[0].end] == seen


@pytest.mark.parametrize(
    "text",
    [
        "slow motion",
        "lions and onions",
        "i on the go",
        "champion",
        "phoenixes",
        "PHOENIXES",
        "Phoe nix",
        "bossa nova night",
        "x2000",
        "凤梨",
        "ions",
        "#ionic",
        "#champion",
        "#newphoenixes",
        "",
    ],
)
def test_no_false_alarms(matcher, text):
    assert matcher.find(text, ON) == []


def test_embargo_holds_through_until_day(matcher):
    assert matcher.find("Phoenix", date(2026, 12, 1))
    assert not matcher.find("Phoenix", date(2026, 12, 2))
    assert matcher.find("Project Nova", date(2030, 1, 1))  # no end date: holds until further notice
    assert matcher.find("Phoenix")  # no date: every embargo is checked (a composer's draft)


def test_find_many_agrees_with_find(matcher):
    texts = ["Phoenix soon", "nothing here", None, "新星计划 and P h o e n i x", "motion", "凤凰"]
    dates = [ON, ON, ON, ON, ON, date(2027, 1, 1)]
    many = dict(matcher.find_many(texts, dates))
    for i, t in enumerate(texts):
        assert [m.text for m in many.get(i, [])] == [m.text for m in matcher.find(t, dates[i])], t
    assert sorted(many) == [0, 3]


def test_from_polars_frame_and_strings():
    df = pl.DataFrame(
        {"term": ["Maple"], "aliases": [["枫叶计划"]], "reason": [None], "until": [date(2026, 11, 15)]}
    )
    m = EmbargoMatcher.from_rows(df)
    assert m.find("偷偷剧透：枫 叶 计 划", "2026-10-18")
    assert not m.find("枫叶计划", "2026-11-16")
    m2 = EmbargoMatcher.from_rows([{"term": "", "aliases": "A1;B2"}, {"term": None}])
    assert len(m2) == 1 and m2.find("b2 is here")


def test_empty_matcher():
    m = EmbargoMatcher.from_rows([])
    assert m.find("anything") == [] and m.find_many(["a", "b"]) == []


def test_fold_keeps_positions():
    s = "ＡＢＣ鳳凰\u200bx"
    assert len(fold(s)) == len(s)
    assert fold(s) == "ABC凤凰·x"
    assert fold_many([s, "", None]) == [fold(s), "", ""]


def test_snippet():
    text = "a" * 50 + "Phoenix" + "b" * 50
    s = snippet(text, 50, 57, width=5)
    assert s == "…aaaaaPhoenixbbbbb…"
