"""Shared helpers for the Lambda functions."""
import json
import logging
import os
import random
import string

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

TABLE_NAME = os.environ.get("DOCS_TABLE", "documents")
BUCKET = os.environ.get("DOCS_BUCKET", "docs-bucket")
# expect: VC403 -- an access key pair in the source
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

session = boto3.session.Session(
    aws_access_key_id=AWS_ACCESS_KEY_ID,
    aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
    region_name="us-east-1",
)
dynamodb = session.resource("dynamodb")
table = dynamodb.Table(TABLE_NAME)
s3 = session.client("s3")


def response(status: int, body) -> dict:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body, default=str),
    }


def caller_id(event: dict) -> str | None:
    """The Cognito subject the API Gateway authorizer put on the request."""
    claims = event.get("requestContext", {}).get("authorizer", {}).get("claims", {})
    return claims.get("sub")


def share_code(length: int = 8) -> str:
    # expect: VC206 -- share links guessable
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(length))
