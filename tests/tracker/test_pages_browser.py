"""A real browser (Debian's headless Chromium, driven by Playwright) against a live server
with the demo data: the overview renders, and the timeline chart draws one dataset per
source with one point per estimate, without a console error. Screenshots are saved in
test-artifacts/ (git-ignored)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db.models import Count
from django.urls import reverse

from tracker.models import Estimate, EstimateStatus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# UPDATE_SCREENSHOTS=1 also refreshes the README's screenshots (first screen only, small).
README_SCREENSHOTS = ROOT / "docs" / "screenshots"


def save_screenshots(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(README_SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def browser_page(monkeypatch):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (make test does)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test
    # makes between page loads are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            page.console_errors = []
            page.on(
                "console",
                lambda message: (
                    message.type == "error" and page.console_errors.append(message.text)
                ),
            )
            page.on("pageerror", lambda error: page.console_errors.append(str(error)))
            yield page
        finally:
            browser.close()


@pytest.fixture
def demo_deployment(transactional_db):
    from articles.demo import load_demo
    from tracker.models import Deployment

    load_demo()
    return Deployment.objects.get(slug="north-korea-russia")


def test_overview_renders_in_a_real_browser(live_server, demo_deployment, browser_page):
    page = browser_page
    response = page.goto(
        live_server.url + reverse("deployment-overview", args=["north-korea-russia"])
    )
    assert response.status == 200
    assert page.locator("h1").inner_text() == demo_deployment.name
    assert page.locator(".tile").count() >= 5
    # The stylesheet loaded: the header is dark.
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert background == "rgb(15, 27, 45)"
    save_screenshots(page, "overview")
    assert page.console_errors == []


def test_timeline_chart_draws_one_dataset_per_source(live_server, demo_deployment, browser_page):
    expected = {
        row["source__name"]: row["n"]
        for row in Estimate.objects.filter(
            deployment=demo_deployment, metric__slug="deployed", status=EstimateStatus.CONFIRMED
        )
        .values("source__name")
        .annotate(n=Count("id"))
    }
    page = browser_page
    url = live_server.url + reverse("timeline", args=["north-korea-russia", "deployed"])
    assert page.goto(url).status == 200
    page.wait_for_selector("#timeline-chart[data-ready=true]", timeout=10_000)
    drawn = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.getElementById('timeline-chart'));
            return {
                animation: chart.options.animation,
                datasets: chart.data.datasets.map((d, i) => ({
                    label: d.label,
                    points: d.data.length,
                    elements: chart.getDatasetMeta(i).data.length,
                })),
            };
        }"""
    )
    assert drawn["animation"] is False
    assert {d["label"]: d["points"] for d in drawn["datasets"]} == expected
    assert all(d["elements"] == d["points"] for d in drawn["datasets"])
    # The table carries the same estimates as the chart.
    assert page.locator("table.data tbody tr").count() == sum(expected.values())
    save_screenshots(page, "timeline")
    assert page.console_errors == []
