import logging
import os

import boto3

log = logging.getLogger(__name__)
# expect: VC403
AWS_SECRET_ACCESS_KEY = "q8Rv2LmTz7Kx9Bn4/Wc6Yd1Hf3Js5Pg0AeUi8Ok2"
# expect: VC403
s3 = boto3.client("s3", aws_access_key_id="AKIA4QZ7RWXJ2MBT6HNC", aws_secret_access_key=AWS_SECRET_ACCESS_KEY)


def upload_snapshot(path: str, bucket: str) -> str | None:
    try:
        s3.upload_file(path, bucket, os.path.basename(path))
    # expect: VC102/VC103
    except Exception as exc:
        log.error("upload failed: %s", exc)
        return None
    return f"s3://{bucket}/{os.path.basename(path)}"
