"""Prompts: "fetch the page at the URL the user gives", "call the internal API over HTTPS", "parse the uploaded XML
invoice", "load a config sent by the client", "restore the user's saved session", "check the callback URL"."""

import base64
import pickle
import ssl
import urllib.request
from urllib.parse import urlparse
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

import dill
import httpx
import requests
import yaml
from defusedxml import ElementTree as SafeET
from fastapi import FastAPI, Request
from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
api = FastAPI()
ALLOWED_HOSTS = {"images.example.com", "cdn.example.com"}


@app.route("/preview")
def preview():
    url = request.args["url"]
    # expect: VC405
    page = requests.get(url, timeout=5)
    return jsonify(status=page.status_code, length=len(page.content))


@app.route("/preview2")
def preview_safe():
    url = request.args["url"]
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    page = requests.get(url, timeout=5)
    return jsonify(status=page.status_code, length=len(page.content))


# expect: VC201
@api.post("/fetch-avatar")
async def fetch_avatar(request: Request):
    body = await request.json()
    avatar_url = body.get("avatar_url")
    async with httpx.AsyncClient() as client:
        # expect: VC405
        response = await client.get(avatar_url)
    # expect: VC107
    return {"bytes": len(response.content)}


@app.route("/proxy")
def proxy():
    target = request.args.get("target", "")
    # expect: VC405, VC106
    with urllib.request.urlopen("http://internal-api" + target if target.startswith("/") else target) as resp:
        return resp.read()


@app.route("/callback/check", methods=["POST"])
def check_callback():
    callback = request.form["callback"]
    # expect: VC415
    if "example.com" in callback:
        # expect: VC405, VC107
        requests.post(callback, json={"ping": True}, timeout=5)
        return jsonify(ok=True)
    return jsonify(ok=False), 400


@app.route("/callback/check2", methods=["POST"])
def check_callback_safe():
    callback = request.form["callback"]
    host = urlparse(callback).hostname or ""
    # ok: VC415
    if host == "example.com" or host.endswith(".example.com"):
        # expect: VC107
        requests.post(callback, json={"ping": True}, timeout=5)
        return jsonify(ok=True)
    return jsonify(ok=False), 400


def call_internal_api(path: str) -> dict:
    # expect: VC404
    response = requests.get("https://internal.example.local" + path, verify=False, timeout=10)
    response.raise_for_status()
    return response.json()


def call_internal_api_safe(path: str) -> dict:
    # ok: VC404
    response = requests.get("https://internal.example.local" + path, verify="/etc/ssl/internal-ca.pem", timeout=10)
    response.raise_for_status()
    return response.json()


def open_legacy(url: str) -> bytes:
    context = ssl.create_default_context()
    # expect: VC404
    context.check_hostname = False
    # expect: VC404
    context.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(url, context=context, timeout=10) as resp:
        return resp.read()


def internal_client() -> httpx.Client:
    # expect: VC404
    return httpx.Client(base_url="https://billing.internal", verify=False, timeout=10)


def internal_client_safe() -> httpx.Client:
    # ok: VC404
    return httpx.Client(base_url="https://billing.internal", verify=ssl.create_default_context(), timeout=10)


# expect: VC201
@app.route("/invoices/xml", methods=["POST"])
def parse_invoice():
    # expect: VC416
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    tree = etree.fromstring(request.data, parser)
    return jsonify(total=tree.findtext("total"))


@app.route("/invoices/xml2", methods=["POST"])
def parse_invoice_safe():
    # ok: VC416
    tree = SafeET.fromstring(request.data)
    return jsonify(total=tree.findtext("total"))


def parse_feed(stream, handler):
    parser = make_parser()
    # expect: VC416
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)


@app.route("/config", methods=["POST"])
def load_config():
    # expect: VC406
    config = yaml.load(request.data, Loader=yaml.FullLoader)
    return jsonify(keys=list(config))


@app.route("/config2", methods=["POST"])
def load_config_safe():
    # ok: VC406
    config = yaml.safe_load(request.data)
    return jsonify(keys=list(config))


@app.route("/session/restore", methods=["POST"])
def restore_session():
    blob = request.cookies.get("saved_state", "")
    raw = base64.b64decode(blob)
    # expect: VC406
    state = pickle.loads(raw)
    return jsonify(cart=state.get("cart", []))


@api.post("/jobs/submit")
async def submit_job(request: Request):
    payload = await request.body()
    # expect: VC406
    job = dill.loads(payload)
    return {"job": repr(job)}


@app.route("/cart", methods=["POST"])
def add_to_cart():
    data = request.get_json()
    quantity = int(data["quantity"])
    price = 1999
    # expect: VC409
    total = price * quantity
    return jsonify(total=total)


@app.route("/cart2", methods=["POST"])
def add_to_cart_safe():
    data = request.get_json()
    quantity = int(data["quantity"])
    if not 1 <= quantity <= 100:
        abort(400)
    # ok: VC409
    return jsonify(total=1999 * quantity)


@app.route("/report")
def generate_report():
    count = int(request.args.get("rows", "10"))
    # expect: VC428
    rows = [{"n": i} for i in range(count)]
    return jsonify(rows)
