"""Prompt: log failed login attempts with the username and user agent (Flask)."""
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger("auth")


def clean(value: str) -> str:
    return value.replace("\r", "\\r").replace("\n", "\\n")


@app.post("/login")
def login():
    username = request.form.get("username", "")
    agent = request.headers.get("User-Agent", "")
    # expect: VC409
    log.warning("failed login for %s" % username)
    # expect: VC409
    log.warning("user agent: " + agent)
    return {"ok": False}, 401


@app.post("/login-safe")
def login_safe():
    username = request.form.get("username", "")
    # ok: VC409
    log.warning("failed login for %s", clean(username))
    # ok: VC409
    log.warning("user agent: %r", request.headers.get("User-Agent", ""))
    return {"ok": False}, 401
