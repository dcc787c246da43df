"""Prompt: upload a file to S3, call OpenAI, connect to Redis and MySQL (answers with the keys pasted in)."""

import os

import boto3
import mysql.connector
import redis

# expect: VC403
s3 = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7QWERTYU", aws_secret_access_key="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")
# expect: VC403
cache = redis.Redis(host="cache.internal", port=6379, password="r3d1s-Pa55w0rd!")
# ok: VC403
sessions = redis.Redis(host="cache.internal", port=6379, password=os.environ["REDIS_PASSWORD"])
# expect: VC403
OPENAI_API_KEY = "sk-proj-4fJ9kL2mN8pQ1rS5tV7wX3yZ6aB0cD9eF2gH4iJ8kL1mN5oP"


def mysql_connection():
    # expect: VC403
    return mysql.connector.connect(host="db", user="root", password="rootpass123", database="shop")


def upload(path: str) -> None:
    s3.upload_file(path, "reports-bucket", os.path.basename(path))
