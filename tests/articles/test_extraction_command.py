"""The extract_claims management command: files, JSON output, and JSON lines on stdin."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tracker.models import Source, SourceAlias

REPORT = (
    "North Korea has sent 11,000 troops, NIS says\n\n"
    "South Korea's spy agency said on Wednesday that about 11,000 North Korean soldiers "
    "were in Russia and that 300 had been killed.\n"
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_prints_claims_for_a_person(report):
    out = StringIO()
    call_command("extract_claims", str(report), "--published", "2025-03-05", stdout=out)
    text = out.getvalue()
    assert "2 claim(s)" in text
    assert "deployed: 11,000 (approx)" in text
    assert "killed: 300 (exact)" in text


@pytest.mark.django_db
def test_json_output_uses_database_sources(report):
    nis = Source.objects.create(
        name="National Intelligence Service (NIS)", slug="nis", kind="intelligence"
    )
    SourceAlias.objects.create(source=nis, alias="South Korea's spy agency")
    out = StringIO()
    call_command("extract_claims", str(report), "--json", "--published", "2025-03-05", stdout=out)
    payload = json.loads(out.getvalue())
    claims = payload[0]["claims"]
    assert [(c["metric"], c["low"], c["source"], c["as_of"]) for c in claims] == [
        ("deployed", 11000, "National Intelligence Service (NIS)", "2025-03-05"),
        ("killed", 300, "National Intelligence Service (NIS)", "2025-03-05"),
    ]


@pytest.mark.django_db
def test_bad_published_date_is_a_command_error(report):
    with pytest.raises(CommandError, match="bad date"):
        call_command("extract_claims", str(report), "--published", "5 March")


@pytest.mark.django_db
def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match=r"missing\.txt"):
        call_command("extract_claims", str(tmp_path / "missing.txt"))


def test_jsonl_reports_a_bad_line_and_goes_on_without_a_migrated_database(tmp_path):
    lines = [
        json.dumps({"id": 1, "text": REPORT, "published": "2025-03-05", "outlet": "Yonhap"}),
        "{not json",
        json.dumps({"id": 3, "published": "2025-03-05"}),
        json.dumps({"id": 4, "text": REPORT, "published": "March 5"}),
        json.dumps({"id": 5, "text": REPORT, "published": None, "outlet": None}),
    ]
    # The embedded mode with a fresh var directory: an SQLite database that was never migrated.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["TRACKER_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "extract_claims", "--jsonl"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in rows] == [1, None, 3, 4, 5]
    assert [r["metric"] for r in rows[0]["claims"]] == ["deployed", "killed"]
    source = rows[0]["claims"][0]["source"]
    assert source and source in REPORT  # no sources known: the name as written in the text
    assert "bad JSON" in rows[1]["error"]
    assert rows[2]["error"] == "missing text"
    assert "bad date" in rows[3]["error"]
    assert rows[4]["claims"][0]["as_of"] is None
