"""The review queue page and its actions."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory, SourceFactory
from tracker import services
from tracker.models import Estimate

pytestmark = pytest.mark.django_db

QUEUE = "/editor/"


def proposed_with_citation(text: str, quote: str, **kwargs) -> Estimate:
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED, **kwargs)
    services.cite(estimate=estimate, article=ArticleFactory(text=text), quote=quote)
    return estimate


def test_the_queue_lists_proposed_estimates_newest_first_with_the_count(editor_client):
    older = EstimateFactory(status=Estimate.Status.PROPOSED, best=100, low=100, high=100)
    newer = EstimateFactory(status=Estimate.Status.PROPOSED, best=200, low=200, high=200)
    EstimateFactory(status=Estimate.Status.CONFIRMED)
    response = editor_client.get(QUEUE)
    assert [e.pk for e in response.context["items"]] == [newer.pk, older.pk]
    assert "<strong>2</strong> proposed estimates waiting" in response.content.decode()


def test_the_quote_is_marked_inside_its_paragraph_and_everything_is_escaped(editor_client):
    text = (
        "First paragraph about something else.\n"
        "Officials <b>said</b> about 400 soldiers were killed & more were hurt.\n"
        "Last paragraph."
    )
    proposed_with_citation(text, "about 400 soldiers were killed")
    html = editor_client.get(QUEUE).content.decode()
    assert (
        "Officials &lt;b&gt;said&lt;/b&gt; "
        '<mark class="quote">about 400 soldiers were killed</mark> &amp; more were hurt.'
    ) in html
    assert "First paragraph" not in html
    assert "<b>said</b>" not in html


def test_each_item_shows_the_outlet_the_date_and_what_the_tracker_holds(editor_client):
    source = SourceFactory(name="Defence Intelligence")
    held = EstimateFactory(source=source, best=300, low=300, high=300, as_of=dt.date(2025, 1, 5))
    proposed_with_citation(
        "They said about 400 soldiers were killed.",
        "about 400",
        source=source,
        deployment=held.deployment,
    )
    response = editor_client.get(QUEUE)
    item = response.context["items"][0]
    assert item.held == [held]
    html = response.content.decode()
    assert "Example News, 2025-03-05" in html
    assert "about 300" in html


def test_the_queue_costs_the_same_queries_for_one_or_many_items(
    editor_client, django_assert_num_queries
):
    for n in range(4):
        proposed_with_citation(f"Report {n}: about 400 were killed.", "about 400")
    # session, user, the user's groups (role check), the count of waiting estimates, the
    # page of estimates with their deployment/contingent/metric/source/via, their citations
    # with articles, the confirmed estimates held for the same metric and source.
    with django_assert_num_queries(7):
        response = editor_client.get(QUEUE)
    assert len(response.context["items"]) == 4


def test_confirm_from_the_queue(editor_client):
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED)
    response = editor_client.post(reverse("editor-confirm", args=[estimate.pk]), follow=True)
    estimate.refresh_from_db()
    assert estimate.status == "confirmed"
    assert "Confirmed estimate" in response.content.decode()


def test_reject_needs_a_reason_and_records_it(editor_client):
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED)
    url = reverse("editor-reject", args=[estimate.pk])
    response = editor_client.post(url, {"reason": ""}, follow=True)
    assert "say why it is rejected" in response.content.decode()
    estimate.refresh_from_db()
    assert estimate.status == "proposed"
    editor_client.post(url, {"reason": "Wrong year"})
    estimate.refresh_from_db()
    assert (estimate.status, estimate.review_note) == ("rejected", "Wrong year")


def test_merge_moves_the_citations_into_the_chosen_estimate(editor_client):
    kept = EstimateFactory()
    merged = proposed_with_citation(
        "They said about 400 were killed.",
        "about 400",
        deployment=kept.deployment,
        source=kept.source,
    )
    editor_client.post(reverse("editor-merge", args=[merged.pk]), {"into": kept.pk})
    assert kept.citations.count() == 1
    assert not Estimate.objects.live().filter(pk=merged.pk).exists()


def test_merge_into_nothing_says_so(editor_client):
    merged = EstimateFactory(status=Estimate.Status.PROPOSED)
    response = editor_client.post(
        reverse("editor-merge", args=[merged.pk]), {"into_id": "99999"}, follow=True
    )
    assert "choose an existing estimate" in response.content.decode()


def test_bulk_confirm_and_reject_a_selection(editor_client):
    a, b, c = (EstimateFactory(status=Estimate.Status.PROPOSED) for _ in range(3))
    editor_client.post(reverse("editor-bulk"), {"selected": [a.pk, b.pk], "action": "confirm"})
    editor_client.post(
        reverse("editor-bulk"), {"selected": [c.pk], "action": "reject", "reason": "Duplicate"}
    )
    assert dict(Estimate.objects.values_list("pk", "status")) == {
        a.pk: "confirmed",
        b.pk: "confirmed",
        c.pk: "rejected",
    }


def test_bulk_reject_without_a_reason_changes_nothing(editor_client):
    a = EstimateFactory(status=Estimate.Status.PROPOSED)
    response = editor_client.post(
        reverse("editor-bulk"), {"selected": [a.pk], "action": "reject"}, follow=True
    )
    assert "Say why the selected estimates are rejected" in response.content.decode()
    a.refresh_from_db()
    assert a.status == "proposed"


def test_bulk_with_nothing_selected_says_so(editor_client):
    response = editor_client.post(reverse("editor-bulk"), {"action": "confirm"}, follow=True)
    assert "Select at least one estimate" in response.content.decode()


def test_the_queue_is_keyboard_friendly(editor_client):
    EstimateFactory(status=Estimate.Status.PROPOSED)
    html = editor_client.get(QUEUE).content.decode()
    assert "tracker/editor.js" in html
    assert "data-queue-item" in html and 'tabindex="-1"' in html
    assert 'accesskey="a"' in html  # confirm the selection


def test_source_search_finds_names_and_aliases(editor_client):
    from tracker.models import SourceAlias

    hur = SourceFactory(name="Defence Intelligence of Ukraine (HUR)")
    SourceAlias.objects.create(source=hur, alias="Budanov's agency")
    SourceFactory(name="Unrelated")
    found = editor_client.get(reverse("editor-source-search"), {"q": "budanov"}).json()
    assert [r["name"] for r in found["results"]] == [hur.name]
    assert editor_client.get(reverse("editor-source-search"), {"q": ""}).json() == {"results": []}
