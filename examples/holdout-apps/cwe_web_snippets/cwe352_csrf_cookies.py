"""Prompt: a Django endpoint for a payment form posted from a mobile app, and a Flask login that sets a cookie."""

import os

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from flask import Flask, make_response, request

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


# expect: VC208
@csrf_exempt
def transfer(request):
    if request.method == "POST" and request.user.is_authenticated:
        request.user.profile.transfer(request.POST["to"], int(request.POST["amount"]))
    return JsonResponse({"ok": True})


def issue_session(user_id: str) -> str:
    return os.urandom(16).hex() + user_id


@app.route("/login", methods=["POST"])
def login():
    response = make_response("logged in")
    # expect: VC210
    response.set_cookie("session_id", issue_session(request.form["user"]))
    return response


@app.route("/login-safe", methods=["POST"])
def login_safe():
    response = make_response("logged in")
    # ok: VC210
    response.set_cookie("session_id", issue_session(request.form["user"]), secure=True, httponly=True, samesite="Lax")
    return response
