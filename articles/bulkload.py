"""Loading many rows fast: PostgreSQL's COPY, with indexes and foreign keys built afterwards.

Used by the synthetic corpus (articles/synthetic.py). Nothing here knows about the domain.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connections, models

BATCH = 5000


class BulkLoadError(Exception):
    pass


def write_rows(
    using: str, model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]
) -> int:
    """Insert rows (tuples in `columns` order) and return how many; other columns get their
    field's default.

    PostgreSQL: one streamed binary COPY through psycopg 3. Elsewhere: `executemany` in batches
    (bulk_create would overwrite created_at/updated_at with "now" through auto_now, and build
    a model instance per row for nothing).
    """
    connection = connections[using]
    by_column = {f.column: f for f in model._meta.concrete_fields}
    unknown = [c for c in columns if c not in by_column]
    if unknown:
        raise BulkLoadError(f"{model.__name__} has no column(s) {unknown}")
    # Columns added by later features (not null, with a default) are filled with it.
    extra = [f for c, f in by_column.items() if c not in columns and not f.null]
    extra_values = tuple(f.get_db_prep_save(f.get_default(), connection) for f in extra)
    names = [*columns, *(f.column for f in extra)]
    table = connection.ops.quote_name(model._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(c) for c in names)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Binary COPY: about four times faster than text for both client and server.
            cursor.execute(
                "SELECT a.attname, t.typname FROM pg_attribute a "
                "JOIN pg_type t ON t.oid = a.atttypid "
                "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                [model._meta.db_table],
            )
            types = dict(cursor.fetchall())
            sql = f"COPY {table} ({column_list}) FROM STDIN (FORMAT BINARY)"
            with cursor.cursor.copy(sql) as copy:
                copy.set_types([types[c] for c in names])
                write = copy.write_row
                if extra_values:
                    for row in rows:
                        write(row + extra_values)
                        written += 1
                else:
                    for row in rows:
                        write(row)
                        written += 1
            return written
        placeholders = ", ".join(["%s"] * len(names))
        sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"  # noqa: S608
        iterator: Iterator[tuple] = iter(rows)
        while batch := list(itertools.islice(iterator, BATCH)):
            cursor.executemany(sql, [tuple(map(_plain, row + extra_values)) for row in batch])
            written += len(batch)
    return written


def _plain(value):
    """A value as Django itself stores it in SQLite (UTC datetimes without an offset)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@contextmanager
def deferred_indexes(using: str, model_list: Sequence[type[models.Model]]) -> Iterator[None]:
    """On PostgreSQL, drop the tables' secondary indexes and foreign keys, and make them
    again on exit: building an index once over sorted data and checking a foreign key with
    one join are far faster than maintaining them row by row. Indexes behind primary keys
    and unique constraints stay (they guard the data while it loads).

    Run it inside a transaction: if loading fails, the drops roll back with it. It takes
    exclusive locks on the tables, so use it on a database nobody else is writing to.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise BulkLoadError("deferred_indexes must run inside transaction.atomic().")
    indexes: list[tuple[str, str]] = []
    foreign_keys: list[tuple[str, str, str]] = []
    with connection.cursor() as cursor:
        # Check what is pending now: a table with pending deferred checks cannot be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for model in model_list:
            table = model._meta.db_table
            cursor.execute(
                """
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                WHERE i.indrelid = %s::regclass
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                  AND c.conrelid = i.indrelid)
                """,
                [table],
            )
            indexes += cursor.fetchall()
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f'",
                [table],
            )
            foreign_keys += [(table, name, definition) for name, definition in cursor.fetchall()]
        for table, name, _ in foreign_keys:
            cursor.execute(
                f"ALTER TABLE {connection.ops.quote_name(table)} "
                f"DROP CONSTRAINT {connection.ops.quote_name(name)}"
            )
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")  # already quoted by ::regclass::text
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in foreign_keys:
            cursor.execute(
                f"ALTER TABLE {connection.ops.quote_name(table)} "
                f"ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
            )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's are INITIALLY DEFERRED


# The roll-up's triggers (tracker migration 0009) and its rows made from scratch, as the
# migration makes them.
_ROLLUP_TRIGGERS = (
    ("tracker_citation", "tracker_citation_rollup"),
    ("tracker_estimate", "tracker_estimate_rollup"),
)
_ROLLUP_REBUILD = """
DELETE FROM tracker_metricarticle;
INSERT INTO tracker_metricarticle (deployment_id, metric_id, article_id, confirmed, proposed)
SELECT e.deployment_id, e.metric_id, c.article_id,
       COUNT(*) FILTER (WHERE e.status = 'confirmed'),
       COUNT(*) FILTER (WHERE e.status = 'proposed')
FROM tracker_citation c
JOIN tracker_estimate e ON e.id = c.estimate_id
WHERE e.deleted_at IS NULL AND e.status IN ('confirmed', 'proposed')
GROUP BY e.deployment_id, e.metric_id, c.article_id
"""


@contextmanager
def paused_rollup(using: str, *, rebuild: bool = True) -> Iterator[None]:
    """On PostgreSQL, load estimates and citations with the MetricArticle roll-up's
    triggers off, then make the roll-up again in one statement (`rebuild`; without it the
    caller writes the roll-up's rows itself, inside the block): the triggers cost a
    lookup and an upsert per row, which at a million citations is longer than the load.
    Run it inside a transaction, like `deferred_indexes`; nothing else may write meanwhile
    (ALTER TABLE locks both tables until the commit)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise BulkLoadError("paused_rollup must run inside transaction.atomic().")
    with connection.cursor() as cursor:
        # A table with pending deferred checks cannot be altered: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, trigger in _ROLLUP_TRIGGERS:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's are INITIALLY DEFERRED
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, trigger in _ROLLUP_TRIGGERS:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if not rebuild:
            return
        cursor.execute("SET LOCAL work_mem = '256MB'")  # the grouping in memory, not on disk
        # Its unique key is built once over the new rows (1.2 s at a million estimates)
        # rather than kept up row by row (3 s).
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'tracker_metricarticle'::regclass AND contype = 'u'"
        )
        unique = cursor.fetchall()
        for name, _definition in unique:
            cursor.execute(f"ALTER TABLE tracker_metricarticle DROP CONSTRAINT {name}")
        cursor.execute(_ROLLUP_REBUILD)
        for name, definition in unique:
            cursor.execute(f"ALTER TABLE tracker_metricarticle ADD CONSTRAINT {name} {definition}")


def reset_sequences(using: str, model_list: Sequence[type[models.Model]]) -> None:
    """After rows were written with explicit ids, the next id comes after them."""
    connection = connections[using]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(model_list)):
            cursor.execute(statement)
