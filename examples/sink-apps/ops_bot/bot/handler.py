"""AWS Lambda entry points behind API Gateway."""
import json
import os

import boto3
import yaml
from boto3.dynamodb.conditions import Key

from bot.tools import convert_image

table = boto3.resource("dynamodb").Table(os.environ.get("ORDERS_TABLE", "orders"))
s3 = boto3.client("s3")
BUCKET = os.environ.get("BUCKET", "ops-artifacts")


def orders_handler(event, context):
    status = event["queryStringParameters"]["status"]
    # sink: CWE-89/943
    result = table.scan(FilterExpression=f"order_status = '{status}'")
    return {"statusCode": 200, "body": json.dumps(result["Items"])}


def order_handler(event, context):
    # safe: CWE-89/943
    result = table.query(KeyConditionExpression=Key("order_id").eq(event["pathParameters"]["id"]))
    return {"statusCode": 200, "body": json.dumps(result["Items"])}


def artifact_handler(event, context):
    key = event["queryStringParameters"]["key"]
    # sink: CWE-22
    with open(f"/tmp/{key}", "wb") as handle:
        s3.download_fileobj(BUCKET, key, handle)
    return {"statusCode": 200}


def config_handler(event, context):
    # sink: CWE-502
    config = yaml.load(event["body"], Loader=yaml.FullLoader)
    return {"statusCode": 200, "body": json.dumps(sorted(config))}


async def image_handler(event, context):
    await convert_image(event["queryStringParameters"]["name"])
    return {"statusCode": 202}
