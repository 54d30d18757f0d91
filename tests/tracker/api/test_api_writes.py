"""Writing estimates over the API: who may, what is refused, and concurrent edits."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.tracker.factories import (
    ContingentFactory,
    DeploymentFactory,
    EstimateFactory,
    SourceFactory,
)
from tracker.models import Estimate

pytestmark = pytest.mark.django_db

URL = "/api/v1/estimates/"


@pytest.fixture
def refs(db):
    deployment = DeploymentFactory(slug="dprk")
    ContingentFactory(deployment=deployment, number=1)
    SourceFactory(slug="hur", name="HUR")
    SourceFactory(slug="yu", name="Yu Yong-weon", kind="lawmaker")
    return deployment


def new_estimate(**changes) -> dict:
    body = {
        "deployment": "dprk",
        "metric": "killed",
        "source": "hur",
        "via": "yu",
        "contingent": 1,
        "low": 300,
        "best": 400,
        "high": 500,
        "qualifier": "approx",
        "as_of": "2025-02-26",
    }
    body.update(changes)
    return body


def test_editor_token_creates_an_estimate(editor_api, editor, refs):
    response = editor_api.post(URL, new_estimate(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["contingent"] == {"number": 1, "name": "Wave 1"}
    assert body["via"]["slug"] == "yu"
    assert body["status"] == "proposed"
    estimate = Estimate.objects.get(pk=body["id"])
    assert estimate.created_by == editor
    assert estimate.best == 400


def test_anonymous_write_is_401_and_analyst_token_write_is_403(api_client, analyst_api, refs):
    anonymous = api_client.post(URL, new_estimate(), format="json")
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "not_authenticated"
    analyst = analyst_api.post(URL, new_estimate(), format="json")
    assert analyst.status_code == 403
    assert analyst.json()["message"] == "Writing needs an editor's API token."
    assert not Estimate.objects.exists()


def test_anonymous_and_analyst_read(api_client, analyst_api, refs):
    EstimateFactory(deployment=refs)
    assert api_client.get(URL).status_code == 200
    assert analyst_api.get(URL).status_code == 200


def test_reads_can_be_closed_to_anonymous_clients(api_client, analyst_api, refs, settings):
    settings.API_PUBLIC_READS = False
    assert api_client.get(URL).status_code == 401
    assert analyst_api.get(URL).status_code == 200


def test_low_above_high_is_a_400_naming_the_field(editor_api, refs):
    response = editor_api.post(URL, new_estimate(low=600, best=None, high=500), format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["errors"]["low"] == ["The low figure (600) is above the high figure (500)."]
    assert body["message"].startswith("low: ")
    assert not Estimate.objects.exists()


def test_unknown_references_are_400s_naming_each_field(editor_api, refs):
    response = editor_api.post(
        URL, new_estimate(source="nobody", contingent=9, qualifier="roughly"), format="json"
    )
    assert response.status_code == 400
    assert {"source", "qualifier"} <= set(response.json()["errors"])


def test_unknown_contingent_is_a_400(editor_api, refs):
    response = editor_api.post(URL, new_estimate(contingent=9), format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["contingent"] == [
        "This deployment has no contingent number 9."
    ]


def test_patch_with_the_version_read_updates_and_bumps_the_version(editor_api, editor, refs):
    estimate = EstimateFactory(deployment=refs)
    response = editor_api.patch(
        f"{URL}{estimate.pk}/", {"best": 450, "high": 500, "version": 1}, format="json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["best"], response.json()["version"]) == (450, 2)
    estimate.refresh_from_db()
    assert (estimate.best, estimate.version, estimate.updated_by) == (450, 2, editor)


def test_patch_with_a_stale_version_is_a_409_with_the_current_estimate(editor_api, refs):
    estimate = EstimateFactory(deployment=refs)
    first = editor_api.patch(f"{URL}{estimate.pk}/", {"notes": "one", "version": 1}, format="json")
    assert first.status_code == 200
    second = editor_api.patch(f"{URL}{estimate.pk}/", {"notes": "two", "version": 1}, format="json")
    assert second.status_code == 409
    body = second.json()
    assert body["code"] == "conflict"
    assert body["current"]["notes"] == "one"
    assert body["current"]["version"] == 2
    estimate.refresh_from_db()
    assert estimate.notes == "one"


def test_patch_without_a_version_is_refused(editor_api, refs):
    estimate = EstimateFactory(deployment=refs)
    response = editor_api.patch(f"{URL}{estimate.pk}/", {"notes": "x"}, format="json")
    assert response.status_code == 400
    assert "version" in response.json()["errors"]


def test_put_replaces_the_estimate(editor_api, refs):
    estimate = EstimateFactory(deployment=refs)
    body = new_estimate(best=None, low=None, high=350, qualifier="at_most", version=1)
    response = editor_api.put(f"{URL}{estimate.pk}/", body, format="json")
    assert response.status_code == 200, response.content
    estimate.refresh_from_db()
    assert (estimate.low, estimate.best, estimate.high) == (None, None, 350)


def test_update_that_breaks_a_rule_is_a_400_and_changes_nothing(editor_api, refs):
    estimate = EstimateFactory(deployment=refs)
    response = editor_api.patch(f"{URL}{estimate.pk}/", {"low": 900, "version": 1}, format="json")
    assert response.status_code == 400
    assert "low" in response.json()["errors"]
    estimate.refresh_from_db()
    assert (estimate.low, estimate.version) == (400, 1)


def test_analyst_cannot_update(analyst_api, refs):
    estimate = EstimateFactory(deployment=refs)
    response = analyst_api.patch(
        f"{URL}{estimate.pk}/", {"notes": "x", "version": 1}, format="json"
    )
    assert response.status_code == 403


def test_writes_are_throttled_per_user(editor_api, refs, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "writes", "2/minute")
    codes = [
        editor_api.post(URL, new_estimate(best=400 + i), format="json").status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]
    assert editor_api.get(URL).status_code == 200  # reads are not writes


def test_anonymous_reads_are_throttled(api_client, refs, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "2/minute")
    codes = [api_client.get(URL).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert "Retry-After" in api_client.get(URL)
    assert api_client.get(URL).json()["code"] == "throttled"


def test_signed_in_reads_are_throttled_per_user_and_anonymous_ones_by_the_anon_rate(
    api_client, analyst_api, refs, monkeypatch
):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "user", "2/minute")
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "100/minute")
    assert [analyst_api.get(URL).status_code for _ in range(3)] == [200, 200, 429]
    assert [api_client.get(URL).status_code for _ in range(3)] == [200, 200, 200]


@override_settings(DEBUG=True)
def test_unknown_api_path_is_a_json_404_even_with_debug(api_client, db):
    response = api_client.get("/api/v1/no/such/thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"
    assert b"Traceback" not in response.content


def test_missing_object_is_a_json_404(api_client, db):
    response = api_client.get(f"{URL}123456/")
    assert response.status_code == 404
    assert response.json() == {
        "status": 404,
        "code": "not_found",
        "message": "Nothing here: no such resource or object.",
        "errors": {},
    }


def test_odd_api_path_is_a_json_404_too(api_client, db):
    response = api_client.get("/api/v1/deployments/x/timeseries/%0Anewline/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
