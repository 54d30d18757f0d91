"""Every model has a working admin, for admins only."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

OUR_MODELS = [m for m in admin.site._registry if m._meta.app_label in {"tracker", "articles"}]
# Not data anyone edits: a roll-up the database's triggers keep (tracker.models.MetricArticle).
DERIVED = {"MetricArticle"}


def test_every_model_of_ours_is_in_the_admin():
    from django.apps import apps

    ours = [
        m
        for m in apps.get_models()
        if m._meta.app_label in {"tracker", "articles"}
        and not m.__name__.startswith("Historical")
        and m.__name__ not in DERIVED
    ]
    assert set(ours) <= set(OUR_MODELS)


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m.__name__)
def test_admin_list_add_and_change_pages_load_for_an_admin(admin_client, demo, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "north"}).status_code == 200
    assert (
        admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code
        == 200
    )
    first = model.objects.first()
    if first is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        assert admin_client.get(change).status_code == 200


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m.__name__)
def test_admin_refuses_an_anonymous_visitor(anonymous_client, model):
    opts = model._meta
    response = anonymous_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_health_check_answers_ok_when_the_database_does(anonymous_client):
    response = anonymous_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
