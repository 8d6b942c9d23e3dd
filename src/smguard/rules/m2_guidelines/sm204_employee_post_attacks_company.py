"""SM204 employee-post-attacks-company: an employee's post speaks badly about the company."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT, handles, short, split_capped


class Options(RuleOptions):
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


@rule("SM204", "employee-post-attacks-company", requires=("posts",), options=Options)
def employee_post_attacks_company(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Posts of employees' personal accounts that speak negatively about the company or its products.

    **What it does** Takes the posts of accounts whose ``owner`` is ``employee``, published up to the audit
    moment, and the text label ``negative_about_company`` (the text classifier's ``post`` kind). Each such
    post is one medium finding naming the post and the employee account. Posts written after the person left
    the company (``employees.jsonl`` ``left_at``) are not counted.

    **Why it matters** Even on a private account nothing is private. Negative posts by employees hurt the
    company more than a stranger's, because people believe insiders, whether or not the post is fair; the
    article asks for guidelines that every employee reads and signs for exactly this reason.

    **Example** An employee writes on Weibo "我们公司的新品就是垃圾，别买": one medium finding naming that post,
    with the advice to talk to the employee and to point to the guidelines' channel for internal criticism.
    """
    posts = ctx.published_posts.filter(pl.col("owner") == "employee")
    if posts.height == 0:
        return
    labelled = ctx.labelled_posts.filter((pl.col("owner") == "employee") & (pl.col("created_at") <= ctx.as_of))
    if "negative_about_company" not in labelled.columns:
        return
    bad = labelled.filter(pl.col("negative_about_company").fill_null(False)).sort("created_at")
    if bad.height and ctx.dataset.has("employees"):
        # a post written after the person left the company is no longer an employee's post
        left = (ctx.accounts.select(pl.col("id").alias("account_id"), "employee_id")
                .join(ctx.dataset.tables["employees"].select(pl.col("id").alias("employee_id"), "left_at"),
                      on="employee_id", how="inner"))
        bad = (bad.join(left.select("account_id", "left_at"), on="account_id", how="left")
               .filter(pl.col("left_at").is_null() | (pl.col("created_at") < pl.col("left_at"))).drop("left_at"))
    if bad.height == 0:
        return
    handle = handles(ctx.accounts)
    emp_of = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["employee_id"].to_list(), strict=True))
    one_by_one, rest = split_capped(bad.sort("account_id", "created_at"), opts.max_findings_per_account)
    for row in rest.group_by("account_id", maintain_order=True).agg(pl.col("id")).iter_rows(named=True):
        who = handle.get(row["account_id"], row["account_id"])
        yield Finding(
            severity="medium",
            title=T(f"{len(row['id'])} more posts by {who} speak badly of the company",
                    f"{who} 另有 {len(row['id'])} 条帖子负面评价公司"),
            message=T(f"Besides those listed one by one, employee account {who} has {len(row['id'])} more posts "
                      "that speak badly of the company.",
                      f"除逐条列出的以外，员工账号 {who} 还有 {len(row['id'])} 条负面评价公司的帖子。"),
            recommendation=T("Talk to the employee in private and point to the guidelines.",
                             "私下与该员工沟通，并让其参阅准则。"),
            account_id=row["account_id"],
            evidence=[Evidence.post(i) for i in row["id"]],
            data={"count": len(row["id"]), "employee_id": emp_of.get(row["account_id"])},
        )
    for row in one_by_one.select("id", "account_id", "platform", "date", "text").iter_rows(named=True):
        who = handle.get(row["account_id"], row["account_id"])
        quote = short(row["text"])
        day = row["date"].isoformat()
        yield Finding(
            severity="medium",
            title=T(f"Employee post speaks badly of the company ({who})", f"员工帖子负面评价公司（{who}）"),
            message=T(f"Employee account {who} ({row['platform']}) posted on {day}: “{quote}”.",
                      f"员工账号 {who}（{row['platform']}）于 {day} 发帖：“{quote}”。"),
            recommendation=T(
                "Talk to the employee in private rather than in public; point to the guidelines' channel for "
                "raising problems inside the company, and make sure they have read and signed the current "
                "guidelines. If the post states a real problem, fix it and say so.",
                "私下与该员工沟通，不要公开争执；告诉他们准则中规定的内部反映问题的渠道，并确认他们已阅读并签署"
                "当前准则。如果帖子指出的是真实问题，请解决并说明。"),
            account_id=row["account_id"],
            evidence=[Evidence.post(row["id"])],
            data={"employee_id": emp_of.get(row["account_id"])},
        )
