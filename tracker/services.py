"""Writes to the domain. Every function validates, writes atomically and returns the object.

Views, API viewsets, commands and ingestion call these; none of them saves an Estimate
or a Citation by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tracker.analysis import refresh_after_commit
from tracker.models import (
    Citation,
    Contingent,
    DatePrecision,
    Deployment,
    Estimate,
    Metric,
    Qualifier,
    Source,
)


def _figure_errors(low: int | None, best: int | None, high: int | None) -> dict[str, str]:
    """The rules the database enforces, said in an editor's words."""
    if low is None and best is None and high is None:
        return {"best": "Give at least one figure: low, best or high."}
    errors: dict[str, str] = {}
    for name, value in (("low", low), ("best", best), ("high", high)):
        if value is not None and value < 0:
            errors[name] = "A figure cannot be negative."
    if low is not None and best is not None and low > best:
        errors["low"] = f"The low figure ({low:,}) is above the best figure ({best:,})."
    if best is not None and high is not None and best > high:
        errors["high"] = f"The high figure ({high:,}) is below the best figure ({best:,})."
    if low is not None and high is not None and low > high:
        errors["low"] = f"The low figure ({low:,}) is above the high figure ({high:,})."
    return errors


def validate_estimate_fields(
    *,
    low: int | None,
    best: int | None,
    high: int | None,
    as_of: dt.date,
    period_end: dt.date | None = None,
    contingent: Contingent | None = None,
    deployment: Deployment | None = None,
    today: dt.date | None = None,
) -> None:
    errors = _figure_errors(low, best, high)
    today = today or dt.date.today()
    if as_of > today:
        errors["as_of"] = f"The as-of date {as_of.isoformat()} is in the future."
    if period_end is not None and period_end < as_of:
        errors["period_end"] = "The period cannot end before it starts."
    if (
        contingent is not None
        and deployment is not None
        and contingent.deployment_id != deployment.pk
    ):
        errors["contingent"] = "This contingent belongs to another deployment."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_estimate(
    *,
    deployment: Deployment,
    metric: Metric,
    source: Source,
    as_of: dt.date,
    low: int | None = None,
    best: int | None = None,
    high: int | None = None,
    qualifier: str = Qualifier.EXACT,
    as_of_precision: str = DatePrecision.DAY,
    period_end: dt.date | None = None,
    contingent: Contingent | None = None,
    via: Source | None = None,
    credibility: int = Estimate.Credibility.UNKNOWN,
    status: str = Estimate.Status.PROPOSED,
    notes: str = "",
    user: Any = None,
) -> Estimate:
    validate_estimate_fields(
        low=low,
        best=best,
        high=high,
        as_of=as_of,
        period_end=period_end,
        contingent=contingent,
        deployment=deployment,
    )
    estimate = Estimate(
        deployment=deployment,
        metric=metric,
        source=source,
        via=via,
        contingent=contingent,
        low=low,
        best=best,
        high=high,
        qualifier=qualifier,
        as_of=as_of,
        as_of_precision=as_of_precision,
        period_end=period_end,
        credibility=credibility,
        status=status,
        notes=notes,
        created_by=user,
        updated_by=user,
    )
    estimate.full_clean()
    estimate.save()
    refresh_after_commit([estimate.pk], note_place=False)
    return estimate


def cite(
    *,
    estimate: Estimate,
    article: Any,
    quote: str,
    start: int | None = None,
    end: int | None = None,
    method: str = Citation.Method.MANUAL,
    extractor_version: str = "",
    user: Any = None,
) -> tuple[Citation, bool]:
    """Cite `estimate` from `article`; returns (citation, created).

    An article cites an estimate once: citing it again returns the existing citation,
    so a retried task or a re-run import creates nothing new.
    """
    quote = quote.strip()
    if not quote:
        raise ValidationError({"quote": "A citation needs the words the article used."})
    text = getattr(article, "text", "") or ""
    if start is None and quote in text:
        start = text.index(quote)
        end = start + len(quote)
    if start is not None and (end is None or text[start:end] != quote):
        raise ValidationError(
            {"quote": "The quote does not match the article's text at those offsets."}
        )
    try:
        with transaction.atomic():
            citation, created = Citation.objects.get_or_create(
                estimate=estimate,
                article=article,
                defaults={
                    "quote": quote,
                    "start": start,
                    "end": end,
                    "method": method,
                    "extractor_version": extractor_version,
                    "created_by": user,
                },
            )
    except IntegrityError:
        # A concurrent writer cited it first: theirs stands.
        return Citation.objects.get(estimate=estimate, article=article), False
    if created:
        refresh_after_commit([estimate.pk], note_place=False)
    return citation, created
