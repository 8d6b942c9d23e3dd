"""Loading the shipped linear models (``smguard/text/models/heads.npz``). ``load()`` returns None if absent."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

MODEL_FILE = "models/heads.npz"


@lru_cache(maxsize=1)
def load():
    try:
        ref = resources.files("smguard.text").joinpath(MODEL_FILE)
        if not ref.is_file():
            return None
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    from smguard.text.linear import LinearClassifier

    with resources.as_file(ref) as path:
        return LinearClassifier.from_file(path)
