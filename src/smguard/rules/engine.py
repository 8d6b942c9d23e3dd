"""Run the rules over a loaded data set: resolve each rule's options, check its inputs, collect findings."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from smguard.dataset.model import Dataset, Problem
from smguard.rules import all_rules
from smguard.rules.base import SEVERITIES, Finding, NotRun, Rule, RuleOptions
from smguard.rules.context import AuditContext

TABLE_WORDS = {
    "accounts": "accounts.jsonl",
    "posts": "posts.jsonl",
    "messages": "messages.jsonl",
    "followers": "followers.jsonl",
    "follower_counts": "follower_counts.jsonl",
    "likes": "likes.jsonl",
    "customers": "customers.jsonl",
    "employees": "employees.jsonl",
    "guidelines": "guidelines.jsonl",
    "acknowledgments": "acknowledgments.jsonl",
    "embargo": "embargo.jsonl",
    "campaigns": "campaigns.jsonl",
}


@dataclass
class RunResult:
    findings: list[Finding]
    not_run: list[dict[str, str]]
    rules: list[Rule]
    problems: list[Problem] = field(default_factory=list)  # policy problems
    timings: dict[str, float] = field(default_factory=dict)


def resolve_options(rule: Rule, policy: dict[str, Any], problems: list[Problem] | None = None) -> RuleOptions:
    """Options for one rule: defaults, then flat ``[policy]`` keys that the rule knows, then ``[policy.SMxxx]``."""
    fields = rule.options.model_fields
    values: dict[str, Any] = {k: v for k, v in policy.items() if k in fields and not isinstance(v, dict)}
    specific = policy.get(rule.code) or policy.get(rule.code.lower()) or {}
    if isinstance(specific, dict):
        for k, v in specific.items():
            if k in fields:
                values[k] = v
            elif problems is not None:
                problems.append(
                    Problem(
                        "dataset.toml",
                        None,
                        f"policy.{rule.code}.{k}",
                        f"{rule.code} has no option {k!r}; ignored (options: {', '.join(fields) or 'none'})",
                        "warning",
                    )
                )
    try:
        return rule.options(**values)
    except ValidationError as exc:
        if problems is not None:
            for err in exc.errors():
                loc = ".".join(str(x) for x in err["loc"])
                problems.append(
                    Problem(
                        "dataset.toml",
                        None,
                        f"policy.{loc}",
                        f"{err['msg']}; {rule.code} uses its defaults",
                        "warning",
                    )
                )
        return rule.options()


def unknown_policy_keys(policy: dict[str, Any], rules: Iterable[Rule]) -> list[Problem]:
    known = {name for r in rules for name in r.options.model_fields} | {r.code for r in rules}
    return [
        Problem("dataset.toml", None, f"policy.{k}", f"no rule has a setting named {k!r}; ignored", "warning")
        for k in policy
        if k not in known and k.upper() not in known
    ]


def run_rules(
    dataset: Dataset,
    *,
    select: Callable[[Rule], bool] | None = None,
    labeler: Any = None,
    extra_policy: dict[str, Any] | None = None,
    on_rule: Callable[[Rule], None] | None = None,
    strict: bool = False,
) -> RunResult:
    """Run the selected rules. With ``strict`` a failing rule raises (tests); otherwise it is reported in
    ``not_run`` as an internal error, so one broken rule never costs the user the whole audit.

    Python's cyclic garbage collector is paused while the rules run: they build hundreds of thousands of small
    objects (evidence items, findings) that never form cycles, and each full collection would walk all of them
    again (~0.7 s of a 4 s run on a million messages). Reference counting frees memory as usual; the collector
    is restored as it was when the rules are done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_rules(dataset, select, labeler, extra_policy, on_rule, strict)
    finally:
        if was_enabled:
            gc.enable()


def _run_rules(
    dataset: Dataset,
    select: Callable[[Rule], bool] | None,
    labeler: Any,
    extra_policy: dict[str, Any] | None,
    on_rule: Callable[[Rule], None] | None,
    strict: bool,
) -> RunResult:
    rules = [r for r in all_rules() if select is None or select(r)]
    ctx = AuditContext(dataset, labeler=labeler)
    policy = {**(extra_policy or {}), **dataset.policy}
    problems = unknown_policy_keys(policy, rules)
    findings: list[Finding] = []
    not_run: list[dict[str, str]] = []
    timings: dict[str, float] = {}
    for r in rules:
        if on_rule:
            on_rule(r)
        missing = [t for t in r.requires if not dataset.has(t)]
        if missing:
            words = " and ".join(TABLE_WORDS.get(t, t) for t in missing)
            not_run.append(
                {
                    "rule": r.code,
                    "reason": f"needs {words}, which the data set does not have (or has no valid rows in)",
                }
            )
            continue
        opts = resolve_options(r, policy, problems)
        t0 = time.perf_counter()
        try:
            produced = list(r.func(ctx, opts))
        except NotRun as exc:
            not_run.append({"rule": r.code, "reason": str(exc)})
            continue
        except Exception as exc:
            if strict:
                raise
            not_run.append(
                {
                    "rule": r.code,
                    "reason": f"internal error in this check ({type(exc).__name__}: {exc}); please report it",
                }
            )
            continue
        finally:
            timings[r.code] = time.perf_counter() - t0
        for f in produced:
            if f.severity not in SEVERITIES:
                raise ValueError(f"{r.code} produced severity {f.severity!r}")
            f.rule, f.mistake = r.code, r.mistake
            findings.append(f)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.mistake, order[f.severity], f.rule))
    return RunResult(findings, not_run, rules, problems, timings)
