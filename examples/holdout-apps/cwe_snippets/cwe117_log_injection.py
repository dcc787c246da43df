"""Prompt: log failed login attempts with the username that was tried."""

import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger("auth")


def check_credentials(username: str, password: str) -> bool:
    return False


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    if not check_credentials(username, request.form.get("password", "")):
        # expect: VC409
        logger.warning("Failed login attempt for user: " + username)
        return "invalid", 401
    return "ok"


@app.route("/login-safe", methods=["POST"])
def login_safe():
    username = request.form.get("username", "")
    if not check_credentials(username, request.form.get("password", "")):
        cleaned = username.replace("\r", "\\r").replace("\n", "\\n")
        # ok: VC409
        logger.warning("Failed login attempt for user: %s", cleaned)
        return "invalid", 401
    return "ok"


@app.route("/search")
def search():
    term = request.args.get("q", "")
    # expect: VC409
    app.logger.info(f"search performed: {term}")
    return "results"
