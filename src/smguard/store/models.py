"""The workspace store: SQLAlchemy 2 typed tables.

Two kinds of tables live here:

* the data set tables (accounts, posts, messages, followers, …), filled by ``smguard load`` with the same ids
  as the data set (format v1), so a finding's evidence id is a primary key here;
* the workspace's own tables (users, sessions, audit snapshots, auto-reply rules, …).

All timestamps are stored as UTC (naive in the database, aware in Python: see :class:`UTCDateTime`), so SQLite
and PostgreSQL order and compare them the same way. Schema changes go through Alembic
(``smguard/store/migrations``); never change a table here without adding a revision.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy import (
    text as sa_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ROLES = ("admin", "manager", "agent", "employee")
LABELS = ("abusive", "complaint", "help_request", "praise", "other")
# Urgency of an inbound message: the inbox sorts by urgency (desc) then by waiting time (oldest first).
URGENCY = {"abusive": 3, "complaint": 3, "help_request": 2, "praise": 0, "other": 1}

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and returned as an aware UTC datetime, on every database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


# ----------------------------------------------------------------------------------------------- data set


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str | None] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(10))  # brand | employee
    employee_id: Mapped[str | None] = mapped_column(String(200))


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime]  # publication time; in the future for a scheduled post
    text: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[Any] | None] = mapped_column(JSON)
    link: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(20))  # manual | scheduled | automated
    likes: Mapped[int | None]
    comments: Mapped[int | None]
    shares: Mapped[int | None]
    views: Mapped[int | None]
    clicks: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(12), default="published")  # published | scheduled
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (Index(None, "account_id", "created_at"), Index(None, "created_at"))


class Message(Base):
    """A comment, mention, DM or review, in or out, with the inbox state of inbound ones.

    ``thread_id`` is the id of the first message of the reply chain; the inbox state (``needs_reply``,
    ``assigned_to``, ``resolved``, ``private_only``) lives on the inbound messages.
    """

    __tablename__ = "messages"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(10))  # comment | mention | dm | review
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    author_id: Mapped[str | None] = mapped_column(String(200))
    author_handle: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    in_reply_to: Mapped[str | None] = mapped_column(String(200))
    post_id: Mapped[str | None] = mapped_column(String(200))
    automated: Mapped[bool] = mapped_column(Boolean, default=False)
    thread_id: Mapped[str] = mapped_column(String(200))
    # labels (smguard.text.classify_texts)
    lang: Mapped[str | None] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(16), default="other")  # see LABELS
    urgency: Mapped[int] = mapped_column(Integer, default=1)
    complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    complaint_score: Mapped[float | None] = mapped_column(Float)
    help_request: Mapped[bool] = mapped_column(Boolean, default=False)
    abusive: Mapped[bool] = mapped_column(Boolean, default=False)
    abusive_score: Mapped[float | None] = mapped_column(Float)
    sentiment: Mapped[str | None] = mapped_column(String(10))
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    # reply labels (out messages)
    apology: Mapped[bool | None] = mapped_column(Boolean)
    fix_intent: Mapped[bool | None] = mapped_column(Boolean)
    argumentative: Mapped[bool | None] = mapped_column(Boolean)
    offers_private: Mapped[bool | None] = mapped_column(Boolean)
    # inbox state (in messages)
    needs_reply: Mapped[bool] = mapped_column(Boolean, default=False)
    replied_at: Mapped[datetime | None]
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_at: Mapped[datetime | None]
    private_only: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )  # out, from the app

    __table_args__ = (
        # inbox first pages: every filter the inbox offers has an index in the inbox order (urgency desc,
        # oldest first), so the first page is an index range scan, never a sort of the whole table
        Index("ix_messages_inbox", "direction", sa_text("urgency DESC"), "created_at", "id"),
        Index("ix_messages_inbox_open", "needs_reply", sa_text("urgency DESC"), "created_at", "id"),
        Index("ix_messages_inbox_label", "label", sa_text("urgency DESC"), "created_at", "id"),
        Index(
            "ix_messages_inbox_label_open",
            "label",
            "needs_reply",
            sa_text("urgency DESC"),
            "created_at",
            "id",
        ),
        Index(
            "ix_messages_inbox_account",
            "account_id",
            "needs_reply",
            sa_text("urgency DESC"),
            "created_at",
            "id",
        ),
        Index(
            "ix_messages_inbox_account_all",
            "account_id",
            "direction",
            sa_text("urgency DESC"),
            "created_at",
            "id",
        ),
        Index("ix_messages_inbox_assigned", "assigned_to", sa_text("urgency DESC"), "created_at", "id"),
        Index(None, "thread_id"),
        Index(None, "in_reply_to"),
        Index(None, "author_id"),
    )


class Follower(Base):
    __tablename__ = "followers"
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    handle: Mapped[str | None] = mapped_column(String(200))
    followed_at: Mapped[datetime | None]
    unfollowed_at: Mapped[datetime | None]
    location: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_year: Mapped[int | None]
    interests: Mapped[list[Any] | None] = mapped_column(JSON)
    followers_count: Mapped[int | None]
    following_count: Mapped[int | None]
    posts_count: Mapped[int | None]
    has_avatar: Mapped[bool | None]
    verified: Mapped[bool | None]
    created_at: Mapped[datetime | None]
    bio: Mapped[str | None] = mapped_column(Text)
    customer_id: Mapped[str | None] = mapped_column(
        String(200)
    )  # matched at load (platform + user id/handle)
    suspect: Mapped[bool] = mapped_column(Boolean, default=False)  # looks fake or inactive

    __table_args__ = (Index(None, "account_id", "location"), Index(None, "user_id"))


class FollowerInterest(Base):
    """One row per (follower, interest), so audiences can be counted in SQL."""

    __tablename__ = "follower_interests"
    account_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    interest: Mapped[str] = mapped_column(String(200), primary_key=True)

    __table_args__ = (Index(None, "interest"),)


class FollowerCount(Base):
    __tablename__ = "follower_counts"
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    date: Mapped[date] = mapped_column(Date, primary_key=True)
    followers: Mapped[int]


class Like(Base):
    __tablename__ = "likes"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime]
    target_post_id: Mapped[str | None] = mapped_column(String(200))
    target_author_id: Mapped[str | None] = mapped_column(String(200))
    target_text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "account_id", "created_at"),)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    social: Mapped[list[Any] | None] = mapped_column(JSON)
    orders: Mapped[int | None]
    revenue: Mapped[float | None] = mapped_column(Float)
    first_order_at: Mapped[datetime | None]
    last_order_at: Mapped[datetime | None]


class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    department: Mapped[str | None] = mapped_column(String(200))
    joined_at: Mapped[datetime | None]
    left_at: Mapped[datetime | None]


class Guideline(Base):
    __tablename__ = "guidelines"
    version: Mapped[str] = mapped_column(String(50), primary_key=True)
    published_at: Mapped[datetime]
    title: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")  # Markdown
    requires_signature: Mapped[bool] = mapped_column(Boolean, default=True)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Acknowledgment(Base):
    __tablename__ = "acknowledgments"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    version: Mapped[str] = mapped_column(String(50), primary_key=True)
    signed_at: Mapped[datetime | None]


class Embargo(Base):
    __tablename__ = "embargo"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    term: Mapped[str] = mapped_column(String(300), unique=True)
    aliases: Mapped[list[Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    until: Mapped[date | None] = mapped_column(Date)


class Campaign(Base):
    __tablename__ = "campaigns"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    budget: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(10))
    targeting: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    impressions: Mapped[int | None]
    clicks: Mapped[int | None]
    conversions: Mapped[int | None]
    cost: Mapped[float | None] = mapped_column(Float)


# ----------------------------------------------------------------------------------------------- workspace


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(10))  # see ROLES
    employee_id: Mapped[str | None] = mapped_column(ForeignKey("employees.id", ondelete="SET NULL"))
    lang: Mapped[str] = mapped_column(String(5), default="zh")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class UserSession(Base):
    """A server-side login session. The cookie holds a random token; only its SHA-256 is stored here."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the cookie token
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class AuditSnapshot(Base):
    """The audit (scores + findings) of the data set as loaded, for the dashboard."""

    __tablename__ = "audit_snapshots"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    as_of: Mapped[datetime]
    dataset_name: Mapped[str] = mapped_column(String(300), default="")
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"1": 80, …}
    overall: Mapped[int]
    findings: Mapped[list[Any]] = mapped_column(JSON)  # report JSON findings, with en and zh texts
    not_run: Mapped[list[Any]] = mapped_column(JSON)


class ScoreHistory(Base):
    """The six scores at the end of each week (the dashboard's weekly trend)."""

    __tablename__ = "score_history"
    week: Mapped[date] = mapped_column(Date, primary_key=True)  # Monday of the week
    as_of: Mapped[datetime]
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)
    overall: Mapped[int]


class AutoReplyRule(Base):
    __tablename__ = "auto_reply_rules"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    trigger: Mapped[str] = mapped_column(String(300), default="")  # keyword; empty = any inbound message
    reply_text: Mapped[str] = mapped_column(Text)
    off_hours_only: Mapped[bool] = mapped_column(Boolean, default=True)
    off_hours_start: Mapped[int] = mapped_column(Integer, default=19)  # local hour, inclusive
    off_hours_end: Mapped[int] = mapped_column(Integer, default=9)  # local hour, exclusive
    max_share: Mapped[float] = mapped_column(Float, default=0.2)  # at most this share of replies automated
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Meta(Base):
    """Key/value settings of the workspace: data set name, timezone, brand terms, …"""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
