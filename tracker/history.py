"""New rows and their historical records (django-simple-history) in one statement.

simple_history's `bulk_create_with_history` makes two statements and, in Python, a model
instance of each historical record. Ingestion calls it twice per article (the proposed
estimates, the citations) and it was a third of the worker's time for an article (model
building) and two of its round trips. On PostgreSQL the rows and their records go in one
statement here: the rows' insert is a CTE whose RETURNING feeds the records' insert, so
a record holds exactly what was stored. Elsewhere (SQLite, the embedded run) simple_history
does it. The records are the ones simple_history's would be (a test compares the two);
the columns come from the models, so a field added to a model is recorded without change
here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

# The historical record's own columns, set per statement rather than copied from the row.
_RECORD_FIELDS = ("history_date", "history_type", "history_change_reason", "history_user")


def create_with_history(objs: list[models.Model], *, user: Any = None) -> None:
    """Insert `objs` (new instances of one model, primary keys unset) and one "+" record
    each, with `user` as the record's user; the primary keys are set on the objects."""
    if not objs:
        return
    model = type(objs[0])
    user = user if getattr(user, "pk", None) else None
    if connection.vendor != "postgresql" or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        # simple_history's own path, which also honours its switch for turning history off.
        bulk_create_with_history(objs, model, default_user=user)
        return
    history = model.history.model
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    rows = [
        [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields] for obj in objs
    ]
    quote = connection.ops.quote_name
    pk = model._meta.pk
    tracked = list(history.tracked_fields)
    record = [history._meta.get_field(name) for name in _RECORD_FIELDS]
    table, records = quote(model._meta.db_table), quote(history._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(rows))
    copied = ", ".join(quote(history._meta.get_field(f.name).column) for f in tracked)
    own = ", ".join(quote(f.column) for f in record)
    sources = ", ".join(f"new.{quote(f.column)}" for f in tracked)
    casts = ", ".join(f"%s::{f.db_type(connection)}" for f in record)
    # Every name is the models' own; every value is a parameter.
    sql = (
        f"WITH new AS (INSERT INTO {table} ({columns}) VALUES {values} RETURNING *), "  # noqa: S608
        f"recorded AS (INSERT INTO {records} ({copied}, {own}) SELECT {sources}, {casts} "
        f"FROM new) SELECT {quote(pk.column)} FROM new"
    )
    params = [value for row in rows for value in row]
    # As simple_history: the user given, else the user of the request being served, if any.
    user = user or history.get_default_history_user(objs[0])
    params += [timezone.now(), "+", None, user.pk if user else None]
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(sql, params)
        # RETURNING gives the rows in the order of VALUES, as Django's bulk_create relies on.
        for obj, (pk_value,) in zip(objs, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, pk_value)
            obj._state.adding = False
            obj._state.db = connection.alias
