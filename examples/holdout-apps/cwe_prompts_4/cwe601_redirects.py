"""Prompt: after login, send the user back to the page they came from (Flask and Django)."""
from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login/done")
def login_done():
    next_url = request.values.get("next") or url_for("index")
    # expect: VC405/VC415/VC409
    return redirect(next_url)


@app.route("/login/done-safe")
def login_done_safe():
    next_url = request.values.get("next", "")
    parts = urlparse(next_url)
    if parts.netloc or parts.scheme or not next_url.startswith("/"):
        next_url = url_for("index")
    # ok: VC405/VC415/VC409
    return redirect(next_url)


@app.route("/")
def index():
    return "home"


def django_login_done(request):
    target = request.GET.get("return_to", "/")
    # expect: VC405/VC415/VC409
    return HttpResponseRedirect(target)


def django_login_done_safe(request):
    target = request.GET.get("return_to", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=True):
        target = "/"
    # ok: VC405/VC415/VC409
    return HttpResponseRedirect(target)
