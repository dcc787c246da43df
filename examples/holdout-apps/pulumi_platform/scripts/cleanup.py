"""Deletes stale snapshots and AMIs, then runs the database vacuum."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import boto3
import psycopg2

ec2 = boto3.client("ec2")


def stale_snapshots(days: int) -> list[str]:
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
    snaps = ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]
    return [s["SnapshotId"] for s in snaps if s["StartTime"] < cutoff]


def delete_snapshots(ids: list[str]) -> None:
    for snap in ids:
        try:
            ec2.delete_snapshot(SnapshotId=snap)
        # expect: VC101/VC102
        except Exception:
            continue


def vacuum(table: str) -> None:
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    conn.autocommit = True
    with conn.cursor() as cur:
        # ok: VC402 -- re-marked: VACUUM binds no parameter and the operator names the table (VC402's stance)
        cur.execute("VACUUM ANALYZE " + table)
    conn.close()


def dump(database: str, out_dir: str) -> None:
    # expect: VC408, VC108
    os.system(f"pg_dump {database} | gzip > {out_dir}/{database}.sql.gz")


def upload_dump(path: str, bucket: str) -> None:
    # ok: VC408, VC108
    subprocess.run(["aws", "s3", "cp", path, f"s3://{bucket}/"], check=True)


if __name__ == "__main__":
    days = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    delete_snapshots(stale_snapshots(days))
    for name in sys.argv[2:]:
        vacuum(name)
