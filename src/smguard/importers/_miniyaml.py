"""A small YAML subset reader for column-mapping files, used when PyYAML is not installed.

Supported: block mappings and sequences by indentation, ``# comments``, plain / ``"double"`` / ``'single'``
quoted scalars, flow lists ``[a, b]`` and flow mappings ``{column: x, pattern: "(\\d+)"}``, booleans, null,
integers and floats. Anchors, tags, multi-line scalars and documents are not (a clear error says so).
"""

from __future__ import annotations

import json
import re
from typing import Any


class YamlError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(f"line {line}: {message}")
        self.message = message
        self.line = line


def load(text: str) -> Any:
    lines: list[tuple[int, int, str]] = []  # (line number, indent, content)
    for n, raw in enumerate(text.splitlines(), start=1):
        content = _strip_comment(raw).rstrip()
        if not content.strip() or content.strip() in ("---", "..."):
            continue
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlError("tabs are not allowed for indentation", n)
        lines.append((n, len(content) - len(content.lstrip(" ")), content.strip()))
    if not lines:
        return {}
    value, i = _block(lines, 0, lines[0][1])
    if i < len(lines):
        raise YamlError("unexpected indentation", lines[i][0])
    return value


def _strip_comment(s: str) -> str:
    out = []
    quote = None
    for i, ch in enumerate(s):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or s[i - 1] in " \t"):
            break
        out.append(ch)
    return "".join(out)


def _block(lines: list[tuple[int, int, str]], i: int, indent: int) -> tuple[Any, int]:
    n, ind, content = lines[i]
    if content.startswith("- ") or content == "-":
        items: list[Any] = []
        while (
            i < len(lines) and lines[i][1] == indent and (lines[i][2].startswith("- ") or lines[i][2] == "-")
        ):
            n, _ind, content = lines[i]
            rest = content[1:].strip()
            i += 1
            if not rest:
                if i < len(lines) and lines[i][1] > indent:
                    v, i = _block(lines, i, lines[i][1])
                    items.append(v)
                else:
                    items.append(None)
            elif _key_split(rest) is not None and not rest.startswith(("[", "{", '"', "'")):
                # "- key: value" starts a mapping inside the list
                sub = [(n, indent + 2, rest)]
                while i < len(lines) and lines[i][1] > indent:
                    sub.append(lines[i])
                    i += 1
                v, _ = _block(sub, 0, indent + 2)
                items.append(v)
            else:
                items.append(_scalar(rest, n))
        return items, i
    out: dict[str, Any] = {}
    while i < len(lines) and lines[i][1] == indent:
        n, _ind, content = lines[i]
        kv = _key_split(content)
        if kv is None:
            raise YamlError(f"expected 'key: value', found {content[:40]!r}", n)
        key, rest = kv
        i += 1
        if rest:
            out[key] = _scalar(rest, n)
        elif i < len(lines) and lines[i][1] > indent:
            out[key], i = _block(lines, i, lines[i][1])
        elif i < len(lines) and lines[i][1] == indent and lines[i][2].startswith("- "):
            out[key], i = _block(lines, i, indent)
        else:
            out[key] = None
    if i < len(lines) and lines[i][1] > indent:
        raise YamlError("unexpected indentation", lines[i][0])
    return out, i


def _key_split(content: str) -> tuple[str, str] | None:
    if content[:1] in "\"'":
        q = content[0]
        j = content.find(q, 1)
        while q == "'" and j != -1 and content[j + 1 : j + 2] == "'":
            j = content.find(q, j + 2)
        if j == -1 or not content[j + 1 :].lstrip().startswith(":"):
            return None
        key = _scalar(content[: j + 1], 0)
        rest = content[j + 1 :].lstrip()[1:].strip()
        return str(key), rest
    m = re.match(r"^([^:{}\[\],]+?)\s*:(?:\s+|$)(.*)$", content)
    if not m:
        return None
    return m.group(1).strip(), m.group(2).strip()


def _scalar(s: str, line: int) -> Any:
    s = s.strip()
    if s.startswith(("[", "{")):
        value, end = _flow(s, 0, line)
        if s[end:].strip():
            raise YamlError(f"unexpected text after {s[:end]!r}", line)
        return value
    if s.startswith('"'):
        if not s.endswith('"') or len(s) < 2:
            raise YamlError("unterminated double-quoted string", line)
        try:
            return json.loads(s)
        except json.JSONDecodeError:
            return s[1:-1]
    if s.startswith("'"):
        if not s.endswith("'") or len(s) < 2:
            raise YamlError("unterminated single-quoted string", line)
        return s[1:-1].replace("''", "'")
    if s[:1] in "&*!|>%@`":
        raise YamlError(f"YAML feature not supported here ({s[:1]!r}); install PyYAML or use TOML", line)
    low = s.lower()
    if low in ("true", "yes", "on"):
        return True
    if low in ("false", "no", "off"):
        return False
    if low in ("null", "~"):
        return None
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?", s):
        return float(s)
    return s


def _flow(s: str, i: int, line: int) -> tuple[Any, int]:
    """Parse a flow collection starting at ``s[i]``; returns (value, index after it)."""
    open_ch = s[i]
    close_ch = "]" if open_ch == "[" else "}"
    i += 1
    items: list[Any] = []
    mapping: dict[str, Any] = {}
    while True:
        while i < len(s) and s[i] == " ":
            i += 1
        if i >= len(s):
            raise YamlError(f"missing {close_ch!r}", line)
        if s[i] == close_ch:
            return (items if open_ch == "[" else mapping), i + 1
        if open_ch == "{":
            key, i = _flow_atom(s, i, line, stop=":")
            if i >= len(s) or s[i] != ":":
                raise YamlError("expected ':' in a {...} mapping", line)
            i += 1
            while i < len(s) and s[i] == " ":
                i += 1
            val, i = _flow_value(s, i, line, close_ch)
            mapping[str(key)] = val
        else:
            val, i = _flow_value(s, i, line, close_ch)
            items.append(val)
        while i < len(s) and s[i] == " ":
            i += 1
        if i < len(s) and s[i] == ",":
            i += 1


def _flow_value(s: str, i: int, line: int, close_ch: str) -> tuple[Any, int]:
    if s[i] in "[{":
        return _flow(s, i, line)
    return _flow_atom(s, i, line, stop="," + close_ch)


def _flow_atom(s: str, i: int, line: int, stop: str) -> tuple[Any, int]:
    if s[i] in "\"'":
        q = s[i]
        j = i + 1
        while j < len(s):
            if q == '"' and s[j] == "\\":
                j += 2
                continue
            if s[j] == q:
                if q == "'" and s[j + 1 : j + 2] == "'":
                    j += 2
                    continue
                break
            j += 1
        if j >= len(s):
            raise YamlError("unterminated string", line)
        return _scalar(s[i : j + 1], line), j + 1
    j = i
    while j < len(s) and s[j] not in stop:
        j += 1
    return _scalar(s[i:j], line), j
