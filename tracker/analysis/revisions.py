"""Revisions: a source's newer figure supersedes its older one.

Rule: within one deployment, metric and contingent, each live (not deleted, not rejected)
estimate supersedes the same originator's newest strictly earlier live estimate
(`Estimate.supersedes` points from the newer to the older). "Earlier" compares the as-of
dates at the coarser of the two precisions, so February 2025 does not supersede
2025-02-10, and two figures for the same date are a disagreement, not a revision.
The originator folds a person into the organisation they speak for (Budanov → HUR).

The analysis owns these same-originator links and rewrites them when the data changes;
a link an editor sets to another originator's or another group's estimate is left alone.
Changing `supersedes` does not bump the estimate's `version` (it is derived, not edited).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from tracker.analysis import rules
from tracker.analysis.rules import Row
from tracker.models import Estimate


def supersede_changes(rows: Sequence[Row]) -> dict[int, int | None]:
    """{estimate id: the supersedes id it should have} for rows of one group that differ."""
    wanted = rules.predecessors(rows)
    roots = {row.id: row.root_id for row in rows}
    changes: dict[int, int | None] = {}
    for row in rows:
        if not row.live:
            continue
        current = row.supersedes_id
        if current is not None and roots.get(current) != row.root_id:
            continue  # an editor's link across originators or groups
        if wanted[row.id] != current:
            changes[row.id] = wanted[row.id]
    return changes


def apply_supersede_changes(changes: dict[int, int | None]) -> int:
    if not changes:
        return 0
    if connection.vendor == "postgresql":
        # One statement for any number of rows; bulk_update's CASE grows with the batch.
        table = Estimate._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET supersedes_id = v.target "  # noqa: S608
                "FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, target) "
                f"WHERE {table}.id = v.id",
                [list(changes), list(changes.values())],
            )
        return len(changes)
    Estimate.objects.bulk_update(
        [Estimate(pk=pk, supersedes_id=target) for pk, target in changes.items()],
        ["supersedes"],
        batch_size=500,
    )
    return len(changes)
