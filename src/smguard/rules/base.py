"""What a rule is: a small pure function of the loaded data (and text labels) that yields findings.

A rule module declares one rule with the :func:`rule` decorator::

    class Options(RuleOptions):
        max_posts_per_day: int = 3      # every threshold has a default here, overridable by [policy]

    @rule("SM601", "too-many-posts-per-day", requires=("posts",), options=Options)
    def too_many_posts_per_day(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
        '''Days on which a brand account posted more than the daily cap.

        **What it does** ...
        **Why it matters** ...
        **Example** ...
        '''
        ...
        yield Finding(severity="medium", title=T("...", "..."), message=T("...", "..."), ...)

The code's hundreds digit is the mistake (SM1xx … SM6xx). The engine fills ``rule`` and ``mistake`` of each
finding, checks the ``requires`` tables and reports a rule that cannot run in ``not_run`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:  # pragma: no cover
    from smguard.rules.context import AuditContext

Severity = Literal["high", "medium", "low", "info"]
SEVERITIES: tuple[str, ...] = ("high", "medium", "low", "info")
EVIDENCE_TYPES = ("post", "message", "like", "account", "employee", "campaign", "follower", "day")
CODE_RE = re.compile(r"^SM([1-6])\d\d$")


@dataclass(frozen=True)
class T:
    """A text in English and Chinese. Reports pick the language the reader asked for."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True, slots=True)
class Evidence:
    """One exact item a finding is about (see CONTRACT §3).

    An audit of a big data set builds hundreds of thousands of these, so the constructors ``post``,
    ``message``, ``day`` and ``follower`` (whose type is known to be valid) fill the slots directly: a frozen
    dataclass's ``__init__`` goes through ``object.__setattr__`` for every field, about twice as slow.
    """

    type: str
    id: str | None = None
    account_id: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        if self.type not in EVIDENCE_TYPES:
            raise ValueError(f"unknown evidence type {self.type!r}")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type == "day":
            out["id"] = f"{self.account_id}:{self.date}" if self.id is None else self.id
            out["date"] = self.date
            out["account_id"] = self.account_id
        else:
            out["id"] = self.id
            if self.account_id is not None:
                out["account_id"] = self.account_id
            if self.date is not None:
                out["date"] = self.date
        return out

    @classmethod
    def many(cls, type: str, ids: Iterable[str | None], account_id: str | None = None) -> list[Evidence]:
        """``[Evidence(type, i, account_id) for i in ids]``, the type checked once: the fast way to list the
        items of a finding."""
        if type not in EVIDENCE_TYPES:
            raise ValueError(f"unknown evidence type {type!r}")
        return [_make(type, i, account_id, None) for i in ids]

    @classmethod
    def post(cls, id: str) -> Evidence:
        return _make("post", id, None, None)

    @classmethod
    def message(cls, id: str) -> Evidence:
        return _make("message", id, None, None)

    @classmethod
    def day(cls, account_id: str, date: Any) -> Evidence:
        return _make("day", None, account_id, str(date))

    @classmethod
    def follower(cls, account_id: str, user_id: str) -> Evidence:
        return _make("follower", user_id, account_id, None)


# the slots' own setters, for the constructors above (they bypass the frozen __setattr__, as __init__ does)
_new = object.__new__
_set_type = Evidence.__dict__["type"].__set__
_set_id = Evidence.__dict__["id"].__set__
_set_account_id = Evidence.__dict__["account_id"].__set__
_set_date = Evidence.__dict__["date"].__set__


def _make(type: str, id: str | None, account_id: str | None, date: str | None) -> Evidence:
    """An Evidence of a known-valid type, its slots filled directly."""
    e = _new(Evidence)
    _set_type(e, type)
    _set_id(e, id)
    _set_account_id(e, account_id)
    _set_date(e, date)
    return e


@dataclass
class Finding:
    """One observation of a mistake (or, with severity ``info``, a tip or statistic)."""

    severity: Severity
    title: T
    message: T
    recommendation: T
    account_id: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    data: dict[str, Any] = field(
        default_factory=dict
    )  # numbers behind the finding, for charts and the web UI
    rule: str = ""
    mistake: int = 0

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        out = {
            "rule": self.rule,
            "mistake": self.mistake,
            "severity": self.severity,
            "title": self.title.get(lang),
            "message": self.message.get(lang),
            "account_id": self.account_id,
            "evidence": [e.to_json() for e in self.evidence],
            "recommendation": self.recommendation.get(lang),
        }
        if self.data:
            out["data"] = self.data
        return out


class RuleOptions(BaseModel):
    """Base of every rule's options. Unknown names are refused so a typo in a policy file is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NotRun(Exception):  # noqa: N818 - it is a signal, not an error
    """Raised by a rule whose input is missing or unusable; the reason goes to ``not_run``."""


RuleFunc = Callable[["AuditContext", Any], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    mistake: int
    func: RuleFunc
    options: type[RuleOptions]
    requires: tuple[str, ...]
    summary: str
    doc: str

    def default_options(self) -> RuleOptions:
        return self.options()


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    requires: tuple[str, ...] = (),
    options: type[RuleOptions] = RuleOptions,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule. ``requires`` names the tables without which it cannot run."""
    m = CODE_RE.match(code)
    if not m:
        raise ValueError(f"rule code {code!r} must look like SM101 … SM699")

    def deco(func: RuleFunc) -> RuleFunc:
        doc = (func.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule {code} has no docstring")
        if code in REGISTRY and REGISTRY[code].func.__qualname__ != func.__qualname__:
            raise ValueError(f"rule code {code} is used twice")
        summary = doc.splitlines()[0].strip()
        REGISTRY[code] = Rule(code, name, int(m.group(1)), func, options, tuple(requires), summary, doc)
        return func

    return deco
