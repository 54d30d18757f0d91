"""Loading a group of estimates (one deployment, metric and contingent) as light rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.db.models import Q

from tracker.analysis import rules
from tracker.analysis.rules import Row
from tracker.models import Contingent, Estimate, Metric, Source

GroupKey = tuple[int, int, int | None]  # deployment, metric, contingent

_FIELDS = (
    "id",
    "version",
    "deployment_id",
    "metric_id",
    "contingent_id",
    "source_id",
    "as_of",
    "as_of_precision",
    "low",
    "best",
    "high",
    "qualifier",
    "deleted_at",
    "status",
    "supersedes_id",
    "originator_count",
)


def window() -> str:
    return getattr(settings, "DISCREPANCY_WINDOW", "month")


@dataclass
class Context:
    """What the rules look up besides the rows: originators, names, contingents' dates."""

    window: str
    roots: dict[int, int]
    source_names: dict[int, str]
    metrics: dict[int, Metric]
    contingents: dict[int, Contingent] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Context:
        sources = list(Source.objects.values_list("id", "parent_id", "name"))
        return cls(
            window=window(),
            roots=rules.roots({sid: parent for sid, parent, _ in sources}),
            source_names={sid: name for sid, _, name in sources},
            metrics={m.pk: m for m in Metric.objects.all()},
            contingents={c.pk: c for c in Contingent.objects.all()},
        )

    def row(self, values: tuple) -> Row:
        (pk, version, deployment_id, metric_id, contingent_id, source_id, as_of, precision,
         low, best, high, qualifier, deleted_at, status, supersedes_id, originators,
         ) = values  # fmt: skip
        lo, hi = rules.bounds(low, best, high, qualifier)
        return Row(
            id=pk,
            version=version,
            deployment_id=deployment_id,
            metric_id=metric_id,
            contingent_id=contingent_id,
            source_id=source_id,
            root_id=self.roots.get(source_id, source_id),
            as_of=as_of,
            precision=precision,
            lo=lo,
            hi=hi,
            live=deleted_at is None and status != Estimate.Status.REJECTED,
            supersedes_id=supersedes_id,
            figure=(low, best, high, qualifier),
            originator_count=originators,
        )


def group_q(groups: Iterable[GroupKey]) -> Q:
    q = Q(pk__in=[])
    for deployment_id, metric_id, contingent_id in groups:
        q |= Q(deployment_id=deployment_id, metric_id=metric_id, contingent_id=contingent_id)
    return q


def key_of(row: Row) -> GroupKey:
    return (row.deployment_id, row.metric_id, row.contingent_id)


def load_groups(
    context: Context, groups: Iterable[GroupKey] | None
) -> Iterator[tuple[GroupKey, list[Row]]]:
    """The rows of each group (every group when None), in one query, streamed by group."""
    queryset = Estimate.objects.all()
    if groups is not None:
        groups = list(groups)
        if not groups:
            return
        queryset = queryset.filter(group_q(groups))
    values = (
        queryset.order_by("deployment_id", "metric_id", "contingent_id", "as_of", "id")
        .values_list(*_FIELDS)
        .iterator(chunk_size=5000)
    )
    for key, items in groupby((context.row(v) for v in values), key=key_of):
        yield key, list(items)


def load_rows(context: Context, q: Q) -> list[Row]:
    """The rows of the estimates matching q, in (as_of, id) order."""
    values = Estimate.objects.filter(q).order_by("as_of", "id").values_list(*_FIELDS)
    return [context.row(v) for v in values]
