"""Who may use each editor page and action: anonymous, analyst, editor, admin."""

import pytest
from django.urls import reverse

from tests.tracker.factories import EstimateFactory
from tracker.models import Estimate

pytestmark = pytest.mark.django_db

LOGIN = "/editor/login/"


@pytest.fixture
def estimate():
    return EstimateFactory(status=Estimate.Status.PROPOSED)


def pages(estimate):
    """(method, url, data) for every editor page and action."""
    history_id = estimate.history.get().history_id
    return {
        "queue": ("get", reverse("editor-queue"), None),
        "new form": ("get", reverse("editor-new"), None),
        "edit form": ("get", reverse("editor-edit", args=[estimate.pk]), None),
        "history": ("get", reverse("editor-history", args=[estimate.pk]), None),
        "source search": ("get", reverse("editor-source-search") + "?q=So", None),
        "confirm": ("post", reverse("editor-confirm", args=[estimate.pk]), {}),
        "reject": ("post", reverse("editor-reject", args=[estimate.pk]), {"reason": "No"}),
        "merge": ("post", reverse("editor-merge", args=[estimate.pk]), {"into_id": "0"}),
        "bulk": (
            "post",
            reverse("editor-bulk"),
            {"selected": [estimate.pk], "action": "confirm"},
        ),
        "delete": ("post", reverse("editor-delete", args=[estimate.pk]), {}),
        "restore": (
            "post",
            reverse("editor-restore", args=[estimate.pk, history_id]),
            {},
        ),
        "save new": ("post", reverse("editor-new"), {}),
        "save edit": ("post", reverse("editor-edit", args=[estimate.pk]), {}),
    }


PAGES = [
    "queue", "new form", "edit form", "history", "source search", "confirm", "reject",
    "merge", "bulk", "delete", "restore", "save new", "save edit",
]  # fmt: skip

#: What an editor or admin gets: the page (200), a redirect after an action (302), or the
#: form sent back with its errors (400) when the posted form is empty.
ALLOWED = {
    "queue": 200, "new form": 200, "edit form": 200, "history": 200, "source search": 200,
    "confirm": 302, "reject": 302, "merge": 302, "bulk": 302, "delete": 302, "restore": 302,
    "save new": 400, "save edit": 400,
}  # fmt: skip


def call(client, estimate, page):
    method, url, data = pages(estimate)[page]
    return getattr(client, method)(url, data) if data is not None else client.get(url)


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(anonymous_client, estimate, page):
    response = call(anonymous_client, estimate, page)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN + "?next=")
    estimate.refresh_from_db()
    assert estimate.version == 1


@pytest.mark.parametrize("page", PAGES)
def test_analysts_are_forbidden(analyst_client, estimate, page):
    response = call(analyst_client, estimate, page)
    assert response.status_code == 403
    estimate.refresh_from_db()
    assert estimate.version == 1


@pytest.mark.parametrize("persona", ["editor_client", "admin_client"])
@pytest.mark.parametrize("page", PAGES)
def test_editors_and_admins_may(request, persona, estimate, page):
    response = call(request.getfixturevalue(persona), estimate, page)
    assert response.status_code == ALLOWED[page]


def test_the_login_page_is_open_to_everyone(anonymous_client):
    assert anonymous_client.get(LOGIN).status_code == 200


def test_a_get_cannot_confirm(editor_client, estimate):
    response = editor_client.get(reverse("editor-confirm", args=[estimate.pk]))
    assert response.status_code == 405
    estimate.refresh_from_db()
    assert estimate.status == "proposed"
