import csv
import io
import logging
import subprocess
import time

import boto3
import requests
from redis import Redis
from rq import Queue

from .settings import AWS_REGION, S3_BUCKET

log = logging.getLogger(__name__)
redis_conn = Redis.from_url("redis://localhost:6379/1")
queue = Queue("exports", connection=redis_conn)
s3 = boto3.client("s3", region_name=AWS_REGION)


def export_report(report_id: int, rows: list[dict], notify_url: str) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=sorted(rows[0]) if rows else [])
    writer.writeheader()
    writer.writerows(rows)
    key = f"reports/{report_id}.csv"
    s3.put_object(Bucket=S3_BUCKET, Key=key, Body=buf.getvalue().encode())
    # expect: VC404, VC107 -- verify=False on the notification call (status unchecked: forgotten)
    requests.post(notify_url, json={"report": report_id, "key": key}, timeout=10, verify=False)
    return key


def compress_export(path: str) -> None:
    # expect: VC408/VC421, VC108 -- shell string with a job argument, result unchecked
    subprocess.run("gzip -9 " + path, shell=True)


def compress_export_safe(path: str) -> None:
    # ok: VC408/VC421/VC108 -- list form with check
    subprocess.run(["gzip", "-9", path], check=True)


def upload_with_retry(path: str, key: str) -> None:
    for attempt in range(3):
        try:
            s3.upload_file(path, S3_BUCKET, key)
            break
        # expect: VC101/VC102 -- retry that logs only the message and falls through after the last attempt
        except Exception as exc:
            log.warning("upload attempt %d failed: %s", attempt, exc)
            time.sleep(2)


def enqueue_export(report_id: int, rows: list[dict], notify_url: str):
    return queue.enqueue(export_report, report_id, rows, notify_url, job_timeout=600)
