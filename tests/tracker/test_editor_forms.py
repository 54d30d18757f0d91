"""Entering and editing estimates: validation in the editor's words, conflicts, CSRF."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import DeploymentFactory, EstimateFactory, SourceFactory, metric
from tracker.models import Estimate, Source

pytestmark = pytest.mark.django_db

NEW = "/editor/estimates/new"


@pytest.fixture
def form_data(db):
    deployment = DeploymentFactory()
    source = SourceFactory(name="Defence Intelligence")
    return {
        "deployment": deployment.pk,
        "metric": metric("killed").pk,
        "contingent": "",
        "low": "",
        "best": "400",
        "high": "",
        "qualifier": "approx",
        "as_of": "2025-02-26",
        "as_of_precision": "day",
        "period_end": "",
        "source": source.name,
        "via": "",
        "new_source_kind": "other",
        "credibility": "2",
        "status": "confirmed",
        "notes": "Typed by hand",
    }


def test_a_new_estimate_is_saved_with_its_citation(editor_client, form_data, editor):
    article = ArticleFactory(text="Officials said about 400 soldiers were killed.")
    response = editor_client.post(
        NEW, {**form_data, "article": article.url, "quote": "about 400 soldiers"}
    )
    estimate = Estimate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("editor-history", args=[estimate.pk])
    assert (estimate.best, estimate.source.name, estimate.created_by) == (
        400,
        "Defence Intelligence",
        editor,
    )
    assert estimate.citations.get().article == article
    assert estimate.history.get().history_user == editor


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"low": "600", "high": "500", "best": ""}, "low",
         "The low figure (600) is above the high figure (500)."),
        ({"best": ""}, "best", "Give at least one figure: low, best or high."),
        ({"as_of": (dt.date.today() + dt.timedelta(days=2)).isoformat()}, "as_of",
         "is in the future"),
        ({"period_end": "2025-01-01"}, "period_end", "The period cannot end before it starts."),
        ({"source": "Nobody We Know"}, "source", "No source is called “Nobody We Know”"),
        ({"article": "999", "quote": "x"}, "article", "No article number 999 is in the tracker"),
        ({"article": "", "quote": "about 400"}, "article", "Say which article the quote"),
    ],
)  # fmt: skip
def test_mistakes_are_explained_and_what_was_typed_is_kept(
    editor_client, form_data, changes, field, message
):
    response = editor_client.post(NEW, {**form_data, **changes})
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert message.replace("“", "&ldquo;")[:10] in html or message[:10] in html
    assert 'value="Typed by hand"' in html or "Typed by hand</textarea>" in html
    assert Estimate.objects.count() == 0


def test_an_unknown_source_can_be_created_inline(editor_client, form_data):
    response = editor_client.post(
        NEW,
        {**form_data, "source": "Lawmaker Lee", "add_sources": "on",
         "new_source_kind": "lawmaker", "new_source_country": "South Korea"},
    )  # fmt: skip
    assert response.status_code == 302
    source = Source.objects.get(name="Lawmaker Lee")
    assert (source.kind, source.country, source.reliability) == ("lawmaker", "South Korea", "F")
    assert Estimate.objects.get().source == source


def test_a_source_is_found_by_its_alias(editor_client, form_data):
    from tracker.models import SourceAlias

    hur = Source.objects.get(name="Defence Intelligence")
    SourceAlias.objects.create(source=hur, alias="HUR")
    editor_client.post(NEW, {**form_data, "source": "hur"})
    assert Estimate.objects.get().source == hur


def test_a_month_precision_date_is_stored_as_the_first_of_the_month(editor_client, form_data):
    editor_client.post(NEW, {**form_data, "as_of": "2024-10-17", "as_of_precision": "month"})
    estimate = Estimate.objects.get()
    assert (estimate.as_of, estimate.as_of_display) == (dt.date(2024, 10, 1), "2024-10")


def edit_data(estimate: Estimate, **changes) -> dict:
    data = {
        "deployment": estimate.deployment_id,
        "metric": estimate.metric_id,
        "contingent": "",
        "low": estimate.low,
        "best": estimate.best,
        "high": estimate.high,
        "qualifier": estimate.qualifier,
        "as_of": estimate.as_of.isoformat(),
        "as_of_precision": estimate.as_of_precision,
        "period_end": "",
        "source": estimate.source.name,
        "via": "",
        "new_source_kind": "other",
        "credibility": estimate.credibility,
        "status": estimate.status,
        "notes": estimate.notes,
        "version": estimate.version,
    }
    data.update(changes)
    return {k: "" if v is None else v for k, v in data.items()}


def test_the_edit_form_carries_the_version_it_was_read_at(editor_client):
    estimate = EstimateFactory()
    html = editor_client.get(reverse("editor-edit", args=[estimate.pk])).content.decode()
    assert '<input type="hidden" name="version" value="1"' in html


def test_edit_then_confirm(editor_client):
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED)
    url = reverse("editor-edit", args=[estimate.pk])
    response = editor_client.post(
        url, {**edit_data(estimate, low=380, best=400, high=420), "and_confirm": "1",
              "next": "/editor/"},
    )  # fmt: skip
    assert response["Location"] == "/editor/"
    estimate.refresh_from_db()
    assert (estimate.low, estimate.high, estimate.status, estimate.version) == (
        380,
        420,
        "confirmed",
        2,
    )


def test_a_second_save_from_a_stale_form_is_refused_and_shows_the_other_change(
    editor_client, admin_client
):
    estimate = EstimateFactory(notes="")
    url = reverse("editor-edit", args=[estimate.pk])
    stale = edit_data(estimate)  # both read version 1
    first = admin_client.post(url, {**stale, "notes": "Checked against the briefing"})
    assert first.status_code == 302

    second = editor_client.post(url, {**stale, "best": 999, "high": 999})

    assert second.status_code == 409
    html = second.content.decode()
    assert "admin changed this estimate while you were editing it" in html
    assert "Checked against the briefing" in html  # their change, shown
    assert second.context["form"]["best"].value() == "999"  # what was typed, kept
    assert second.context["form"]["version"].value() == "2"
    estimate.refresh_from_db()
    assert (estimate.best, estimate.notes, estimate.version) == (
        400,
        "Checked against the briefing",
        2,
    )


def test_edit_validation_keeps_what_was_typed(editor_client):
    estimate = EstimateFactory()
    url = reverse("editor-edit", args=[estimate.pk])
    response = editor_client.post(url, edit_data(estimate, low=900, notes="my note"))
    assert response.status_code == 400
    assert "The low figure (900) is above the high figure (400)." in response.content.decode()
    assert response.context["form"]["notes"].value() == "my note"


def test_a_deleted_estimate_cannot_be_edited(editor_client):
    estimate = EstimateFactory()
    editor_client.post(reverse("editor-delete", args=[estimate.pk]))
    assert editor_client.get(reverse("editor-edit", args=[estimate.pk])).status_code == 404


# --- CSRF on every form ---------------------------------------------------------------


@pytest.fixture
def strict_editor(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def forms_to_post(estimate):
    history_id = estimate.history.first().history_id
    return [
        reverse("editor-confirm", args=[estimate.pk]),
        reverse("editor-reject", args=[estimate.pk]),
        reverse("editor-merge", args=[estimate.pk]),
        reverse("editor-bulk"),
        reverse("editor-new"),
        reverse("editor-edit", args=[estimate.pk]),
        reverse("editor-delete", args=[estimate.pk]),
        reverse("editor-restore", args=[estimate.pk, history_id]),
        reverse("logout"),
    ]


def test_every_editor_form_refuses_a_post_without_the_csrf_token(strict_editor):
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED)
    for url in forms_to_post(estimate):
        response = strict_editor.post(url, {"reason": "x"})
        assert response.status_code == 403, url
    estimate.refresh_from_db()
    assert (estimate.status, estimate.version) == ("proposed", 1)


def test_the_login_form_refuses_a_post_without_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/editor/login/", {"username": "editor", "password": "correct horse battery staple"}
    )
    assert response.status_code == 403


def test_a_form_posted_with_its_token_is_accepted(strict_editor):
    estimate = EstimateFactory(status=Estimate.Status.PROPOSED)
    strict_editor.get("/editor/")
    token = strict_editor.cookies["csrftoken"].value
    response = strict_editor.post(
        reverse("editor-confirm", args=[estimate.pk]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    estimate.refresh_from_db()
    assert estimate.status == "confirmed"


def test_a_link_not_in_the_tracker_is_queued_for_ingestion(editor_client, form_data, editor):
    from articles.models import Article

    response = editor_client.post(
        NEW,
        {**form_data, "article": "https://news.example.org/new-report", "quote": "about 400"},
        follow=True,
    )
    article = Article.objects.get()
    assert (article.url, article.status, article.submitted_by) == (
        "https://news.example.org/new-report",
        "queued",
        editor,
    )
    estimate = Estimate.objects.get()
    assert "“about 400”" in estimate.notes  # the quote is kept until the article is cited
    assert f"queued for ingestion as article {article.pk}" in response.content.decode()


def test_an_article_number_that_does_not_exist_is_explained(editor_client, form_data):
    response = editor_client.post(NEW, {**form_data, "article": "#4242", "quote": "x"})
    assert response.status_code == 400
    assert "No article number 4242" in response.content.decode()
    assert Estimate.objects.count() == 0
