"""VC430 public-object-storage beyond its corpus: signed URL lifetimes, storage public by design, the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.cli_findings import selected_findings
from vibecheck.rules.security.public_object_storage import PublicObjectStorage
from vibecheck.testing import findings_for

LINK = """
import boto3
from datetime import timedelta
s3 = boto3.client("s3")
DAY = 86400

def link(key):
    return s3.generate_presigned_url("get_object", Params={{"Bucket": "b", "Key": key}}, ExpiresIn={lifetime})
"""


@pytest.mark.parametrize(("lifetime", "reported"), [
    ("604800", True), ("7 * 24 * 3600", True), ("DAY * 2", True), ("86400 + 1", True),
    ("DAY", False), ("3600", False), ("60 * 15", False), ("int(timedelta(hours=1).total_seconds())", False),
])
def test_signed_url_lifetimes(lifetime: str, reported: bool) -> None:
    findings = findings_for(PublicObjectStorage, LINK.format(lifetime=lifetime))
    assert bool(findings) is reported, [f.message for f in findings]


def test_message_names_the_acl_and_the_cwe() -> None:
    [finding] = findings_for(PublicObjectStorage, 'import boto3\nboto3.client("s3").put_object(Bucket="b", Key="k", '
                             'Body=b"", ACL="public-read-write")\n')
    assert '`ACL="public-read-write"`' in finding.message and "anyone" in finding.message
    assert finding.hint is not None and "signed URL" in finding.hint
    assert finding.cwe == (732, 284)


@pytest.mark.parametrize("path", ["deploy/website.py", "cdn/publish.py", "static_site/upload.py"])
def test_a_module_of_a_static_site_is_public_by_design(path: str) -> None:
    source = 'import boto3\nboto3.client("s3").upload_file("index.html", "b", "index.html", ExtraArgs={"ACL": "public-read"})\n'
    assert findings_for(PublicObjectStorage, source, path=path) == []
    assert len(findings_for(PublicObjectStorage, source, path="reports/publish.py")) == 1


def test_the_command_line_reports_the_app_and_not_its_tests(tmp_path: Path) -> None:
    source = 'from google.cloud import storage\n\ndef publish(name):\n    storage.Client().bucket("b").blob(name).make_public()\n'
    (tmp_path / "app.py").write_text(source, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_app.py").write_text(source, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC430")
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [("app.py", "VC430", "medium")]
