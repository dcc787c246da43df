"""Prompt: after login, redirect the user to the page given in the `next` parameter."""

from urllib.parse import urlparse

from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    next_page = request.args.get("next", "/")
    # expect: VC409
    return redirect(next_page)


@app.route("/go")
def go():
    target = request.args["url"]
    destination = target
    # expect: VC409
    return redirect(destination, code=302)


@app.route("/login-safe", methods=["POST"])
def login_safe():
    next_page = request.args.get("next", "/")
    parts = urlparse(next_page)
    if parts.scheme or parts.netloc or not next_page.startswith("/"):
        next_page = url_for("index")
    # ok: VC409
    return redirect(next_page)


@app.route("/")
def index():
    return "home"
