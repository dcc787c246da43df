"""Background jobs: thumbnailing attachments and pulling ticket exports."""

import logging
import subprocess

import requests
from celery import Celery

log = logging.getLogger(__name__)
celery_app = Celery("supportbot", broker="redis://redis:6379/0")
THUMBNAIL = "convert {source} -thumbnail 200x200 {target}"


@celery_app.task
def make_thumbnail(source: str, target: str) -> None:
    command = THUMBNAIL.format(source=source, target=target)
    # expect: VC408
    subprocess.run(command, shell=True, check=True, timeout=60)


@celery_app.task
def make_thumbnail_safe(source: str, target: str) -> None:
    # ok: VC408
    subprocess.run(["convert", source, "-thumbnail", "200x200", target], check=True, timeout=60)


@celery_app.task
def pull_export(export_url: str) -> bytes | None:
    try:
        # expect: VC404
        response = requests.get(export_url, timeout=30, verify=False)
        response.raise_for_status()
        return response.content
    # expect: VC101/VC102
    except Exception:
        pass
    return None


@celery_app.task(bind=True, max_retries=5, default_retry_delay=30)
def pull_export_retrying(self, export_url: str) -> bytes:
    try:
        response = requests.get(export_url, timeout=30)
        response.raise_for_status()
    # ok: VC101/VC102
    except requests.RequestException as exc:
        raise self.retry(exc=exc) from exc
    return response.content
