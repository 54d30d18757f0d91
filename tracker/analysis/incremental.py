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

from django.db.models import Case, Count, Max, Min, Q, Value, When

from tracker.analysis import rules
from tracker.analysis.discrepancies import (
    Found,
    date_found,
    decrease_found,
    store,
    value_found,
)
from tracker.analysis.groups import Context, GroupKey, load_rows
from tracker.analysis.revisions import supersede_changes
from tracker.analysis.rules import Row
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
    # the stored value ones' group and window, so that a new one of it can take their row
    windows: dict[str, tuple[GroupKey, str]] = field(default_factory=dict)
    changes: dict[int, int | None] = field(default_factory=dict)  # supersedes to set
    counts: dict[int, int] = field(default_factory=dict)  # originator counts to write


def _shares(row: Row, place: Place, window: str) -> bool:
    """The row shares a period window with the place and its range overlaps the place's."""
    if row.lo > place[7] or place[6] > row.hi or row.as_of.year != place[4].year:
        return False
    lvl = rules.level(window, row.precision, place[5])
    return rules.bucket(row.as_of, lvl) == rules.bucket(place[4], lvl)


def analyse(
    context: Context, changed: set[int], group: GroupKey, where: Sequence[Place]
) -> Outcome:
    """Discrepancies, stale discrepancies, supersede changes and originator counts of one
    group after writes to `changed`, whose old and new places in this group are `where`."""
    outcome = Outcome()
    window = context.window
    years = {p[4].year for p in where}
    reach = years
    if group[2] is not None and context.metrics[group[1]].slug == "deployed":
        reach = years | {y - 1 for y in years} | {y + 1 for y in years}  # "a year apart"
    loaded = load_rows(context, _group_filter(group) & _years_q(reach))
    in_years = [r for r in loaded if r.as_of.year in years]
    windows = set()
    for place in where:
        windows.update(rules.windows_of(rules.level(window, place[5]), place[4]))
    root_ids = {context.roots.get(p[3], p[3]) for p in where}
    sources = [s for s, root in context.roots.items() if root in root_ids]
    chain = load_rows(context, _group_filter(group) & Q(source_id__in=sources))

    outcome.found += value_found(group, in_years, context, windows)
    year_ids = {r.id for r in in_years}
    outcome.found += [
        f for f in date_found(group, loaded, context) if year_ids.intersection(f.estimate_ids)
    ]
    outcome.found += decrease_found(group, chain, context)
    outcome.changes = supersede_changes(chain)
    targets = [r for r in in_years if any(_shares(r, p, window) for p in where)]
    outcome.counts = _changed_counts(in_years, targets, window)

    # Which stored open discrepancies the above recomputed, by kind: a value one if it
    # names a written estimate or is of one of the windows; a date one if it names a
    # written estimate (the others hold as they were); a decrease one if all it names is
    # in the chains read.
    wanted = {f.fingerprint for f in outcome.found}
    candidates = (_group_filter(group) & (_years_q(years) | Q(source_id__in=sources))) | Q(
        pk__in=sorted(changed)
    )
    for fingerprint, kind, named, written, in_chain, lvl, first in _stored_open(
        group, candidates, changed, sources
    ):
        if fingerprint in wanted:
            continue
        if kind == DiscrepancyKind.VALUE:
            lvl = max(lvl, rules.LEVELS[window])
            key = (lvl, rules.bucket(first, lvl))
            in_scope = bool(written) or key in windows
            outcome.windows[fingerprint] = (group, rules.window_key(*key))
        elif kind == DiscrepancyKind.DATE:
            in_scope = bool(written)
        else:
            in_scope = in_chain == named
        if in_scope:
            outcome.stale.append(fingerprint)
    return outcome


def _changed_counts(rows: list[Row], targets: list[Row], window: str) -> dict[int, int]:
    stored = {r.id: r.originator_count for r in targets}
    counts = rules.originator_counts(rows, targets, window)
    return {pk: n for pk, n in counts.items() if n != stored[pk]}


def _stored_open(
    group: GroupKey, candidates: Q, changed: set[int], sources: list[int]
) -> list[tuple]:
    """The group's open discrepancies naming an estimate matching `candidates`, each with
    how many estimates it names, how many of them were written, how many are written or
    in the chains (the group's estimates by `sources`), the coarsest level of their dates
    and their first date (one query)."""
    deployment_id, metric_id, contingent_id = group
    ours = Discrepancy.objects.filter(
        deployment_id=deployment_id,
        metric_id=metric_id,
        contingent_id=contingent_id,
        status=DiscrepancyStatus.OPEN,
        estimates__in=Estimate.objects.filter(candidates).values("pk"),
    ).values("pk")
    written = Q(estimates__in=sorted(changed))
    in_chain = Q(
        estimates__deployment_id=deployment_id,
        estimates__metric_id=metric_id,
        estimates__contingent_id=contingent_id,
        estimates__source_id__in=sources,
    )
    precision = "estimates__as_of_precision"
    return list(
        Discrepancy.objects.filter(pk__in=ours)
        .annotate(
            named=Count("estimates"),
            written=Count("estimates", filter=written),
            in_chain=Count("estimates", filter=in_chain | written),
            lvl=Max(
                Case(
                    When(**{precision: "year"}, then=Value(2)),
                    When(**{precision: "month"}, then=Value(1)),
                    default=Value(0),
                )
            ),
            first=Min("estimates__as_of"),
        )
        .values_list("fingerprint", "kind", "named", "written", "in_chain", "lvl", "first")
    )


def refresh_places(
    context: Context, changed: set[int], where: Iterable[Place]
) -> tuple[dict[int, int | None], dict[int, int], dict[str, int]]:
    """Analyse every group of these places; returns supersede changes, originator counts
    to write and the counts of discrepancies created and deleted."""
    by_group: dict[GroupKey, list[Place]] = defaultdict(list)
    for place in where:
        by_group[place[:3]].append(place)
    found: list[Found] = []
    stale: list[str] = []
    stale_windows: dict[str, tuple[GroupKey, str]] = {}
    changes: dict[int, int | None] = {}
    counts: dict[int, int] = {}
    for group in sorted(by_group, key=lambda g: (g[0], g[1], g[2] or 0)):
        outcome = analyse(context, changed, group, by_group[group])
        found += outcome.found
        stale += outcome.stale
        stale_windows.update(outcome.windows)
        changes.update(outcome.changes)
        counts.update(outcome.counts)
    wanted = {f.fingerprint for f in found}
    return changes, counts, store(found, [fp for fp in stale if fp not in wanted], stale_windows)
