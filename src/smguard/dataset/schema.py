"""Data set format v1: the tables, their fields and types, in one place.

The loader (:mod:`smguard.dataset.load`), the validator, the docs generator and the importers' writer all read
this module, so a field is declared exactly once. See ``docs/dataset-format.md`` for the user-facing text.

Field kinds
-----------
``str``        a JSON string (numbers are accepted and turned into strings: ids are often numeric)
``int``        a whole number
``float``      a number
``bool``       true/false
``timestamp``  ISO 8601; read in the data set's timezone when it has no offset; stored as UTC
``date``       ``YYYY-MM-DD`` (a timestamp is accepted and reduced to its local day)
``list_str``   list of strings (in CSV: ``;``-separated)
``object``     a JSON object (in CSV: JSON text)
``list_obj``   a list of JSON objects (in CSV: JSON text)
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLATFORMS: tuple[str, ...] = (
    "weibo",
    "wechat",
    "douyin",
    "xiaohongshu",
    "bilibili",
    "facebook",
    "instagram",
    "x",
    "linkedin",
    "youtube",
    "pinterest",
    "tiktok",
    "other",
)
OWNERS = ("brand", "employee")
MEDIA_TYPES = ("photo", "video", "gif", "audio", "document", "link")
SOURCES = ("manual", "scheduled", "automated")
CHANNELS = ("comment", "mention", "dm", "review")
PUBLIC_CHANNELS = ("comment", "mention", "review")
DIRECTIONS = ("in", "out")
GENDERS = ("female", "male", "other", "unknown")
CAMPAIGN_KINDS = ("ad", "promoted_post", "event", "retargeting", "lead_form", "audience_search", "other")
METRICS = ("likes", "comments", "shares", "views", "clicks")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool = False
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # "table.column" this field must name
    default: object = None
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[Field, ...]
    key: tuple[str, ...] | None = None  # unique key (duplicates are reported; the first is kept)
    doc: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def file_stem(self) -> str:
        return self.name

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


F = Field

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "accounts",
            (
                F("id", "str", required=True),
                F("platform", "str", required=True, choices=PLATFORMS),
                F("handle", "str"),
                F("owner", "str", required=True, choices=OWNERS),
                F("employee_id", "str", doc="required when owner is employee"),
            ),
            key=("id",),
            doc="every social account in the data set",
        ),
        Table(
            "posts",
            (
                F("id", "str", required=True),
                F("account_id", "str", required=True, ref="accounts.id"),
                F("created_at", "timestamp", required=True),
                F("text", "str", default=""),
                F("media", "list_obj"),
                F("link", "str"),
                F("source", "str", choices=SOURCES),
                F("metrics", "object"),
            ),
            key=("id",),
            doc="what the accounts published",
        ),
        Table(
            "messages",
            (
                F("id", "str", required=True),
                F("account_id", "str", required=True, ref="accounts.id"),
                F("created_at", "timestamp", required=True),
                F("channel", "str", required=True, choices=CHANNELS),
                F("direction", "str", required=True, choices=DIRECTIONS),
                F("author_id", "str"),
                F("author_handle", "str"),
                F("text", "str", default=""),
                F("in_reply_to", "str"),
                F("post_id", "str"),
                F("automated", "bool", default=False),
            ),
            key=("id",),
            doc="comments, mentions, direct messages and reviews, in and out",
        ),
        Table(
            "followers",
            (
                F("account_id", "str", required=True, ref="accounts.id"),
                F("user_id", "str", required=True),
                F("handle", "str"),
                F("followed_at", "timestamp"),
                F("unfollowed_at", "timestamp"),
                F("location", "str"),
                F("gender", "str", choices=GENDERS),
                F("birth_year", "int"),
                F("interests", "list_str"),
                F("followers_count", "int"),
                F("following_count", "int"),
                F("posts_count", "int"),
                F("has_avatar", "bool"),
                F("verified", "bool"),
                F("created_at", "timestamp"),
                F("bio", "str"),
            ),
            key=("account_id", "user_id"),
            doc="who follows (or followed) the brand accounts",
        ),
        Table(
            "follower_counts",
            (
                F("account_id", "str", required=True, ref="accounts.id"),
                F("date", "date", required=True),
                F("followers", "int", required=True),
            ),
            key=("account_id", "date"),
            doc="daily follower totals",
        ),
        Table(
            "likes",
            (
                F("id", "str", required=True),
                F("account_id", "str", required=True, ref="accounts.id"),
                F("created_at", "timestamp", required=True),
                F("target_post_id", "str"),
                F("target_author_id", "str"),
                F("target_text", "str", default=""),
            ),
            key=("id",),
            doc="likes given by the brand accounts",
        ),
        Table(
            "customers",
            (
                F("id", "str", required=True),
                F("social", "list_obj"),
                F("orders", "int"),
                F("revenue", "float"),
                F("first_order_at", "timestamp"),
                F("last_order_at", "timestamp"),
            ),
            key=("id",),
            doc="the company's customers (CRM or shop)",
        ),
        Table(
            "employees",
            (
                F("id", "str", required=True),
                F("name", "str"),
                F("email", "str"),
                F("department", "str"),
                F("joined_at", "timestamp"),
                F("left_at", "timestamp"),
            ),
            key=("id",),
            doc="the company's employees",
        ),
        Table(
            "guidelines",
            (
                F("version", "str", required=True),
                F("published_at", "timestamp", required=True),
                F("title", "str"),
                F("text", "str", default=""),
                F("requires_signature", "bool", default=True),
            ),
            key=("version",),
            doc="versions of the company's social media guidelines",
        ),
        Table(
            "acknowledgments",
            (
                F("employee_id", "str", required=True, ref="employees.id"),
                F("version", "str", required=True),
                F("signed_at", "timestamp"),
            ),
            doc="who signed which guidelines version",
        ),
        Table(
            "embargo",
            (
                F("term", "str", required=True),
                F("aliases", "list_str"),
                F("reason", "str"),
                F("until", "date"),
            ),
            doc="topics that must not be talked about yet",
        ),
        Table(
            "campaigns",
            (
                F("id", "str", required=True),
                F("account_id", "str", required=True, ref="accounts.id"),
                F("kind", "str", required=True, choices=CAMPAIGN_KINDS),
                F("name", "str"),
                F("started_at", "timestamp"),
                F("ended_at", "timestamp"),
                F("budget", "float"),
                F("currency", "str"),
                F("targeting", "object"),
                F("impressions", "int"),
                F("clicks", "int"),
                F("conversions", "int"),
                F("cost", "float"),
            ),
            key=("id",),
            doc="use of the platforms' own marketing tools",
        ),
    )
}

# Order in which tables are loaded: referenced tables first.
LOAD_ORDER: tuple[str, ...] = (
    "accounts",
    "employees",
    "posts",
    "messages",
    "followers",
    "follower_counts",
    "likes",
    "customers",
    "guidelines",
    "acknowledgments",
    "embargo",
    "campaigns",
)
assert set(LOAD_ORDER) == set(TABLES)
