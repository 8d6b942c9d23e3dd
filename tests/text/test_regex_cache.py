"""The cue layer's regular expressions must fit Polars' regex cache (32 compiled patterns in Polars 2.1): an
inbound batch that needed more (41 before FEW_LITERALS) compiled every one of them again for each batch of
10,000 texts, about 15% of the inbound time. A structural check, not a timing: it counts distinct patterns."""

from __future__ import annotations

import json
from pathlib import Path

from smguard.text import classify_texts, patterns

POLARS_REGEX_CACHE = 32
OWN_INBOUND = [
    Path(__file__).resolve().parents[2] / "training" / f"inbound_{lang}.jsonl" for lang in ("en", "zh")
]


def test_an_inbound_batch_fits_the_polars_regex_cache(monkeypatch):
    texts = [
        json.loads(line)["text"] for f in OWN_INBOUND for line in f.read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) > 1000
    seen: list[str] = []
    contains = patterns._contains

    def spy(s, pattern):
        seen.extend(patterns.regexes(pattern))
        return contains(s, pattern)

    monkeypatch.setattr(patterns, "_contains", spy)
    classify_texts(texts, kind="inbound")
    assert len(seen) > 15  # the scans ran
    assert len(set(seen)) <= POLARS_REGEX_CACHE - 4, sorted(set(seen), key=len)[:5]  # some room to grow
