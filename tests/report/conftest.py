"""Fixtures of the report tests: a small hostile data set (markup in every user-supplied text) and its report."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguard.report.model import Report, build_report
from smguard.testing import make_dataset

SCRIPT = "<script>alert('xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
NAME = f"Evil {SCRIPT} Co {IMG}"
HANDLE = f"shop{IMG}"
AUTHOR = f"<script>steal()</script>{IMG}"
POST_TEXT = f"New menu {SCRIPT} {IMG} today"
COMPLAINT = f"My order never arrived, refund please {SCRIPT}{IMG}"
AS_OF = "2026-10-31T23:59:59+08:00"


def hostile_tables() -> dict[str, list[dict]]:
    posts = [
        # text-only on Instagram (SM101), five posts on one day (SM601): the post text carries markup
        {
            "id": f"p{i}",
            "account_id": "ig",
            "created_at": f"2026-10-20T{9 + i:02d}:00:00+08:00",
            "text": f"{POST_TEXT} #{i}",
            "media": [],
        }
        for i in range(5)
    ]
    posts.append(
        {
            "id": "w1",
            "account_id": "wb",
            "created_at": "2026-10-21T10:00:00+08:00",
            "text": f"微博 {SCRIPT}",
            "media": [{"type": "photo"}],
        }
    )
    return {
        "accounts": [
            {"id": "ig", "platform": "instagram", "handle": HANDLE, "owner": "brand"},
            {"id": "wb", "platform": "weibo", "handle": f"微博{SCRIPT}", "owner": "brand"},
        ],
        "posts": posts,
        "messages": [
            {
                "id": "c1",
                "account_id": "ig",
                "created_at": "2026-10-22T10:00:00+08:00",
                "channel": "comment",
                "direction": "in",
                "author_id": "u1",
                "author_handle": AUTHOR,
                "text": COMPLAINT,
                "post_id": "p0",
            },
        ],
        "employees": [
            {"id": "e1", "name": f"<b>Mallory</b>{IMG}", "department": SCRIPT, "joined_at": "2024-01-01"}
        ],
        "guidelines": [
            {"version": "1", "published_at": "2026-01-01T00:00:00+08:00", "title": SCRIPT, "text": "# rules"}
        ],
    }


def hostile_settings() -> dict:
    return {"name": NAME, "timezone": "Asia/Shanghai", "language": "en", "as_of": AS_OF}


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from smguard.testing import write_dataset

    return write_dataset(tmp_path_factory.mktemp("hostile"), hostile_tables(), hostile_settings())


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    ds = make_dataset(tmp_path_factory.mktemp("hostile-ds"), hostile_tables(), hostile_settings())
    return build_report(ds)
