"""Small builders for the analysis tests: estimates in one deployment, cited by articles."""

from __future__ import annotations

import datetime as dt

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory, SourceFactory, metric
from tracker import services
from tracker.analysis import refresh
from tracker.models import Estimate


def estimate(deployment, source=None, *, best=None, low=None, high=None, **fields) -> Estimate:
    """A confirmed estimate; `best=400` alone is the point 400."""
    if best is not None and low is None and high is None:
        low = high = best
    if isinstance(fields.get("metric"), str):
        fields["metric"] = metric(fields["metric"])
    return EstimateFactory(
        deployment=deployment,
        source=source or SourceFactory(),
        low=low,
        best=best,
        high=high,
        **fields,
    )


def cite_in(estimate: Estimate, *, outlet: str) -> None:
    article = ArticleFactory(outlet=outlet)
    services.cite(estimate=estimate, article=article, quote=article.text[:40])


def fresh(estimate: Estimate) -> Estimate:
    return Estimate.objects.get(pk=estimate.pk)


def analysed(*estimates: Estimate) -> list[Estimate]:
    """Run the whole analysis and return the estimates as stored now."""
    refresh()
    return [fresh(e) for e in estimates]


def row_of(estimate: Estimate):
    """The estimate as the Python rules see it."""
    from tracker.analysis.groups import _FIELDS, Context

    return Context.load().row(Estimate.objects.filter(pk=estimate.pk).values_list(*_FIELDS).get())


FEB_26 = dt.date(2025, 2, 26)
