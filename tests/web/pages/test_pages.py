"""The HTML pages: who may open what, escaping of user text, CSRF on every form, the zh/en catalogue.

Uses the shared web fixtures (``tests/web/conftest.py``): a store loaded from the acme fixture, one user per
role, ``client(role)`` logged in through the API (its CSRF header removed where a test needs a bare form post).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smguard.store.models import Post
from smguard.web.i18n import MESSAGES, gettext, parse_accept_language, pick_lang

ROLES = ("admin", "manager", "agent", "employee")
PAGES = {
    "/dashboard": {"admin", "manager"},
    "/inbox": {"admin", "manager", "agent"},
    "/inbox?view=all": {"admin", "manager", "agent"},
    "/inbox/m1": {"admin", "manager", "agent"},
    "/compose": {"admin", "manager", "agent"},
    "/compose/queue": {"admin", "manager", "agent"},
    "/compose/post/p1": {"admin", "manager", "agent"},
    "/guidelines": set(ROLES),
    "/guidelines/manage": {"admin", "manager"},
    "/guidelines/embargo": {"admin", "manager"},
    "/audiences": {"admin", "manager"},
    "/audiences?gender=female&customer=yes&age_min=20": {"admin", "manager"},
    "/followers": {"admin", "manager"},
    "/likes": {"admin", "manager"},
    "/users": {"admin"},
}
TEMPLATES = Path(__file__).parents[3] / "src" / "smguard" / "web" / "templates"


def form_client(client, role):
    """A logged-in client that sends the CSRF token only in form fields, as a browser does."""
    c = client(role)
    token = c.headers.pop("X-CSRF-Token")
    return c, token


def csrf_in(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("role", ROLES)
def test_each_page_renders_for_its_roles_and_is_refused_to_others(client, role):
    c = client(role)
    for path, allowed in PAGES.items():
        r = c.get(path)
        if role in allowed:
            assert r.status_code == 200, f"{role} {path}: {r.status_code}"
            assert "<script>" not in r.text.replace('<script src="/static/', "")
        else:
            assert r.status_code == 403, f"{role} {path}: {r.status_code}"
            assert "smguard" in r.text and ("not available" in r.text.lower() or "无权" in r.text)


def test_menu_shows_only_what_the_role_may_open(client):
    html = client("employee").get("/guidelines").text
    assert 'href="/guidelines"' in html
    for hidden in ("/dashboard", "/inbox", "/compose", "/audiences", "/followers", "/likes"):
        assert f'href="{hidden}"' not in html
    html = client("agent").get("/inbox").text
    assert 'href="/compose"' in html and 'href="/dashboard"' not in html


def test_anonymous_visitors_are_sent_to_login_with_the_way_back(client):
    c = client()
    r = c.get("/inbox?view=all", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=%2Finbox%3Fview%3Dall")
    assert c.get("/", follow_redirects=False).headers["location"] == "/login"


@pytest.mark.parametrize(
    ("role", "home"), [("admin", "/dashboard"), ("agent", "/inbox"), ("employee", "/guidelines")]
)
def test_login_form_lands_each_role_on_its_work(client, role, home):
    from tests.web.conftest import PASSWORD, USERS

    c = client()
    page = c.get("/login")
    assert page.status_code == 200
    r = c.post(
        "/login",
        data={"email": USERS[role][0], "password": PASSWORD, "csrf_token": csrf_in(page.text)},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == home
    assert "httponly" in r.headers.get("set-cookie", "").lower()


def test_login_refuses_wrong_password_and_foreign_redirects(client):
    from tests.web.conftest import PASSWORD, USERS

    c = client()
    token = csrf_in(c.get("/login").text)
    r = c.post("/login", data={"email": USERS["agent"][0], "password": "nope-nope", "csrf_token": token})
    assert r.status_code == 401 and ("Wrong email or password" in r.text or "邮箱或密码错误" in r.text)
    r = c.post(
        "/login",
        data={
            "email": USERS["agent"][0],
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/inbox"


def test_login_without_csrf_token_is_refused(client):
    from tests.web.conftest import PASSWORD, USERS

    c = client()
    c.get("/login")
    r = c.post("/login", data={"email": USERS["agent"][0], "password": PASSWORD})
    assert r.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/inbox/m1/resolve",
        "/inbox/m1/reply",
        "/inbox/m3/offer-private",
        "/inbox/m1/assign",
        "/compose",
        "/guidelines/sign",
        "/guidelines/publish",
        "/guidelines/embargo",
        "/likes/m2/like",
        "/automation/rules",
        "/logout",
        "/lang",
    ],
)
def test_every_form_is_refused_without_csrf_token(client, path):
    c, _ = form_client(client, "admin")
    r = c.post(path, data={"text": "hello", "term": "x", "reply_text": "x", "name": "x"})
    assert r.status_code == 403, path
    r = c.post(path, data={"text": "hello", "csrf_token": "forged"})
    assert r.status_code == 403, path


def test_every_form_on_every_page_carries_the_csrf_token(client):
    c = client("admin")
    for path in PAGES:
        html = c.get(path).text
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S):
            assert 'name="csrf_token"' in form, (path, form[:200])
        assert 'hx-headers=\'{"X-CSRF-Token": "' in html


def test_user_text_is_escaped_in_inbox_list_and_thread(client):
    c = client("agent")
    for path in ("/inbox?view=all", "/inbox/m8"):
        html = c.get(path).text
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_employee_names_are_escaped(client):
    html = client("manager").get("/guidelines/manage").text
    assert "Tom <b>Chen</b>" not in html and "Tom &lt;b&gt;Chen&lt;/b&gt;" in html


def test_live_tone_check_warns_on_arguing_and_blaming(client):
    c = client("agent")
    r = c.post("/inbox/m5/tone", data={"text": "That's your fault, you are wrong. Read the instructions."})
    assert r.status_code == 200
    assert "tone-warn" in r.text and 'data-code="argumentative"' in r.text
    r = c.post("/inbox/m5/tone", data={"text": "We're so sorry! We will fix it and refund you today."})
    assert "tone-ok" in r.text


def test_reply_with_warnings_needs_confirmation_then_is_sent(client):
    c, token = form_client(client, "agent")
    r = c.post("/inbox/m1/reply", data={"text": "这是你自己的问题，别乱说", "csrf_token": token})
    assert r.status_code == 409 and "tone-warn" in r.text
    assert 'name="confirm"' in r.text and "这是你自己的问题" in r.text  # the draft is kept
    r = c.post(
        "/inbox/m1/reply",
        data={"text": "非常抱歉！我们马上为您处理退款，今天内解决。", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/inbox/m1?done=sent"
    assert "非常抱歉！我们马上为您处理退款" in c.get("/inbox/m1").text


def test_offer_private_once_marks_the_thread_private_only(client):
    c, token = form_client(client, "agent")
    r = c.post("/inbox/m3/offer-private", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    html = c.get("/inbox/m3").text
    assert "private only" in html or "仅限私信" in html
    assert "/offer-private" not in html  # the button is gone
    assert c.post("/inbox/m3/offer-private", data={"csrf_token": token}).status_code == 409
    r = c.post("/inbox/m3/reply", data={"text": "Sorry, we will fix it.", "csrf_token": token})
    assert r.status_code == 409


def test_assign_and_resolve(client):
    c, token = form_client(client, "agent")
    agent_id = c.get("/api/auth/me").json()["id"]
    assert (
        c.post(
            "/inbox/m4/assign", data={"user_id": str(agent_id), "csrf_token": token}, follow_redirects=False
        ).status_code
        == 303
    )
    assert c.get("/inbox?assigned=me&view=all").text.count("/inbox/m4") == 1
    assert (
        c.post(
            "/inbox/m4/resolve", data={"resolved": "true", "csrf_token": token}, follow_redirects=False
        ).status_code
        == 303
    )
    assert '/inbox/m4"' not in c.get("/inbox?view=needs_reply").text


def test_composer_shows_the_cap_and_proposes_slots(client, app):
    day = datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0) + timedelta(days=3)
    with app.state.sessionmaker() as s:
        for i in range(3):
            s.add(
                Post(
                    id=f"cap{i}",
                    account_id="wb",
                    created_at=day + timedelta(hours=2 * i),
                    text="x",
                    status="scheduled",
                    source="scheduled",
                )
            )
        s.commit()
    c, token = form_client(client, "agent")
    at = (day + timedelta(hours=9)).astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    form = {
        "text": "新品拿铁 #咖啡#",
        "account_id": "wb",
        "media": "photo",
        "photos": "1",
        "at": at.strftime("%Y-%m-%dT%H:%M"),
    }
    r = c.post("/compose/check", data=form, headers={"X-CSRF-Token": token})
    assert r.status_code == 200
    assert 'data-code="over-daily-cap"' in r.text and "data-set-at=" in r.text
    r = c.post("/compose", data={**form, "account": "wb", "csrf_token": token})
    assert r.status_code == 409 and 'data-code="over-daily-cap"' in r.text
    queue = c.get("/compose/queue").text
    assert "day full" in queue


def test_composer_schedules_a_clean_post(client):
    c, token = form_client(client, "agent")
    at = (datetime.now(UTC) + timedelta(days=20)).strftime("%Y-%m-%dT11:00")
    r = c.post(
        "/compose",
        data={
            "text": "新品拿铁上市，欢迎来店品尝 #咖啡#",
            "account": "wb",
            "media": "photo",
            "photos": "1",
            "at": at,
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:2000]
    day = datetime.fromisoformat(at).date() - timedelta(days=1)
    assert r.headers["location"] == f"/compose/queue?start={day.isoformat()}&done=scheduled"
    queue = c.get(r.headers["location"]).text
    assert "dot scheduled" in queue and "新品拿铁上市，欢迎来店品尝" in queue


def test_embargoed_term_blocks_in_the_composer(client):
    c, token = form_client(client, "manager")
    r = c.post(
        "/compose/check",
        data={"text": "豆计划 is coming!", "account_id": "xa", "media": "photo", "at": "2026-12-01T10:00"},
        headers={"X-CSRF-Token": token},
    )
    assert 'data-code="embargoed-term"' in r.text


def test_employee_reads_and_signs_the_guidelines(client):
    c, token = form_client(client, "employee")
    html = c.get("/guidelines").text
    assert "准则" in html and 'action="/guidelines/sign"' in html
    r = c.post("/guidelines/sign", data={"version": "2.0", "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    html = c.get("/guidelines").text
    assert 'action="/guidelines/sign"' not in html and ("You signed" in html or "您已于" in html)
    assert c.get("/dashboard").status_code == 403 and c.get("/inbox").status_code == 403


def test_published_markdown_is_rendered_without_raw_html(client):
    c, token = form_client(client, "manager")
    text = (
        "Read this first.\n\n# New rules\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) **bold**"
        "\n\n![pixel](https://tracker.example/p.gif)"
    )
    r = c.post(
        "/guidelines/publish",
        data={"text": text, "title": "<i>v3</i>", "requires_signature": "true", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    html = c.get("/guidelines").text
    assert "<h1>New rules</h1>" in html and "<strong>bold</strong>" in html
    assert "<script>alert('x')</script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and "<img" not in html
    assert "<i>v3</i>" not in html and "&lt;i&gt;v3&lt;/i&gt;" in html
    unsigned = c.get("/guidelines/manage").text
    assert "Lily Wang" in unsigned  # signed 2.0, not the new version


def test_embargo_list_add_edit_remove(client):
    c, token = form_client(client, "manager")
    r = c.post(
        "/guidelines/embargo",
        data={
            "term": "Maple Latte",
            "aliases": "枫糖拿铁，maple",
            "until": "2027-01-31",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    html = c.get("/guidelines/embargo").text
    assert "Maple Latte" in html and "枫糖拿铁, maple" in html and "2027-01-31" in html
    assert c.post("/guidelines/embargo", data={"term": "Maple Latte", "csrf_token": token}).status_code == 409


def test_audiences_filters_and_export_link(client):
    html = client("manager").get("/audiences?customer=yes").text
    assert "/api/audiences/export.csv?customer=yes" in html
    assert 'id="campaigns"' in html and 'id="tools"' in html


def test_auto_reply_rule_defaults_to_off_hours(client):
    c, token = form_client(client, "manager")
    html = c.get("/likes").text
    assert 'name="off_hours_only" value="true" checked' in html and 'name="max_share_pct"' in html
    r = c.post(
        "/automation/rules",
        data={
            "name": "Night",
            "reply_text": "Thanks! We reply from 9:00.",
            "off_hours_only": "true",
            "off_hours_start": "19",
            "off_hours_end": "9",
            "max_share_pct": "20",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/likes?done=rule_added#rules"
    assert c.get("/api/automation/rules").json()[0]["max_share"] == 0.2
    assert (
        c.post(
            "/automation/rules",
            data={"name": "x", "reply_text": "y", "max_share_pct": "90", "csrf_token": token},
        ).status_code
        == 422
    )


def test_language_toggle_and_accept_language(client):
    c, token = form_client(client, "agent")
    assert "消息收件箱" in c.get("/inbox", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).text
    assert "Needs reply" in c.get("/inbox", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    r = c.post("/lang", data={"lang": "en", "next": "/inbox", "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/inbox"
    assert "Needs reply" in c.get("/inbox", headers={"Accept-Language": "zh-CN"}).text  # the cookie wins


def test_catalogue_has_every_key_the_templates_use_in_both_languages():
    used = set()
    for path in TEMPLATES.rglob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_0-9.]+)'", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in MESSAGES and not k.endswith((".", "_")))
    assert not missing
    for key, (en, zh) in MESSAGES.items():
        assert en and zh, key


def test_language_choice_order():
    assert parse_accept_language("en-US,en;q=0.9,zh-CN;q=0.8") == "en"
    assert parse_accept_language("fr-FR, zh;q=0.5, en;q=0.4") == "zh"
    assert parse_accept_language("fr") is None
    assert pick_lang(None, "fr", None, "zh") == "zh"
    assert pick_lang("en", "zh-CN", "zh") == "en"
    assert pick_lang(None, None, "en") == "en"
    assert gettext("zh", "dash.findings_n", n=3) == "3 个问题"
    assert gettext("en", "no.such.key") == "no.such.key"


def test_thread_shows_the_post_the_comment_is_about(client):
    html = client("agent").get("/inbox/m1").text
    assert 'href="/compose/post/p1"' in html and "新品拿铁上市！#咖啡#" in html


def test_admin_creates_a_team_member_who_can_then_log_in(client):
    c, token = form_client(client, "admin")
    r = c.post(
        "/users",
        data={
            "email": "new.agent@acme.example",
            "name": "<b>New</b>",
            "role": "agent",
            "password": "long enough pw",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    html = c.get("/users").text
    assert "new.agent@acme.example" in html and "&lt;b&gt;New&lt;/b&gt;" in html
    r = c.post(
        "/users",
        data={
            "email": "x@acme.example",
            "role": "employee",
            "password": "long enough pw",
            "csrf_token": token,
        },
    )
    assert r.status_code == 422  # an employee login must be linked to an employee
    other = client()
    page = other.get("/login").text
    r = other.post(
        "/login",
        data={"email": "new.agent@acme.example", "password": "long enough pw", "csrf_token": csrf_in(page)},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/inbox"


def test_live_check_after_logout_sends_the_browser_to_login(client):
    c = client()
    c.get("/login")
    r = c.post(
        "/inbox/m1/tone",
        data={"text": "hi"},
        headers={"HX-Request": "true", "X-CSRF-Token": c.cookies.get("smguard_csrf")},
    )
    assert r.status_code == 200 and r.headers["HX-Redirect"].startswith("/login?next=")


def test_future_guideline_versions_are_drafts_only_managers_see(client, app):
    from smguard.store.models import Guideline

    with app.state.sessionmaker() as s:
        s.add(
            Guideline(
                version="9.0-draft", published_at=datetime.now(UTC) + timedelta(days=30), text="# Secret"
            )
        )
        s.commit()
    employee = client("employee")
    assert "9.0-draft" not in employee.get("/guidelines").text
    assert employee.get("/guidelines?version=9.0-draft").status_code == 404
    manager = client("manager")
    assert "9.0-draft" in manager.get("/guidelines").text
    assert manager.get("/guidelines?version=9.0-draft").status_code == 200


def test_every_page_route_asks_for_a_permission():
    """A new page cannot forget its role check: every route but login/logout/language/home has a page_user."""
    import importlib
    import pkgutil

    from smguard.web import pages

    modules = [
        importlib.import_module(f"smguard.web.pages.{m.name}") for m in pkgutil.iter_modules(pages.__path__)
    ]
    modules = [m for m in modules if hasattr(m, "router")]
    public = {"/", "/login", "/logout", "/lang"}

    def names(dependant):
        for d in dependant.dependencies:
            yield getattr(d.call, "__name__", "")
            yield from names(d)

    routes = [r for m in modules for r in m.router.routes]
    assert len(routes) > 30
    for route in routes:
        if route.path in public:
            continue
        assert any(n.startswith("page_") for n in names(route.dependant)), route.path


def test_pages_send_a_content_security_policy(client):
    r = client("agent").get("/inbox")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp
    assert " on" + "change=" not in r.text and "<script>" not in r.text


def test_like_from_the_queue_in_place_with_htmx(client):
    c = client("manager")
    html = c.get("/likes").text
    ids = re.findall(r'action="/likes/([^"/]+)/like"', html)
    if not ids:
        pytest.skip("the fixture has no fan post mentioning the brand")
    r = c.post(f"/likes/{ids[0]}/like", headers={"HX-Request": "true"})
    assert r.status_code == 200 and "liked" in r.text
    assert f'action="/likes/{ids[0]}/like"' not in c.get("/likes").text
