"""Discrepancies: estimates that cannot all be right, found per group and kept in sync.

Rules (each over the live, non-rejected estimates of one deployment, metric and
contingent):

- value: in one period window (rules.py; settings.DISCREPANCY_WINDOW, default "month")
  some ranges do not overlap. One discrepancy per group and window, naming every
  estimate of the window that disagrees with another one of it.
- date: (a) an estimate for a contingent dated before the contingent's start (compared at
  the coarser of the two precisions), for every metric but `in_training`; (b) for
  `deployed`, two figures for the same contingent that agree but are dated in the same
  month of consecutive years, the signature of a wrong year ("October 2023" for
  "October 2024"); estimates already caught by (a) are not paired again.
- decrease: for a cumulative metric, an estimate whose range lies wholly below the same
  originator's previous figure (the one it supersedes, see revisions.py).

Each discrepancy's fingerprint is a hash of its kind, its window or check, and the ids and
`version`s of its estimates. Re-running finds the same fingerprints and creates nothing;
a resolved or dismissed verdict stands until one of the estimates changes (new version,
new fingerprint: a new open discrepancy). Open discrepancies that no longer hold are
deleted; resolved and dismissed ones are kept as the record of the editor's verdict.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from tracker.analysis import rules
from tracker.analysis.groups import Context, GroupKey
from tracker.analysis.revisions import supersede_changes
from tracker.analysis.rules import Row
from tracker.models import (
    Deployment,
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyStatus,
    Estimate,
    Qualifier,
    format_date,
)

# Troops train before their wave is sent: a training figure may predate the wave's start.
NOT_BOUND_TO_START = frozenset({"in_training"})


@dataclass(frozen=True)
class Found:
    kind: str
    group: GroupKey
    estimate_ids: tuple[int, ...]
    explain: Callable[[], str]  # the reason, written out only for a discrepancy to store
    fingerprint: str
    check: str = ""  # a value discrepancy's window (rules.window_key), to rewrite it in place

    @property
    def reason(self) -> str:
        return self.explain()


def _said(text: str) -> Callable[[], str]:
    return lambda: text


def fingerprint(kind: str, check: str, rows: Iterable[Row]) -> str:
    parts = ",".join(f"{r.id}:{r.version}" for r in sorted(rows, key=lambda r: r.id))
    return hashlib.sha256(f"{kind}|{check}|{parts}".encode()).hexdigest()


def describe(row: Row, context: Context) -> str:
    """ "about 11,000 (Defence Intelligence of Ukraine (HUR), 2024-10)" """
    low, best, high, qualifier = row.figure
    figure = Estimate.figure_display.fget(  # type: ignore[attr-defined]
        SimpleNamespace(low=low, best=best, high=high, qualifier=qualifier, Qualifier=Qualifier)
    )
    when = format_date(row.as_of, row.precision)
    return f"{figure} ({context.source_names.get(row.source_id, '?')}, {when})"


def _subject(group: GroupKey, context: Context) -> str:
    metric = context.metrics[group[1]].name.lower()
    contingent = context.contingents.get(group[2]) if group[2] else None
    return f"{metric} for {contingent.name}" if contingent else metric


def find(group: GroupKey, rows: Sequence[Row], context: Context) -> list[Found]:
    """Every discrepancy the rules see in one group's rows."""
    return (
        value_found(group, rows, context)
        + date_found(group, rows, context)
        + decrease_found(group, rows, context)
    )


def value_found(
    group: GroupKey, rows: Sequence[Row], context: Context, only: set | None = None
) -> list[Found]:
    """The value discrepancies of the windows these rows make up (whole windows expected);
    `only`: just these (level, bucket) windows."""
    by_id = {row.id: row for row in rows}
    found: list[Found] = []
    subject = _subject(group, context)

    def explain(label: str, involved: list[Row]) -> Callable[[], str]:
        def reason() -> str:
            ordered = sorted(involved, key=lambda r: r.lo)
            listing = "; ".join(describe(r, context) for r in ordered)
            return (
                f"In {label}, the figures for {subject} do not agree: {listing}. "
                "Their ranges do not all overlap."
            )

        return reason

    for conflict in rules.value_conflicts(rows, context.window, only):
        involved = [by_id[i] for i in conflict.row_ids]
        found.append(
            Found(
                DiscrepancyKind.VALUE,
                group,
                conflict.row_ids,
                explain(conflict.window, involved),
                fingerprint(DiscrepancyKind.VALUE, conflict.key, involved),
                conflict.key,
            )
        )
    return found


def date_found(group: GroupKey, rows: Sequence[Row], context: Context) -> list[Found]:
    """Estimates dated before their contingent started, and `deployed` pairs a year apart."""
    found: list[Found] = []
    subject = _subject(group, context)
    contingent = context.contingents.get(group[2]) if group[2] else None
    flagged: set[int] = set()
    metric = context.metrics[group[1]]
    if (
        contingent is not None
        and contingent.start_date is not None
        and metric.slug not in NOT_BOUND_TO_START
    ):
        start = format_date(contingent.start_date, contingent.start_precision)
        for row in rows:
            if row.live and rules.before_start(
                row, contingent.start_date, contingent.start_precision
            ):
                flagged.add(row.id)
                found.append(
                    Found(
                        DiscrepancyKind.DATE,
                        group,
                        (row.id,),
                        _said(
                            f"{describe(row, context)} is dated before {contingent.name} "
                            f"started ({start}): the date or the contingent is likely wrong."
                        ),
                        fingerprint(DiscrepancyKind.DATE, f"start:{start}", [row]),
                    )
                )
    if contingent is not None and metric.slug == "deployed":
        for old, new in rules.year_apart_pairs(r for r in rows if r.id not in flagged):
            found.append(
                Found(
                    DiscrepancyKind.DATE,
                    group,
                    (old.id, new.id),
                    _said(
                        f"{describe(old, context)} and {describe(new, context)} give the same "
                        f"{subject} a year apart: one of the years is likely wrong."
                    ),
                    fingerprint(DiscrepancyKind.DATE, "year-apart", [old, new]),
                )
            )
    return found


def decrease_found(group: GroupKey, rows: Sequence[Row], context: Context) -> list[Found]:
    """Running totals that go down along an originator's chain (whole chains expected)."""
    by_id = {row.id: row for row in rows}
    found: list[Found] = []
    subject = _subject(group, context)
    if context.metrics[group[1]].is_cumulative:
        previous = rules.predecessors(rows)
        for row in rows:
            before = by_id.get(previous.get(row.id) or -1)
            if before is not None and row.hi < before.lo:
                found.append(
                    Found(
                        DiscrepancyKind.DECREASE,
                        group,
                        (before.id, row.id),
                        _said(
                            f"The running total of {subject} from "
                            f"{context.source_names.get(row.source_id, '?')} goes down: "
                            f"{describe(before, context)}, then {describe(row, context)}. "
                            "A typo, or a revision that should be explained."
                        ),
                        fingerprint(DiscrepancyKind.DECREASE, "", [before, row]),
                    )
                )
    return found


def sync(groups: Iterable[GroupKey] | None, found: Sequence[Found]) -> dict[str, int]:
    """Make the stored discrepancies of these groups (None: all) match `found`."""
    existing = Discrepancy.objects.all()
    if groups is not None:
        q = Q(pk__in=[])
        for deployment_id, metric_id, contingent_id in groups:
            q |= Q(deployment_id=deployment_id, metric_id=metric_id, contingent_id=contingent_id)
        existing = existing.filter(q)
    stored = dict(existing.values_list("fingerprint", "status"))
    wanted = {f.fingerprint: f for f in found}
    stale = [
        fp for fp, status in stored.items() if fp not in wanted and status == DiscrepancyStatus.OPEN
    ]
    return _write([f for fp, f in wanted.items() if fp not in stored], stale)


def store(
    found: Sequence[Found],
    stale: Sequence[str],
    windows: Mapping[str, tuple[GroupKey, str]] | None = None,
) -> dict[str, int]:
    """Create the found discrepancies not stored yet and delete the `stale` open ones.

    `windows` gives the group and window of stale value discrepancies: one whose window
    has a new discrepancy becomes it in place (see _rewrite), so a write that moves one
    estimate in or out of a window of thousands writes that estimate's link, not all of
    them. A discrepancy rewritten counts as one created and one deleted, as it would be
    if it were replaced."""
    wanted = {f.fingerprint: f for f in found}
    stored: set[str] = set()
    fingerprints = sorted(wanted)
    for start in range(0, len(fingerprints), 500):
        stored.update(
            Discrepancy.objects.filter(
                fingerprint__in=fingerprints[start : start + 500]
            ).values_list("fingerprint", flat=True)
        )
    new = [f for fp, f in wanted.items() if fp not in stored]
    stale = sorted(set(stale))
    rewrites = _pair(new, stale, windows or {})
    replaced = {old for old, _ in rewrites}
    rewritten = {f.fingerprint for _, f in rewrites}
    counts = _write(
        [f for f in new if f.fingerprint not in rewritten],
        [fp for fp in stale if fp not in replaced],
    )
    missing = _rewrite(rewrites)
    _write(missing, [])  # their old row went meanwhile: made anew
    counts["created"] += len(rewrites)
    counts["deleted"] += len(rewrites) - len(missing)
    return counts


def _pair(
    new: Sequence[Found], stale: Sequence[str], windows: Mapping[str, tuple[GroupKey, str]]
) -> list[tuple[str, Found]]:
    """Stale value discrepancies, each with the new one of its group and window, if any."""
    by_window = {(f.group, f.check): f for f in new if f.kind == DiscrepancyKind.VALUE}
    pairs = []
    for old in stale:
        replacement = by_window.pop(windows.get(old), None)
        if replacement is not None:
            pairs.append((old, replacement))
    return pairs


def _rewrite(rewrites: Sequence[tuple[str, Found]]) -> list[Found]:
    """Make each old open discrepancy the new one of its window: new fingerprint, reason
    and creation time, and only the estimates that joined or left it written. What
    readers see is what deleting the old one and creating the new one gives, but for the
    row's id. Returns the new ones whose old row is gone (to create instead)."""
    if not rewrites:
        return []
    ids = dict(
        Discrepancy.objects.filter(
            fingerprint__in=[old for old, _ in rewrites], status=DiscrepancyStatus.OPEN
        ).values_list("fingerprint", "id")
    )
    todo = [(ids[old], f) for old, f in rewrites if old in ids]
    Through = Discrepancy.estimates.through
    named: dict[int, set[int]] = defaultdict(set)
    for discrepancy_id, estimate_id in Through.objects.filter(
        discrepancy_id__in=[pk for pk, _ in todo]
    ).values_list("discrepancy_id", "estimate_id"):
        named[discrepancy_id].add(estimate_id)
    now = timezone.now()
    joined = []
    for pk, f in todo:
        Discrepancy.objects.filter(pk=pk).update(
            fingerprint=f.fingerprint, reason=f.reason, created_at=now, updated_at=now
        )
        wanted = set(f.estimate_ids)
        left = named[pk] - wanted
        if left:
            Through.objects.filter(discrepancy_id=pk, estimate_id__in=sorted(left)).delete()
        joined += [(pk, estimate_id) for estimate_id in sorted(wanted - named[pk])]
    _link(joined)
    return [f for old, f in rewrites if old not in ids]


def _write(new: Sequence[Found], stale: Sequence[str]) -> dict[str, int]:
    deleted = Discrepancy.objects.filter(fingerprint__in=stale).delete()[0] if stale else 0
    if new:
        Discrepancy.objects.bulk_create(
            [
                Discrepancy(
                    deployment_id=f.group[0],
                    metric_id=f.group[1],
                    contingent_id=f.group[2],
                    kind=f.kind,
                    reason=f.reason,
                    fingerprint=f.fingerprint,
                )
                for f in new
            ],
            ignore_conflicts=True,  # a concurrent refresh made it first: same fingerprint
            batch_size=1000,
        )
        ids = dict(
            Discrepancy.objects.filter(fingerprint__in=[f.fingerprint for f in new]).values_list(
                "fingerprint", "id"
            )
        )
        _link([(ids[f.fingerprint], estimate_id) for f in new for estimate_id in f.estimate_ids])
    return {"created": len(new), "deleted": deleted}


def _link(pairs: Sequence[tuple[int, int]]) -> None:
    """Add these (discrepancy, estimate) links."""
    if not pairs:
        return
    Through = Discrepancy.estimates.through
    if connection.vendor == "postgresql":
        # One statement for any number of links (a window may name thousands).
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {Through._meta.db_table} (discrepancy_id, estimate_id) "  # noqa: S608
                "SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING",
                [[d for d, _ in pairs], [e for _, e in pairs]],
            )
    else:
        Through.objects.bulk_create(
            [Through(discrepancy_id=d, estimate_id=e) for d, e in pairs],
            ignore_conflicts=True,
            batch_size=1000,
        )


def analyse_groups(
    groups_rows: Iterable[tuple[GroupKey, list[Row]]], context: Context
) -> tuple[list[Found], dict[int, int | None]]:
    """Discrepancies and supersede changes for each group's rows."""
    found: list[Found] = []
    changes: dict[int, int | None] = {}
    for group, rows in groups_rows:
        found += find(group, rows, context)
        changes.update(supersede_changes(rows))
    return found, changes


# Editors' verdicts --------------------------------------------------------------------


@transaction.atomic
def resolve_discrepancy(*, discrepancy: Discrepancy, user, note: str) -> Discrepancy:
    """Mark a discrepancy resolved, saying how (the note is required)."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say how the discrepancy was resolved."})
    return _close(discrepancy, DiscrepancyStatus.RESOLVED, user, note)


@transaction.atomic
def dismiss_discrepancy(*, discrepancy: Discrepancy, user, note: str = "") -> Discrepancy:
    """Mark it "not a discrepancy" (the figures measure different things, for instance)."""
    return _close(discrepancy, DiscrepancyStatus.DISMISSED, user, (note or "").strip())


def _close(discrepancy: Discrepancy, status: str, user, note: str) -> Discrepancy:
    locked = Discrepancy.objects.select_for_update().get(pk=discrepancy.pk)
    locked.status = status
    locked.resolution_note = note
    locked.resolved_by = user
    locked.resolved_at = timezone.now()
    locked.save(
        update_fields=["status", "resolution_note", "resolved_by", "resolved_at", "updated_at"]
    )
    return locked


# Reads --------------------------------------------------------------------------------


def discrepancies_for(deployment: Deployment, status: str | None = None) -> QuerySet[Discrepancy]:
    """A deployment's discrepancies, newest first, in two queries whatever their number:
    the discrepancies (with metric and contingent joined) and their estimates (with
    source, intermediary, metric and contingent joined)."""
    queryset = Discrepancy.objects.filter(deployment=deployment)
    if status is not None:
        if status not in DiscrepancyStatus.values:
            raise ValidationError({"status": f"Unknown status {status!r}."})
        queryset = queryset.filter(status=status)
    estimates = Estimate.objects.select_related("source", "via", "metric", "contingent").order_by(
        "as_of", "id"
    )
    return queryset.select_related("metric", "contingent").prefetch_related(
        Prefetch("estimates", queryset=estimates)
    )
