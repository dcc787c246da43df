"""VC232 storage-key-from-client beyond its corpus: what ties a key to the caller, the message, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from vibecheck.rules.auth.storage_key_from_client import StorageKeyFromClient
from vibecheck.testing import findings_for

VIEW = """
import boto3
from flask import Flask, abort, request, session
from flask_login import current_user

app = Flask(__name__)
s3 = boto3.client("s3")

@app.get("/file")
def file():
    key = request.args["key"]
    {body}
    return s3.generate_presigned_url("get_object", Params={{"Bucket": "b", "Key": key}})
"""


@pytest.mark.parametrize(("body", "reported"), [
    ("pass", True),
    ('key = "exports/" + key', True),
    ('if "/" in key:\n        abort(400)', True),
    ('key = f"{current_user.id}/{key}"', False),
    ('key = "/".join([str(request.user.pk), key])', False),
    ('if not key.startswith(f"{current_user.id}/"):\n        abort(403)', False),
    ('key = f"{request.args[\'owner\']}/{key}"', True),
])
def test_what_ties_a_key_to_the_caller(body: str, reported: bool) -> None:
    findings = findings_for(StorageKeyFromClient, VIEW.format(body=body))
    assert bool(findings) is reported, [f.message for f in findings]


def test_message_names_the_key_its_source_and_the_signing_call() -> None:
    [finding] = findings_for(StorageKeyFromClient, VIEW.format(body="pass"))
    assert "`key`" in finding.message and "request.args" in finding.message
    assert "generate_presigned_url()" in finding.message
    assert finding.hint is not None and "user.id" in finding.hint
    assert finding.cwe == (639, 284)


def test_the_command_line_reports_an_app_and_not_its_tests(tmp_path: Path) -> None:
    view = textwrap.dedent(VIEW.format(body="pass"))
    (tmp_path / "app.py").write_text(view, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_app.py").write_text(view, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit", "--no-cache",
                          "--select", "VC232"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [("app.py", "VC232", "high")]
