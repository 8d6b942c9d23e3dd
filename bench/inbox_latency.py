"""Inbox first-page latency with 1M messages in the store, on SQLite and PostgreSQL.

Fills a fresh store (Alembic-migrated, the same schema and indexes as production) with N messages by bulk insert
(executemany on SQLite, COPY on PostgreSQL), then requests the inbox's first page through the whole web app
(session cookie lookup, permission check, query, JSON) R times per view, and reports p50/p95/max in ms.

    .venv/bin/python bench/inbox_latency.py                      # 1M messages, SQLite (and PostgreSQL when
                                                                 # SMGUARD_TEST_DATABASE_URL or --pg is given)
    .venv/bin/python bench/inbox_latency.py --messages 200000 --requests 100 --pg postgresql+psycopg://…

The PostgreSQL run uses a schema of its own and drops it afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from smguard.store.db import make_engine, session_scope, upgrade
from smguard.store.models import URGENCY, Account, Message
from smguard.web.security import create_user

ACCOUNTS = [
    (f"acc{i}", p)
    for i, p in enumerate(
        [
            "weibo",
            "wechat",
            "douyin",
            "x",
            "instagram",
            "facebook",
            "xiaohongshu",
            "linkedin",
            "tiktok",
            "youtube",
        ]
    )
]
LABELS = [("complaint", 0.15), ("help_request", 0.2), ("abusive", 0.03), ("praise", 0.3), ("other", 0.32)]
COLUMNS = (
    "id",
    "account_id",
    "created_at",
    "channel",
    "direction",
    "author_id",
    "author_handle",
    "text",
    "in_reply_to",
    "post_id",
    "automated",
    "thread_id",
    "lang",
    "label",
    "urgency",
    "complaint",
    "help_request",
    "abusive",
    "needs_reply",
    "replied_at",
    "resolved",
    "private_only",
)
VIEWS = {
    "all": {},
    "needs_reply": {"view": "needs_reply"},
    "label=complaint": {"label": "complaint"},
    "needs_reply+label=help_request": {"view": "needs_reply", "label": "help_request"},
    "account": {"account_id": "acc3"},
    "needs_reply+account": {"view": "needs_reply", "account_id": "acc3"},
    "assigned=me": {"assigned": "me"},
    "page 2 (cursor)": None,  # filled at run time
}


def rows(n: int, seed: int = 42):
    """N messages: 80 % inbound (labelled, 30 % of them still open), 20 % replies."""
    rnd = random.Random(seed)
    start = datetime(2024, 11, 1, tzinfo=UTC)
    span = 2 * 365 * 86400
    labels = [label for label, _ in LABELS]
    weights = [w for _, w in LABELS]
    last_in: list[str] = []
    for i in range(n):
        acc = ACCOUNTS[i % len(ACCOUNTS)][0]
        at = (start + timedelta(seconds=rnd.randrange(span))).replace(tzinfo=None)
        mid = f"m{i}"
        if rnd.random() < 0.8 or not last_in:
            label = rnd.choices(labels, weights)[0]
            open_ = rnd.random() < 0.3
            yield (
                mid,
                acc,
                at,
                "comment",
                "in",
                f"u{rnd.randrange(200000)}",
                f"@user{i % 99991}",
                f"message {i} about order {rnd.randrange(10**6)}",
                None,
                None,
                False,
                mid,
                "zh",
                label,
                URGENCY[label],
                label == "complaint",
                label == "help_request",
                label == "abusive",
                open_,
                None if open_ else at + timedelta(hours=2),
                False,
                False,
            )
            last_in.append(mid)
            if len(last_in) > 1000:
                last_in.pop(0)
        else:
            parent = rnd.choice(last_in)
            yield (
                mid,
                acc,
                at,
                "comment",
                "out",
                None,
                None,
                "Thanks, we will fix it!",
                parent,
                None,
                False,
                parent,
                "en",
                "other",
                0,
                False,
                False,
                False,
                False,
                None,
                False,
                False,
            )


def fill(engine, n: int) -> float:
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        for acc, platform in ACCOUNTS:
            s.add(Account(id=acc, platform=platform, handle=f"@{acc}", owner="brand"))
        create_user(s, "bench@example.com", "bench-password", "agent")
    # bulk load: drop the secondary indexes, insert, build them again (much faster than index upkeep per row)
    indexes = list(Message.__table__.indexes)
    with engine.begin() as conn:
        for idx in indexes:
            conn.execute(text(f"DROP INDEX IF EXISTS {idx.name}"))
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            marks = ",".join("?" * len(COLUMNS))
            sql = f"INSERT INTO messages ({','.join(COLUMNS)}) VALUES ({marks})"
            batch = []
            for r in rows(n):
                batch.append(
                    tuple(v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v for v in r)
                )
                if len(batch) >= 50000:
                    cur.executemany(sql, batch)
                    batch.clear()
            if batch:
                cur.executemany(sql, batch)
            raw.commit()
        finally:
            raw.close()
    else:
        raw = engine.raw_connection()
        try:
            with raw.cursor() as cur, cur.copy(f"COPY messages ({','.join(COLUMNS)}) FROM STDIN") as cp:
                for r in rows(n):
                    cp.write_row(r)
            raw.commit()
        finally:
            raw.close()
    with engine.begin() as conn:
        for idx in indexes:
            idx.create(conn)
        conn.execute(text("ANALYZE"))
    # a few assignments for the "assigned=me" view
    with engine.begin() as conn:
        uid = conn.execute(text("SELECT id FROM users WHERE email='bench@example.com'")).scalar_one()
        conn.execute(
            text(
                "UPDATE messages SET assigned_to=:u WHERE id IN "
                "(SELECT id FROM messages WHERE direction='in' AND needs_reply ORDER BY id LIMIT 5000)"
            ),
            {"u": uid},
        )
    return time.perf_counter() - t0


def measure(engine, requests: int) -> dict[str, dict[str, float]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from smguard.web.app import create_app

    app = create_app(
        engine.url.render_as_string(hide_password=False), engine=engine, pages=False, upgrade_on_start=False
    )
    out = {}
    # one client for all requests (a context-managed TestClient keeps one event loop: per-request set-up of a
    # fresh loop thread would be measured otherwise)
    with TestClient(app) as c:
        token = c.get("/api/auth/csrf").json()["csrf_token"]
        r = c.post(
            "/api/auth/login",
            json={"email": "bench@example.com", "password": "bench-password"},
            headers={"X-CSRF-Token": token},
        )
        r.raise_for_status()
        cursor = c.get("/api/inbox", params={"view": "needs_reply"}).json()["next_cursor"]
        for name, params in VIEWS.items():
            params = dict(params) if params is not None else {"view": "needs_reply", "cursor": cursor}
            for _ in range(3):  # warm-up
                c.get("/api/inbox", params=params).raise_for_status()
            times, cpu = [], []
            for _ in range(requests):
                t0, c0 = time.perf_counter(), time.process_time()
                resp = c.get("/api/inbox", params=params)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                resp.raise_for_status()
            assert len(resp.json()["items"]) == 50, name
            times.sort()
            cpu.sort()
            out[name] = {
                "p50": statistics.median(times),
                "p95": times[int(0.95 * (len(times) - 1))],
                "max": times[-1],
                "cpu_p50": statistics.median(cpu),
                "service_p50": service_time(engine, params),
            }
    return out


def service_time(engine, params: dict, n: int = 30) -> float:
    """Median ms of the inbox service alone (query + rows to JSON-ready dicts), without HTTP."""
    from types import SimpleNamespace

    from smguard.store.db import session_factory
    from smguard.web.services.inbox import InboxFilter, list_inbox

    with session_factory(engine)() as s:
        uid = s.execute(text("SELECT id FROM users WHERE email='bench@example.com'")).scalar_one()
        user = SimpleNamespace(id=uid)
        f = InboxFilter(**params)
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            list_inbox(s, user, f)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def explain(engine) -> None:
    """Print the database's plan of each first-page query (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN
    ANALYZE), so a regression to a full scan or sort is visible."""
    from types import SimpleNamespace

    from smguard.web.services.inbox import InboxFilter, inbox_query

    with engine.connect() as conn:
        uid = conn.execute(text("SELECT id FROM users WHERE email='bench@example.com'")).scalar_one()
        user = SimpleNamespace(id=uid)
        for name, params in VIEWS.items():
            if params is None:
                continue
            q = inbox_query(user, InboxFilter(**params))
            sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
            prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
            rows = conn.exec_driver_sql(prefix + sql).all()
            plan = [r[-1] if engine.dialect.name == "sqlite" else r[0] for r in rows]
            print(f"  plan {name}: " + " | ".join(str(x).strip() for x in plan[:4]))


def run(
    label: str, engine, n: int, requests: int, explain_plans: bool = False
) -> dict[str, dict[str, float]]:
    upgrade(engine)
    secs = fill(engine, n)
    print(f"{label}: {n:,} messages inserted in {secs:.1f} s ({n / secs:,.0f}/s)", flush=True)
    res = measure(engine, requests)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{label}: inbox first page (50 rows), {requests} requests per view, ms (load average {load} "
        f"on {os.cpu_count()} CPUs); cpu = CPU time of this process (client + app; not the PostgreSQL server)"
    )
    print(f"  {'view':34} {'p50':>7} {'p95':>7} {'max':>7} {'cpu p50':>8} {'service p50':>12}")
    for name, r in res.items():
        print(
            f"  {name:34} {r['p50']:7.1f} {r['p95']:7.1f} {r['max']:7.1f} {r['cpu_p50']:8.1f}"
            f" {r['service_p50']:12.1f}"
        )
    if explain_plans:
        explain(engine)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument(
        "--pg",
        default=os.environ.get("SMGUARD_TEST_DATABASE_URL"),
        help="PostgreSQL URL (default $SMGUARD_TEST_DATABASE_URL); 'none' to skip",
    )
    ap.add_argument("--skip-sqlite", action="store_true")
    ap.add_argument("--explain", action="store_true", help="print the query plan of each view")
    args = ap.parse_args(argv)
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as d:
            engine = make_engine(f"sqlite:///{Path(d) / 'bench.db'}")
            run("SQLite", engine, args.messages, args.requests, args.explain)
            engine.dispose()
    if args.pg and args.pg != "none":
        schema = f"smguard_bench_{uuid.uuid4().hex[:8]}"
        admin = make_engine(args.pg)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            engine = make_engine(args.pg, connect_args={"options": f"-csearch_path={schema}"})
            run("PostgreSQL", engine, args.messages, args.requests, args.explain)
            engine.dispose()
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
