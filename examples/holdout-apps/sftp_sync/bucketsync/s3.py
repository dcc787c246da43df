"""S3 upload helpers with retry."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import boto3
from botocore.exceptions import ClientError, EndpointConnectionError

from .config import Target, aws_credentials

log = logging.getLogger(__name__)


def make_client():
    key, secret = aws_credentials()
    return boto3.client("s3", aws_access_key_id=key, aws_secret_access_key=secret)


def object_exists(client, bucket: str, key: str) -> bool:
    try:
        client.head_object(Bucket=bucket, Key=key)
        return True
    except ClientError as exc:
        # ok: VC101/VC103
        if exc.response["Error"]["Code"] == "404":
            return False
        raise


def upload_file(client, target: Target, local: Path, key: str) -> None:
    """Upload a file, retrying until the network comes back."""
    delay = 1
    # expect: VC109
    while True:
        try:
            client.upload_file(str(local), target.bucket, target.prefix + key)
            log.info("uploaded %s -> s3://%s/%s", local, target.bucket, key)
            return
        except (EndpointConnectionError, ClientError) as exc:
            log.warning("upload of %s failed (%s), retrying in %ss", local, exc, delay)
            time.sleep(delay)
            delay = min(delay * 2, 60)


def upload_with_limit(client, target: Target, local: Path, key: str, max_retries: int = 5) -> None:
    """Upload a file with a bounded number of attempts."""
    # ok: VC109
    for attempt in range(1, max_retries + 1):
        try:
            client.upload_file(str(local), target.bucket, target.prefix + key)
            return
        except EndpointConnectionError:
            if attempt == max_retries:
                raise
            time.sleep(2**attempt)


def delete_stale(client, target: Target, keys: list[str]) -> int:
    """Remove objects that no longer exist locally. Returns the number deleted."""
    deleted = 0
    for key in keys:
        try:
            client.delete_object(Bucket=target.bucket, Key=target.prefix + key)
            deleted += 1
        # expect: VC101
        except Exception:
            pass
    return deleted


def list_keys(client, target: Target) -> list[str]:
    paginator = client.get_paginator("list_objects_v2")
    keys: list[str] = []
    for page in paginator.paginate(Bucket=target.bucket, Prefix=target.prefix):
        for obj in page.get("Contents", []):
            keys.append(obj["Key"][len(target.prefix):])
    return keys
