"""Fill the store from a data set (``smguard load DATASET_DIR --db URL``).

The data set is read by :func:`smguard.dataset.load.load_dataset` (the same loader as the audit), every table is
upserted by its key (loading twice changes nothing; a corrected data set updates the rows in place), messages
get their text labels from :func:`smguard.text.classify_texts` in batches, and the audit of the data set
(:func:`smguard.report.model.build_report`) is stored as a snapshot, with the weekly score trend, for the
dashboard. Workspace state (assignments, resolved, private-only, replies sent from the app) is never
overwritten by a reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
from sqlalchemy import Engine, and_, delete, exists, select, update
from sqlalchemy.orm import Session, aliased

from smguard.dataset.model import Dataset
from smguard.store.db import session_scope, upgrade
from smguard.store.models import (
    URGENCY,
    Account,
    Acknowledgment,
    AuditSnapshot,
    Base,
    Campaign,
    Customer,
    Embargo,
    Employee,
    Follower,
    FollowerCount,
    FollowerInterest,
    Guideline,
    Like,
    Message,
    Meta,
    Post,
    ScoreHistory,
)
from smguard.text import output_keys

BATCH = 5000
LABEL_BATCH = 20000

# data set table → (model, key columns)
TABLE_MODELS: dict[str, tuple[type[Base], tuple[str, ...]]] = {
    "accounts": (Account, ("id",)),
    "employees": (Employee, ("id",)),
    "posts": (Post, ("id",)),
    "messages": (Message, ("id",)),
    "followers": (Follower, ("account_id", "user_id")),
    "follower_counts": (FollowerCount, ("account_id", "date")),
    "likes": (Like, ("id",)),
    "customers": (Customer, ("id",)),
    "guidelines": (Guideline, ("version",)),
    "acknowledgments": (Acknowledgment, ("employee_id", "version")),
    "embargo": (Embargo, ("term",)),
    "campaigns": (Campaign, ("id",)),
}
# columns a reload must not overwrite (workspace state)
KEEP_ON_RELOAD = {
    "messages": {
        "needs_reply",
        "replied_at",
        "assigned_to",
        "resolved",
        "resolved_at",
        "private_only",
        "sent_by",
    },
    "posts": {"created_by"},
    "guidelines": {"published_by"},
}


@dataclass
class LoadResult:
    dataset_name: str
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    snapshot_id: int | None = None
    overall: int | None = None


def upsert(
    db: Session,
    model: type[Base],
    rows: list[dict[str, Any]],
    keys: tuple[str, ...],
    keep: Iterable[str] = (),
) -> None:
    """Insert rows, or update the existing row with the same key (SQLite and PostgreSQL)."""
    if not rows:
        return
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - other databases: slow but portable
        _merge(db, model, rows)
        return
    table = model.__table__
    cols = [c for c in rows[0] if c not in keys and c not in set(keep)]
    for chunk in _chunks(rows, BATCH):
        stmt = insert(table)
        if cols:
            stmt = stmt.on_conflict_do_update(
                index_elements=list(keys), set_={c: stmt.excluded[c] for c in cols}
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
        db.execute(stmt, chunk)


def _merge(db: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    for row in rows:
        db.merge(model(**row))


def _chunks(rows: list[Any], n: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), n):
        yield rows[i : i + n]


def _rows(
    df: pl.DataFrame, model: type[Base], defaults: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    cols = [c.name for c in model.__table__.columns if c.name in df.columns]
    rows = df.select(cols).to_dicts()
    if defaults:
        for r in rows:
            for k, v in defaults.items():
                if r.get(k) is None:
                    r[k] = v
    return rows


# ------------------------------------------------------------------------------------------ derivations


class CachingLabeler:
    """``classify_texts`` with a memory of (kind, text) → labels, so the message labels of the load and the
    audits of the weekly trend (subsets of the same texts) classify each text once."""

    def __init__(self, base: Callable[..., dict[str, Any]] | None = None):
        if base is None:
            from smguard.text import classify_texts as base
        self.base = base
        self.cache: dict[tuple[str, str], dict[str, Any]] = {}

    def __call__(self, texts: Any, kind: str = "inbound", langs: Any = None) -> dict[str, Any]:
        import numpy as np

        texts = ["" if t is None else str(t) for t in texts]
        missing = list(dict.fromkeys(t for t in texts if (kind, t) not in self.cache))
        if missing or not texts:
            out = self.base(missing, kind=kind) if missing or not texts else {}
            for i, t in enumerate(missing):
                self.cache[(kind, t)] = {k: v[i] for k, v in out.items()}
            if not texts:
                return out
        rows = [self.cache[(kind, t)] for t in texts]
        result = {}
        for k in rows[0]:
            vals = [r[k] for r in rows]
            result[k] = np.array(vals, dtype=object if isinstance(vals[0], str) else None)
        return result


def primary_label(abusive: bool, complaint: bool, help_request: bool, sentiment: str | None) -> str:
    """The one label the inbox shows for an inbound message (most urgent first)."""
    if abusive:
        return "abusive"
    if complaint:
        return "complaint"
    if help_request:
        return "help_request"
    if sentiment == "positive":
        return "praise"
    return "other"


def label_messages(
    messages: pl.DataFrame,
    labeler: Callable[..., dict[str, Any]] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> pl.DataFrame:
    """Add label columns (``label``, ``urgency``, the classifier outputs) to a messages table."""
    if labeler is None:
        from smguard.text import classify_texts as labeler
    parts = []
    for direction, kind, keys in (
        ("in", "inbound", output_keys("inbound")),
        ("out", "reply", output_keys("reply")),
    ):
        sub = messages.filter(pl.col("direction") == direction)
        if sub.height == 0:
            continue
        texts = sub["text"].fill_null("").to_list()
        cols: dict[str, list[Any]] = {k: [] for k in keys}
        for i in range(0, len(texts), LABEL_BATCH):
            out = labeler(texts[i : i + LABEL_BATCH], kind=kind)
            for k in keys:
                cols[k].extend(out[k].tolist() if hasattr(out[k], "tolist") else list(out[k]))
            if progress:
                progress(f"labels ({kind})", min(i + LABEL_BATCH, len(texts)))
        lab = pl.DataFrame({k: pl.Series(k, v, strict=False) for k, v in cols.items()})
        parts.append(pl.concat([sub, lab], how="horizontal"))
    if not parts:
        return messages
    out = pl.concat(parts, how="diagonal_relaxed")
    labels = [
        primary_label(a, c, h, s) if d == "in" else "other"
        for d, a, c, h, s in zip(
            out["direction"].to_list(),
            out["abusive"].to_list(),
            out["complaint"].to_list(),
            out["help_request"].to_list(),
            out["sentiment"].to_list(),
            strict=True,
        )
    ]
    out = out.with_columns(pl.Series("label", labels, dtype=pl.String))
    return out.with_columns(
        pl.when(pl.col("direction") == "in")
        .then(pl.col("label").replace_strict(URGENCY, default=1, return_dtype=pl.Int64))
        .otherwise(0)
        .alias("urgency")
    )


def thread_ids(
    ids: list[str], parents: list[str | None], known_roots: dict[str, str] | None = None
) -> list[str]:
    """The first message of each message's reply chain (a cycle or a missing parent ends the chain)."""
    parent = {i: p for i, p in zip(ids, parents, strict=True) if p}
    roots: dict[str, str] = dict(known_roots or {})
    out = []
    for i in ids:
        chain = []
        cur = i
        seen = set()
        while cur not in roots and cur in parent and cur not in seen:
            seen.add(cur)
            chain.append(cur)
            cur = parent[cur]
        root = roots.get(cur, cur)
        for c in chain:
            roots[c] = root
        roots.setdefault(i, root)
        out.append(roots[i])
    return out


def _customer_index(customers: pl.DataFrame) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    by_id: dict[tuple[str, str], str] = {}
    by_handle: dict[tuple[str, str], str] = {}
    if customers.height == 0 or "social" not in customers.columns:
        return by_id, by_handle
    for cid, social in zip(customers["id"].to_list(), customers["social"].to_list(), strict=True):
        for s in social or []:
            platform = (s.get("platform") or "").lower()
            if s.get("user_id"):
                by_id[(platform, str(s["user_id"]))] = cid
            if s.get("handle"):
                by_handle[(platform, normalize_handle(s["handle"]))] = cid
    return by_id, by_handle


def normalize_handle(handle: str | None) -> str:
    return (handle or "").strip().lstrip("@").lower()


# ------------------------------------------------------------------------------------------ the load


def load_into_store(
    engine: Engine,
    dataset: Dataset,
    *,
    labeler: Any = None,
    audit: bool = True,
    trend_weeks: int = 8,
    progress: Callable[[str, int], None] | None = None,
    migrate: bool = True,
) -> LoadResult:
    """Upsert every table of ``dataset`` into the store behind ``engine``; store the audit snapshot."""
    if migrate:
        upgrade(engine)
    result = LoadResult(dataset.name, problems=[str(p) for p in dataset.problems])
    labeler = labeler if isinstance(labeler, CachingLabeler) else CachingLabeler(labeler)
    t = dataset.tables
    as_of = dataset.as_of
    with session_scope(engine) as db:
        for name in ("accounts", "employees"):
            rows = _rows(t[name], TABLE_MODELS[name][0])
            upsert(db, TABLE_MODELS[name][0], rows, TABLE_MODELS[name][1])
            result.counts[name] = len(rows)
        # posts
        posts = t["posts"]
        if posts.height:
            posts = posts.with_columns(
                pl.when(pl.col("created_at") > as_of)
                .then(pl.lit("scheduled"))
                .otherwise(pl.lit("published"))
                .alias("status")
            )
        rows = _rows(posts, Post)
        upsert(db, Post, rows, ("id",), KEEP_ON_RELOAD["posts"])
        result.counts["posts"] = len(rows)
        # messages: labels, threads
        msgs = t["messages"]
        if msgs.height:
            msgs = label_messages(msgs, labeler, progress)
            msgs = msgs.with_columns(
                pl.Series(
                    "thread_id",
                    thread_ids(msgs["id"].to_list(), msgs["in_reply_to"].to_list()),
                    dtype=pl.String,
                ),
                pl.col("automated").fill_null(False),
            )
        rows = _rows(msgs, Message)
        for r in rows:
            for k in ("complaint", "help_request", "abusive"):
                r[k] = bool(r.get(k) or False)
        upsert(db, Message, rows, ("id",), KEEP_ON_RELOAD["messages"])
        result.counts["messages"] = len(rows)
        if progress:
            progress("messages stored", len(rows))
        refresh_inbox_state(db)
        # followers (+ customer match, suspect flag, interests)
        fol = t["followers"]
        if fol.height:
            from smguard.rules.m5_quality._signals import with_signals

            fol = with_signals(fol, as_of).with_columns(pl.col("fake").alias("suspect"))
        rows = _rows(fol, Follower)
        if rows:
            by_id, by_handle = _customer_index(t["customers"])
            platform = dict(
                zip(t["accounts"]["id"].to_list(), t["accounts"]["platform"].to_list(), strict=True)
            )
            for r in rows:
                p = platform.get(r["account_id"], "")
                r["customer_id"] = by_id.get((p, str(r["user_id"]))) or by_handle.get(
                    (p, normalize_handle(r.get("handle")))
                )
        upsert(db, Follower, rows, ("account_id", "user_id"))
        interests = [
            {"account_id": r["account_id"], "user_id": r["user_id"], "interest": str(i).strip()}
            for r in rows
            for i in dict.fromkeys(r.get("interests") or [])
            if str(i).strip()
        ]
        upsert(db, FollowerInterest, interests, ("account_id", "user_id", "interest"))
        result.counts["followers"] = len(rows)
        for name in ("follower_counts", "likes", "customers", "guidelines", "acknowledgments", "campaigns"):
            model, keys = TABLE_MODELS[name]
            rows = _rows(t[name], model)
            if name == "campaigns" and rows:
                tcols = [c for c in t[name].columns if c.startswith("t_")]
                for r, full in zip(rows, t[name].select(tcols).to_dicts(), strict=True):
                    r["targeting"] = {c[2:]: v for c, v in full.items() if v not in (None, [], "")}
            if name == "acknowledgments":
                rows = list({(r["employee_id"], r["version"]): r for r in rows}.values())
            if name == "guidelines":
                for r in rows:
                    r["requires_signature"] = (
                        True if r.get("requires_signature") is None else r["requires_signature"]
                    )
            upsert(db, model, rows, keys, KEEP_ON_RELOAD.get(name, ()))
            result.counts[name] = len(rows)
        rows = list({r["term"]: r for r in _rows(t["embargo"], Embargo)}.values())
        upsert(db, Embargo, rows, ("term",))
        result.counts["embargo"] = len(rows)
        _store_meta(db, dataset)
    with engine.begin() as conn:  # fresh planner statistics for the inbox indexes
        conn.exec_driver_sql(
            "PRAGMA optimize=0x10002" if engine.dialect.name == "sqlite" else "ANALYZE messages"
        )
    if audit:
        result.snapshot_id, result.overall = store_audit(
            engine, dataset, labeler=labeler, trend_weeks=trend_weeks
        )
    return result


def refresh_inbox_state(db: Session) -> None:
    """Recompute ``needs_reply``/``replied_at`` of inbound messages from the replies in the store."""
    reply = aliased(Message)
    answered = exists().where(and_(reply.in_reply_to == Message.id, reply.direction == "out"))
    first_reply = (
        select(reply.created_at)
        .where(reply.in_reply_to == Message.id, reply.direction == "out")
        .order_by(reply.created_at)
        .limit(1)
        .scalar_subquery()
    )
    db.execute(
        update(Message)
        .where(Message.direction == "in")
        .values(replied_at=first_reply, needs_reply=~answered & ~Message.resolved)
        .execution_options(synchronize_session=False)
    )


def dataset_brand_terms(dataset: Dataset) -> list[str]:
    """The brand and product terms the audit uses (SM604): name, handles, embargoed products."""
    from smguard.rules.context import AuditContext
    from smguard.rules.m6_overdoing._brand_terms import brand_terms

    return brand_terms(AuditContext(dataset))


def _store_meta(db: Session, dataset: Dataset) -> None:
    values = {
        "dataset_name": dataset.name,
        "timezone": dataset.timezone,
        "language": dataset.language,
        "as_of": dataset.as_of.isoformat(),
        "dataset_path": str(dataset.path) if dataset.path else None,
        "policy": dataset.policy,
        "brand_terms": dataset_brand_terms(dataset),  # folded brand/product terms for the likes queue
    }
    for k, v in values.items():
        row = db.get(Meta, k)
        if row is None:
            db.add(Meta(key=k, value=v))
        else:
            row.value = v


# ------------------------------------------------------------------------------------------ audit snapshot


def findings_json(report: Any) -> list[dict[str, Any]]:
    """Findings with their texts in both languages: ``title``/``message``/``recommendation`` are {en, zh}."""
    out = []
    for f in report.findings:
        en, zh = f.to_json("en"), f.to_json("zh")
        item = dict(en)
        for k in ("title", "message", "recommendation"):
            item[k] = {"en": en[k], "zh": zh[k]}
        out.append(item)
    return out


def store_audit(
    engine: Engine, dataset: Dataset, *, labeler: Any = None, trend_weeks: int = 8
) -> tuple[int, int]:
    """Run the audit, store (or refresh) its snapshot and the weekly trend. Returns (snapshot id, overall)."""
    from smguard.report.model import build_report

    report = build_report(dataset, labeler=labeler)
    with session_scope(engine) as db:
        snap = db.scalar(
            select(AuditSnapshot).where(
                AuditSnapshot.dataset_name == dataset.name, AuditSnapshot.as_of == dataset.as_of
            )
        )
        values = {
            "scores": {str(k): v for k, v in report.scores.items()},
            "overall": report.overall,
            "findings": findings_json(report),
            "not_run": report.not_run,
        }
        if snap is None:
            snap = AuditSnapshot(
                as_of=dataset.as_of, dataset_name=dataset.name, created_at=datetime.now(UTC), **values
            )
            db.add(snap)
        else:
            for k, v in values.items():
                setattr(snap, k, v)
        db.flush()
        snap_id = snap.id
        for week, week_as_of, scores, overall in weekly_scores(dataset, report, labeler, trend_weeks):
            row = db.get(ScoreHistory, week)
            if row is None:
                db.add(ScoreHistory(week=week, as_of=week_as_of, scores=scores, overall=overall))
            else:
                row.as_of, row.scores, row.overall = week_as_of, scores, overall
    return snap_id, report.overall


def weekly_scores(
    dataset: Dataset, report: Any, labeler: Any, weeks: int
) -> Iterator[tuple[date, datetime, dict, int]]:
    """Scores as they were at the end of each of the last ``weeks`` weeks (the data cut at that moment)."""
    from smguard.report.model import build_report

    tz = ZoneInfo(dataset.timezone)
    local = dataset.as_of.astimezone(tz).date()
    this_monday = local - timedelta(days=local.weekday())
    yield this_monday, dataset.as_of, {str(k): v for k, v in report.scores.items()}, report.overall
    for n in range(1, weeks):
        monday = this_monday - timedelta(weeks=n)
        end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=tz).astimezone(UTC) - timedelta(
            seconds=1
        )
        cut = _cut(dataset, end)
        if cut is None:
            break
        rep = build_report(cut, labeler=labeler)
        yield monday, end, {str(k): v for k, v in rep.scores.items()}, rep.overall


TIME_COLUMNS = {
    "posts": "created_at",
    "messages": "created_at",
    "likes": "created_at",
    "acknowledgments": "signed_at",
    "guidelines": "published_at",
    "campaigns": "started_at",
    "followers": "followed_at",
}


def _cut(dataset: Dataset, end: datetime) -> Dataset | None:
    """The data set as it was at ``end``: rows after it dropped, ``as_of`` moved back. None when nothing is left."""
    tables = {}
    for name, df in dataset.tables.items():
        col = TIME_COLUMNS.get(name)
        if col and col in df.columns and df.height:
            df = df.filter(pl.col(col).is_null() | (pl.col(col) <= end))
        tables[name] = df
    if not any(tables[n].height for n in ("posts", "messages")):
        return None
    return Dataset(
        name=dataset.name,
        timezone=dataset.timezone,
        as_of=end,
        tables=tables,
        present=set(dataset.present),
        language=dataset.language,
        policy=dataset.policy,
        path=dataset.path,
    )


def load_path(engine: Engine, folder: str | Path, **kwargs: Any) -> LoadResult:
    from smguard.dataset.load import load_dataset

    return load_into_store(engine, load_dataset(folder), **kwargs)


def delete_all(engine: Engine) -> None:  # used by tests and ``smguard load --replace``
    with session_scope(engine) as db:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in ("users", "sessions", "alembic_version"):
                db.execute(delete(table))
