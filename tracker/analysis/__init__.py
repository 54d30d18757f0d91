"""The analysis: corroboration counters, discrepancies, revisions and composite metrics.

The hook every write calls (stable signatures):

    refresh_after_commit(estimate_ids, *, note_place=True, counts_only=False)
        Call inside the transaction of any write that can change the analysis of these
        estimates: creating, updating, confirming, rejecting, merging or deleting an
        estimate, citing it or removing a citation. It notes the estimates' places
        (group, date, precision, originator, range) *now* and again at commit, then runs
        `refresh` after the commit. So a write that moves an estimate to another group
        or year (an edit of its metric, contingent or date; a merge) should call it
        before changing the row, and both the old and the new place are refreshed.
        `note_place=False` skips that one query where nothing can move (a new estimate,
        a new citation). `counts_only=True` (a new citation) recounts only the
        estimates' citations and outlets: no rule reads those counters, so the
        discrepancies, revisions and originator counts stay as they are, and the
        refresh costs one statement whatever the size of the group. Outside a
        transaction it runs at once.

    refresh(estimate_ids=None)
        Synchronous. With ids: recounts their citations and outlets and re-analyses
        only what a write to them can change (incremental.py): the discrepancies of the
        years of their places, their originators' revision chains in their groups, and
        the originator counts of the estimates sharing a period window with them. The
        result is the one a full refresh gives. With None: everything (what
        `manage.py analyse` runs). Idempotent: a second run changes nothing.

Rules, in plain words, are in the docstrings of rules.py (ranges, period windows,
originators), corroboration.py, revisions.py, discrepancies.py and composite.py.
Reads: `discrepancies_for`, `derived_casualties`, `Estimate.objects.latest_per_source()`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import connection, transaction

from tracker.analysis.composite import DerivedEstimate, derived_casualties
from tracker.analysis.corroboration import (
    Scope,
    update_citation_counts,
    update_originator_counts,
    write_originator_counts,
)
from tracker.analysis.discrepancies import (
    analyse_groups,
    discrepancies_for,
    dismiss_discrepancy,
    resolve_discrepancy,
    sync,
)
from tracker.analysis.groups import Context, GroupKey, load_groups
from tracker.analysis.incremental import Place, places, refresh_places
from tracker.analysis.revisions import apply_supersede_changes
from tracker.models import Estimate

logger = logging.getLogger(__name__)

__all__ = [
    "DerivedEstimate",
    "derived_casualties",
    "discrepancies_for",
    "dismiss_discrepancy",
    "recount_citations",
    "refresh",
    "refresh_after_commit",
    "resolve_discrepancy",
]


def _scopes(estimate_ids: Iterable[int]) -> set[Scope]:
    return {
        (deployment_id, metric_id, contingent_id, as_of.year)
        for deployment_id, metric_id, contingent_id, as_of in Estimate.objects.filter(
            pk__in=list(estimate_ids)
        ).values_list("deployment_id", "metric_id", "contingent_id", "as_of")
    }


def _lock(pairs: Iterable[tuple[int, int]]) -> None:
    """Serialise refreshes that touch the same (deployment, metric) on PostgreSQL, taking
    the locks in one order so two refreshes cannot deadlock on each other's rows."""
    if connection.vendor != "postgresql":
        return  # SQLite serialises writers itself
    with connection.cursor() as cursor:
        for deployment_id, metric_id in sorted(set(pairs)):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [deployment_id, metric_id])


@transaction.atomic
def refresh(
    estimate_ids: Iterable[int] | None = None, *, also: Iterable[Place | Scope] = ()
) -> dict[str, int]:
    """Bring the analysis up to date for these estimates (None: all); returns counts of
    what changed. `also` adds the places (incremental.Place) noted before a write moved
    an estimate (refresh_after_commit passes them); a (deployment, metric, contingent,
    year) scope instead re-analyses the whole groups, as before places were noted."""
    context = Context.load()
    if estimate_ids is None:
        _lock(Estimate.objects.order_by().values_list("deployment_id", "metric_id").distinct())
        update_citation_counts(None)
        found, changes = analyse_groups(load_groups(context, None), context)
        superseded = apply_supersede_changes(changes)
        synced = sync(None, found)
        update_originator_counts(context.window, None)
        return {"superseded": superseded, **synced}

    ids = sorted(set(estimate_ids))
    also = set(also)
    if any(len(scope) == 4 for scope in also):
        return _refresh_groups(context, ids, also)
    where = places(ids) | also
    if not where:
        return {"superseded": 0, "created": 0, "deleted": 0}
    _lock((place[0], place[1]) for place in where)
    update_citation_counts(ids)
    changes, counts, synced = refresh_places(context, set(ids), where)
    superseded = apply_supersede_changes(changes)
    write_originator_counts(counts)
    return {"superseded": superseded, **synced}


def _refresh_groups(context: Context, ids: list[int], also: set) -> dict[str, int]:
    """Re-analyse the whole groups of these estimates and (group, year) scopes."""
    scopes = _scopes(ids) | {
        (*scope[:3], scope[4].year) if len(scope) > 4 else scope for scope in also
    }
    groups: list[GroupKey] = sorted(
        {scope[:3] for scope in scopes}, key=lambda g: (g[0], g[1], g[2] or 0)
    )
    _lock((g[0], g[1]) for g in groups)
    update_citation_counts(ids)
    found, changes = analyse_groups(load_groups(context, groups), context)
    superseded = apply_supersede_changes(changes)
    synced = sync(groups, found)
    update_originator_counts(context.window, scopes)
    return {"superseded": superseded, **synced}


def refresh_after_commit(
    estimate_ids: Iterable[int], *, note_place: bool = True, counts_only: bool = False
) -> None:
    """Refresh these estimates' analysis once the current transaction commits.

    With note_place (the default) it also reads where the estimates are now (one query),
    so that a write made after this call that moves them is refreshed at both places.
    Creating an estimate or citing one moves nothing: those pass note_place=False.
    Citing one changes only its citation and outlet counts: that passes counts_only.
    """
    ids = [pk for pk in estimate_ids if pk is not None]
    if not ids:
        return
    before = places(ids) if note_place else set()
    # One refresh per transaction, not one per write: an article with five figures
    # makes ten writes, and each refresh reads a year of each group written. The ids and scopes
    # gather on the connection (thread-local in Django); every call registers a
    # callback, and the first to run after the commit drains what gathered, so a
    # callback lost with a rolled-back savepoint loses nothing.
    pending = _pending()
    (pending.counted if counts_only else pending.ids).update(ids)
    pending.scopes.update(before)
    # robust: the write has committed; a failure here is logged and `analyse` repairs it.
    transaction.on_commit(_drain_pending, robust=True)


class _Pending:
    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.scopes: set[Place] = set()
        self.counted: set[int] = set()  # citations only: just their counters


def _pending() -> _Pending:
    pending = getattr(connection, "_tracker_pending_refresh", None)
    if pending is None:
        pending = _Pending()
        connection._tracker_pending_refresh = pending
    return pending


def _drain_pending() -> None:
    pending = _pending()
    ids, scopes, counted = pending.ids, pending.scopes, pending.counted
    pending.ids, pending.scopes, pending.counted = set(), set(), set()
    if ids or scopes:
        refresh(ids, also=scopes)  # recounts the citations of these ids too
    recount_citations(counted - ids)


@transaction.atomic
def recount_citations(estimate_ids: Iterable[int]) -> int:
    """The refresh after a citation is added: the estimates' citation and outlet counts,
    which nothing else of the analysis reads (one statement); returns the rows changed."""
    return update_citation_counts(estimate_ids)
