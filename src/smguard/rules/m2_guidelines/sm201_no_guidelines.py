"""SM201 no-guidelines: the company has no published social media guidelines."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import current_employees, local_day


class Options(RuleOptions):
    pass


@rule("SM201", "no-guidelines", options=Options)
def no_guidelines(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """The company has no social media guidelines published as of the audit date.

    **What it does** Looks for ``guidelines.jsonl`` and a version whose ``published_at`` is on or before the
    audit moment (``as_of``). With no file, no valid row, or only versions scheduled for later, it reports the
    mistake: severity high when the data set knows of employees (``employees.jsonl`` or employee accounts in
    ``accounts.jsonl``), medium otherwise.

    **Why it matters** Almost every employee uses social media and talks about their employer sooner or later.
    Without written guidelines nobody knows what may be said about unreleased products, customers or the
    company, and one careless or angry post can hurt the brand, true or not.

    **Example** A shop with ten employees, three of them posting on Weibo, and no ``guidelines.jsonl``:
    one high finding, "No social media guidelines".
    """
    ds = ctx.dataset
    g = ds.tables["guidelines"]
    published = g.filter(pl.col("published_at") <= ctx.as_of)
    if published.height:
        return
    emp_accounts = ctx.accounts.filter(pl.col("owner") == "employee")
    n_emp = current_employees(ds.tables["employees"], ctx.as_of).height if ds.has("employees") else 0
    knows_employees = "employees" in ds.present or emp_accounts.height > 0
    severity = "high" if knows_employees else "medium"
    later = g.filter(pl.col("published_at") > ctx.as_of).sort("published_at")
    if later.height:
        first = later.row(0, named=True)
        day = local_day(first["published_at"], ctx.tz)
        why_en = (
            f"the only version ({first['version']}) is scheduled for {day}, after the audit date, so "
            "nobody has been asked to follow it yet"
        )
        why_zh = f"唯一的版本（{first['version']}）计划于 {day} 发布，晚于审计日期，目前还没有人被要求遵守"
    elif "guidelines" in ds.present:
        why_en, why_zh = "guidelines.jsonl has no valid version", "guidelines.jsonl 中没有有效的版本"
    else:
        why_en, why_zh = "the data set has no guidelines.jsonl", "数据集中没有 guidelines.jsonl"
    who_en = who_zh = ""
    if knows_employees:
        who_en = (
            f" {n_emp} current employee(s) and {emp_accounts.height} employee account(s) are posting "
            "without rules."
        )
        who_zh = f"目前有 {n_emp} 名在职员工、{emp_accounts.height} 个员工账号在没有准则的情况下发帖。"
    yield Finding(
        severity=severity,
        title=T("No company-wide social media guidelines", "没有全公司范围的社交媒体使用准则"),
        message=T(
            f"No social media guidelines are published: {why_en}.{who_en}",
            f"没有已发布的社交媒体使用准则：{why_zh}。{who_zh}",
        ),
        recommendation=T(
            "Write and publish guidelines: what employees may and may not say about the company, its customers "
            "and unreleased products (keep an embargo list), who speaks for the brand, and how to handle "
            "complaints. Ask every employee to read and sign them, and record the signatures.",
            "制定并发布社交媒体使用准则：员工可以和不可以谈论公司、客户和未发布产品的哪些内容（维护一份保密清单），"
            "谁代表品牌发言，如何处理投诉。要求每位员工阅读并签字，并记录签字情况。",
        ),
        evidence=[],  # the whole company is concerned; counts are in data
        data={
            "current_employees": n_emp,
            "employee_accounts": emp_accounts.height,
            "versions_scheduled": later.height,
        },
    )
