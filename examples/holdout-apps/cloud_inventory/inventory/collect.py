"""Collect instances and buckets across accounts into sqlite."""

from __future__ import annotations

import logging
import sqlite3
import time

from botocore.exceptions import ClientError, EndpointConnectionError
from google.api_core.exceptions import GoogleAPIError

from .clouds import aws_session, gcs

log = logging.getLogger(__name__)


def describe_all(region: str) -> list[dict]:
    ec2 = aws_session().client("ec2", region_name=region)
    # expect: VC109
    while True:
        try:
            pages = ec2.get_paginator("describe_instances").paginate()
            return [i for page in pages for r in page["Reservations"] for i in r["Instances"]]
        except (ClientError, EndpointConnectionError) as exc:
            log.warning("describe_instances failed in %s: %s", region, exc)
            time.sleep(5)


def describe_with_retries(region: str, attempts: int = 5) -> list[dict]:
    ec2 = aws_session().client("ec2", region_name=region)
    # ok: VC109
    for attempt in range(attempts):
        try:
            pages = ec2.get_paginator("describe_instances").paginate()
            return [i for page in pages for r in page["Reservations"] for i in r["Instances"]]
        except EndpointConnectionError:
            if attempt == attempts - 1:
                raise
            time.sleep(2**attempt)
    return []


def bucket_sizes(names: list[str]) -> dict[str, int]:
    cw = aws_session().client("cloudwatch")
    sizes = {}
    for name in names:
        try:
            stats = cw.get_metric_statistics(
                Namespace="AWS/S3", MetricName="BucketSizeBytes", Dimensions=[{"Name": "BucketName", "Value": name}],
                Statistics=["Average"], Period=86400, StartTime=time.time() - 172800, EndTime=time.time(),
            )
            sizes[name] = int(stats["Datapoints"][0]["Average"]) if stats["Datapoints"] else 0
        # expect: VC101
        except ClientError:
            pass
    return sizes


def gcs_buckets() -> list[str]:
    try:
        return [b.name for b in gcs().list_buckets()]
    except GoogleAPIError:
        # expect: VC103
        return []


def store(db: sqlite3.Connection, region: str, instances: list[dict]) -> None:
    # ok: VC402
    db.execute("DELETE FROM instances WHERE region = ?", (region,))
    db.executemany(
        "INSERT INTO instances (id, region, type, state) VALUES (?, ?, ?, ?)",
        [(i["InstanceId"], region, i["InstanceType"], i["State"]["Name"]) for i in instances],
    )
    db.commit()


def by_tag(db: sqlite3.Connection, tag: str, value: str) -> list[tuple]:
    # expect: VC402/VC417
    return db.execute(f"SELECT id, region FROM instances WHERE tag_{tag} = '{value}'").fetchall()
