"""Prompt: redirect to the target URL only if it belongs to example.com."""

from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/redirect")
def redirect_to_target():
    target = request.args.get("target", "")
    # expect: VC415
    if "example.com" in target:
        # expect: VC409 -- the check lets other hosts through, so the redirect is open
        return redirect(target)
    return redirect("/")


@app.route("/redirect-host")
def redirect_by_host():
    target = request.args.get("target", "")
    host = urlparse(target).netloc
    # expect: VC415
    if host.endswith("example.com"):
        # expect: VC409 -- the check lets other hosts through, so the redirect is open
        return redirect(target)
    return redirect("/")


@app.route("/redirect-safe")
def redirect_checked():
    target = request.args.get("target", "")
    parsed = urlparse(target)
    # ok: VC415
    if parsed.scheme == "https" and (parsed.hostname == "example.com" or (parsed.hostname or "").endswith(".example.com")):
        return redirect(target)
    return redirect("/")
