"""Prompt: fetch the URL the user supplies and return its content (a link preview)."""

from urllib.parse import urlparse
from urllib.request import urlopen

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
ALLOWED_HOSTS = {"api.github.com", "gitlab.com"}


@app.route("/preview")
def preview():
    url = request.args["url"]
    # expect: VC405
    page = requests.get(url, timeout=5)
    return jsonify(status=page.status_code, length=len(page.text))


@app.route("/status/<host>")
def status(host):
    # expect: VC405
    with urlopen(f"http://{host}/health", timeout=5) as resp:
        return resp.read()


@app.route("/preview-safe")
def preview_safe():
    url = request.args["url"]
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    page = requests.get(url, timeout=5)
    return jsonify(status=page.status_code, length=len(page.text))
