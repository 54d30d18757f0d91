"""Start-up stops on a bad or missing production value, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 50


def start(tmp_path, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"}
    }
    clean.update(env, TRACKER_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="tracker.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DATABASE_URL": "postgres://db/tracker", "ALLOWED_HOSTS": "t.example.org"}, "SECRET_KEY"),
        ({"DEBUG": "0", "ALLOWED_HOSTS": "t.example.org"}, "SECRET_KEY"),
        ({"DEBUG": "0", "SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"DEBUG": "0", "SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DEBUG": "0", "SECRET_KEY": "short", "ALLOWED_HOSTS": "t.example.org"}, "SECRET_KEY"),
        ({"DATABASE_URL": "nonsense://", "DEBUG": "1"}, "DATABASE_URL"),
        ({"CELERY_TASK_TIME_LIMIT": "ten"}, "CELERY_TASK_TIME_LIMIT"),
        ({"FETCH_MAX_BYTES": "12"}, "FETCH_MAX_BYTES"),
        (
            {"DATABASE_URL": "postgres://db/t", "DEBUG": "1", "DB_WORK_MEM_MB": "0"},
            "DB_WORK_MEM_MB",
        ),
    ],
    ids=[
        "production-without-secret-key",
        "debug-off-without-secret-key",
        "debug-off-without-hosts",
        "debug-off-with-any-host",
        "debug-not-a-boolean",
        "secret-key-too-short",
        "database-url-unknown-scheme",
        "time-limit-not-a-number",
        "fetch-cap-too-small",
        "work-mem-not-positive",
    ],
)
def test_bad_configuration_stops_start_up_naming_the_variable(tmp_path, env, named):
    result = start(tmp_path, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.strip().splitlines()[-1]


def test_the_local_run_starts_with_no_configuration_and_keeps_its_key(tmp_path):
    assert start(tmp_path).stdout.strip() == "started"
    key = (tmp_path / "secret_key").read_text()
    assert start(tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key
    assert len(key) >= 50


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=GOOD_KEY + "-x9!Qz",
        ALLOWED_HOSTS="t.example.org",
        TRACKER_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_postgresql_connections_sort_the_charts_groupings_in_memory(postgres):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"  # DB_WORK_MEM_MB's default, not PostgreSQL's 4MB


@pytest.mark.django_db
def test_postgresql_prepares_a_statement_the_app_runs_again_and_again(postgres):
    """Server-side binding: from its sixth run a statement is prepared once by PostgreSQL
    rather than parsed and planned each time (what ingestion's per-article statements
    gain); the ORM's results are those of the ordinary path."""
    from django.db import connection

    from tracker.models import Metric

    counted = [Metric.objects.filter(slug="killed").count() for _ in range(6)]
    assert counted == [counted[0]] * 6
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("tracker_metric" in statement for statement in prepared), prepared


@pytest.mark.parametrize(("value", "binds"), [(None, True), ("1", True), ("0", False)])
def test_server_side_binding_is_on_unless_turned_off_for_a_pooler(tmp_path, value, binds):
    probe = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    env = {k: v for k, v in os.environ.items() if k != "DB_SERVER_SIDE_BINDING"}
    env.update(DATABASE_URL="postgres://db/t", DEBUG="1", TRACKER_VAR_DIR=str(tmp_path),
               DJANGO_SETTINGS_MODULE="tracker.settings")  # fmt: skip
    if value is not None:
        env["DB_SERVER_SIDE_BINDING"] = value
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {probe}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert ("'server_side_binding': True" in result.stdout) is binds, result.stdout
