"""S3 and SQS triggered functions."""
import json
import pickle
import urllib.parse

import requests
import yaml

from .common import logger, s3, table


def on_upload(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        obj = s3.get_object(Bucket=bucket, Key=key)
        if key.endswith(".yaml"):
            # expect: VC406 -- full yaml loader on an uploaded file
            meta = yaml.load(obj["Body"].read(), Loader=yaml.Loader)
        elif key.endswith(".pkl"):
            # expect: VC406 -- pickle from the bucket
            meta = pickle.loads(obj["Body"].read())
        else:
            # ok: VC406 -- safe loader
            meta = yaml.safe_load(obj["Body"].read())
        table.put_item(Item={"id": key, "meta": meta})


def on_webhook_message(event, context):
    """SQS queue of outgoing webhooks; each message names the subscriber's URL."""
    for record in event["Records"]:
        message = json.loads(record["body"])
        try:
            # expect: VC106, VC107, VC405 -- no timeout, status never read, a URL from the queued message
            requests.post(message["callback_url"], json=message["payload"])
        # expect: VC101 -- delivery failures vanish; the message is deleted anyway
        except Exception:
            pass


def on_audit_message(event, context):
    failures = []
    for record in event["Records"]:
        try:
            table.put_item(Item=json.loads(record["body"]))
        # ok: VC101/VC102 -- failure is reported back to SQS for a retry
        except Exception:
            logger.exception("audit write failed")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
