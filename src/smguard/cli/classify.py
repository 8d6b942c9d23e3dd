"""``smguard classify``: classify a JSONL file of texts (CONTRACT.md section 4).

Input lines are ``{"id": ..., "text": ..., "lang": optional}``; one output line per input line, same order.

Defined results for odd input:

* empty or whitespace-only ``text``: classified as nothing (``lang`` "other", all flags false, scores 0,
  sentiment neutral);
* very long ``text``: only the first 2,000 characters are read (a note goes to stderr);
* invalid UTF-8 bytes: replaced by U+FFFD and classified (a note naming the line goes to stderr);
* blank lines: skipped (they are not records);
* ``"text": null``: as an empty text (platform exports write null for media-only posts);
* ``lang`` other than a string or null is ignored.

Errors (exit status 1, no output file written, every problem listed as ``FILE:LINE: field: message``):
a line that is not JSON or not an object, a missing or null ``id``, a missing ``text`` or one that is not a string.
With ``--skip-invalid`` those lines are listed as warnings and left out, and every valid line is classified and
written (exit status 0): for large exports where a few broken lines should not hold up the rest; the output then
has fewer lines than the input, so match it by ``id``.
A file that cannot be read (or an output that cannot be written) gives exit status 2.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path

import typer

CHUNK = 20000
MAX_ERRORS_SHOWN = 20


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _safe(s: str, limit: int = 60) -> str:
    """User text shown in a message: escaped and shortened."""
    r = json.dumps(s[:limit], ensure_ascii=True)
    return r + ("…" if len(s) > limit else "")


def _parse(raw: bytes, fname: str, lineno: int, errors: list[str], notes: list[str]):
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.decode("utf-8", errors="replace")
        notes.append(f"{fname}:{lineno}: invalid UTF-8 at byte {e.start}; bad bytes replaced by U+FFFD")
    line = line.strip().lstrip("\ufeff")
    if not line:
        return None
    try:
        rec = json.loads(line)
    except ValueError as e:
        errors.append(f"{fname}:{lineno}: not valid JSON ({e.msg} at column {e.colno})")
        return None
    if not isinstance(rec, dict):
        errors.append(f"{fname}:{lineno}: expected a JSON object, got {type(rec).__name__}")
        return None
    if "id" not in rec or rec["id"] is None:
        errors.append(f"{fname}:{lineno}: field 'id': missing")
        return None
    if isinstance(rec["id"], dict | list):
        errors.append(f"{fname}:{lineno}: field 'id': must be a string or number")
        return None
    text = rec.get("text")
    if "text" not in rec:
        errors.append(f"{fname}:{lineno}: field 'text': missing")
        return None
    if text is None:
        text = ""
    if not isinstance(text, str):
        errors.append(f"{fname}:{lineno}: field 'text': must be a string, got {type(text).__name__}")
        return None
    lang = rec.get("lang")
    if not isinstance(lang, str):
        lang = None
    from smguard.text.normalize import MAX_CHARS

    if len(text) > MAX_CHARS:
        notes.append(
            f"{fname}:{lineno}: field 'text': {len(text)} characters, only the first {MAX_CHARS} "
            "are classified"
        )
    return rec["id"], text, lang


def _rows(ids, out: dict, keys) -> list[bytes]:
    import numpy as np

    cols = []
    for k in keys:
        v = out[k]
        if v.dtype == np.float64 or v.dtype == np.float32:
            cols.append([round(float(x), 4) for x in v])
        elif v.dtype == bool:
            cols.append(v.tolist())
        else:
            cols.append([str(x) for x in v])
    lines = []
    for i, rid in enumerate(ids):
        rec = {"id": rid}
        for k, c in zip(keys, cols, strict=True):
            rec[k] = c[i]
        lines.append((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
    return lines


def run(inp: str, outp: str, kind: str = "inbound", skip_invalid: bool = False) -> int:
    """The command's work; returns the exit status."""
    from smguard.text import KINDS, classify_texts, output_keys

    if kind not in KINDS:
        _err(f"error: --kind must be one of {', '.join(KINDS)}, not {_safe(kind)}")
        return 2
    fname = "<stdin>" if inp == "-" else inp
    try:
        fh = sys.stdin.buffer if inp == "-" else open(inp, "rb")  # noqa: SIM115
    except OSError as e:
        _err(f"error: cannot read {fname}: {e.strerror or e}")
        return 2
    keys = output_keys(kind)
    errors: list[str] = []
    notes: list[str] = []
    tmp = None
    try:
        if outp == "-":
            sink = sys.stdout.buffer
        else:
            out_dir = Path(outp).resolve().parent
            try:
                fd, tmp = tempfile.mkstemp(prefix=".smguard-classify-", dir=out_dir)
            except OSError as e:
                _err(f"error: cannot write {outp}: {e.strerror or e}")
                return 2
            sink = os.fdopen(fd, "wb")
        buf: list[tuple] = []
        pending: list[bytes] = []  # output for stdout is only written once the whole input is known good

        def flush() -> None:
            if not buf:
                return
            ids = [b[0] for b in buf]
            res = classify_texts([b[1] for b in buf], kind=kind, langs=[b[2] for b in buf])
            lines = _rows(ids, res, keys[0:])
            if outp == "-":
                pending.extend(lines)
            else:
                sink.writelines(lines)
            buf.clear()

        try:
            for lineno, raw in enumerate(fh, start=1):
                rec = _parse(raw, fname, lineno, errors, notes)
                if rec is not None and (skip_invalid or not errors):
                    buf.append(rec)
                    if len(buf) >= CHUNK:
                        flush()
        except OSError as e:
            _err(f"error: cannot read {fname}: {e.strerror or e}")
            return 2
        if errors:
            level, tail, more = (
                ("warning", " (line skipped)", "lines skipped") if skip_invalid else ("error", "", "problems")
            )
            for m in errors[:MAX_ERRORS_SHOWN]:
                _err(f"{level}: {m}{tail}")
            if len(errors) > MAX_ERRORS_SHOWN:
                _err(f"{level}: … and {len(errors) - MAX_ERRORS_SHOWN} more {more}")
            if not skip_invalid:
                _err("error: nothing written; fix the lines above and run again")
                return 1
        flush()
        if outp == "-":
            sink.writelines(pending)
            sink.flush()
        else:
            sink.close()
            os.replace(tmp, outp)
            tmp = None
        for m in notes[:MAX_ERRORS_SHOWN]:
            _err(f"note: {m}")
        return 0
    finally:
        if inp != "-":
            fh.close()
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``smguard`` app."""

    @app.command("classify")
    def classify(
        inp: str = typer.Option(
            ..., "--in", help='Input JSONL: {"id", "text", optional "lang"} per line (\'-\' = stdin).'
        ),
        out: str = typer.Option(
            ..., "--out", help="Output JSONL, one line per input line, same order ('-' = stdout)."
        ),
        kind: str = typer.Option("inbound", "--kind", help="inbound | reply | post"),
        skip_invalid: bool = typer.Option(
            False,
            "--skip-invalid",
            help="Leave out lines that are not valid records (listed as warnings) and write the rest; "
            "without it, any invalid line stops the run and nothing is written.",
        ),
    ) -> None:
        """Classify texts: complaint, help request, abuse, sentiment (+ reply or post heads)."""
        code = run(inp, out, kind, skip_invalid)
        if code:
            raise typer.Exit(code)
