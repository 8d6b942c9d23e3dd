"""Composer: the shared guardrails through POST /api/check/post, scheduling, and `smguard check post`."""

from __future__ import annotations

from typer.testing import CliRunner

from smguard.cli.main import app as cli


def test_daily_cap_blocks_and_proposes_slots(client):
    c = client("agent")
    day = "2026-12-20T{}:00:00+08:00"
    for hour in ("09", "12", "15"):
        r = c.post(
            "/api/posts",
            json={
                "account_id": "wb",
                "text": f"Winter menu {hour} #冬季#",
                "media": ["photo"],
                "at": day.format(hour),
            },
        )
        assert r.status_code == 201, r.text
    r = c.post(
        "/api/check/post",
        json={"account_id": "wb", "text": "One more #冬季#", "media": ["photo"], "at": day.format("18")},
    ).json()
    assert not r["ok"] and r["blocking"]
    cap = next(i for i in r["issues"] if i["code"] == "over-daily-cap")
    assert cap["blocking"] and cap["data"]["posts_that_day"] == 3
    assert r["slots"] and all(not s.startswith("2026-12-20") for s in r["slots"])
    refused = c.post(
        "/api/posts",
        json={"account_id": "wb", "text": "One more #冬季#", "media": ["photo"], "at": day.format("18")},
    )
    assert refused.status_code == 409
    ok = c.post(
        "/api/posts",
        json={"account_id": "wb", "text": "One more #冬季#", "media": ["photo"], "at": r["slots"][0]},
    )
    assert ok.status_code == 201 and ok.json()["post"]["status"] == "scheduled"
    queue = c.get("/api/posts/queue", params={"account_id": "wb", "start": "2026-12-19T00:00:00Z"}).json()
    assert len(queue) == 4


def test_embargo_and_platform_fit(client):
    c = client("agent")
    r = c.post(
        "/api/check/post",
        json={
            "platform": "weibo",
            "text": "豆计划 下月见",
            "media": ["photo"],
            "at": "2026-12-01T10:00:00+08:00",
        },
    ).json()
    assert any(i["check"] == "embargo" and i["blocking"] for i in r["issues"])
    r = c.post(
        "/api/check/post",
        json={
            "platform": "weibo",
            "text": "豆计划 发布啦",
            "media": ["photo"],
            "at": "2026-12-16T10:00:00+08:00",
        },
    ).json()
    assert not any(i["check"] == "embargo" for i in r["issues"])  # the embargo has ended
    r = c.post("/api/check/post", json={"platform": "x", "text": "x" * 400}).json()
    assert any(i["check"] == "fit" and i["code"] == "text-over-limit" and i["blocking"] for i in r["issues"])
    assert c.post("/api/check/post", json={"account_id": "nope", "text": "hi"}).status_code == 404
    assert c.post("/api/check/post", json={"platform": "myspace", "text": "hi"}).status_code == 422


def test_cli_check_post_exit_codes(app, tmp_path):
    url = str(app.state.engine.url)
    runner = CliRunner()
    ok = runner.invoke(
        cli, ["check", "post", "--platform", "weibo", "--text", "新品上市 #咖啡#", "--media", "photo"]
    )
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(cli, ["check", "post", "--platform", "x", "--text", "y" * 400])
    assert bad.exit_code == 1 and "text-over-limit" not in bad.output  # a table with messages, not codes
    emb = runner.invoke(
        cli,
        [
            "check",
            "post",
            "--account",
            "wb",
            "--db",
            url,
            "--text",
            "Project Bean",
            "--media",
            "photo",
            "--at",
            "2026-12-01T10:00",
            "--json",
        ],
    )
    assert emb.exit_code == 1 and '"embargoed-term"' in emb.output
    assert runner.invoke(cli, ["check", "post", "--text", "hi"]).exit_code == 2


def test_write_once_check_per_platform(client):
    c = client("agent")
    r = c.post(
        "/api/check/posts",
        json={
            "text": "New winter menu #咖啡#",
            "media": ["photo"],
            "at": "2026-12-21T10:00:00+08:00",
            "targets": [{"account_id": "wb"}, {"account_id": "xa", "text": "y" * 400}],
        },
    )
    assert r.status_code == 200
    wb, xa = r.json()
    assert wb["platform"] == "weibo" and wb["ok"]
    assert xa["platform"] == "x" and not xa["ok"]
