"""Each estimate's history: who changed what and when, and restoring an earlier version."""

import pytest
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory
from tracker import services
from tracker.models import Estimate

pytestmark = pytest.mark.django_db


def test_the_history_shows_who_changed_what(editor_client, editor):
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED)
    services.update_estimate(
        estimate_id=estimate.pk, expected_version=1,
        changes={"low": 350, "notes": "Range from the briefing"}, user=editor,
    )  # fmt: skip
    html = editor_client.get(reverse("editor-history", args=[estimate.pk])).content.decode()
    assert "<td>editor</td>" in html
    assert "<strong>Low</strong>: <del>400</del> → <ins>350</ins>" in html
    assert "<ins>Range from the briefing</ins>" in html


def test_the_history_names_related_rows_rather_than_ids(editor_client, editor):
    from tests.tracker.factories import SourceFactory

    estimate = EstimateFactory(source=SourceFactory(name="Old name source"))
    services.update_estimate(
        estimate_id=estimate.pk, expected_version=1,
        changes={"source": SourceFactory(name="New name source")}, user=editor,
    )  # fmt: skip
    html = editor_client.get(reverse("editor-history", args=[estimate.pk])).content.decode()
    assert "<del>Old name source</del> → <ins>New name source</ins>" in html


def test_the_history_shows_citations_moved_by_a_merge(editor_client, editor):
    kept = EstimateFactory()
    merged = EstimateFactory(
        status=Estimate.Status.PROPOSED, deployment=kept.deployment, source=kept.source
    )
    services.cite(estimate=merged, article=ArticleFactory(), quote="about 400")
    services.merge_estimate(source_estimate=merged, into=kept, user=editor)
    html = editor_client.get(reverse("editor-history", args=[merged.pk])).content.decode()
    assert f"moved from #{merged.pk} to #{kept.pk}" in html


def test_restoring_from_the_history_page(editor_client, editor):
    estimate = EstimateFactory()
    services.update_estimate(
        estimate_id=estimate.pk, expected_version=1,
        changes={"low": 10, "best": 10, "high": 10}, user=editor,
    )  # fmt: skip
    first = estimate.history.get(version=1)
    response = editor_client.post(
        reverse("editor-restore", args=[estimate.pk, first.history_id]), {"version": "2"},
        follow=True,
    )  # fmt: skip
    assert "Restored version 1" in response.content.decode()
    estimate.refresh_from_db()
    assert (estimate.best, estimate.version) == (400, 3)
    assert estimate.history.order_by("-history_date").first().history_user == editor


def test_restoring_from_a_stale_history_page_is_refused(editor_client, editor):
    estimate = EstimateFactory()
    services.confirm_estimate(estimate_id=estimate.pk, user=editor)
    first = estimate.history.get(version=1)
    services.update_estimate(
        estimate_id=estimate.pk, expected_version=2, changes={"notes": "x"}, user=editor
    )
    response = editor_client.post(
        reverse("editor-restore", args=[estimate.pk, first.history_id]), {"version": "2"},
        follow=True,
    )  # fmt: skip
    assert "Not restored" in response.content.decode()
    estimate.refresh_from_db()
    assert estimate.version == 3


def test_a_deleted_estimate_can_be_restored_from_its_history(editor_client):
    estimate = EstimateFactory()
    editor_client.post(reverse("editor-delete", args=[estimate.pk]))
    assert not Estimate.objects.live().filter(pk=estimate.pk).exists()
    first = estimate.history.get(version=1)
    editor_client.post(reverse("editor-restore", args=[estimate.pk, first.history_id]))
    assert Estimate.objects.live().filter(pk=estimate.pk).exists()


def test_the_history_page_query_count_does_not_grow_with_versions(
    editor_client, editor, django_assert_num_queries
):
    estimate = EstimateFactory()
    for n in range(5):
        services.update_estimate(
            estimate_id=estimate.pk, expected_version=n + 1, changes={"notes": str(n)},
            user=editor,
        )  # fmt: skip
    # session, user, groups; the estimate with its related rows; its historical records
    # with their users; the names of related rows (deployment, metric, source — one query
    # each); the citations' history (ids subquery inside); their articles.
    with django_assert_num_queries(9):
        editor_client.get(reverse("editor-history", args=[estimate.pk]))
