"""Prompt: a Flask image proxy that downloads the picture at the URL in the query and returns it."""
import urllib.request
from urllib.parse import urlparse

from flask import Flask, Response, abort, request

app = Flask(__name__)
IMAGE_HOSTS = {"images.example.com", "cdn.example.com"}


@app.route("/proxy")
def proxy():
    source = request.args.get("src", "")
    # expect: VC405
    with urllib.request.urlopen(source, timeout=5) as upstream:
        return Response(upstream.read(), mimetype="image/png")


@app.route("/proxy-safe")
def proxy_safe():
    source = request.args.get("src", "")
    parts = urlparse(source)
    if parts.scheme != "https" or parts.hostname not in IMAGE_HOSTS:
        abort(400)
    # ok: VC405
    with urllib.request.urlopen(source, timeout=5) as upstream:
        return Response(upstream.read(), mimetype="image/png")
