"""VC214 corpus: serverless handlers. AWS Lambda behind an API Gateway authorizer (its handlers read the caller it
signed in) and Azure Functions reading App Service's principal header; ids from the path, items by key."""
import json

import azure.functions as func
import boto3
from azure.cosmos import CosmosClient

table = boto3.resource("dynamodb").Table("documents")
orders = CosmosClient("https://acme.documents.azure.com", credential="key").get_database_client("shop") \
    .get_container_client("orders")
app = func.FunctionApp()


def caller_id(event):
    return event["requestContext"]["authorizer"]["claims"]["sub"]


def respond(status, body):
    return {"statusCode": status, "body": json.dumps(body)}


def get_document(event, context):
    doc_id = event["pathParameters"]["docId"]
    # expect: VC214 -- the API's authorizer signs callers in (the other handlers read it), but any document is served
    item = table.get_item(Key={"id": doc_id}).get("Item")
    return respond(200, item)


def delete_document(event, context):
    user = caller_id(event)
    params = event.get("pathParameters") or {}
    doc_id = params["docId"]
    # expect: VC214 -- the caller is known and never compared
    table.delete_item(Key={"id": doc_id})
    return respond(204, {})


def get_my_document(event, context):
    user = caller_id(event)
    doc_id = event["pathParameters"]["docId"]
    # ok: VC214 -- the owner is part of the key
    item = table.get_item(Key={"owner": user, "id": doc_id}).get("Item")
    return respond(200, item)


def get_shared_document(event, context):
    doc_id = event["pathParameters"]["docId"]
    # ok: VC214 -- the owner is compared below
    item = table.get_item(Key={"id": doc_id}).get("Item")
    if item is None or item["owner"] != event["requestContext"]["authorizer"]["claims"]["sub"]:
        return respond(404, {})
    return respond(200, item)


def on_queue_message(event, context):
    for record in event["Records"]:
        doc_id = json.loads(record["body"])["docId"]
        # ok: VC214 -- a queue's message, no client's path
        table.delete_item(Key={"id": doc_id})


def principal(req: func.HttpRequest) -> dict | None:
    raw = req.headers.get("x-ms-client-principal-id")
    return {"id": raw} if raw else None


@app.route(route="orders/{order_id}", methods=["GET"])
def get_order(req: func.HttpRequest) -> func.HttpResponse:
    user = principal(req)
    if user is None:
        return func.HttpResponse("unauthorised", status_code=401)
    order_id = req.route_params.get("order_id")
    # expect: VC214 -- signed in, then any order by its id
    order = orders.read_item(item=order_id, partition_key=order_id)
    return func.HttpResponse(json.dumps(order), mimetype="application/json")


@app.route(route="my/orders/{order_id}", methods=["GET"])
def get_my_order(req: func.HttpRequest) -> func.HttpResponse:
    user = principal(req)
    if not user:
        return func.HttpResponse("unauthorised", status_code=401)
    order_id = req.route_params["order_id"]
    # ok: VC214 -- the partition is the caller's
    order = orders.read_item(item=order_id, partition_key=user["id"])
    return func.HttpResponse(json.dumps(order), mimetype="application/json")


@app.route(route="public/orders/{order_id}", methods=["GET"])
def track_order(req: func.HttpRequest) -> func.HttpResponse:
    order_id = req.route_params["order_id"]
    # ok: VC214 -- no caller is signed in here: whether the route must be open is VC201's question
    order = orders.read_item(item=order_id, partition_key=order_id)
    return func.HttpResponse(json.dumps({"status": order["status"]}), mimetype="application/json")
