import pytest
from django.core.management import call_command

from articles.demo import ESTIMATES
from articles.models import Article
from tracker.models import Citation, Estimate, Source

pytestmark = pytest.mark.django_db


def counts():
    return (
        Source.objects.count(),
        Article.objects.count(),
        Estimate.objects.count(),
        Citation.objects.count(),
    )


def test_demo_loads_the_running_case_with_its_disagreements(demo):
    first_wave = Estimate.objects.filter(
        deployment=demo, metric__slug="deployed", contingent__number=1
    )
    assert {11000, 12000} <= set(first_wave.values_list("best", flat=True))
    nis_january = Estimate.objects.get(source__slug="nis", metric__slug="killed", as_of__year=2025)
    hur_february = Estimate.objects.get(source__slug="hur", metric__slug="killed")
    assert (nis_january.best, hur_february.best) == (300, 400)
    assert hur_february.via.slug == "yu-yong-weon"
    assert hur_february.citations.count() == 2  # two articles, one briefing
    assert Estimate.objects.exclude(status="confirmed").count() == 0


def test_every_demo_quote_is_found_in_its_article(demo):
    for citation in Citation.objects.select_related("article"):
        assert citation.article.text[citation.start : citation.end] == citation.quote
    assert Estimate.objects.count() == len(ESTIMATES)


def test_loading_the_demo_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo")
    assert counts() == before
