"""The editors' writes: update with a version check, review, merge, delete, restore."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory, SourceFactory
from tracker import services
from tracker.models import Citation, Estimate

pytestmark = pytest.mark.django_db


def proposed(**kwargs) -> Estimate:
    return EstimateFactory(status=Estimate.Status.PROPOSED, **kwargs)


def test_update_saves_the_changes_and_moves_the_version(editor):
    estimate = proposed()
    saved = services.update_estimate(
        estimate_id=estimate.pk, expected_version=1, changes={"best": 450, "high": 500}, user=editor
    )
    saved.refresh_from_db()
    assert (saved.best, saved.high, saved.version, saved.updated_by) == (450, 500, 2, editor)


def test_update_with_a_stale_version_is_refused_and_names_what_changed(editor, analyst):
    estimate = proposed()
    services.update_estimate(
        estimate_id=estimate.pk, expected_version=1, changes={"notes": "first"}, user=editor
    )
    with pytest.raises(services.ConflictError) as conflict:
        services.update_estimate(
            estimate_id=estimate.pk, expected_version=1, changes={"best": 999}, user=editor
        )
    assert conflict.value.current.version == 2
    assert conflict.value.changed == [("notes", "", "first")]
    estimate.refresh_from_db()
    assert (estimate.best, estimate.notes) == (400, "first")


def test_update_explains_bad_figures_and_writes_nothing(editor):
    estimate = proposed()
    with pytest.raises(ValidationError) as error:
        services.update_estimate(
            estimate_id=estimate.pk, expected_version=1, changes={"low": 900}, user=editor
        )
    assert "above the high figure" in error.value.message_dict["low"][0]
    estimate.refresh_from_db()
    assert (estimate.low, estimate.version) == (400, 1)


def test_update_refuses_fields_editors_do_not_edit(editor):
    estimate = proposed()
    with pytest.raises(ValidationError):
        services.update_estimate(
            estimate_id=estimate.pk, expected_version=1, changes={"version": 7}, user=editor
        )


def test_every_write_is_recorded_with_who_made_it(editor):
    estimate = proposed()
    services.update_estimate(
        estimate_id=estimate.pk,
        expected_version=1,
        changes={"best": 410, "high": 410},
        user=editor,
    )
    services.confirm_estimate(estimate_id=estimate.pk, user=editor)
    latest = estimate.history.order_by("-history_date")
    assert [r.history_user for r in latest[:2]] == [editor, editor]
    assert [r.version for r in latest] == [3, 2, 1]


def test_confirm_and_reject_set_the_status_and_the_reason(editor):
    one, two = proposed(), proposed()
    assert services.confirm_estimate(estimate_id=one.pk, user=editor).status == "confirmed"
    rejected = services.reject_estimate(estimate_id=two.pk, reason="Misread figure", user=editor)
    assert (rejected.status, rejected.review_note) == ("rejected", "Misread figure")


def test_reject_needs_a_reason(editor):
    estimate = proposed()
    with pytest.raises(ValidationError):
        services.reject_estimate(estimate_id=estimate.pk, reason="  ", user=editor)
    estimate.refresh_from_db()
    assert estimate.status == "proposed"


def test_bulk_confirm_is_all_or_nothing(editor):
    one, two = proposed(), proposed()
    services.soft_delete_estimate(estimate_id=two.pk, user=editor)
    with pytest.raises(ValidationError):
        services.bulk_confirm_estimates(estimate_ids=[one.pk, two.pk], user=editor)
    one.refresh_from_db()
    assert one.status == "proposed"
    done = services.bulk_confirm_estimates(estimate_ids=[one.pk], user=editor)
    assert [e.status for e in done] == ["confirmed"]


def test_bulk_reject_records_the_reason_on_each(editor):
    estimates = [proposed(), proposed()]
    services.bulk_reject_estimates(
        estimate_ids=[e.pk for e in estimates], reason="Duplicate", user=editor
    )
    assert set(Estimate.objects.values_list("status", "review_note")) == {("rejected", "Duplicate")}


def test_merge_moves_citations_and_drops_those_of_an_article_already_cited(editor):
    source = SourceFactory()
    kept = EstimateFactory(source=source)
    merged = proposed(deployment=kept.deployment, source=source)
    shared, other = ArticleFactory(), ArticleFactory()
    services.cite(estimate=kept, article=shared, quote="about 400")
    services.cite(estimate=merged, article=shared, quote="about 400")
    services.cite(estimate=merged, article=other, quote="about 400")

    services.merge_estimate(source_estimate=merged, into=kept, user=editor)

    assert sorted(kept.citations.values_list("article_id", flat=True)) == sorted(
        [shared.pk, other.pk]
    )
    merged.refresh_from_db()
    assert merged.status == "rejected"
    assert merged.deleted_at is not None
    assert f"Merged into estimate {kept.pk}" in merged.review_note
    assert not Citation.objects.filter(estimate=merged).exists()


def test_merge_refuses_another_metric(editor):
    from tests.tracker.factories import metric

    kept = EstimateFactory()
    other = proposed(deployment=kept.deployment, metric=metric("wounded"))
    with pytest.raises(ValidationError):
        services.merge_estimate(source_estimate=other, into=kept, user=editor)


def test_soft_delete_hides_but_keeps_an_estimate_with_citations(editor):
    estimate = EstimateFactory()
    services.cite(estimate=estimate, article=ArticleFactory(), quote="about 400")
    services.soft_delete_estimate(estimate_id=estimate.pk, user=editor, reason="Garbled")
    assert not Estimate.objects.live().filter(pk=estimate.pk).exists()
    assert Estimate.objects.get(pk=estimate.pk).citations.count() == 1


def test_an_estimate_without_citations_is_soft_deleted_too(editor):
    estimate = EstimateFactory()
    services.soft_delete_estimate(estimate_id=estimate.pk, user=editor)
    assert Estimate.objects.filter(pk=estimate.pk, deleted_at__isnull=False).exists()


def test_restore_puts_back_an_earlier_version_as_a_new_version(editor):
    estimate = proposed()
    services.update_estimate(
        estimate_id=estimate.pk,
        expected_version=1,
        changes={"low": 500, "best": 500, "high": 500},
        user=editor,
    )
    first = estimate.history.get(version=1)
    restored = services.restore_estimate_version(history_id=first.history_id, user=editor)
    assert (restored.best, restored.version) == (400, 3)
    assert "Restored version 1" in restored.review_note


def test_restore_undoes_a_delete(editor):
    estimate = proposed()
    services.soft_delete_estimate(estimate_id=estimate.pk, user=editor)
    before = estimate.history.get(version=1)
    services.restore_estimate_version(history_id=before.history_id, user=editor)
    assert Estimate.objects.live().filter(pk=estimate.pk).exists()


def test_restore_with_a_stale_version_is_refused(editor):
    estimate = proposed()
    services.confirm_estimate(estimate_id=estimate.pk, user=editor)
    first = estimate.history.get(version=1)
    with pytest.raises(services.ConflictError):
        services.restore_estimate_version(
            history_id=first.history_id, user=editor, expected_version=1
        )


def test_enter_estimate_creates_a_new_source_and_the_citation_together(editor):
    from tests.tracker.factories import DeploymentFactory, metric

    article = ArticleFactory(text="A lawmaker said about 11,000 troops had arrived.")
    estimate = services.enter_estimate(
        fields={
            "deployment": DeploymentFactory(),
            "metric": metric("deployed"),
            "source": None,
            "best": 11000,
            "as_of": dt.date(2024, 11, 1),
        },
        new_sources={"source": {"name": "Lawmaker Kim", "kind": "lawmaker", "country": "KR"}},
        article=article,
        quote="about 11,000 troops",
        user=editor,
    )
    assert estimate.source.name == "Lawmaker Kim"
    assert estimate.source.reliability == "F"
    assert estimate.citations.get().start == article.text.index("about 11,000")


def test_enter_estimate_writes_nothing_when_the_figures_are_wrong(editor):
    from tests.tracker.factories import DeploymentFactory, metric

    with pytest.raises(ValidationError):
        services.enter_estimate(
            fields={
                "deployment": DeploymentFactory(),
                "metric": metric("deployed"),
                "source": None,
                "low": 5,
                "high": 1,
                "as_of": dt.date(2024, 11, 1),
            },
            new_sources={"source": {"name": "Nobody Yet"}},
            user=editor,
        )
    from tracker.models import Source

    assert not Source.objects.filter(name="Nobody Yet").exists()


def test_after_a_merge_the_analysis_recounts_the_citations(
    editor, django_capture_on_commit_callbacks
):
    kept = EstimateFactory()
    merged = proposed(deployment=kept.deployment, source=kept.source)
    services.cite(estimate=kept, article=ArticleFactory(), quote="about 400")
    services.cite(estimate=merged, article=ArticleFactory(), quote="about 400")
    with django_capture_on_commit_callbacks(execute=True):
        services.merge_estimate(source_estimate=merged, into=kept, user=editor)
    kept.refresh_from_db()
    assert kept.citation_count == 2


def test_after_an_edit_moves_an_estimate_its_old_group_is_analysed_again(
    editor, django_capture_on_commit_callbacks
):
    from tests.tracker.factories import metric
    from tracker.analysis import refresh
    from tracker.models import Discrepancy

    low = EstimateFactory(low=100, best=100, high=100)
    high = EstimateFactory(deployment=low.deployment, low=900, best=900, high=900)

    refresh()
    assert Discrepancy.objects.filter(estimates=high).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_estimate(
            estimate_id=high.pk,
            expected_version=1,
            changes={"metric": metric("wounded")},
            user=editor,
        )
    assert not Discrepancy.objects.filter(estimates=low, status="open").exists()
