"""Chalice REST API in front of the same table."""
import os

import boto3
import requests
from boto3.dynamodb.conditions import Attr
from chalice import BadRequestError, Chalice, CognitoUserPoolAuthorizer, NotFoundError, Response

app = Chalice(app_name="docs-api")
# expect: VC211 -- stack traces in production responses
app.debug = True

authorizer = CognitoUserPoolAuthorizer(
    "DocsPool", provider_arns=[os.environ.get("USER_POOL_ARN", "")]
)
table = boto3.resource("dynamodb").Table(os.environ.get("DOCS_TABLE", "documents"))
PREVIEW_HOSTS = {"docs.google.com", "dropbox.com"}


def current_user() -> str:
    return app.current_request.context["authorizer"]["claims"]["sub"]


@app.route("/docs", methods=["GET"], authorizer=authorizer)
def list_docs():
    # ok: VC214 -- filtered by the caller
    result = table.scan(FilterExpression=Attr("owner").eq(current_user()))
    return result["Items"]


@app.route("/docs/{doc_id}", methods=["GET"], authorizer=authorizer)
def get_doc(doc_id):
    # expect: VC214 -- signed in, but any document id
    item = table.get_item(Key={"id": doc_id}).get("Item")
    if not item:
        raise NotFoundError(doc_id)
    return item


@app.route("/docs", methods=["POST"], authorizer=authorizer)
def create_doc():
    body = app.current_request.json_body
    # expect: VC215 -- the client's JSON stored as is, owner field included
    table.put_item(Item=body)
    return Response(body=body, status_code=201)


@app.route("/docs/safe", methods=["POST"], authorizer=authorizer)
def create_doc_safe():
    body = app.current_request.json_body or {}
    item = {"id": body.get("id"), "title": body.get("title", ""), "owner": current_user()}
    # ok: VC215 -- fields picked one by one
    table.put_item(Item=item)
    return Response(body=item, status_code=201)


# expect: VC201 -- deletes without an authorizer
@app.route("/docs/{doc_id}", methods=["DELETE"])
def delete_doc(doc_id):
    table.delete_item(Key={"id": doc_id})
    return Response(body="", status_code=204)


# expect: VC201/VC219 -- admin listing open to the internet
@app.route("/admin/users", methods=["GET"])
def admin_users():
    return boto3.client("cognito-idp").list_users(UserPoolId=os.environ["USER_POOL_ID"])["Users"]


@app.route("/preview", methods=["GET"], authorizer=authorizer)
def preview():
    url = app.current_request.query_params.get("url")
    if not url:
        raise BadRequestError("url required")
    # expect: VC405, VC404 -- any URL, certificates ignored
    resp = requests.get(url, timeout=5, verify=False)
    return {"status": resp.status_code, "length": len(resp.content)}


@app.route("/preview/checked", methods=["GET"], authorizer=authorizer)
def preview_checked():
    url = app.current_request.query_params.get("url", "")
    host = requests.utils.urlparse(url).hostname
    if host not in PREVIEW_HOSTS:
        raise BadRequestError("host not allowed")
    # ok: VC405/VC404 -- host allowlisted, verification on
    resp = requests.get(url, timeout=5)
    resp.raise_for_status()
    return {"status": resp.status_code, "length": len(resp.content)}


@app.route("/search", methods=["GET"], authorizer=authorizer)
def search():
    params = app.current_request.query_params or {}
    field = params.get("field", "title")
    value = params.get("value", "")
    # expect: VC422 -- the client names the attribute the filter reads
    result = table.scan(FilterExpression=Attr(field).eq(value) & Attr("owner").eq(current_user()))
    return result["Items"]
