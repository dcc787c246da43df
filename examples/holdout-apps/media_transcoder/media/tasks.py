import logging
import os
import shutil
import tempfile
from pathlib import Path

import boto3
from celery import Celery

from . import ffmpeg
from .downloads import fetch_checked
from .settings import settings

log = logging.getLogger(__name__)
celery = Celery("media", broker=settings.redis_url)
s3 = boto3.client(
    "s3", aws_access_key_id=settings.aws_access_key_id, aws_secret_access_key=settings.aws_secret_access_key
)


# expect: VC109
@celery.task(bind=True, max_retries=None)
def transcode_job(self, src: str, codec: str, extra_args: str) -> str:
    out = tempfile.NamedTemporaryFile(suffix=".mp4", delete=False).name
    try:
        ffmpeg.transcode(src, out, codec, extra_args)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=30)
    s3.upload_file(out, settings.bucket, os.path.basename(out))
    return out


# ok: VC109
@celery.task(bind=True, max_retries=3, default_retry_delay=60)
def transcode_job_v2(self, url: str, codec: str, preset: str, width: int) -> str:
    workdir = Path(tempfile.mkdtemp(dir=settings.work_dir))
    try:
        src = fetch_checked(url)
        dst = workdir / "out.mp4"
        ffmpeg.transcode_safe(src, dst, codec, preset, width)
        key = f"transcoded/{self.request.id}.mp4"
        s3.upload_file(str(dst), settings.bucket, key)
        return key
    except OSError as exc:
        raise self.retry(exc=exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@celery.task
def cleanup_workdir() -> int:
    removed = 0
    for path in settings.work_dir.glob("*"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
    return removed
