"""The refresh after a write, limited to what the write can change.

A write changes one estimate's place (group, date, precision), figure, status or
originator. What that can change, with the rules of rules.py:

- value and date discrepancies: only those of the calendar years of its old and new
  place (a period window never crosses a year); the "a year apart" pairs of `deployed`
  reach one year either side, so those groups also read the neighbouring years;
- revisions and decreases: only the chain of its originator within the group (old and
  new originator), read whole since a chain may skip years;
- originator counts: only the estimates that share a period window with its old or new
  place and whose range overlaps its old or new range (and the estimate itself).

Each group is read once for the years and once for the chains, so the cost follows the
size of a year of one group and of one originator's chain, not of the whole group.
The answers are those of a full `refresh()` (a test applies varied writes and compares).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Q

from tracker.analysis import rules
from tracker.analysis.corroboration import _bound_sql
from tracker.analysis.discrepancies import (
    Found,
    date_found,
    decrease_found,
    store,
    value_found,
)
from tracker.analysis.groups import Context, GroupKey, load_rows
from tracker.analysis.revisions import supersede_changes
from tracker.models import Discrepancy, DiscrepancyKind, DiscrepancyStatus, Estimate

# deployment, metric, contingent, source, as_of, precision, lo, hi
Place = tuple[int, int, int | None, int, dt.date, str, int, int]

_PLACE_FIELDS = (
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
)


def places(estimate_ids: Iterable[int]) -> set[Place]:
    """Where these estimates are now, with their ranges (one query)."""
    result = set()
    for d, m, c, s, as_of, precision, low, best, high, qualifier in Estimate.objects.filter(
        pk__in=list(estimate_ids)
    ).values_list(*_PLACE_FIELDS):
        result.add((d, m, c, s, as_of, precision, *rules.bounds(low, best, high, qualifier)))
    return result


def period(date: dt.date, lvl: int) -> tuple[dt.date, dt.date]:
    """[start, end) of the day, month or year (level 0, 1, 2) holding the date."""
    if lvl == 0:
        return date, date + dt.timedelta(days=1)
    if lvl == 1:
        start = date.replace(day=1)
        return start, (start + dt.timedelta(days=32)).replace(day=1)
    return dt.date(date.year, 1, 1), dt.date(date.year + 1, 1, 1)


def _years_q(years: Iterable[int]) -> Q:
    q = Q(pk__in=[])
    for year in sorted(years):
        q |= Q(as_of__gte=dt.date(year, 1, 1), as_of__lt=dt.date(year + 1, 1, 1))
    return q


def _group_filter(group: GroupKey) -> Q:
    deployment_id, metric_id, contingent_id = group
    return Q(deployment_id=deployment_id, metric_id=metric_id, contingent_id=contingent_id)


@dataclass
class Outcome:
    found: list[Found] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # fingerprints of open ones to delete
    changes: dict[int, int | None] = field(default_factory=dict)


def analyse(
    context: Context, changed: set[int], group: GroupKey, where: Sequence[Place]
) -> Outcome:
    """Discrepancies, stale discrepancies and supersede changes of one group after writes
    to `changed`, whose old and new places in this group are `where`."""
    outcome = Outcome()
    metric = context.metrics[group[1]]
    years = {p[4].year for p in where}
    reach = years
    if group[2] is not None and metric.slug == "deployed":
        reach = years | {y - 1 for y in years} | {y + 1 for y in years}
    loaded = load_rows(context, _group_filter(group) & _years_q(reach))
    in_years = [r for r in loaded if r.as_of.year in years]
    root_ids = {context.roots.get(p[3], p[3]) for p in where}
    sources = [s for s, root in context.roots.items() if root in root_ids]
    chain = load_rows(context, _group_filter(group) & Q(source_id__in=sources))

    outcome.found += value_found(group, in_years, context)
    year_ids = {r.id for r in in_years}
    outcome.found += [
        f for f in date_found(group, loaded, context) if year_ids.intersection(f.estimate_ids)
    ]
    outcome.found += decrease_found(group, chain, context)
    outcome.changes = supersede_changes(chain)

    # Which stored discrepancies the above recomputed: by kind, from their estimates.
    chain_ids = {r.id for r in chain}
    value_scope, chain_scope = year_ids | changed, chain_ids | changed
    wanted = {f.fingerprint for f in outcome.found}
    for fingerprint, kind, status, linked in _stored(group, year_ids | chain_ids | changed):
        if status != DiscrepancyStatus.OPEN or fingerprint in wanted:
            continue
        if kind == DiscrepancyKind.VALUE:
            in_scope = linked <= value_scope
        elif kind == DiscrepancyKind.DATE:
            in_scope = bool(linked & value_scope)
        else:
            in_scope = linked <= chain_scope
        if in_scope:
            outcome.stale.append(fingerprint)
    return outcome


def _stored(group: GroupKey, estimate_ids: set[int]) -> list[tuple[str, str, str, set[int]]]:
    """The group's stored discrepancies naming any of these estimates, with all they name."""
    Through = Discrepancy.estimates.through
    deployment_id, metric_id, contingent_id = group
    ids = sorted(estimate_ids)
    discrepancy_ids: set[int] = set()
    for start in range(0, len(ids), 500):
        discrepancy_ids.update(
            Through.objects.filter(
                estimate_id__in=ids[start : start + 500],
                discrepancy__deployment_id=deployment_id,
                discrepancy__metric_id=metric_id,
                discrepancy__contingent_id=contingent_id,
            ).values_list("discrepancy_id", flat=True)
        )
    if not discrepancy_ids:
        return []
    linked: dict[int, set[int]] = defaultdict(set)
    info = {}
    wanted = sorted(discrepancy_ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for pk, estimate_id in Through.objects.filter(discrepancy_id__in=chunk).values_list(
            "discrepancy_id", "estimate_id"
        ):
            linked[pk].add(estimate_id)
        for pk, fingerprint, kind, status in Discrepancy.objects.filter(pk__in=chunk).values_list(
            "id", "fingerprint", "kind", "status"
        ):
            info[pk] = (fingerprint, kind, status)
    return [(*info[pk], linked[pk]) for pk in wanted if pk in info]


def refresh_places(
    context: Context, changed: set[int], where: Iterable[Place]
) -> tuple[dict[int, int | None], dict[str, int]]:
    """Analyse every group of these places; returns supersede changes and sync counts."""
    by_group: dict[GroupKey, list[Place]] = defaultdict(list)
    for place in where:
        by_group[place[:3]].append(place)
    found: list[Found] = []
    stale: list[str] = []
    changes: dict[int, int | None] = {}
    for group in sorted(by_group, key=lambda g: (g[0], g[1], g[2] or 0)):
        outcome = analyse(context, changed, group, by_group[group])
        found += outcome.found
        stale += outcome.stale
        changes.update(outcome.changes)
    wanted = {f.fingerprint for f in found}
    return changes, store(found, [fp for fp in stale if fp not in wanted])


def originator_scope(window: str, where: Iterable[Place]) -> tuple[str, list]:
    """SQL condition on `e` (with its parameters): the estimates that share a period window
    with one of these places and whose range overlaps the place's range."""
    e_lo, e_hi = _bound_sql("e")
    clauses, params = [], []
    for d, m, c, _source, as_of, precision, lo, hi in sorted(
        set(where), key=lambda p: (p[0], p[1], p[2] or 0, p[4], p[5], p[6], p[7])
    ):
        branches, branch_params = [], []
        for own in rules.WINDOWS:
            start, end = period(as_of, rules.level(window, own, precision))
            branches.append("(e.as_of_precision = %s AND e.as_of >= %s AND e.as_of < %s)")
            branch_params += [own, start, end]
        clauses.append(
            "(e.deployment_id = %s AND e.metric_id = %s "
            "AND e.contingent_id IS NOT DISTINCT FROM %s "
            f"AND {e_lo} <= %s AND %s <= {e_hi} AND ({' OR '.join(branches)}))"
        )
        params += [d, m, c, hi, lo, *branch_params]
    return " OR ".join(clauses) or "1 = 0", params
