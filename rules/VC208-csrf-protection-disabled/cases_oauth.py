import secrets

import requests
from django.http import HttpResponseBadRequest
from fastapi import APIRouter
from flask import Blueprint, abort, redirect, request, session
from requests_oauthlib import OAuth2Session

from .oauth import oauth

bp = Blueprint("auth", __name__)
router = APIRouter()
TOKEN_URL = "https://idp.example.com/token"


@bp.get("/oidc/callback")
def oidc_callback():
    # expect: VC208 -- the code is exchanged, and the state is never looked at
    tokens = exchange_code(request.args["code"])
    session["user"] = tokens["sub"]
    return redirect("/")


@bp.get("/oidc/callback/checked")
def oidc_callback_checked():
    expected = session.pop("oauth_state", None)
    if expected is None or not secrets.compare_digest(expected, request.args.get("state", "")):
        abort(400)
    # ok: VC208
    tokens = exchange_code(request.args["code"])
    session["user"] = tokens["sub"]
    return redirect("/")


@bp.get("/auth/gitlab/callback")
def gitlab_callback():
    gitlab = OAuth2Session("client-id", redirect_uri="https://app.example.com/auth/gitlab/callback")
    # expect: VC208 -- requests-oauthlib checks `state` only when handed the callback URL
    gitlab.fetch_token(TOKEN_URL, client_secret="from-env", code=request.args.get("code"))
    return redirect("/")


@bp.get("/auth/gitlab/callback/v2")
def gitlab_callback_v2():
    gitlab = OAuth2Session("client-id", state=session.pop("state", None))
    # ok: VC208 -- the whole callback URL goes in, and the library compares its `state`
    gitlab.fetch_token(TOKEN_URL, client_secret="from-env", authorization_response=request.url)
    return redirect("/")


@bp.get("/auth/google/callback")
def google_callback():
    # ok: VC208 -- authlib compares the state it stored
    token = oauth.google.authorize_access_token()
    session["user"] = token["userinfo"]["sub"]
    return redirect("/")


@bp.get("/invites/redeem")
def redeem_invite():
    # ok: VC208 -- an invite code, on no sign-in callback
    return {"invite": request.args["code"]}


@router.get("/sso/callback")
# expect: VC208
def sso_callback(code: str):
    return requests.post(TOKEN_URL, data={"grant_type": "authorization_code", "code": code}, timeout=5).json()


@router.get("/sso/callback/checked")
# ok: VC208
def sso_callback_checked(code: str, state: str):
    if state != "expected":
        return {"error": "state"}
    return requests.post(TOKEN_URL, data={"grant_type": "authorization_code", "code": code}, timeout=5).json()


def oauth_callback(request):
    if request.GET.get("state") != request.session.pop("oauth_state", None):
        return HttpResponseBadRequest("state mismatch")
    # ok: VC208 -- a Django view that checks (and no route decorator: URLconfs route Django views)
    return exchange_code(request.GET["code"])


def exchange_code(code):
    return requests.post(TOKEN_URL, data={"grant_type": "authorization_code", "code": code}, timeout=5).json()


@bp.get("/oidc/callback/v2")
def oidc_callback_v2():
    # expect: VC208 -- a query parameter read as an argument hands nothing over
    tokens = exchange_code(request.args["code"], request.args.get("scope"))
    return redirect("/")
