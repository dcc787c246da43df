"""Rotates IAM access keys of CI users and stores the new key in Secrets Manager."""

from __future__ import annotations

import argparse
import json
import logging

import boto3
from botocore.exceptions import ClientError

log = logging.getLogger("rotate_keys")
iam = boto3.client("iam")
secrets = boto3.client("secretsmanager")


def rotate(user: str) -> None:
    old = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
    new = iam.create_access_key(UserName=user)["AccessKey"]
    # expect: VC407
    log.info("new key for %s: %s / %s", user, new["AccessKeyId"], new["SecretAccessKey"])
    secrets.put_secret_value(
        SecretId=f"ci/{user}/aws",
        SecretString=json.dumps({"id": new["AccessKeyId"], "secret": new["SecretAccessKey"]}),
    )
    for key in old:
        try:
            iam.delete_access_key(UserName=user, AccessKeyId=key["AccessKeyId"])
        # expect: VC101
        except ClientError:
            pass


def rotate_all(prefix: str) -> None:
    paginator = iam.get_paginator("list_users")
    for page in paginator.paginate():
        for user in page["Users"]:
            if user["UserName"].startswith(prefix):
                try:
                    rotate(user["UserName"])
                except ClientError as exc:
                    # ok: VC101
                    log.error("rotation failed for %s: %s", user["UserName"], exc)
                    raise


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefix", default="ci-")
    args = parser.parse_args()
    rotate_all(args.prefix)


if __name__ == "__main__":
    main()
