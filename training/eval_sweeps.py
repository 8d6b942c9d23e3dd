"""Agreement of ``classify_texts`` with the independent sweeps: labelled everyday customer messages, brand replies
and employee posts that helper testers wrote without seeing our code, tests or data (docs/models.md, "sweeps").

    .venv/bin/python training/eval_sweeps.py [training/sweeps/sweep13.jsonl ...] [--errors FIELD]

Each line of a sweep file: ``id``, ``kind`` (inbound / reply / post), ``lang`` (en / zh), ``text`` and the labels
of its kind (complaint, help_request, abusive, sentiment; reply: apology, fix_intent, argumentative,
offers_private; post: negative_about_company). Prints the share of items where each field agrees, per kind and
language; ``--errors FIELD`` also lists the disagreements on that field. Sweeps 6-14 were used to tune the cue
layer after they were measured, and since 27 Nov (afternoon) they also train the reply columns, the sentiment column
and the two post columns (``smguard.text.train.TRAIN_SWEEPS``), as does sweep 15 (used for the cues only by the
English story rule of help_request, 27 Nov evening); sweeps 18, 25 and 26 (240 / 300 / 300 posts) train only the two
post columns (``POST_SWEEPS``); sweeps 16, 17 and 22 (330 everyday items each) and 19-21 and 24 (240 posts each) are
held out, never trained on (the posts of 16, 17, 19 and 20 helped choose the post gate's thresholds; sweeps 21 and 22
were written after that choice; the posts of 16-23 helped choose the own-company rule of the second post round, and
sweep 24 was written after it: docs/models.md "Employee posts"); sweep 23 (330 everyday items) was measured, then
tuned on.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from smguard.text import classify_texts
from smguard.text.train import read_jsonl

FIELDS = {
    "inbound": ("complaint", "help_request", "abusive", "sentiment"),
    "reply": ("apology", "fix_intent", "argumentative", "offers_private", "abusive", "sentiment"),
    "post": ("negative_about_company", "complaint", "abusive", "sentiment"),
}
HERE = Path(__file__).resolve().parent


def agreement(items: list[dict], show: str | None = None) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(kind, field, lang) -> (agreeing items, items)."""
    tally: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for kind, fields in FIELDS.items():
        sub = [it for it in items if it["kind"] == kind]
        if not sub:
            continue
        out = classify_texts([it["text"] for it in sub], kind=kind)
        for i, it in enumerate(sub):
            for f in fields:
                pred = str(out[f][i]) if f == "sentiment" else bool(out[f][i])
                ok = pred == it[f]
                t = tally[(kind, f, it["lang"])]
                t[0] += ok
                t[1] += 1
                if show == f and not ok:
                    print(f"{kind} {it['lang']} gold={it[f]} pred={pred} | {it['text']}")
    return {k: (v[0], v[1]) for k, v in tally.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=sorted((HERE / "sweeps").glob("sweep*.jsonl")))
    ap.add_argument("--errors", metavar="FIELD", help="list the disagreements on this field")
    a = ap.parse_args(argv)
    for path in a.files:
        items = read_jsonl(path)
        print(f"# {path.name} ({len(items)} items): agreement en / zh")
        res = agreement(items, a.errors)
        for (kind, f, lang), (ok, n) in sorted(res.items()):
            if lang != "en":
                continue
            zok, zn = res.get((kind, f, "zh"), (0, 0))
            zh = f"{zok / zn:4.0%}" if zn else "  - "
            print(f"  {kind:8s} {f:24s} {ok / n:4.0%} / {zh}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
