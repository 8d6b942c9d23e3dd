"""SM204 employee-post-attacks-company: an employee's post speaks badly about the company."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT, handles, short, split_capped
from smguard.rules.m6_overdoing._brand_terms import fold_expr, name_terms


class Options(RuleOptions):
    # A post that clearly refers to the company (its name, a brand handle, "my employer", "我司") with a
    # sentiment score at or below this is negative about the company even when the label missed it.
    negative_sentiment: float = -0.5
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


# Words by which an employee refers to their own company (besides its name and the brand handles).
EMPLOYER_WORDS = (
    r"\bmy (?:company|employer|boss|manager|workplace)\b|\bour (?:company|management|boss|employer)\b"
    r"|\b(?:the|upper|senior) management\b|\bemployer\b|\bwork(?:ing)? (?:at|for)\b|\bwhere i work\b"
    r"|\bthis company\b|\bwe sell\b|\bour (?:products|stores?|shops?|service)\b"
    r"|我们公司|我司|本公司|老板|领导|管理层|高层|东家|我们店|我们家的|在.{1,10}(?:上班|打工|干了|待了|做了)"
)
_NAME_SUFFIXES = {"inc", "ltd", "llc", "co", "corp", "gmbh", "company", "official", "group", "the"}


def _company_names(ctx: AuditContext) -> list[str]:
    """Lower-case names of the company without spaces or punctuation: the data set's name and its first two
    words, and the brand accounts' handles (Latin handles only, with platform suffixes cut)."""
    import re

    names: set[str] = set()
    name = (getattr(ctx.dataset, "name", "") or "").lower()
    words = [w for w in re.findall(r"[a-z0-9]+", name) if w not in _NAME_SUFFIXES]
    if words:
        names.add("".join(words))
        if len(words) >= 2:
            names.add("".join(words[:2]))
        elif len(words[0]) >= 4:
            names.add(words[0])
    cjk = re.findall(r"[\u3400-\u9fff]{2,}", name)
    names.update(cjk)
    # and the short forms SM604 knows ("锐声科技" → "锐声", "Acme Coffee" → "acme"), folded like the text below
    names.update(re.sub(r"[^a-z0-9\u3400-\u9fff]", "", t) for t in name_terms(ctx.dataset.name or ""))
    for h in ctx.brand_accounts["handle"].drop_nulls().to_list():
        first = re.split(r"[._\-\s]", h.lower().lstrip("@"))[0]
        first = re.sub(r"(official|hq|store|shop|app|cn|us)$", "", first)
        if re.fullmatch(r"[a-z0-9]{4,}", first):
            names.add(first)
    return sorted(n for n in names if len(n) >= 2)


def _refers_to_company(ctx: AuditContext) -> pl.Expr:
    """Posts that refer to the company: its name or a brand handle, or the words of an employee about their
    employer ("my employer", "working at", "我司", "在…上班")."""
    import re

    text = pl.col("text").fill_null("").str.to_lowercase()
    # full-width, traditional (銳聲) and spaced spellings of the name count too
    squashed = fold_expr(pl.col("text")).str.replace_all(r"[^a-z0-9\u3400-\u9fff]", "")
    expr = text.str.contains(EMPLOYER_WORDS)
    names = _company_names(ctx)
    if names:
        expr = expr | squashed.str.contains("|".join(re.escape(n) for n in names))
    return expr


@rule("SM204", "employee-post-attacks-company", requires=("posts",), options=Options)
def employee_post_attacks_company(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Posts of employees' personal accounts that speak negatively about the company or its products.

    **What it does** Takes the posts of accounts whose ``owner`` is ``employee``, published up to the audit
    moment, and the text label ``negative_about_company`` (the text classifier's ``post`` kind), kept when the
    post refers to the company (its name, a brand handle, "my employer", "我司", "在…上班") or its sentiment is
    negative; a post that refers to the company with clearly negative sentiment (``negative_sentiment``)
    counts even when the label missed it. Each such
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
    labelled = ctx.labelled_posts.filter(
        (pl.col("owner") == "employee") & (pl.col("created_at") <= ctx.as_of)
    )
    if "negative_about_company" not in labelled.columns:
        return
    refers = _refers_to_company(ctx)
    label = pl.col("negative_about_company").fill_null(False)
    if "sentiment" in labelled.columns:
        negative = (pl.col("sentiment") == "negative").fill_null(False)
        clearly_negative = (negative & (pl.col("sentiment_score") <= opts.negative_sentiment)).fill_null(
            False
        )
    else:
        negative = clearly_negative = pl.lit(False)
    # only a labelled or clearly negative post can qualify: the company-name patterns run on those alone
    bad = (
        labelled.filter(label | clearly_negative)
        .filter((label & (refers | negative)) | (refers & clearly_negative))
        .sort("created_at")
    )
    if bad.height and ctx.dataset.has("employees"):
        # a post written after the person left the company is no longer an employee's post
        left = ctx.accounts.select(pl.col("id").alias("account_id"), "employee_id").join(
            ctx.dataset.tables["employees"].select(pl.col("id").alias("employee_id"), "left_at"),
            on="employee_id",
            how="inner",
        )
        bad = (
            bad.join(left.select("account_id", "left_at"), on="account_id", how="left")
            .filter(pl.col("left_at").is_null() | (pl.col("created_at") < pl.col("left_at")))
            .drop("left_at")
        )
    if bad.height == 0:
        return
    handle = handles(ctx.accounts)
    emp_of = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["employee_id"].to_list(), strict=True))
    one_by_one, rest = split_capped(bad.sort("account_id", "created_at"), opts.max_findings_per_account)
    for row in rest.group_by("account_id", maintain_order=True).agg(pl.col("id")).iter_rows(named=True):
        who = handle.get(row["account_id"], row["account_id"])
        yield Finding(
            severity="medium",
            title=T(
                f"{len(row['id'])} more posts by {who} speak badly of the company",
                f"{who} 另有 {len(row['id'])} 条帖子负面评价公司",
            ),
            message=T(
                f"Besides those listed one by one, employee account {who} has {len(row['id'])} more posts "
                "that speak badly of the company.",
                f"除逐条列出的以外，员工账号 {who} 还有 {len(row['id'])} 条负面评价公司的帖子。",
            ),
            recommendation=T(
                "Talk to the employee in private and point to the guidelines.",
                "私下与该员工沟通，并让其参阅准则。",
            ),
            account_id=row["account_id"],
            evidence=Evidence.many("post", row["id"]),
            data={"count": len(row["id"]), "employee_id": emp_of.get(row["account_id"])},
        )
    for row in one_by_one.select("id", "account_id", "platform", "date", "text").iter_rows(named=True):
        who = handle.get(row["account_id"], row["account_id"])
        quote = short(row["text"])
        day = row["date"].isoformat()
        yield Finding(
            severity="medium",
            title=T(f"Employee post speaks badly of the company ({who})", f"员工帖子负面评价公司（{who}）"),
            message=T(
                f"Employee account {who} ({row['platform']}) posted on {day}: “{quote}”.",
                f"员工账号 {who}（{row['platform']}）于 {day} 发帖：“{quote}”。",
            ),
            recommendation=T(
                "Talk to the employee in private rather than in public; point to the guidelines' channel for "
                "raising problems inside the company, and make sure they have read and signed the current "
                "guidelines. If the post states a real problem, fix it and say so.",
                "私下与该员工沟通，不要公开争执；告诉他们准则中规定的内部反映问题的渠道，并确认他们已阅读并签署"
                "当前准则。如果帖子指出的是真实问题，请解决并说明。",
            ),
            account_id=row["account_id"],
            evidence=[Evidence.post(row["id"])],
            data={"employee_id": emp_of.get(row["account_id"])},
        )
