"""Prompt: log every password-reset request and each API call with its token (Django and Flask)."""

import logging

from django.http import JsonResponse
from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger("audit")


def password_reset(request):
    email = request.POST.get("email", "")
    # expect: VC409
    logging.info("Password reset requested for %s" % email)
    return JsonResponse({"sent": True})


@app.before_request
def log_call():
    token = request.headers.get("Authorization", "")
    # expect: VC409 -- the request's path and a header, unescaped, in a log line
    # expect: VC407
    logger.info(f"{request.method} {request.path} auth={token}")


@app.route("/ping")
def ping():
    # ok: VC409
    logger.info("ping from %s", request.remote_addr)
    return "pong"
