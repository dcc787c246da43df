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


STORAGE = """
import boto3

s3 = boto3.client("s3")


def presign(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": key}, ExpiresIn=300)


def presign_any(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "public", "Key": key}, ExpiresIn=60)


def presign_for(user_id, name):
    key = f"users/{user_id}/{name}"
    return s3.generate_presigned_url("get_object", Params={"Bucket": "mine", "Key": key}, ExpiresIn=300)


def presign_owned(user, key):
    if not key.startswith(f"{user.id}/"):
        raise PermissionError(key)
    return s3.generate_presigned_url("get_object", Params={"Bucket": "owned", "Key": key}, ExpiresIn=300)


def presign_scoped(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "scoped", "Key": key}, ExpiresIn=300)


class Uploads:
    def __init__(self, bucket):
        self.bucket = bucket

    def upload_url(self, key):
        return s3.generate_presigned_post(self.bucket, key)
"""

VIEWS = """
from flask import Flask, redirect, request
from flask_login import current_user, login_required

from files.storage import Uploads, presign, presign_for, presign_owned, presign_scoped

app = Flask(__name__)
uploads = Uploads("uploads")


@app.get("/download")
@login_required
def download():
    return redirect(presign(request.args["key"]))


@app.post("/upload")
@login_required
def upload():
    return uploads.upload_url(request.form["key"])


@app.get("/mine")
@login_required
def mine():
    return redirect(presign_for(current_user.id, request.args["name"]))


@app.get("/owned")
@login_required
def owned():
    return redirect(presign_owned(current_user, request.args["key"]))


@app.get("/scoped")
@login_required
def scoped():
    return redirect(presign_scoped(f"users/{current_user.id}/{request.args['name']}"))
"""

# A module that reads no caller: what it passes on is the client's key as it came.
PUBLIC = """
from flask import Flask, redirect, request

from files import storage

public = Flask(__name__)


@public.get("/shared")
def shared():
    return redirect(storage.presign_any(request.args["key"]))
"""


def test_a_key_passed_to_a_storage_helper_is_followed_by_vc417(tmp_path: Path) -> None:
    """A view hands the client's key to files/storage.py: the signing call it reaches is reported with the view and
    the helper; a helper that builds the key under the caller's id or checks its prefix, and a view that scopes the key
    before passing it, are not."""
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "files" / "storage.py").write_text(STORAGE, encoding="utf-8")
    (tmp_path / "files" / "views.py").write_text(VIEWS, encoding="utf-8")
    (tmp_path / "files" / "public.py").write_text(PUBLIC, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit", "--no-cache",
                          "--select", "VC417"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    reported = {(f["path"], f["line_text"].strip()): f["message"] for f in findings}
    assert sorted(reported) == [
        ("files/storage.py", 'return s3.generate_presigned_post(self.bucket, key)'),
        ("files/storage.py", 'return s3.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": key}, '
                             'ExpiresIn=300)'),
        ("files/storage.py", 'return s3.generate_presigned_url("get_object", Params={"Bucket": "public", "Key": key}, '
                             'ExpiresIn=60)'),
    ], reported
    messages = list(reported.values())
    assert any("`request.args` in `download()`" in m and "(through `download()` -> `presign()`)" in m for m in messages)
    assert any("`upload()` -> `Uploads.upload_url()`" in m for m in messages), messages
    assert any("`shared()` -> `presign_any()`" in m for m in messages), messages
    assert len(findings) == 3 and all(f["cwe"] == ["CWE-639", "CWE-284"] for f in findings)
