"""Real-browser end-to-end test: Debian's Chromium (headless, driven by Playwright) against the real server.

login → inbox → a reply that triggers the live tone warning → a post that breaks the daily cap (the composer
shows the cap and proposes slots) → an employee logs in and signs the guidelines. Screenshots go to
``test-artifacts/browser/*.png`` (git-ignored; CI keeps them as artefacts).

No browser is ever downloaded: the test uses /usr/bin/chromium (``apt-get install chromium``; ``.ci/run`` and
the Makefile install it) and is skipped with the reason when it is missing.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts" / "browser"
PASSWORD = "browser-test-pw"

pytest.importorskip(
    "playwright.sync_api", reason="Playwright (python) is not installed: pip install -e '.[test]'"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
    ),
]

# A small bilingual shop: one complaint (English), one abusive mention, praise; three posts on 2026-10-30 for
# the Weibo account, which is the daily cap (3) of the policy below.
DATASET = {
    "accounts": [
        {"id": "wb", "platform": "weibo", "handle": "晨光咖啡", "owner": "brand"},
        {"id": "xa", "platform": "x", "handle": "AcmeCoffee", "owner": "brand"},
    ],
    "employees": [
        {
            "id": "e1",
            "name": "Lina Zhou",
            "email": "lina@acme.example",
            "department": "Sales",
            "joined_at": "2025-01-02",
        }
    ],
    "guidelines": [
        {
            "version": "1.0",
            "published_at": "2026-09-01T00:00:00",
            "title": "社交媒体准则",
            "text": "# 社交媒体准则\n\n- 不提前透露新品\n- 保持礼貌，不在公开场合争论",
        }
    ],
    "embargo": [{"term": "Maple Latte", "aliases": ["枫糖拿铁"], "until": "2026-12-15"}],
    "posts": [
        {
            "id": "p1",
            "account_id": "wb",
            "created_at": "2026-10-30T09:00:00",
            "text": "早安！新品拿铁上市 #咖啡#",
            "media": [{"type": "photo"}],
        },
        {
            "id": "p2",
            "account_id": "wb",
            "created_at": "2026-10-30T12:00:00",
            "text": "午间特惠 #咖啡#",
            "media": [{"type": "photo"}],
        },
        {
            "id": "p3",
            "account_id": "wb",
            "created_at": "2026-10-30T15:00:00",
            "text": "下午茶时间 #咖啡#",
            "media": [{"type": "photo"}],
        },
    ],
    "messages": [
        {
            "id": "m1",
            "account_id": "xa",
            "created_at": "2026-10-30T10:00:00",
            "channel": "comment",
            "direction": "in",
            "author_id": "x1",
            "author_handle": "@late_latte",
            "post_id": "p9",
            "text": "My order arrived cold and two hours late. Very disappointed, I want a refund.",
        },
        {
            "id": "m2",
            "account_id": "xa",
            "created_at": "2026-10-30T11:00:00",
            "channel": "mention",
            "direction": "in",
            "author_id": "x2",
            "author_handle": "@angry",
            "text": "@AcmeCoffee you idiots, worst garbage coffee, screw you",
        },
        {
            "id": "m3",
            "account_id": "wb",
            "created_at": "2026-10-30T12:00:00",
            "channel": "comment",
            "direction": "in",
            "author_id": "u1",
            "author_handle": "@拿铁爱好者",
            "text": "拿铁太好喝了，喜欢！",
        },
    ],
}
SETTINGS = {
    "name": "Acme Coffee",
    "timezone": "Asia/Shanghai",
    "language": "zh",
    "as_of": "2026-10-31T23:59:59+08:00",
    "policy": {"SM601": {"max_posts_per_day": 3}},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app under uvicorn on a free localhost port, with a temporary SQLite store."""
    import uvicorn

    from smguard.store.db import make_engine, session_scope
    from smguard.store.load import load_path
    from smguard.testing import write_dataset
    from smguard.web.app import create_app
    from smguard.web.security import create_user

    tmp = tmp_path_factory.mktemp("browser")
    folder = write_dataset(tmp / "data", DATASET, SETTINGS)
    engine = make_engine(f"sqlite:///{tmp / 'store.db'}")
    load_path(engine, folder, trend_weeks=1)
    with session_scope(engine) as s:
        create_user(s, "agent@acme.example", PASSWORD, "agent", name="Mia (agent)", lang="en")
        create_user(
            s, "lina@acme.example", PASSWORD, "employee", name="Lina Zhou", employee_id="e1", lang="zh"
        )
    port = _free_port()
    app = create_app(f"sqlite:///{tmp / 'store.db'}", engine=engine)
    srv = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _login(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()


def test_team_day_in_the_browser(server: str, browser) -> None:
    from playwright.sync_api import expect

    # --- an agent logs in and lands in the inbox, most urgent first
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    problems: list[str] = []  # script errors, Content-Security-Policy refusals, missing files
    expected = "status of 409"  # the composer answers a refused post with 409 and the page explaining why
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type == "error" and expected not in msg.text else None,
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    _login(page, server, "agent@acme.example")
    expect(page).to_have_url(f"{server}/inbox")
    expect(page.locator("h1")).to_have_text("Inbox")
    items = page.locator("ul.messages > li")
    expect(items).to_have_count(3)
    # urgency order: the complaint and the abuse (the longest waiting first), the compliment last
    links = page.locator("ul.messages > li a.msg-link")
    assert [links.nth(i).get_attribute("href") for i in range(3)] == ["/inbox/m1", "/inbox/m2", "/inbox/m3"]
    expect(items.nth(0).locator(".badge").first).to_have_text("Complaint")
    expect(items.nth(1).locator(".badge").first).to_have_text("Abusive")
    expect(items.nth(0).locator(".clock")).to_contain_text("waiting")
    _shot(page, "01-inbox")

    # --- the complaint: an arguing reply gets the live tone warning (HTMX, debounced, the backend's check)
    page.click("a[href='/inbox/m1']")
    expect(page.locator("h1")).to_contain_text("@late_latte")
    page.fill(
        "#reply-text", "That's not our fault. You should have ordered earlier, read the delivery terms."
    )
    warning = page.locator("#tone .tone-warn")
    expect(warning).to_be_visible()
    expect(warning.locator("[data-code=argumentative]")).to_be_visible()
    _shot(page, "02-tone-warning")
    # a suggested reply (apologise, promise a fix) passes the check and is sent
    page.locator("button.suggestion").first.click()
    expect(page.locator("#tone .tone-ok")).to_be_visible()
    page.click("#reply-form button[type=submit]")
    expect(page.locator(".flash")).to_have_text("Reply sent.")
    expect(page.locator(".bubble.out")).to_have_count(1)

    # --- a post on a day that already has 3 posts: the composer shows the cap and proposes slots
    page.goto(f"{server}/compose?account=wb")
    page.fill("#master-text", "新品拿铁第二杯半价，欢迎来店品尝 #咖啡#")
    page.fill("#at", "2026-10-30T18:00")
    check = page.locator("#check-wb")
    expect(check.locator("[data-code=over-daily-cap]")).to_be_visible()
    slots = check.locator("button.slot")
    expect(slots.first).to_be_visible()
    _shot(page, "03-daily-cap")
    page.click("button[type=submit].primary")  # scheduling is refused by the same check
    expect(page.locator(".alert-warn")).to_be_visible()
    expect(page.locator("#check-wb [data-code=over-daily-cap]")).to_be_visible()
    page.locator("#check-wb button.slot").first.click()  # take a proposed slot: the cap issue goes away
    expect(page.locator("#check-wb [data-code=over-daily-cap]")).to_have_count(0)
    page.click("button[type=submit].primary")
    expect(page).to_have_url(re.compile(r"/compose/queue\?start=2026-10-(29|30|31)&done=scheduled$"))
    expect(page.locator("td.day.full")).to_have_count(1)  # 2026-10-30: three posts, the cap
    expect(page.locator("a.dot")).to_have_count(4)  # those three and the new one on the proposed slot
    _shot(page, "04-queue")
    assert not problems, problems
    ctx.close()

    # --- an employee logs in (Chinese UI), sees only the guidelines, reads and signs them
    ctx = browser.new_context(viewport={"width": 1024, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    _login(page, server, "lina@acme.example")
    expect(page).to_have_url(f"{server}/guidelines")
    expect(page.locator("nav.menu a")).to_have_count(1)
    expect(page.locator("article.prose h1")).to_have_text("社交媒体准则")
    page.check("input[name=read]")
    page.click("form[action='/guidelines/sign'] button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("签署已记录")
    expect(page.locator(".sign-box .tone-ok")).to_be_visible()
    _shot(page, "05-guidelines-signed")
    assert page.goto(f"{server}/inbox").status == 403
    ctx.close()
