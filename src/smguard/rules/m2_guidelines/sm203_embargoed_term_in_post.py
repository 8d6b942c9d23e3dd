"""SM203 embargoed-term-in-post: a post mentions an embargoed product, topic or code name."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from smguard.guard.embargo import EmbargoMatcher, snippet
from smguard.rules.base import Evidence, Finding, RuleOptions, T, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT, handles


class Options(RuleOptions):
    # Also check scheduled posts (created_at after the audit moment): a leak is best stopped before it is out.
    include_scheduled: bool = True
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


@rule("SM203", "embargoed-term-in-post", requires=("posts", "embargo"), options=Options)
def embargoed_term_in_post(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Posts of any account, brand or employee, that mention an embargoed term or alias while it holds.

    **What it does** Reads ``embargo.jsonl`` (terms, aliases such as code names and translations, ``until``)
    and searches every post published on a day when the embargo still held (``until`` empty, or the post's
    local day on or before ``until``). Matching ignores case, full-width/half-width forms, traditional vs.
    simplified Chinese and spacing or punctuation inside the term (``凤 凰``, ``P.h.o.e.n.i.x``), and respects
    word boundaries for Latin terms (``ion`` does not match ``motion``). Scheduled posts are checked too. One
    finding per post, severity high; the same matcher guards the composer and ``smguard check post``.

    **Why it matters** Talking about a product or project before it is announced breaks the company's plans
    and often its contracts; the guidelines must say what is under embargo, and the posts show whether that
    works.

    **Example** ``embargo.jsonl`` holds ``{"term": "Phoenix", "aliases": ["凤凰"], "until": "2026-11-20"}``;
    an engineer's Weibo post on 2026-11-02 says "终于可以剧透一下凤凰了": high finding naming that post.
    """
    matcher = EmbargoMatcher.from_rows(ctx.dataset.tables["embargo"])
    if len(matcher) == 0:
        return
    posts = ctx.dataset.posts if opts.include_scheduled else ctx.published_posts
    posts = posts.filter(pl.col("text").is_not_null() & (pl.col("text") != ""))
    if posts.height == 0:
        return
    texts = posts["text"].to_list()
    dates = posts["date"].to_list()
    hits = matcher.find_many(texts, dates)
    if not hits:
        return
    handle = handles(ctx.accounts)
    emp_of = dict(zip(ctx.accounts["id"].to_list(), ctx.accounts["employee_id"].to_list(), strict=True))
    ids, accts, owners, plats, created = (
        posts[c].to_list() for c in ("id", "account_id", "owner", "platform", "created_at")
    )
    per_account: dict[str, int] = {}
    rest: dict[str, list[int]] = {}
    for i, matches in hits:
        per_account[accts[i]] = per_account.get(accts[i], 0) + 1
        if per_account[accts[i]] > opts.max_findings_per_account:
            rest.setdefault(accts[i], []).append(i)
            continue
        text = texts[i]
        first = matches[0]
        terms = list(dict.fromkeys(m.term for m in matches))
        term_en = ", ".join(f'"{t}"' for t in terms)
        term_zh = "、".join(f"「{t}」" for t in terms)
        seen = " ".join(first.text.split())
        quote = snippet(text, first.start, first.end)
        until_en = f"until {first.until.isoformat()}" if first.until else "until further notice"
        until_zh = f"至 {first.until.isoformat()}" if first.until else "直到另行通知"
        scheduled = created[i] > ctx.as_of
        who = handle.get(accts[i], accts[i])
        owner = owners[i] or "brand"
        day = dates[i].isoformat()
        if owner == "employee":
            kind_en, kind_zh = f"employee account {who}", f"员工账号 {who}"
            rec = T(
                "Ask the employee to delete or edit the post now, remind everyone of the embargo list, and "
                "check that the employee has signed the current guidelines.",
                "请该员工立即删除或修改这条帖子，向全体员工重申保密清单，并确认该员工已签署当前准则。",
            )
        else:
            kind_en, kind_zh = f"brand account {who}", f"品牌账号 {who}"
            rec = T(
                "Delete or edit the post now (unschedule it if it is not out yet) and add an embargo check to "
                "the publishing workflow.",
                "立即删除或修改这条帖子（尚未发出的请取消定时），并在发布流程中加入保密清单检查。",
            )
        when_en = f"scheduled for {day}" if scheduled else f"on {day}"
        when_zh = f"定于 {day} 发布" if scheduled else f"于 {day} 发布"
        yield Finding(
            severity="high",
            title=T(f"Post mentions embargoed {term_en}", f"帖子提到了保密中的{term_zh}"),
            message=T(
                f"A post by {kind_en} ({plats[i]}) {when_en} mentions {term_en} as “{seen}”: “{quote}”. "
                f"The embargo holds {until_en}.",
                f"{kind_zh}（{plats[i]}）{when_zh}的帖子提到了{term_zh}（写作“{seen}”）：“{quote}”。"
                f"保密期{until_zh}。",
            ),
            recommendation=rec,
            account_id=accts[i],
            evidence=[Evidence.post(ids[i])],
            data={
                "terms": terms,
                "matched": [m.text for m in matches],
                "owner": owner,
                "employee_id": emp_of.get(accts[i]),
                "scheduled": scheduled,
                "until": first.until.isoformat() if first.until else None,
            },
        )
    for acct_id, idx in rest.items():
        who = handle.get(acct_id, acct_id)
        yield Finding(
            severity="high",
            title=T(
                f"{len(idx)} more posts by {who} mention embargoed topics",
                f"{who} 另有 {len(idx)} 条帖子提到保密内容",
            ),
            message=T(
                f"Besides those listed one by one, {len(idx)} more posts by {who} mention an embargoed term "
                "while the embargo holds.",
                f"除逐条列出的以外，{who} 还有 {len(idx)} 条帖子在保密期内提到了保密内容。",
            ),
            recommendation=T(
                "Remove these posts and add an embargo check to the publishing workflow.",
                "删除这些帖子，并在发布流程中加入保密清单检查。",
            ),
            account_id=acct_id,
            evidence=[Evidence.post(ids[i]) for i in idx],
            data={"count": len(idx)},
        )
