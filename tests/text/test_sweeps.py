"""The independent sweeps kept in training/sweeps (docs/models.md, "sweeps"): well-formed; sweeps 6-15 train some
columns and the posts of sweeps 18, 25 and 26 only the two post columns, sweeps 16, 17, 19-22 and 24 stay out of the
training data; and the held-out sweeps are read by the shipped models about as well as measured (docs/models.md)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

from smguard.text.train import HELD_OUT_SWEEPS, POST_SWEEPS, TRAIN_SWEEPS, load_own, read_jsonl, read_sweep

TRAINING = Path(__file__).resolve().parents[2] / "training"
SWEEPS = sorted((TRAINING / "sweeps").glob("sweep*.jsonl"))


def _eval_sweeps():
    spec = importlib.util.spec_from_file_location("eval_sweeps", TRAINING / "eval_sweeps.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sweep(n: int) -> list[dict]:
    return read_sweep(TRAINING / "sweeps", n)


@cache
def _agreement(n: int) -> dict:
    """Agreement of the shipped models with sweep ``n`` (classified once for every test that reads it)."""
    return _eval_sweeps().agreement(_sweep(n))


def test_twenty_one_sweeps_are_kept():
    assert [p.stem for p in SWEEPS] == [f"sweep{i:02d}" for i in range(6, 27)]


def test_only_the_training_sweeps_train():
    trained = {r["text"] for r in load_own(TRAINING)["sweeps"]["records"]}
    assert list(TRAIN_SWEEPS) == list(range(6, 16))
    assert POST_SWEEPS == (18, 25, 26) and HELD_OUT_SWEEPS == (16, 17, 19, 20, 21, 22, 24)
    held = {it["text"] for n in HELD_OUT_SWEEPS for it in _sweep(n)}
    assert not held & trained
    for n in (15, *POST_SWEEPS):
        assert {it["text"] for it in _sweep(n)} - held <= trained, n
    # sweep 23 (measured, then tuned on) trains nothing of its own, only the few short lines that training sweeps share
    s23 = {it["text"] for it in _sweep(23)}
    shared = {it["text"] for n in (*TRAIN_SWEEPS, *POST_SWEEPS) for it in _sweep(n)} & s23 - held
    assert s23 & trained == shared and len(shared) < 10


@pytest.mark.parametrize("n,size", [(18, 240), (25, 300), (26, 300)])
def test_post_sweeps_train_only_the_post_columns(n, size):
    """The posts of sweeps 18, 25 and 26 teach about-own-company (negative about the company: yes; negative but not
    about it: no; a calm post not negative about it: no label) and post_negative, never sentiment, so inbound heads
    cannot move."""
    gold = {it["text"]: it for it in _sweep(n)}
    trained = load_own(TRAINING)["sweeps"]["records"]
    recs = [r for r in trained if r["text"] in gold]
    assert len(recs) == len(gold) == size
    for r in recs:
        it = gold[r["text"]]
        assert set(r["labels"]) <= {"post_negative", "about_company"}
        assert r["labels"]["post_negative"] == (it["sentiment"] == "negative")
        if it["negative_about_company"]:
            assert r["labels"]["about_company"] == 1
        elif it["sentiment"] == "negative":
            assert r["labels"]["about_company"] == 0
        else:
            assert "about_company" not in r["labels"]
    # a post of a training sweep also teaches its sentiment
    post6 = next(r for r in trained if r["kind"] == "post")
    assert "sentiment" in post6["labels"]


@pytest.mark.parametrize("path", SWEEPS, ids=lambda p: p.stem)
def test_each_item_has_the_labels_of_its_kind(path):
    fields = _eval_sweeps().FIELDS
    items = read_jsonl(path)
    assert len(items) >= 240  # 330 everyday items, or 240-300 posts (sweeps 18-21, 24-26)
    assert len({it["id"] for it in items}) == len(items)
    for it in items:
        assert it["lang"] in ("en", "zh")
        for f in fields[it["kind"]]:
            assert f in it, (path.name, it["id"], f)


def _floors(res: dict, floors: dict[tuple[str, str], float]) -> None:
    """Every (kind, field) of ``floors`` agrees at least that often, in both languages."""
    for (kind, field), floor in floors.items():
        for lang in ("en", "zh"):
            ok, n = res[(kind, field, lang)]
            assert ok / n >= floor, (kind, field, lang, ok, n)


def test_the_held_out_sweeps_are_read_as_measured():
    """Floors a little under the measures of docs/models.md: the ordinary messages of sweeps 16 and 22 (22 written
    after every change it measures) and the anecdotal ones of sweep 17 (their requests and complaints are told
    without the usual words)."""
    inbound = ("complaint", "help_request", "abusive")
    _floors(_agreement(16), {("inbound", f): 0.85 for f in inbound})
    _floors(
        _agreement(22),
        {
            ("inbound", "complaint"): 0.8,
            ("inbound", "help_request"): 0.85,
            ("inbound", "abusive"): 0.95,
            ("reply", "apology"): 0.95,
            ("reply", "fix_intent"): 0.85,
            ("reply", "argumentative"): 0.9,
            ("reply", "offers_private"): 0.9,
        },
    )
    _floors(
        _agreement(17),
        {
            ("inbound", "complaint"): 0.7,
            ("inbound", "abusive"): 0.9,
            ("reply", "apology"): 0.95,
            ("reply", "offers_private"): 0.9,
        },
    )


def test_the_held_out_posts_are_read_as_measured():
    """negative_about_company on the held-out posts, floors a little under docs/models.md ("Employee posts", second
    round), en / zh: 83 / 91 % on sweep 16, 77 / 77 % on 17, 82 / 78 % on 19, 72 / 81 % on 20, 82 / 81 % on 21,
    97 / 89 % on 22 and 68 / 72 % on 24 (written after every change it measures; 62 / 67 % for the models and cues
    of the session before)."""
    for n, floor in ((16, 0.75), (17, 0.7), (19, 0.7), (20, 0.65), (21, 0.75), (22, 0.8), (24, 0.6)):
        _floors(_agreement(n), {("post", "negative_about_company"): floor})


def _attack_flags(recs: list[dict]) -> dict[str, list[bool]]:
    """Per language (en, zh): which of these posts the shipped model calls negative about the company."""
    from smguard.text import classify_texts

    out = classify_texts([r["text"] for r in recs], kind="post")
    pairs = list(zip(out["negative_about_company"], recs, strict=True))
    return {lang: [bool(f) for f, r in pairs if r["lang"] == lang] for lang in ("en", "zh")}


def test_remarks_about_work_in_general_are_not_attacks():
    """The held-apart part of training/posts_general.jsonl (remarks about work, careers and companies in general):
    the shipped model flags at most a few (2 / 4 % en / zh; the train-split model, which never saw them, 16 / 8 %:
    docs/models.md, "Employee posts")."""
    recs = [r for r in read_jsonl(TRAINING / "posts_general.jsonl") if r["split"] == "val"]
    for lang, flags in _attack_flags(recs).items():
        assert len(flags) == 50 and sum(flags) <= 6, (lang, sum(flags))


def test_a_fresh_set_of_remarks_about_work_in_general_is_rarely_an_attack():
    """training/heldout/posts_general_2.jsonl: 200 remarks about work, careers, layoffs elsewhere and other businesses
    (none about the writer's employer), written by a helper tester after the models and cues they measure and read
    by nothing in training (`load_own` reads only training/*.jsonl). docs/models.md, "Employee posts": 7 / 13 %
    flagged (en / zh)."""
    recs = read_jsonl(TRAINING / "heldout" / "posts_general_2.jsonl")
    trained = {r["text"] for recs_ in load_own(TRAINING).values() for r in recs_["records"]}
    assert not {r["text"] for r in recs} & trained
    most = {"en": 10, "zh": 16}
    for lang, flags in _attack_flags(recs).items():
        assert len(flags) == 100 and sum(flags) <= most[lang], (lang, sum(flags))
