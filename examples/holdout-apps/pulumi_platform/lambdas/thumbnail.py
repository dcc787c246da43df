"""Lambda behind API Gateway: signed upload URLs and thumbnails of uploads."""

from __future__ import annotations

import json
import os
import subprocess
import uuid

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ["UPLOADS_BUCKET"]


def presign_handler(event, context):
    body = json.loads(event["body"])
    key = body["filename"]
    # expect: VC232
    url = s3.generate_presigned_url("put_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=3600)
    return {"statusCode": 200, "body": json.dumps({"url": url})}


def presign_safe_handler(event, context):
    claims = event["requestContext"]["authorizer"]["claims"]
    key = f"users/{claims['sub']}/{uuid.uuid4()}.jpg"
    # ok: VC232
    url = s3.generate_presigned_url("put_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=600)
    return {"statusCode": 200, "body": json.dumps({"url": url, "key": key})}


def thumbnail_handler(event, context):
    params = event.get("queryStringParameters") or {}
    key = params["key"]
    size = params.get("size", "256x256")
    local = f"/tmp/{os.path.basename(key)}"
    s3.download_file(BUCKET, key, local)
    # expect: VC421
    subprocess.run(f"convert {local} -thumbnail {size} {local}.thumb.jpg", shell=True, check=True)
    s3.upload_file(f"{local}.thumb.jpg", BUCKET, f"thumbs/{key}")
    return {"statusCode": 200, "body": json.dumps({"thumb": f"thumbs/{key}"})}


def delete_handler(event, context):
    key = event["pathParameters"]["key"]
    try:
        s3.delete_object(Bucket=BUCKET, Key=key)
    # expect: VC102
    except Exception as exc:
        # expect: VC414
        return {"statusCode": 500, "body": json.dumps({"error": str(exc)})}
    return {"statusCode": 204, "body": ""}
