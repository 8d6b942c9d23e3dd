"""The numbers behind the report's charts and the details of every item a finding names, computed once.

:func:`compute_stats` runs after the rules, with Polars over whole tables (a million messages take well under
a second), and returns plain JSON-able data that every renderer reads: nothing here is recomputed per format.

Keys of the returned dict:

``totals``          rows per table, brand accounts, employee accounts
``accounts``        one entry per account: id, platform, handle, owner
``posting``         per brand account: the daily cap, days with posts, days over the cap, the busiest day and the
                    daily counts (``series``: ``[[date, posts], …]`` for every day of the period)
``response``        per platform (brand accounts): inbound messages, complaints, help requests, answered share,
                    median and 90th-percentile first-response time in hours (human replies), automated share
``followers``       per brand account: known followers now following, customers among them, suspicious
                    (flagged by a mistake-5 rule, or by profile signals when no rule flagged any), inactive, other
``response_by_account``  the same per brand account
``complaints``      totals: complaints, help requests, abusive messages, unanswered ones
``items``           ``"type:id"`` → a short description of every item the findings name (the first
                    ``ITEMS_PER_FINDING`` of each finding), so the reports can say *which* post, message or day
``labels_from``     where the message labels came from (the audit's own labels, or a fresh classification)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from smguard.dataset.model import Dataset
from smguard.rules.base import Finding

if TYPE_CHECKING:  # pragma: no cover
    from smguard.report.model import Report

ITEMS_PER_FINDING = 25  # evidence items described per finding; the JSON keeps all of them
FINDINGS_PER_RULE = 40  # findings of one rule shown in the human reports; the JSON keeps all of them
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


def shown_findings(findings: list[Finding]) -> tuple[list[Finding], dict[str, int]]:
    """The findings the human reports show, most severe first, at most ``FINDINGS_PER_RULE`` per rule, and
    how many of each rule are left out (a million-message audit can have thousands of one kind)."""
    ordered = sorted(findings, key=lambda f: (f.mistake, SEVERITY_ORDER[f.severity], f.rule))
    kept: list[Finding] = []
    per: dict[str, int] = {}
    omitted: dict[str, int] = {}
    for f in ordered:
        per[f.rule] = per.get(f.rule, 0) + 1
        if per[f.rule] <= FINDINGS_PER_RULE:
            kept.append(f)
        else:
            omitted[f.rule] = omitted.get(f.rule, 0) + 1
    return kept, omitted


EXCERPT = 160  # characters of user text shown per item
POSTS_PER_DAY = 10  # posts listed under a day named by a finding
DEFAULT_CAP = 3  # the article: at most two or three posts a day


def item_key(ev: Mapping[str, Any]) -> str:
    """The key of an evidence item in ``stats["items"]``."""
    if ev.get("type") == "day":
        return f"day:{ev.get('account_id')}:{ev.get('date')}"
    return f"{ev.get('type')}:{ev.get('id')}"


def _excerpt(text: str | None, limit: int = EXCERPT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _daily_cap(dataset: Dataset) -> tuple[int, dict[str, int]]:
    """The SM601 cap as the audit applied it (defaults overridden by ``[policy]``)."""
    try:
        from smguard.rules import REGISTRY, all_rules
        from smguard.rules.engine import resolve_options

        all_rules()
        rule = REGISTRY.get("SM601")
        if rule is None:
            return DEFAULT_CAP, {}
        opts = resolve_options(rule, dataset.policy).model_dump()
        return int(opts.get("max_posts_per_day", DEFAULT_CAP)), dict(
            opts.get("max_posts_per_day_by_platform") or {}
        )
    except Exception:  # pragma: no cover - a broken rule must not cost the user the report
        return DEFAULT_CAP, {}


def _local(col: str, tz: str) -> pl.Expr:
    return pl.col(col).dt.convert_time_zone(tz).dt.strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------------------------------------ sections


def _accounts(ds: Dataset) -> list[dict[str, Any]]:
    acc = ds.accounts
    cols = [c for c in ("id", "platform", "handle", "owner", "employee_id") if c in acc.columns]
    return acc.select(cols).to_dicts()


def _posting(ds: Dataset, brand: pl.DataFrame) -> list[dict[str, Any]]:
    cap, by_platform = _daily_cap(ds)
    posts = ds.posts
    if posts.height == 0 or brand.height == 0:
        return []
    posts = posts.filter((pl.col("owner") == "brand") & (pl.col("created_at") <= ds.as_of))
    per_day = posts.group_by("account_id", "date").agg(pl.len().alias("n")).sort("account_id", "date")
    start, end = ds.period()
    out = []
    for acc in brand.iter_rows(named=True):
        rows = per_day.filter(pl.col("account_id") == acc["id"])
        acap = int(by_platform.get(acc["platform"], cap))
        series = [[str(d), int(n)] for d, n in zip(rows["date"].to_list(), rows["n"].to_list(), strict=True)]
        over = [s for s in series if s[1] > acap]
        busiest = max(series, key=lambda s: s[1]) if series else None
        out.append(
            {
                "account_id": acc["id"],
                "platform": acc["platform"],
                "handle": acc["handle"] or acc["id"],
                "cap": acap,
                "posts": int(rows["n"].sum()) if rows.height else 0,
                "days_with_posts": len(series),
                "days_over_cap": len(over),
                "busiest": busiest,
                "series": series,
            }
        )
    return out


def _first_responses(ds: Dataset, inbound: pl.DataFrame | None = None) -> pl.DataFrame:
    """Inbound messages of brand accounts with the time of their first human and first automated answer.

    ``inbound``: the inbound messages (all of them, in data set order, maybe with label columns added).
    """
    msgs = ds.messages
    if inbound is None:
        inbound = msgs.filter(pl.col("direction") == "in")
    inbound = inbound.filter(pl.col("owner") == "brand")
    out = msgs.filter((pl.col("direction") == "out") & pl.col("in_reply_to").is_not_null())
    auto = pl.col("automated").fill_null(False)
    first = out.group_by("in_reply_to").agg(
        pl.col("created_at").filter(~auto).min().alias("human_at"),
        pl.col("created_at").filter(auto).min().alias("auto_at"),
    )
    return inbound.join(first, left_on="id", right_on="in_reply_to", how="left")


def _response(
    ds: Dataset, labels: Mapping[str, np.ndarray] | None
) -> tuple[list[dict[str, Any]], dict[str, Any], pl.DataFrame]:
    msgs = ds.messages
    if msgs.height == 0:
        return [], {}, pl.DataFrame()
    all_in = msgs.filter(pl.col("direction") == "in")
    n = all_in.height
    if labels is not None and all(len(v) == n for v in labels.values()):
        # The labels are aligned with every inbound message: put them beside their messages before keeping
        # those of brand accounts (the same as joining them on the unique id afterwards, without the join).
        inbound = _first_responses(
            ds,
            all_in.with_columns(
                pl.Series("complaint", np.asarray(labels["complaint"], dtype=bool)),
                pl.Series("help_request", np.asarray(labels["help_request"], dtype=bool)),
                pl.Series("abusive", np.asarray(labels["abusive"], dtype=bool)),
            ),
        )
        label_cols = ["complaint", "help_request", "abusive"]
        inbound = inbound.select(*(c for c in inbound.columns if c not in label_cols), *label_cols)
    else:
        inbound = _first_responses(ds, all_in).with_columns(
            complaint=pl.lit(False), help_request=pl.lit(False), abusive=pl.lit(False)
        )
    hours = ((pl.col("human_at") - pl.col("created_at")).dt.total_seconds() / 3600.0).alias("hours")
    inbound = inbound.with_columns(hours)
    needs = pl.col("complaint") | pl.col("help_request")
    aggs = [
        pl.len().alias("inbound"),
        pl.col("complaint").sum().alias("complaints"),
        pl.col("help_request").sum().alias("help_requests"),
        pl.col("human_at").is_not_null().mean().alias("answered_share"),
        (needs & pl.col("human_at").is_null()).sum().alias("unanswered_needing_reply"),
        pl.col("hours").median().alias("median_hours"),
        pl.col("hours").quantile(0.9, "nearest").alias("p90_hours"),
        pl.col("hours").filter(needs).median().alias("median_hours_complaints"),
        pl.col("auto_at").is_not_null().mean().alias("auto_answered_share"),
    ]
    per = inbound.group_by("platform").agg(aggs).sort("platform")
    rows = [
        {k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items()}
        for r in per.iter_rows(named=True)
    ]
    by_acc = inbound.group_by("account_id").agg(aggs).sort("account_id")
    acc_rows = [
        {k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items()}
        for r in by_acc.iter_rows(named=True)
    ]
    totals = {
        "inbound": inbound.height,
        "complaints": int(inbound["complaint"].sum()),
        "help_requests": int(inbound["help_request"].sum()),
        "abusive": int(inbound["abusive"].sum()),
        "unanswered": int(inbound.filter(needs & pl.col("human_at").is_null()).height),
        "by_account": acc_rows,
    }
    return rows, totals, inbound


def _followers(ds: Dataset, brand: pl.DataFrame, flagged: set[tuple[str, str]]) -> list[dict[str, Any]]:
    f = ds.followers
    if f.height == 0:
        return []
    f = f.filter(pl.col("account_id").is_in(brand["id"].implode()))
    now = f.filter(pl.col("unfollowed_at").is_null() | (pl.col("unfollowed_at") > ds.as_of))
    # Customers: platform + user_id, or platform + handle (case-insensitive, leading @ ignored).
    cust_ids = pl.DataFrame(schema={"platform": pl.String, "user_id": pl.String, "handle": pl.String})
    if ds.has("customers") and "social" in ds.tables["customers"].columns:
        soc = (
            ds.tables["customers"].select(pl.col("social").explode()).unnest("social").drop_nulls("platform")
        )
        cust_ids = soc.select("platform", "user_id", "handle")
    norm = pl.col("handle").str.to_lowercase().str.strip_chars_start("@")
    by_id = (
        cust_ids.drop_nulls("user_id").select("platform", "user_id").unique().with_columns(c1=pl.lit(True))
    )
    by_handle = (
        cust_ids.drop_nulls("handle")
        .select("platform", norm.alias("h"))
        .unique()
        .with_columns(c2=pl.lit(True))
    )
    cols = set(now.columns)

    def col(name: str, default: Any) -> pl.Expr:
        return pl.col(name).fill_null(default) if name in cols else pl.lit(default)

    now = (
        now.join(by_id, on=["platform", "user_id"], how="left")
        .with_columns(norm.alias("h"))
        .join(by_handle, on=["platform", "h"], how="left")
        .with_columns(customer=pl.col("c1").fill_null(False) | pl.col("c2").fill_null(False))
    )
    if flagged:
        fl = pl.DataFrame(
            {
                "account_id": [a for a, _ in flagged],
                "user_id": [u for _, u in flagged],
                "flag": [True] * len(flagged),
            }
        )
        now = now.join(fl, on=["account_id", "user_id"], how="left").with_columns(
            suspicious=pl.col("flag").fill_null(False) & ~pl.col("customer")
        )
        source = "rules"
    else:
        sus = ((~col("has_avatar", True)) & (col("posts_count", 10) <= 2)) | (
            (col("following_count", 0) >= 1000) & (col("followers_count", 0) * 50 < col("following_count", 0))
        )
        now = now.with_columns(suspicious=sus & ~pl.col("customer"))
        source = "profile signals"
    now = now.with_columns(
        inactive=(col("posts_count", 10) <= 3) & ~pl.col("customer") & ~pl.col("suspicious")
    )
    agg = now.group_by("account_id").agg(
        pl.len().alias("following"),
        pl.col("customer").sum().alias("customers"),
        pl.col("suspicious").sum().alias("suspicious"),
        pl.col("inactive").sum().alias("inactive"),
    )
    by = {r["account_id"]: r for r in agg.iter_rows(named=True)}
    out = []
    for acc in brand.iter_rows(named=True):
        r = by.get(acc["id"])
        if r is None:
            continue
        other = r["following"] - r["customers"] - r["suspicious"] - r["inactive"]
        out.append(
            {
                "account_id": acc["id"],
                "platform": acc["platform"],
                "handle": acc["handle"] or acc["id"],
                "following": int(r["following"]),
                "customers": int(r["customers"]),
                "suspicious": int(r["suspicious"]),
                "inactive": int(r["inactive"]),
                "other": int(other),
                "source": source,
            }
        )
    return out


def _growth(ds: Dataset, brand: pl.DataFrame) -> list[dict[str, Any]]:
    fc = ds.tables.get("follower_counts")
    if fc is None or fc.height == 0:
        return []
    out = []
    for acc in brand.iter_rows(named=True):
        rows = fc.filter(pl.col("account_id") == acc["id"]).sort("date")
        if rows.height == 0:
            continue
        first, last = int(rows["followers"][0]), int(rows["followers"][-1])
        out.append(
            {
                "account_id": acc["id"],
                "platform": acc["platform"],
                "handle": acc["handle"] or acc["id"],
                "start": first,
                "end": last,
                "change": last - first,
                "series": [
                    [str(d), int(n)]
                    for d, n in zip(rows["date"].to_list(), rows["followers"].to_list(), strict=True)
                ],
            }
        )
    return out


# ------------------------------------------------------------------------------------------------ items


def _items(ds: Dataset, report: Report, inbound: pl.DataFrame) -> dict[str, dict[str, Any]]:
    """Describe every evidence item the renderers will show (the first few of each finding)."""
    wanted: dict[str, set[str]] = {}
    days: set[tuple[str, str]] = set()
    for f in shown_findings(report.findings)[0]:
        for ev in f.evidence[:ITEMS_PER_FINDING]:
            if ev.type == "day":
                days.add((ev.account_id or "", ev.date or ""))
            elif ev.id is not None:
                wanted.setdefault(ev.type, set()).add(ev.id)
        if f.account_id:
            wanted.setdefault("account", set()).add(f.account_id)
    tz = ds.timezone
    acc = {r["id"]: r for r in ds.accounts.iter_rows(named=True)}
    items: dict[str, dict[str, Any]] = {}

    def handle(aid: str | None) -> dict[str, Any]:
        a = acc.get(aid or "")
        return {
            "account_id": aid,
            "platform": a["platform"] if a else None,
            "handle": (a["handle"] or aid) if a else aid,
        }

    for aid in wanted.get("account", ()):
        a = acc.get(aid)
        items[f"account:{aid}"] = {
            "type": "account",
            "id": aid,
            **handle(aid),
            "owner": a["owner"] if a else None,
        }
    if "post" in wanted and ds.posts.height:
        ids = pl.Series(sorted(wanted["post"]))
        for r in (
            ds.posts.filter(pl.col("id").is_in(ids.implode()))
            .with_columns(_local("created_at", tz).alias("when"))
            .iter_rows(named=True)
        ):
            items[f"post:{r['id']}"] = {
                "type": "post",
                "id": r["id"],
                **handle(r["account_id"]),
                "when": r["when"],
                "text": _excerpt(r.get("text")),
                "link": r.get("link"),
            }
    if "message" in wanted and ds.messages.height:
        ids = pl.Series(sorted(wanted["message"]))
        for r in (
            ds.messages.filter(pl.col("id").is_in(ids.implode()))
            .with_columns(_local("created_at", tz).alias("when"))
            .iter_rows(named=True)
        ):
            items[f"message:{r['id']}"] = {
                "type": "message",
                "id": r["id"],
                **handle(r["account_id"]),
                "when": r["when"],
                "channel": r["channel"],
                "direction": r["direction"],
                "author": r.get("author_handle") or r.get("author_id"),
                "text": _excerpt(r.get("text")),
                "automated": bool(r.get("automated") or False),
            }
        if inbound.height:
            for r in inbound.filter(pl.col("id").is_in(ids.implode())).iter_rows(named=True):
                it = items.get(f"message:{r['id']}")
                if it is not None:
                    it["answered_after_hours"] = None if r["hours"] is None else round(r["hours"], 1)
    if "like" in wanted and ds.tables["likes"].height:
        ids = pl.Series(sorted(wanted["like"]))
        for r in (
            ds.tables["likes"]
            .filter(pl.col("id").is_in(ids.implode()))
            .with_columns(_local("created_at", tz).alias("when"))
            .iter_rows(named=True)
        ):
            items[f"like:{r['id']}"] = {
                "type": "like",
                "id": r["id"],
                **handle(r["account_id"]),
                "when": r["when"],
                "text": _excerpt(r.get("target_text")),
            }
    if "employee" in wanted and ds.tables["employees"].height:
        ids = pl.Series(sorted(wanted["employee"]))
        for r in ds.tables["employees"].filter(pl.col("id").is_in(ids.implode())).iter_rows(named=True):
            items[f"employee:{r['id']}"] = {
                "type": "employee",
                "id": r["id"],
                "name": r.get("name"),
                "department": r.get("department"),
                "left_at": str(r["left_at"])[:10] if r.get("left_at") else None,
            }
    if "campaign" in wanted and ds.tables["campaigns"].height:
        ids = pl.Series(sorted(wanted["campaign"]))
        for r in ds.tables["campaigns"].filter(pl.col("id").is_in(ids.implode())).iter_rows(named=True):
            items[f"campaign:{r['id']}"] = {
                "type": "campaign",
                "id": r["id"],
                **handle(r["account_id"]),
                "name": r.get("name"),
                "kind": r.get("kind"),
                "when": str(r["started_at"])[:10] if r.get("started_at") else None,
            }
    if "follower" in wanted and ds.followers.height:
        ids = pl.Series(sorted(wanted["follower"]))
        for r in ds.followers.filter(pl.col("user_id").is_in(ids.implode())).iter_rows(named=True):
            items[f"follower:{r['user_id']}"] = {
                "type": "follower",
                "id": r["user_id"],
                **handle(r["account_id"]),
                "author": r.get("handle"),
                "followers_count": r.get("followers_count"),
                "following_count": r.get("following_count"),
                "posts_count": r.get("posts_count"),
            }
    if days and ds.posts.height:
        # The posts of each day named by a finding, so the report can list them ("which posts that day").
        keys = pl.DataFrame({"account_id": [a for a, _ in days], "day": [d for _, d in days]})
        day_posts = (
            ds.posts.with_columns(pl.col("date").cast(pl.String).alias("day"))
            .join(keys, on=["account_id", "day"], how="semi")
            .sort("created_at")
            .with_columns(pl.col("created_at").dt.convert_time_zone(tz).dt.strftime("%H:%M").alias("hm"))
        )
        listed: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in day_posts.iter_rows(named=True):
            listed.setdefault((r["account_id"], r["day"]), []).append(
                {"id": r["id"], "time": r["hm"], "text": _excerpt(r.get("text"), 80)}
            )
        for aid, d in days:
            posts = listed.get((aid, d), [])
            items[f"day:{aid}:{d}"] = {
                "type": "day",
                "id": f"{aid}:{d}",
                **handle(aid),
                "date": d,
                "posts": len(posts),
                "post_list": posts[:POSTS_PER_DAY],
            }
    for aid, d in days:
        items.setdefault(f"day:{aid}:{d}", {"type": "day", "id": f"{aid}:{d}", **handle(aid), "date": d})
    return items


# ------------------------------------------------------------------------------------------------ entry


def compute_stats(
    dataset: Dataset, report: Report, labels: Mapping[str, Mapping[str, np.ndarray]] | None = None
) -> dict[str, Any]:
    """Everything the renderers chart or look up, from the loaded data set and the computed findings.

    ``labels`` are the text labels the audit already computed (kind → arrays aligned with that kind's
    messages); without them the inbound messages are classified here, once.
    """
    ds = dataset
    brand = ds.accounts.filter(pl.col("owner") == "brand").select("id", "platform", "handle")
    inbound_labels = (labels or {}).get("inbound")
    labels_from = "audit"
    n_in = ds.messages.filter(pl.col("direction") == "in").height if ds.messages.height else 0
    if inbound_labels is None and n_in:
        from smguard.text import classify_texts

        texts = ds.messages.filter(pl.col("direction") == "in")["text"].fill_null("").to_list()
        inbound_labels = classify_texts(texts, kind="inbound")
        labels_from = "report"
    response, complaints, inbound = _response(ds, inbound_labels)
    flagged = {
        (ev.account_id or "", ev.id or "")
        for f in report.findings
        if f.mistake == 5 and f.severity != "info"
        for ev in f.evidence
        if ev.type == "follower"
    }
    return {
        "totals": {
            **{k: v for k, v in report.counts.items()},
            "brand_accounts": brand.height,
            "employee_accounts": ds.accounts.height - brand.height,
        },
        "accounts": _accounts(ds),
        "posting": _posting(ds, brand),
        "response": response,
        "response_by_account": complaints.pop("by_account", []),
        "complaints": complaints,
        "followers": _followers(ds, brand, flagged),
        "growth": _growth(ds, brand),
        "items": _items(ds, report, inbound),
        "labels_from": labels_from,
    }
