"""Publish the inventory report to object storage."""

from __future__ import annotations

import json
import os

from .clouds import aws_session, azure_blobs, gcs

REPORT_BUCKET = os.environ.get("REPORT_BUCKET", "acme-inventory-reports")


def publish_s3(report: dict, key: str) -> str:
    s3 = aws_session().client("s3")
    # expect: VC219/VC430
    s3.put_object(Bucket=REPORT_BUCKET, Key=key, Body=json.dumps(report).encode(), ACL="public-read")
    return f"https://{REPORT_BUCKET}.s3.amazonaws.com/{key}"


def publish_s3_private(report: dict, key: str) -> str:
    s3 = aws_session().client("s3")
    # ok: VC219/VC430
    s3.put_object(Bucket=REPORT_BUCKET, Key=key, Body=json.dumps(report).encode(), ServerSideEncryption="aws:kms")
    # ok: VC219/VC430
    return s3.generate_presigned_url("get_object", Params={"Bucket": REPORT_BUCKET, "Key": key}, ExpiresIn=900)


def publish_gcs(report: dict, name: str) -> str:
    blob = gcs().bucket(REPORT_BUCKET).blob(name)
    blob.upload_from_string(json.dumps(report), content_type="application/json")
    # expect: VC219/VC430
    blob.make_public()
    return blob.public_url


def publish_azure(report: dict, name: str) -> None:
    service = azure_blobs()
    # expect: VC219/VC430
    container = service.create_container("inventory-reports", public_access="container")
    container.upload_blob(name, json.dumps(report), overwrite=True)


def upload_file_public(path: str, key: str) -> None:
    s3 = aws_session().client("s3")
    # expect: VC219/VC430
    s3.upload_file(path, REPORT_BUCKET, key, ExtraArgs={"ACL": "public-read", "ContentType": "text/html"})
