"""S3 helpers: presigned URLs for uploads/downloads and JSON exports."""

import json
import os

import boto3

BUCKET = os.environ.get("EXPORT_BUCKET", "acme-exports")
s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1"))


def presigned_upload(key: str, content_type: str) -> str:
    return s3.generate_presigned_url(
        "put_object",
        # expect: VC232/VC417
        Params={"Bucket": BUCKET, "Key": key, "ContentType": content_type},
        ExpiresIn=900,
    )


def presigned_download(key: str) -> str:
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=300)


def put_json(key: str, data: dict) -> None:
    s3.put_object(Bucket=BUCKET, Key=key, Body=json.dumps(data, default=str), ContentType="application/json")


def publish_avatar(user_id: int, body: bytes) -> str:
    key = f"avatars/{user_id}.png"
    # expect: VC430
    s3.put_object(Bucket=BUCKET, Key=key, Body=body, ContentType="image/png", ACL="public-read")
    return f"https://{BUCKET}.s3.amazonaws.com/{key}"
