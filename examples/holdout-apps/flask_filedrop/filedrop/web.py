import base64
import pickle
from urllib.parse import urlparse

import requests
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Blueprint, abort, jsonify, redirect, request, url_for

from .config import Config

web_bp = Blueprint("web", __name__)
SAFE_NEXT_PAGES = {"/dashboard", "/files", "/settings"}


@web_bp.get("/after-login")
def after_login():
    # expect: VC409
    return redirect(request.args["next"])


@web_bp.get("/continue")
def continue_to():
    target = request.args.get("next") or url_for("web.dashboard")
    # expect: VC409
    return redirect(target)


@web_bp.get("/after-login-safe")
def after_login_safe():
    target = request.args.get("next", "/dashboard")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.host}):
        target = "/dashboard"
    # ok: VC409
    return redirect(target)


@web_bp.get("/go")
def go():
    target = request.args.get("to", "/dashboard")
    if target not in SAFE_NEXT_PAGES:
        abort(400)
    # ok: VC409
    return redirect(target)


@web_bp.get("/dashboard")
def dashboard():
    raw = request.cookies.get("prefs")
    # expect: VC406
    prefs = pickle.loads(base64.b64decode(raw)) if raw else {}
    return jsonify(prefs=prefs)


# expect: VC201 -- a webhook route with no signature check
@web_bp.post("/webhooks/test")
def test_webhook():
    url = request.json["url"]
    # expect: VC405
    response = requests.post(url, json={"event": "ping"}, timeout=5)
    return jsonify(status=response.status_code)


@web_bp.get("/preview")
def link_preview():
    link = request.args["url"]
    # expect: VC405
    page = requests.get(link, timeout=5)
    page.raise_for_status()
    return jsonify(title=page.text.split("<title>")[-1].split("</title>")[0][:200])


@web_bp.get("/preview-safe")
def link_preview_safe():
    link = request.args["url"]
    if urlparse(link).hostname not in Config.PREVIEW_ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    page = requests.get(link, timeout=5, allow_redirects=False)
    page.raise_for_status()
    return jsonify(length=len(page.text))
