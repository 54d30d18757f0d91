"""The conditional update the API needs, until `editors` adds it to tracker.services.

Same contract as the planned tracker.services.update_estimate: keyword-only, raises
ConflictError when the estimate's version is not the one the caller read. When the
services version lands, the API imports it from there and this module goes.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tracker.models import Estimate
from tracker.services import validate_estimate_fields


class ConflictError(Exception):
    """The estimate changed (or was deleted) since the caller read it."""

    def __init__(self, estimate_id: int, expected_version: int, current_version: int | None):
        self.estimate_id = estimate_id
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            f"Estimate {estimate_id} is at version {current_version}, not {expected_version}: "
            "someone changed it since you read it."
        )


EDITABLE = {
    "deployment",
    "metric",
    "source",
    "via",
    "contingent",
    "low",
    "best",
    "high",
    "qualifier",
    "as_of",
    "as_of_precision",
    "period_end",
    "credibility",
    "status",
    "notes",
}


@transaction.atomic
def update_estimate(
    *, estimate_id: int, expected_version: int, changes: dict[str, Any], user: Any
) -> Estimate:
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    estimate = Estimate.objects.select_for_update().filter(pk=estimate_id).live().first()
    if estimate is None or estimate.version != expected_version:
        raise ConflictError(estimate_id, expected_version, estimate and estimate.version)
    for name, value in changes.items():
        setattr(estimate, name, value)
    validate_estimate_fields(
        low=estimate.low,
        best=estimate.best,
        high=estimate.high,
        as_of=estimate.as_of,
        period_end=estimate.period_end,
        contingent=estimate.contingent,
        deployment=estimate.deployment,
    )
    estimate.updated_by = user
    estimate.full_clean()
    estimate.version += 1  # safe: the row is locked (select_for_update) until commit
    estimate.save()
    return estimate
