"""API Gateway (REST, proxy integration) handlers for documents."""
import json
import os
import subprocess

from boto3.dynamodb.conditions import Key

from .common import BUCKET, caller_id, logger, response, s3, share_code, table


def get_document(event, context):
    doc_id = event["pathParameters"]["docId"]
    # expect: VC214 -- any document by the id in the path, caller never compared
    item = table.get_item(Key={"id": doc_id}).get("Item")
    if item is None:
        return response(404, {"error": "not found"})
    return response(200, item)


def get_document_checked(event, context):
    user = caller_id(event)
    doc_id = event["pathParameters"]["docId"]
    # ok: VC214 -- owner is part of the key
    item = table.get_item(Key={"owner": user, "id": doc_id}).get("Item")
    if item is None:
        return response(404, {"error": "not found"})
    return response(200, item)


def list_documents(event, context):
    user = caller_id(event)
    # ok: VC214 -- the caller's own partition
    result = table.query(KeyConditionExpression=Key("owner").eq(user))
    return response(200, result["Items"])


def update_document(event, context):
    doc_id = event["pathParameters"]["docId"]
    body = json.loads(event["body"] or "{}")
    # expect: VC207 -- admin flag from a request header
    if event["headers"].get("X-Admin") == "true":
        table.put_item(Item={"id": doc_id, **body})
        return response(200, {"updated": doc_id})
    user = caller_id(event)
    item = table.get_item(Key={"owner": user, "id": doc_id}).get("Item")
    if item is None:
        return response(404, {"error": "not found"})
    # expect: VC215 -- the whole body merged over the stored item, owner included
    item.update(body)
    table.put_item(Item=item)
    return response(200, item)


def download(event, context):
    key = event["queryStringParameters"]["key"]
    local = os.path.join("/tmp", key)
    s3.download_file(BUCKET, key, local)
    # expect: VC405 -- object key from the query string names the local path
    with open(local, "rb") as fh:
        data = fh.read()
    return response(200, {"size": len(data)})


def thumbnail(event, context):
    params = event.get("queryStringParameters") or {}
    key = params.get("key", "")
    size = params.get("size", "256x256")
    local = f"/tmp/{os.path.basename(key)}"
    s3.download_file(BUCKET, key, local)
    # expect: VC421/VC408 -- query string in a shell line
    subprocess.run(f"convert {local} -resize {size} {local}.png", shell=True, check=True)
    s3.upload_file(f"{local}.png", BUCKET, f"thumbs/{os.path.basename(key)}.png")
    return response(200, {"thumbnail": f"thumbs/{os.path.basename(key)}.png"})


def thumbnail_safe(event, context):
    params = event.get("queryStringParameters") or {}
    key = params.get("key", "")
    local = f"/tmp/{os.path.basename(key)}"
    s3.download_file(BUCKET, key, local)
    # ok: VC421/VC408/VC108 -- argument list, checked
    subprocess.run(["convert", local, "-resize", "256x256", f"{local}.png"], check=True)
    return response(200, {"thumbnail": f"{local}.png"})


def create_share(event, context):
    user = caller_id(event)
    doc_id = event["pathParameters"]["docId"]
    code = share_code()
    table.update_item(
        Key={"owner": user, "id": doc_id},
        UpdateExpression="SET share_code = :c",
        ExpressionAttributeValues={":c": code},
    )
    return response(201, {"share": code})


def delete_document(event, context):
    doc_id = event["pathParameters"]["docId"]
    try:
        table.delete_item(Key={"owner": caller_id(event), "id": doc_id})
        return response(204, {})
    # expect: VC102 -- logged without the traceback
    except Exception as exc:
        logger.error("delete failed")
        # expect: VC414 -- exception text in the response
        return response(500, {"error": str(exc)})
