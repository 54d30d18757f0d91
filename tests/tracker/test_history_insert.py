"""tracker.history.create_with_history: rows and their historical records in one
statement on PostgreSQL, the same as simple_history's bulk_create_with_history writes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from simple_history.utils import bulk_create_with_history

from articles.models import Article
from tracker import services
from tracker.history import create_with_history
from tracker.models import Citation, Deployment, Estimate, Metric, Source

pytestmark = pytest.mark.django_db

# What differs between two inserts of the same values, whichever way they were made.
_OWN = {"id", "history_id", "history_date", "created_at", "updated_at", "notes", "quote"}


def _estimate(notes: str, best: int = 1200) -> Estimate:
    return services.build_estimate(
        deployment=Deployment.objects.get(slug="north-korea-russia"),
        metric=Metric.objects.get(slug="killed"),
        source=Source.objects.get(slug="hur"),
        as_of=dt.date(2025, 3, 1),
        low=1000,
        best=best,
        high=1500,
        notes=notes,
    )


def _stored(obj) -> tuple[dict, list[dict]]:
    row = model_to_dict(type(obj).objects.get(pk=obj.pk))
    records = [
        {k: v for k, v in record.items() if k not in _OWN}
        for record in type(obj).history.filter(id=obj.pk).values()
    ]
    return {k: v for k, v in row.items() if k not in _OWN}, records


def test_estimates_and_their_records_are_those_simple_history_writes(postgres, demo, editor):
    ours = [_estimate("ours one", 1201), _estimate("ours two", 1202), _estimate("ours three")]
    theirs = [_estimate("theirs one", 1201), _estimate("theirs two", 1202), _estimate("x")]
    create_with_history(ours, user=editor)
    bulk_create_with_history(theirs, Estimate, default_user=editor)
    for mine, other in zip(ours, theirs, strict=True):
        assert mine.pk is not None and not mine._state.adding
        # Each object got its own row's id: the row holds the object's values.
        assert Estimate.objects.get(pk=mine.pk).notes == mine.notes
        assert _stored(mine) == _stored(other)
        (record,) = Estimate.history.filter(id=mine.pk)
        assert (record.history_type, record.history_user) == ("+", editor)


def test_citations_and_their_records_are_those_simple_history_writes(postgres, demo):
    estimate = Estimate.objects.filter(status=Estimate.Status.CONFIRMED).first()
    article = Article.objects.create(text="About 1,200 were killed, an agency said.")
    other = Article.objects.create(text="About 1,200 were killed, an agency said again.")

    def citation(on: Article) -> Citation:
        return Citation(
            estimate=estimate, article=on, quote="About 1,200 were killed", start=0, end=24,
            method=Citation.Method.EXTRACTED, extractor_version="test",
        )  # fmt: skip

    mine, theirs = citation(article), citation(other)
    create_with_history([mine])
    bulk_create_with_history([theirs], Citation)
    row, records = _stored(mine)
    other_row, other_records = _stored(theirs)
    assert (row.pop("article"), other_row.pop("article")) == (article.pk, other.pk)
    assert row == other_row
    assert [{k: v for k, v in r.items() if k != "article_id"} for r in records] == [
        {k: v for k, v in r.items() if k != "article_id"} for r in other_records
    ]
    assert records[0]["history_user_id"] is None


def test_a_refused_row_writes_neither_it_nor_any_record(postgres, demo):
    counts = (Estimate.objects.count(), Estimate.history.count())
    bad = _estimate("refused")
    bad.low = 2000  # above best: the database's check constraint refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        create_with_history([_estimate("fine"), bad])
    assert (Estimate.objects.count(), Estimate.history.count()) == counts
