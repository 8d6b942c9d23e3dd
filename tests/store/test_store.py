"""The store on SQLite and PostgreSQL: migrations, loading a data set (idempotent), inbox state, queries."""

from __future__ import annotations

from sqlalchemy import func, inspect, select

from smguard.store.db import current_revision, head_revision, session_scope, upgrade
from smguard.store.load import load_path, thread_ids
from smguard.store.models import AuditSnapshot, Base, Follower, Message, ScoreHistory, User
from smguard.web.security import create_user
from smguard.web.services.inbox import InboxFilter, list_inbox

from .conftest import FIXTURE


def _counts(engine) -> dict[str, int]:
    with session_scope(engine) as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def _dump(engine, model) -> list[tuple]:
    cols = [c for c in model.__table__.columns]
    with session_scope(engine) as s:
        return sorted(tuple(str(v) for v in row) for row in s.execute(select(*cols)))


def test_migrations_create_every_table(engine):
    tables = set(inspect(engine).get_table_names())
    indexes = {i["name"] for i in inspect(engine).get_indexes("messages")}
    assert {i.name for i in Message.__table__.indexes} <= indexes
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert current_revision(engine) == head_revision(engine)
    upgrade(engine)  # a second upgrade is a no-op
    assert current_revision(engine) == head_revision(engine)


def test_load_is_idempotent(engine):
    first = load_path(engine, FIXTURE, trend_weeks=2)
    assert first.counts["messages"] == 8 and first.counts["followers"] == 5
    counts = _counts(engine)
    snapshot = _dump(engine, Message), _dump(engine, Follower), _dump(engine, ScoreHistory)
    with session_scope(engine) as s:
        snap_before = s.scalars(select(AuditSnapshot.scores)).all()
    second = load_path(engine, FIXTURE, trend_weeks=2)
    assert second.counts == first.counts
    assert _counts(engine) == counts
    assert (_dump(engine, Message), _dump(engine, Follower), _dump(engine, ScoreHistory)) == snapshot
    with session_scope(engine) as s:
        assert s.scalars(select(AuditSnapshot.scores)).all() == snap_before
    assert counts["audit_snapshots"] == 1


def test_load_labels_threads_and_inbox_state(engine):
    load_path(engine, FIXTURE, audit=False)
    with session_scope(engine) as s:
        m = {x.id: x for x in s.scalars(select(Message))}
        assert m["m3"].label == "abusive" and m["m3"].needs_reply
        assert m["m1"].label == "complaint"
        assert m["m5"].needs_reply is False and m["m5"].replied_at is not None  # answered by m6
        assert m["m6"].thread_id == "m5" and m["m6"].direction == "out"
        f = {x.user_id: x for x in s.scalars(select(Follower))}
        assert f["u1"].customer_id == "c1"  # matched by platform + user id
        assert f["x2"].customer_id == "c2"  # matched by platform + handle, case-insensitive
        assert f["u4"].suspect  # no avatar, no posts, follows thousands


def test_reload_keeps_workspace_state(engine):
    load_path(engine, FIXTURE, audit=False)
    with session_scope(engine) as s:
        u = create_user(s, "agent@acme.example", "password1", "agent")
        msg = s.get(Message, "m1")
        msg.assigned_to = u.id
        msg.resolved = True
    load_path(engine, FIXTURE, audit=False)
    with session_scope(engine) as s:
        msg = s.get(Message, "m1")
        assert msg.assigned_to is not None and msg.resolved and not msg.needs_reply
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_inbox_order_and_pages(engine):
    load_path(engine, FIXTURE, audit=False)
    with session_scope(engine) as s:
        user = create_user(s, "a@acme.example", "password1", "admin")
        page = list_inbox(s, user, InboxFilter(view="all", limit=3))
        rest = list_inbox(s, user, InboxFilter(view="all", limit=10, cursor=page["next_cursor"]))
        assert rest["next_cursor"] is None
        items = page["items"] + rest["items"]
        ids = [i["id"] for i in items]
        assert sorted(ids) == ["m1", "m2", "m3", "m4", "m5", "m7", "m8"]  # every inbound message, once
        # most urgent first (labels come from the text model), the longest waiting first within a level
        assert [(-i["urgency"], i["created_at"], i["id"]) for i in items] == sorted(
            (-i["urgency"], i["created_at"], i["id"]) for i in items
        )
        assert ids.index("m3") < ids.index("m4") < ids.index("m2")  # abusive, then help request, then praise
        assert ids[:3] == ["m5", "m3", "m1"]  # complaints and abuse, oldest first
        open_ = list_inbox(s, user, InboxFilter(view="needs_reply", limit=50))
        assert "m5" not in [i["id"] for i in open_["items"]]
        assert all(i["waiting_seconds"] > 0 for i in open_["items"])


def test_thread_ids_follow_chains_and_survive_cycles():
    assert thread_ids(["a", "b", "c", "d"], [None, "a", "b", "zz"]) == ["a", "a", "a", "zz"]
    assert thread_ids(["x", "y"], ["y", "x"])  # a cycle ends without looping forever


def test_models_and_migrations_agree(engine):
    """A model change without an Alembic revision fails here (autogenerate finds nothing to do)."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes cannot be compared; the migration creates them
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(ctx, Base.metadata)
    # the inbox indexes have a DESC column (an expression to SQLAlchemy): the migration creates them by name
    # and test_migrations_create_every_table checks they exist
    diff = [
        d
        for d in diff
        if not (d[0] in ("add_index", "remove_index") and d[1].name.startswith("ix_messages_inbox"))
    ]
    assert diff == []
