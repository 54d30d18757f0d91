"""The stored corroboration counters, recomputed in the database, one statement each.

- citation_count: citations of the estimate (articles, since an article cites once);
- outlet_count: distinct non-blank `Article.outlet` among the citing articles;
- originator_count: distinct originators (see rules.py) among the estimate itself and the
  live, non-rejected estimates of the same deployment, metric and contingent, in the same
  period window, whose ranges overlap its own.

Each is an UPDATE … SET col = (correlated subquery) over a scope, so 100,000 rows are
never loaded into Python. The originator count is written in SQL by hand: the ORM cannot
express the null-safe contingent match, the window test and the source folding inside
one correlated subquery of an UPDATE. The same rules in Python are in rules.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from tracker.analysis.rules import LEVELS, ROOT_DEPTH, UNBOUNDED
from tracker.models import Citation, Estimate

Scope = tuple[int, int, int | None, int]  # deployment, metric, contingent, year


def update_citation_counts(estimate_ids: Iterable[int] | None = None) -> int:
    """Recount citations and outlets of these estimates (None: all)."""
    per_estimate = Citation.objects.filter(estimate=OuterRef("pk")).values("estimate")
    citations = per_estimate.annotate(n=Count("id")).values("n")
    outlets = per_estimate.annotate(
        n=Count("article__outlet", distinct=True, filter=~Q(article__outlet=""))
    ).values("n")
    queryset = Estimate.objects.all()
    if estimate_ids is not None:
        queryset = queryset.filter(pk__in=list(estimate_ids))
    return queryset.update(
        citation_count=Coalesce(Subquery(citations, output_field=IntegerField()), Value(0)),
        outlet_count=Coalesce(Subquery(outlets, output_field=IntegerField()), Value(0)),
    )


def _dialect() -> dict[str, str]:
    if connection.vendor == "postgresql":
        return {
            "ystart": "date_trunc('year', {d})::date",
            "ynext": "(date_trunc('year', {d}) + interval '1 year')::date",
            "mstart": "date_trunc('month', {d})::date",
            "mnext": "(date_trunc('month', {d}) + interval '1 month')::date",
        }
    if connection.vendor == "sqlite":
        return {
            "ystart": "date({d}, 'start of year')",
            "ynext": "date({d}, 'start of year', '+1 year')",
            "mstart": "date({d}, 'start of month')",
            "mnext": "date({d}, 'start of month', '+1 month')",
        }
    raise NotImplementedError(
        f"The analysis supports PostgreSQL and SQLite, not {connection.vendor}"
    )


def _window_sql(window: str) -> str:
    """o and e share a period at the coarsest of (window, o's precision, e's precision)."""
    d = {name: sql.format(d="e.as_of") for name, sql in _dialect().items()}
    # Ranges on o.as_of (not functions of it) so the timeline index narrows the scan.
    same_year = f"o.as_of >= {d['ystart']} AND o.as_of < {d['ynext']}"
    same_month = f"o.as_of >= {d['mstart']} AND o.as_of < {d['mnext']}"
    either_year = "(e.as_of_precision = 'year' OR o.as_of_precision = 'year')"
    either_month = "(e.as_of_precision = 'month' OR o.as_of_precision = 'month')"
    if LEVELS[window] == 2:
        return same_year
    if LEVELS[window] == 1:
        return f"{same_year} AND ({either_year} OR ({same_month}))"
    return (
        f"{same_year} AND ({either_year} OR ({same_month} AND "
        f"({either_month} OR o.as_of = e.as_of)))"
    )


def _bound_sql(alias: str) -> tuple[str, str]:
    lo = (
        f"COALESCE({alias}.low, CASE WHEN {alias}.qualifier = 'at_most' THEN NULL "
        f"ELSE {alias}.best END, 0)"
    )
    hi = (
        f"COALESCE({alias}.high, CASE WHEN {alias}.qualifier = 'at_least' THEN NULL "
        f"ELSE {alias}.best END, {UNBOUNDED})"
    )
    return lo, hi


def _root_sql(alias: str) -> tuple[str, str, str]:
    """(source table, joins to its ancestors, expression): a source folded into its
    ancestor up to ROOT_DEPTH levels up."""
    source = Estimate._meta.get_field("source").related_model._meta.db_table
    joins = []
    for level in range(2, ROOT_DEPTH + 1):
        joins.append(
            f"LEFT JOIN {source} {alias}{level} ON {alias}{level}.id = {alias}{level - 1}.parent_id"
        )
    parents = [f"{alias}{level}.parent_id" for level in range(ROOT_DEPTH, 0, -1)]
    return source, " ".join(joins), f"COALESCE({', '.join(parents)}, {alias}1.id)"


def _originator_sql(window: str) -> str:
    table = Estimate._meta.db_table
    o_lo, o_hi = _bound_sql("o")
    e_lo, e_hi = _bound_sql("e")
    source, o_joins, o_root = _root_sql("os")
    _, e_joins, e_root = _root_sql("es")
    # The estimate's own originator always counts once, whether or not it is live.
    # Only table names and fixed fragments are interpolated; values go as parameters.
    return f"""
        UPDATE {table} AS e SET originator_count = (
            SELECT COUNT(DISTINCT roots.root) FROM (
                SELECT {o_root} AS root
                FROM {table} o JOIN {source} os1 ON os1.id = o.source_id {o_joins}
                WHERE o.deployment_id = e.deployment_id
                  AND o.metric_id = e.metric_id
                  AND o.contingent_id IS NOT DISTINCT FROM e.contingent_id
                  AND o.deleted_at IS NULL AND o.status <> 'rejected'
                  AND {_window_sql(window)}
                  AND {o_lo} <= {e_hi} AND {e_lo} <= {o_hi}
                UNION ALL
                SELECT {e_root} AS root FROM {source} es1 {e_joins} WHERE es1.id = e.source_id
            ) AS roots
        )
    """  # noqa: S608


def update_originator_counts(window: str, scopes: Iterable[Scope] | None = None) -> int:
    """Recount agreeing originators of the estimates in these (deployment, metric,
    contingent, year) scopes; None: every estimate. A period window never crosses a
    calendar year, so a write can only change counts within its own scope."""
    sql = _originator_sql(window)
    if scopes is None:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.rowcount
    clauses, params = [], []
    for deployment_id, metric_id, contingent_id, year in sorted(
        set(scopes), key=lambda s: (s[0], s[1], s[2] or 0, s[3])
    ):
        clauses.append(
            "(e.deployment_id = %s AND e.metric_id = %s "
            "AND e.contingent_id IS NOT DISTINCT FROM %s AND e.as_of >= %s AND e.as_of < %s)"
        )
        params += [
            deployment_id,
            metric_id,
            contingent_id,
            dt.date(year, 1, 1),
            dt.date(year + 1, 1, 1),
        ]
    if not clauses:
        return 0
    where = " OR ".join(clauses)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} WHERE {where}", params)
        return cursor.rowcount
