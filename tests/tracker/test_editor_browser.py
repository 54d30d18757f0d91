"""The editor pages in a real headless Chromium: log in, review with the keyboard, and
sources suggested as you type."""

import pytest

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory, SourceFactory, UserFactory
from tracker import services
from tracker.models import Estimate
from tracker.roles import EDITORS

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed rows; serialized_rollback keeps the seeded metrics/groups.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery staple"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(live_server, settings, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Plain http on the live server; Playwright's loop runs in this thread while the
    # test also uses the ORM.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()


def log_in(page, live_server):
    UserFactory(username="desk", role=EDITORS)
    page.goto(f"{live_server.url}/editor/login/")
    page.fill("input[name=username]", "desk")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/editor/")


def test_an_editor_confirms_the_second_item_with_the_keyboard(page, live_server):
    first = EstimateFactory(status=Estimate.Status.PROPOSED)
    second = EstimateFactory(status=Estimate.Status.PROPOSED)
    services.cite(
        estimate=first,
        article=ArticleFactory(text="Officials said about 400 soldiers were killed."),
        quote="about 400 soldiers",
    )
    log_in(page, live_server)
    assert page.inner_text(".queue-count").startswith("2 proposed estimates waiting")
    assert page.inner_text("mark.quote") == "about 400 soldiers"
    # Newest first: j j lands on the second item, which is `first`.
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("c")
    page.wait_for_selector(".message.success")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "proposed")
    assert page.inner_text(".queue-count").startswith("1 proposed estimate waiting")


def test_sources_are_suggested_as_the_editor_types(page, live_server):
    SourceFactory(name="Defence Intelligence of Ukraine (HUR)")
    log_in(page, live_server)
    page.goto(f"{live_server.url}/editor/estimates/new")
    page.fill("input[name=source]", "")
    page.type("input[name=source]", "Defen", delay=30)
    page.wait_for_function("document.querySelectorAll('#source-options option').length > 0")
    values = page.eval_on_selector_all("#source-options option", "els => els.map(e => e.value)")
    assert values == ["Defence Intelligence of Ukraine (HUR)"]
