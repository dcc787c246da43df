"""VC405 corpus (serverless HTTP functions): Google's `functions_framework` hands a Flask request, Azure Functions a
`func.HttpRequest` (`req.params`, `req.route_params`, `req.get_json()`), Chalice its `app.current_request`."""
import os

import azure.functions as func
import functions_framework
import requests
from chalice import Chalice
from requests import PreparedRequest

app = Chalice(app_name="files")
ALLOWED_HOSTS = {"docs.example.com"}


@functions_framework.http
def fetch_preview(request):
    # expect: VC405
    return requests.get(request.args["url"], timeout=5).text


@functions_framework.http
def fetch_fixed(request):
    # ok: VC405
    return requests.get("https://docs.example.com/preview", params={"q": request.args["q"]}, timeout=5).text


def read_report(req: func.HttpRequest) -> func.HttpResponse:
    name = req.route_params.get("name")
    # expect: VC405
    with open(os.path.join("/srv/reports", name)) as fh:
        return func.HttpResponse(fh.read())


def read_latest(req: func.HttpRequest) -> func.HttpResponse:
    # ok: VC405
    with open("/srv/reports/latest.csv") as fh:
        return func.HttpResponse(fh.read())


@app.route("/download")
def download():
    key = app.current_request.query_params["key"]
    # expect: VC405
    with open(os.path.join("/tmp", key), "rb") as fh:
        return fh.read()


def sign_outgoing(request: PreparedRequest, key: bytes) -> PreparedRequest:
    # ok: VC405 -- an outgoing request the code built, not a client's
    request.prepare_url(request.url, {"sig": key.hex()})
    return request
