"""Azure Functions (v2 programming model) for orders and the support assistant."""
import json
import logging
import os

import azure.functions as func
import requests
from azure.cosmos import CosmosClient

import assistant_tools

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)

# expect: VC403 -- Cosmos key in the source
COSMOS_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
cosmos = CosmosClient(os.environ.get("COSMOS_URL", "https://acme.documents.azure.com"), credential=COSMOS_KEY)
orders = cosmos.get_database_client("shop").get_container_client("orders")


def principal(req: func.HttpRequest) -> dict | None:
    """The signed-in user App Service authentication puts in a header."""
    raw = req.headers.get("x-ms-client-principal-id")
    return {"id": raw} if raw else None


@app.route(route="orders/{order_id}", methods=["GET"])
def get_order(req: func.HttpRequest) -> func.HttpResponse:
    user = principal(req)
    if user is None:
        return func.HttpResponse("unauthorised", status_code=401)
    order_id = req.route_params.get("order_id")
    # expect: VC214 -- any signed-in user reads any order
    order = orders.read_item(item=order_id, partition_key=order_id)
    return func.HttpResponse(json.dumps(order), mimetype="application/json")


@app.route(route="my/orders/{order_id}", methods=["GET"])
def get_my_order(req: func.HttpRequest) -> func.HttpResponse:
    user = principal(req)
    if user is None:
        return func.HttpResponse("unauthorised", status_code=401)
    # ok: VC214 -- the partition key is the caller's id
    order = orders.read_item(item=req.route_params["order_id"], partition_key=user["id"])
    return func.HttpResponse(json.dumps(order), mimetype="application/json")


@app.route(route="orders", methods=["POST"])
def create_order(req: func.HttpRequest) -> func.HttpResponse:
    user = principal(req)
    if user is None:
        return func.HttpResponse("unauthorised", status_code=401)
    body = req.get_json()
    # expect: VC215 -- the client's JSON is stored whole (status, total, owner)
    orders.upsert_item(body)
    return func.HttpResponse(status_code=201)


# expect: VC201 -- an anonymous purge
@app.route(route="admin/purge", methods=["POST"], auth_level=func.AuthLevel.ANONYMOUS)
def purge(req: func.HttpRequest) -> func.HttpResponse:
    for item in orders.query_items("SELECT c.id FROM c WHERE c.status = 'cancelled'", enable_cross_partition_query=True):
        orders.delete_item(item["id"], partition_key=item["id"])
    return func.HttpResponse("purged")


@app.route(route="webhooks/carrier", methods=["POST"])
def carrier_webhook(req: func.HttpRequest) -> func.HttpResponse:
    try:
        event = req.get_json()
        # expect: VC404, VC107 -- certificate checks off, the answer unread
        requests.post(os.environ["FULFILMENT_URL"], json=event, timeout=10, verify=False)
    except Exception as e:
        logging.error("carrier webhook failed: %s", e)
        # expect: VC414 -- exception text in the response
        return func.HttpResponse(f"Error: {e}", status_code=500)
    return func.HttpResponse("ok")


@app.route(route="assistant", methods=["POST"])
def assistant(req: func.HttpRequest) -> func.HttpResponse:
    question = req.get_json()["question"]
    answer = assistant_tools.run_agent(question)
    return func.HttpResponse(json.dumps({"answer": answer}), mimetype="application/json")
