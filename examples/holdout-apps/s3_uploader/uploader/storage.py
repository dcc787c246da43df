import logging
import time

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
    # expect: VC403
    aws_access_key_id="AKIA4J7QX2M5Z3KD9PLA",
    # expect: VC403
    aws_secret_access_key="r8Kd2Vq9Lm4Xz7Tb1Wn6Hc3Yp5Fg0Js8Ae2Ru4Qi",
)


def upload_with_retry(path: str, bucket: str, key: str) -> None:
    attempt = 0
    # expect: VC109
    while True:
        try:
            s3.upload_file(path, bucket, key)
            return
        except ClientError:
            attempt += 1
            logger.warning("upload of %s failed (attempt %d), retrying", key, attempt)
            time.sleep(min(2**attempt, 60))


def upload_bounded(path: str, bucket: str, key: str, attempts: int = 5) -> None:
    # ok: VC109
    for attempt in range(1, attempts + 1):
        try:
            s3.upload_file(path, bucket, key)
            return
        except ClientError:
            if attempt == attempts:
                raise
            time.sleep(2**attempt)


def presign(bucket: str, key: str, expires: int = 3600) -> str:
    return s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=expires)


def object_exists(bucket: str, key: str) -> bool:
    try:
        s3.head_object(Bucket=bucket, Key=key)
        return True
    # expect: VC101/VC103
    except Exception:
        return False
