"""The stored corroboration counters, recomputed in the database, one statement each.

- citation_count: citations of the estimate (articles, since an article cites once);
- outlet_count: distinct non-blank `Article.outlet` among the citing articles;
- originator_count: distinct originators (see rules.py) among the estimate itself and the
  live, non-rejected estimates of the same deployment, metric and contingent, in the same
  period window, whose ranges overlap its own.

Each is one UPDATE … FROM (computed counts) over a scope that writes only the rows whose
count changes, so 100,000 rows are never loaded into Python and a re-run writes nothing.
Every row whose count changes also gets a new `updated_at`, as an editor's change would:
the API's change feed (`updated_since`) and the pages' cache (keyed by the newest
`updated_at`, tracker/web/cache.py) must both see a counter move.

They are written in SQL by hand (PostgreSQL, and SQLite for the local run): the ORM
cannot express an UPDATE … FROM, nor the null-safe contingent match, the window test and
the source folding inside one correlated subquery. The same rules in Python: rules.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from tracker.analysis.rules import LEVELS, ROOT_DEPTH, UNBOUNDED
from tracker.models import Citation, Estimate

Scope = tuple[int, int, int | None, int]  # deployment, metric, contingent, year


def update_citation_counts(estimate_ids: Iterable[int] | None = None) -> int:
    """Recount citations and outlets of these estimates (None: all), in one grouped join;
    only rows whose counts change are written, so a re-run rewrites nothing."""
    table = Estimate._meta.db_table
    citation = Citation._meta.db_table
    article = Citation._meta.get_field("article").related_model._meta.db_table
    if estimate_ids is None:
        scope, params = "1 = 1", []
    else:
        params = sorted(set(estimate_ids))
        if not params:
            return 0
        scope = f"e.id IN ({', '.join(['%s'] * len(params))})"
    return _execute(
        f"""
        UPDATE {table}
        SET citation_count = counted.n, outlet_count = counted.outlets, updated_at = %s
        FROM (
            SELECT e.id AS id, COUNT(c.id) AS n,
                   COUNT(DISTINCT NULLIF(a.outlet, '')) AS outlets
            FROM {table} e
            LEFT JOIN {citation} c ON c.estimate_id = e.id
            LEFT JOIN {article} a ON a.id = c.article_id
            WHERE {scope}
            GROUP BY e.id
        ) AS counted
        WHERE {table}.id = counted.id
          AND ({table}.citation_count <> counted.n OR {table}.outlet_count <> counted.outlets)
        """,  # noqa: S608
        [_now(), *params],
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


def _window_branches(window: str) -> list[str]:
    """Conditions on (o, e) whose union is "o and e share a period" at the coarsest of
    (window, o's precision, e's precision). Each branch is a range on o.as_of, so the
    timeline index (deployment, metric, as_of) reads one month where one month will do,
    rather than the whole year for every estimate."""
    d = {name: sql.format(d="e.as_of") for name, sql in _dialect().items()}
    in_year = f"o.as_of >= {d['ystart']} AND o.as_of < {d['ynext']}"
    in_month = f"o.as_of >= {d['mstart']} AND o.as_of < {d['mnext']}"
    if LEVELS[window] == 2:
        return [in_year]
    e_year, o_year = "e.as_of_precision = 'year'", "o.as_of_precision = 'year'"
    e_fine, o_fine = "e.as_of_precision <> 'year'", "o.as_of_precision <> 'year'"
    year_pairs = [f"{e_year} AND {in_year}", f"{e_fine} AND {o_year} AND {in_year}"]
    if LEVELS[window] == 1:
        return [f"{e_fine} AND {o_fine} AND {in_month}", *year_pairs]
    return [
        "e.as_of_precision = 'day' AND o.as_of_precision = 'day' AND o.as_of = e.as_of",
        f"e.as_of_precision = 'month' AND {o_fine} AND {in_month}",
        f"e.as_of_precision = 'day' AND o.as_of_precision = 'month' AND {in_month}",
        *year_pairs,
    ]


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


def _originator_sql(window: str, scope: str) -> str:
    table = Estimate._meta.db_table
    o_lo, o_hi = _bound_sql("o")
    e_lo, e_hi = _bound_sql("e")
    source, o_joins, o_root = _root_sql("os")
    _, e_joins, e_root = _root_sql("es")
    agreeing = f"""
        SELECT {o_root} AS root
        FROM {table} o JOIN {source} os1 ON os1.id = o.source_id {o_joins}
        WHERE o.deployment_id = e.deployment_id AND o.metric_id = e.metric_id
          AND o.contingent_id IS NOT DISTINCT FROM e.contingent_id
          AND o.deleted_at IS NULL AND o.status <> 'rejected'
          AND {o_lo} <= {e_hi} AND {e_lo} <= {o_hi}
    """  # noqa: S608
    branches = " UNION ALL ".join(f"{agreeing} AND {w}" for w in _window_branches(window))
    # The estimate's own originator always counts once, whether or not it is live. Only
    # rows whose count changes are written. Only table names and fixed fragments are
    # interpolated here; values go as parameters.
    # MATERIALIZED: count once per row, not once for the WHERE and again for the SET.
    return f"""
        WITH counted AS MATERIALIZED (
            SELECT e.id AS id, (
                SELECT COUNT(DISTINCT roots.root) FROM (
                    {branches}
                    UNION ALL
                    SELECT {e_root} AS root FROM {source} es1 {e_joins} WHERE es1.id = e.source_id
                ) AS roots
            ) AS n
            FROM {table} e WHERE {scope}
        )
        UPDATE {table} SET originator_count = counted.n, updated_at = %s
        FROM counted
        WHERE {table}.id = counted.id AND {table}.originator_count <> counted.n
    """  # noqa: S608


def update_originator_counts(window: str, scopes: Iterable[Scope] | None = None) -> int:
    """Recount agreeing originators of the estimates in these (deployment, metric,
    contingent, year) scopes; None: every estimate. A period window never crosses a
    calendar year, so a write can only change counts within its own scope."""
    if scopes is None:
        return _execute(_originator_sql(window, "1 = 1"), [_now()])
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
    return _execute(_originator_sql(window, " OR ".join(clauses)), [*params, _now()])


def write_originator_counts(counts: dict[int, int]) -> int:
    """Store originator counts computed in Python (rules.originator_counts)."""
    if not counts:
        return 0
    table = Estimate._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {table} SET originator_count = v.n, updated_at = %s "  # noqa: S608
                f"FROM unnest(%s::bigint[], %s::int[]) AS v(id, n) WHERE {table}.id = v.id",
                [_now(), list(counts), list(counts.values())],
            )
        else:
            now = _now()
            cursor.executemany(
                f"UPDATE {table} SET originator_count = %s, updated_at = %s "  # noqa: S608
                "WHERE id = %s",
                [(n, now, pk) for pk, n in counts.items()],
            )
    return len(counts)


def _now():
    """Now, as this database stores a DateTimeField (raw SQL gets no ORM conversion)."""
    return connection.ops.adapt_datetimefield_value(timezone.now())


def _execute(sql: str, params: list) -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Compiling this statement costs more than running it (seconds under load).
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        return cursor.rowcount
