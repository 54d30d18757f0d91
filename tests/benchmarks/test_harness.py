"""The benchmark harness: reading wrk's report, the wrk script, the table it writes."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.__main__ import parse_sizes
from benchmarks.harness import (
    BenchError,
    Plan,
    parse_wrk,
    render_report,
    with_database,
    write_atomically,
    wrk_script,
)

WRK_OUTPUT = """\
Running 20s test @ http://127.0.0.1:40211
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.31ms    4.02ms  98.10ms   81.22%
    Req/Sec   326.12     40.50   420.00     70.00%
  Latency Distribution
     50%   11.50ms
     75%   13.90ms
     90%  750.00us
     99%    1.02s
  13021 requests in 20.03s, 41.22MB read
  Socket errors: connect 0, read 2, write 0, timeout 5
  Non-2xx or 3xx responses: 17
Requests/sec:    650.08
Transfer/sec:      2.06MB
"""


def test_wrk_report_gives_throughput_latency_percentiles_and_errors():
    result = parse_wrk(WRK_OUTPUT)
    assert result.requests == 13021
    assert result.seconds == pytest.approx(20.03)
    assert result.requests_per_second == pytest.approx(650.08)
    assert result.latency_ms == {50: 11.5, 75: 13.9, 90: 0.75, 99: 1020.0}
    assert result.socket_errors == {"connect": 0, "read": 2, "write": 0, "timeout": 5}
    assert result.non_2xx_3xx == 17
    assert result.errors == 24


def test_wrk_report_without_errors_counts_none():
    clean = "\n".join(
        line for line in WRK_OUTPUT.splitlines() if "errors" not in line and "Non-2xx" not in line
    )
    assert parse_wrk(clean).errors == 0


def test_unreadable_wrk_output_is_an_error_not_a_zero():
    with pytest.raises(ValueError, match="not understood"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


def test_wrk_script_rotates_through_the_paths_and_stops_after_its_share():
    script = wrk_script(["/healthz", "/api/v1/estimates/?metric=killed"], 500)
    assert '"/healthz",\n  "/api/v1/estimates/?metric=killed"' in script
    assert "local limit = 500" in script
    assert "wrk.thread:stop()" in script


@pytest.mark.parametrize("path", ["healthz", '/a"b', "/a\nb"])
def test_wrk_script_refuses_what_is_not_a_plain_path(path):
    with pytest.raises(BenchError):
        wrk_script([path])


def test_report_has_the_machine_and_one_table_row_per_measurement(tmp_path):
    rows = [
        {"benchmark": "queries", "measure": "timeline", "size": 100_000, "value": 1.234,
         "unit": "ms", "how": "median of 15 runs | in-process"},
        {"benchmark": "load", "measure": "throughput", "size": 1_000_000, "value": 1523.4,
         "unit": "req/s", "how": "wrk"},
        {"benchmark": "extraction", "measure": "reports a second", "value": 42, "how": "one core"},
    ]  # fmt: skip
    text = render_report(
        rows,
        machine={"CPU": "Test CPU", "Cores": "2"},
        command="python -m benchmarks --sizes 100000",
        started=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC),
        plans=[Plan("timeline", 100_000, "Limit\n  ->  Index Scan")],
        notes=["Indexes are partial."],
    )
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| Benchmark | Measure | Size")
    assert table[1:] == [
        "| queries | timeline | 100,000 | 1.23 | ms | median of 15 runs \\| in-process |",
        "| load | throughput | 1,000,000 | 1,523 | req/s | wrk |",
        "| extraction | reports a second | — | 42 | — | one core |",
    ]
    assert "- CPU: Test CPU" in text
    assert "2026-01-02 03:04 UTC" in text
    assert "### timeline (100,000 estimates)" in text
    target = tmp_path / "docs" / "benchmarks.md"
    write_atomically(target, text)
    assert target.read_text() == text
    assert [p.name for p in target.parent.iterdir()] == ["benchmarks.md"]


def test_sizes_are_parsed_sorted_and_checked():
    assert parse_sizes("1000000,10000,100_000") == [10_000, 100_000, 1_000_000]
    for bad in ("", "ten", "50"):
        with pytest.raises(Exception, match="size"):
            parse_sizes(bad)


def test_benchmark_database_urls_keep_the_server_and_change_the_name():
    assert (
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "bench_10000")
        == "postgres://postgres@127.0.0.1:5432/bench_10000"
    )


def test_every_benchmark_module_takes_the_harness_context_first():
    # The harness calls run(context) when run takes any parameter: a module whose first
    # parameter meant something else (a count, a duration) would get the context there.
    import importlib
    import inspect

    from benchmarks.__main__ import discover

    for name in discover(""):
        parameters = list(
            inspect.signature(importlib.import_module(f"benchmarks.{name}").run).parameters
        )
        assert parameters and parameters[0] == "context", name


def test_api_rows_leave_the_cost_empty_when_no_api_request_finished():
    from benchmarks.bench_api import _rows

    rows = _rows(
        "api.timeseries",
        {"rps": 0.0, "p50": None, "p95": None},
        {"rps": 3.0, "p50": 300.0, "p95": 400.0},
        "how",
        1_000_000,
    )
    by_measure = {row["measure"]: row["value"] for row in rows}
    assert by_measure["API requests/s"] == 0.0
    assert by_measure["API latency p50"] is None
    assert by_measure["floor requests/s"] == 3.0
    assert by_measure["API cost vs floor"] is None


def test_reused_database_records_a_renamed_migration_under_its_new_name(postgres, db, monkeypatch):
    # bench_* databases migrated before a migration was renumbered at merge must not
    # re-apply it (its indexes already exist) when they are reused.
    import psycopg
    from django.db import connection as django_connection

    from benchmarks import harness

    db = django_connection.settings_dict  # the test database's name
    url = f"postgresql://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    monkeypatch.setattr(harness, "RENAMED_MIGRATIONS", {("bench_test", "0001_old"): "0002_new"})
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "INSERT INTO django_migrations (app, name, applied)"
            " VALUES ('bench_test', '0001_old', now())"
        )
        try:
            harness.rename_migration_records(url)
            harness.rename_migration_records(url)  # idempotent
            names = connection.execute(
                "SELECT name FROM django_migrations WHERE app = 'bench_test'"
            ).fetchall()
        finally:
            connection.execute("DELETE FROM django_migrations WHERE app = 'bench_test'")
    assert names == [("0002_new",)]
