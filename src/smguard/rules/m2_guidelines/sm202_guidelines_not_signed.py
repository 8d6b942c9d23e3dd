"""SM202 guidelines-not-signed: current employees who have not signed the current guidelines."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, NotRun, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import canon_version, current_employees, local_day


class Options(RuleOptions):
    # Days a new employee (or everyone, after a new version) has to sign before it counts as missing.
    # The article asks that every employee reads and signs; 0 = no grace period.
    signature_grace_days: int = 0
    # Share of current employees without a signature from which the finding is high rather than medium.
    high_unsigned_share: float = 0.5


@rule("SM202", "guidelines-not-signed", requires=("guidelines", "employees"), options=Options)
def guidelines_not_signed(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Current employees who have not signed the current version of the social media guidelines.

    **What it does** Takes the version to sign: the latest version published on or before the audit moment
    that requires a signature (``requires_signature``, default true). Every current employee (joined on or
    before ``as_of`` or with no join date, and not left by then) needs an acknowledgment of that version or of
    a later published one, signed by ``as_of``. Each employee without one is evidence. People who have left are
    never flagged; a signature of an older version does not count. ``signature_grace_days`` gives new joiners
    and new versions time to sign (default 0).

    **Why it matters** Guidelines only work when everyone has read them: the signature is the proof, and a
    new version (for example a new embargo) changes what people must know.

    **Example** Version 2.0 was published on 2026-09-01; Li Na signed 1.0 in 2025 and nothing since: she is
    listed in the finding "3 of 40 current employees have not signed guidelines 2.0".
    """
    ds = ctx.dataset
    g = ds.tables["guidelines"].filter(pl.col("published_at") <= ctx.as_of)
    if g.height == 0:
        raise NotRun("no guidelines version is published as of the audit date (see SM201)")
    g = g.with_columns(
        pl.col("requires_signature").fill_null(True), canon_version(pl.col("version")).alias("v")
    )
    needing = g.filter(pl.col("requires_signature")).sort("published_at")
    if needing.height == 0:
        return  # no published version asks for a signature
    target = needing.row(needing.height - 1, named=True)
    # the target version and every later published version count as signing it
    valid_versions = g.filter(pl.col("published_at") >= target["published_at"])["v"].unique()
    emps = current_employees(ds.tables["employees"], ctx.as_of)
    if emps.height == 0:
        return
    acks = ds.tables["acknowledgments"].with_columns(canon_version(pl.col("version")).alias("v"))
    acks = acks.filter(
        pl.col("v").is_in(valid_versions.implode())
        & (pl.col("signed_at").is_null() | (pl.col("signed_at") <= ctx.as_of))
    )
    signed = acks["employee_id"].unique()
    unsigned = emps.filter(~pl.col("id").is_in(signed.implode()))
    if opts.signature_grace_days > 0:
        from datetime import timedelta

        limit = ctx.as_of - timedelta(days=opts.signature_grace_days)
        unsigned = unsigned.filter(
            (target["published_at"] <= limit)
            & (pl.col("joined_at").is_null() | (pl.col("joined_at") <= limit))
        )
    if unsigned.height == 0:
        return
    unsigned = unsigned.sort("id")
    n, total = unsigned.height, emps.height
    names = [nm or i for i, nm in zip(unsigned["id"].to_list(), unsigned["name"].to_list(), strict=True)]
    shown = ", ".join(names[:5]) + (f" … (+{n - 5})" if n > 5 else "")
    shown_zh = "、".join(names[:5]) + (f" 等 {n} 人" if n > 5 else "")
    version = target["version"]
    day = local_day(target["published_at"], ctx.tz)
    severity = "high" if n / total >= opts.high_unsigned_share else "medium"
    yield Finding(
        severity=severity,
        title=T(
            f"{n} of {total} current employees have not signed guidelines {version}",
            f"{total} 名在职员工中有 {n} 人未签署准则 {version}",
        ),
        message=T(
            f"The current social media guidelines (version {version}, published {day}) have no signature from "
            f"{n} of {total} current employees: {shown}. A signature of an older version does not count.",
            f"当前的社交媒体使用准则（版本 {version}，{day} 发布）还缺少 {total} 名在职员工中 {n} 人的签字："
            f"{shown_zh}。签署旧版本不算数。",
        ),
        recommendation=T(
            f"Send version {version} to these employees, ask them to read and sign it, and record each "
            "acknowledgment; make signing part of onboarding and of every new version.",
            f"把 {version} 版发给这些员工，要求他们阅读并签字，并记录每一份签字；把签署准则纳入入职流程和每次改版流程。",
        ),
        evidence=Evidence.many("employee", unsigned["id"].to_list()),
        data={
            "version": version,
            "published_at": day,
            "unsigned": n,
            "current_employees": total,
            "signed": total - n,
        },
    )
