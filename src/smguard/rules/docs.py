"""Generate ``docs/rules.md`` from the registered rules: their docstrings, inputs and options.

``python -m smguard.rules.docs`` prints the Markdown (``make docs`` writes it to ``docs/rules.md``). A test
compares the committed file with this output, so the reference can never drift from the code.

Option descriptions come from the comments written above (or beside) each field of a rule's ``Options``
class, so the person who sets a threshold documents where it comes from in one place.
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from typing import Any

from smguard.rules import all_rules
from smguard.rules.base import Rule
from smguard.rules.engine import TABLE_WORDS

MISTAKES = {
    1: ("Treating all platforms the same", "误认为所有社交媒体平台都一样"),
    2: ("No company-wide social media guidelines", "缺少全公司范围的社交媒体使用准则"),
    3: ("Ignoring help requests and complaints", "忽略求助信息和投诉"),
    4: ("Not using the platforms' marketing tools", "没有利用社交媒体营销工具"),
    5: ("Counting likes and followers instead of their quality", "关注点赞和粉丝的数量而不是质量"),
    6: ("Overdoing it (posting, liking, auto-replies)", "“过分”地使用社交媒体"),
}
SECTIONS = ("**What it does**", "**Why it matters**", "**Example**")
_FIELD = re.compile(r"^\s+([A-Za-z_]\w*)\s*:\s*[^=]+?(?:=\s*(.*?))?\s*(?:#\s*(.*))?$")


def option_comments(options: type) -> dict[str, str]:
    """``{field: comment}`` from the comment lines above each field (and a trailing comment on its line)."""
    try:
        source = inspect.getsource(options)
    except (OSError, TypeError):
        return {}
    out: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped.lstrip("#").strip())
            continue
        m = _FIELD.match(line)
        if m and not stripped.startswith(("def ", "@", "model_config")):
            parts = [*pending, *([m.group(3)] if m.group(3) else [])]
            if parts:
                out[m.group(1)] = " ".join(parts)
        pending = [] if stripped else pending
    return out


def _default(value: Any) -> str:
    if value is None:
        return "none (see description)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {v}" for k, v in value.items()) + "}" if value else "{}"
    return repr(value) if isinstance(value, str) else str(value)


def _type(annotation: Any) -> str:
    text = getattr(annotation, "__name__", None) or str(annotation)
    return text.replace("typing.", "")


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    return str(value)


def summary(rule: Rule) -> str:
    """The docstring's first paragraph, on one line."""
    para = rule.doc.strip().split("\n\n", 1)[0]
    return " ".join(para.split())


def body(rule: Rule) -> str:
    """The docstring without its first paragraph (the summary), dedented, one paragraph per section."""
    parts = rule.doc.strip().split("\n\n", 1)
    rest = textwrap.dedent(parts[1] if len(parts) > 1 else "").strip()
    for s in SECTIONS:
        rest = rest.replace(s, f"\n{s}")
    return re.sub(r"\n{3,}", "\n\n", rest).strip()


def rule_section(rule: Rule) -> list[str]:
    out = [f"### {rule.code} `{rule.name}`", "", f"*{summary(rule)}*", ""]
    en, zh = MISTAKES[rule.mistake]
    needs = ", ".join(f"`{TABLE_WORDS.get(t, t)}`" for t in rule.requires) or "—"
    out += [
        f"- **Mistake:** {rule.mistake}. {en} ({zh})",
        f"- **Needs:** {needs}",
        f"- **Source:** `src/{rule.func.__module__.replace('.', '/')}.py`",
        "",
        body(rule),
        "",
    ]
    fields = rule.options.model_fields
    if fields:
        comments = option_comments(rule.options)
        defaults = rule.default_options().model_dump()
        out += ["**Options**", "", "| option | type | default | meaning |", "|---|---|---|---|"]
        for name, f in fields.items():
            meaning = comments.get(name) or (f.description or "")
            meaning = meaning.replace("|", "\\|")
            out.append(
                f"| `{name}` | {_type(f.annotation).replace('|', 'or')} | `{_default(defaults[name])}` | "
                f"{meaning} |"
            )
        example = next(iter(fields))
        out += [
            "",
            "To change it for this rule only, in `dataset.toml`:",
            "",
            "```toml",
            f"[policy.{rule.code}]",
            f"{example} = {_toml(defaults[example])}",
            "```",
            "",
        ]
    else:
        out += ["No options.", ""]
    return out


def generate() -> str:
    rules = all_rules()
    out = [
        "# Rules",
        "",
        "<!-- Generated by `python -m smguard.rules.docs` (`make docs`) from the rules' docstrings and options.",
        "     Do not edit by hand: tests/report/test_docs.py fails when this file is out of date. -->",
        "",
        "Every check smguard runs, grouped by the six mistakes. Each rule has a stable code (`SM` + the mistake's",
        "number + two digits) and a name for the pattern it flags. Severity `info` marks a tip or statistic;",
        "`low`, `medium` and `high` say the mistake is present. Thresholds are options: change them for every",
        "rule that has an option of that name with a flat key under `[policy]` in `dataset.toml`",
        "(`max_posts_per_day = 2`), or for one rule with a `[policy.SM601]` table. See",
        "[dataset-format.md](dataset-format.md) and [scores.md](scores.md).",
        "",
        f"{len(rules)} rules.",
        "",
        "| code | name | mistake | what it flags |",
        "|---|---|---|---|",
    ]
    for r in rules:
        anchor = f"{r.code}-{r.name}".lower()
        text = summary(r).replace("|", "\\|")
        out.append(f"| [{r.code}](#{anchor}) | `{r.name}` | {r.mistake} | {text} |")
    out.append("")
    for m, (en, zh) in MISTAKES.items():
        group = [r for r in rules if r.mistake == m]
        out += [f"## Mistake {m}: {en} · {zh}", ""]
        if not group:
            out += ["No rules yet.", ""]
        for r in group:
            out += rule_section(r)
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    sys.stdout.write(generate())


if __name__ == "__main__":
    main()
