"""Two editors saving the same estimate at once, on PostgreSQL: one wins, one is told.

These run with real transactions (transactional_db) and one database connection per
thread, so the row locks are PostgreSQL's own.
"""

import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from tests.tracker.factories import EstimateFactory, UserFactory
from tracker import services
from tracker.models import Estimate
from tracker.roles import EDITORS

# serialized_rollback: the metrics and role groups seeded by migrations survive the flush.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def in_thread(target, results: dict, key: str) -> threading.Thread:
    def run():
        try:
            results[key] = target()
        except Exception as error:  # the test inspects what each editor got
            results[key] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_save_waiting_on_the_row_lock_is_refused_after_the_first_commits(postgres):
    first_editor = UserFactory(username="first", role=EDITORS)
    second_editor = UserFactory(username="second", role=EDITORS)
    estimate = EstimateFactory(notes="")
    first_claimed, results = threading.Event(), {}

    def first():
        with transaction.atomic():
            services.update_estimate(
                estimate_id=estimate.pk, expected_version=1,
                changes={"notes": "first editor's note"}, user=first_editor,
            )  # fmt: skip
            first_claimed.set()
            time.sleep(0.5)  # hold the row while the second editor's save arrives
        return "saved"

    def second():
        first_claimed.wait(10)
        return services.update_estimate(
            estimate_id=estimate.pk, expected_version=1,
            changes={"best": 999, "high": 999}, user=second_editor,
        )  # fmt: skip

    threads = [in_thread(first, results, "first"), in_thread(second, results, "second")]
    for thread in threads:
        thread.join(20)

    assert results["first"] == "saved"
    assert isinstance(results["second"], services.ConflictError)
    assert results["second"].changed == [("notes", "", "first editor's note")]
    estimate.refresh_from_db()
    assert (estimate.best, estimate.notes, estimate.version) == (400, "first editor's note", 2)


def edit_form(estimate: Estimate, **changes) -> dict:
    data = {
        "deployment": estimate.deployment_id, "metric": estimate.metric_id,
        "low": 400, "best": 400, "high": 400, "qualifier": estimate.qualifier,
        "as_of": estimate.as_of.isoformat(), "as_of_precision": "day",
        "source": estimate.source.name, "new_source_kind": "other",
        "credibility": estimate.credibility, "status": estimate.status, "notes": "",
        "version": 1,
    }  # fmt: skip
    return {**data, **changes}


def test_two_editors_posting_the_form_at_once_one_wins_one_sees_the_conflict(postgres):
    estimate = EstimateFactory(notes="")
    url = reverse("editor-edit", args=[estimate.pk])
    clients = {}
    for name in ("alice", "bob"):
        clients[name] = Client()
        clients[name].force_login(UserFactory(username=name, role=EDITORS))
    # Both open the form at version 1.
    for client in clients.values():
        assert 'name="version" value="1"' in client.get(url).content.decode()
    start, results = threading.Barrier(2), {}
    posts = {
        "alice": edit_form(estimate, notes="Alice's note"),
        "bob": edit_form(estimate, low=390, best=410, high=430),
    }

    def post(name):
        def run():
            start.wait(10)
            return clients[name].post(url, posts[name])

        return run

    threads = [in_thread(post(name), results, name) for name in clients]
    for thread in threads:
        thread.join(30)

    codes = sorted(r.status_code for r in results.values())
    assert codes == [302, 409]
    winner = next(n for n, r in results.items() if r.status_code == 302)
    loser = "bob" if winner == "alice" else "alice"
    assert f"{winner} changed this estimate while you were editing it" in (
        results[loser].content.decode()
    )
    estimate.refresh_from_db()
    assert estimate.version == 2
    if winner == "alice":
        assert (estimate.notes, estimate.best) == ("Alice's note", 400)
    else:
        assert (estimate.notes, estimate.best) == ("", 410)
    assert estimate.history.count() == 2
