"""S3 upload and local clean-up."""

import contextlib
import logging
import os
import shutil
from contextlib import suppress
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from .config import BUCKET, WORK_DIR

logger = logging.getLogger(__name__)
s3 = boto3.client("s3")


def upload(pdf: Path, key: str) -> str:
    s3.upload_file(str(pdf), BUCKET, key, ExtraArgs={"ContentType": "application/pdf"})
    return f"s3://{BUCKET}/{key}"


def publish(pdf: Path, key: str, db_mark_sent) -> None:
    # expect: VC101 -- the upload and the bookkeeping are silenced together
    with contextlib.suppress(Exception):
        upload(pdf, key)
        db_mark_sent(key)


def publish_best_effort_copy(pdf: Path, key: str) -> None:
    # expect: VC101 -- a bare alias of suppress around real work
    with suppress(BaseException):
        s3.copy_object(Bucket=BUCKET + "-archive", Key=key, CopySource={"Bucket": BUCKET, "Key": key})


def discard(path: Path) -> None:
    # ok: VC101 -- a missing file is the expected case of an unlink
    with suppress(FileNotFoundError):
        os.unlink(path)


def discard_workdir() -> None:
    # ok: VC101 -- clean-up of a scratch directory only
    with contextlib.suppress(FileNotFoundError, PermissionError):
        shutil.rmtree(WORK_DIR / "scratch")


def upload_or_raise(pdf: Path, key: str) -> str:
    try:
        return upload(pdf, key)
    except (BotoCoreError, ClientError) as exc:
        # ok: VC105 -- chained
        raise RuntimeError(f"upload of {key} failed") from exc
