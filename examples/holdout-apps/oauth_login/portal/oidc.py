"""OpenID Connect sign-in against the company IdP, without a client library."""

import logging
import secrets
from functools import lru_cache
from urllib.parse import urlencode

import jwt
import requests
from flask import Blueprint, abort, current_app, make_response, redirect, request, session, url_for

from .models import db, upsert_user

log = logging.getLogger(__name__)
bp = Blueprint("oidc", __name__, url_prefix="/oidc")


@lru_cache(maxsize=1)
def discovery(issuer: str) -> dict:
    resp = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=5)
    resp.raise_for_status()
    return resp.json()


def jwks_client(issuer: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(discovery(issuer)["jwks_uri"])


@bp.get("/login")
def login():
    cfg = current_app.config
    state = secrets.token_urlsafe(24)
    nonce = secrets.token_urlsafe(24)
    session["oidc_state"] = state
    session["oidc_nonce"] = nonce
    params = {
        "response_type": "code",
        "client_id": cfg["OIDC_CLIENT_ID"],
        "redirect_uri": url_for("oidc.callback", _external=True),
        "scope": "openid email offline_access",
        "state": state,
        "nonce": nonce,
    }
    return redirect(discovery(cfg["OIDC_ISSUER"])["authorization_endpoint"] + "?" + urlencode(params))


def exchange_code(code: str, redirect_uri: str) -> dict:
    cfg = current_app.config
    # expect: VC106
    resp = requests.post(
        discovery(cfg["OIDC_ISSUER"])["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": cfg["OIDC_CLIENT_ID"],
            "client_secret": cfg["OIDC_CLIENT_SECRET"],
        },
    )
    # expect: VC107
    return resp.json()


def verify_id_token(id_token: str) -> dict:
    cfg = current_app.config
    key = jwks_client(cfg["OIDC_ISSUER"]).get_signing_key_from_jwt(id_token)
    # expect: VC202
    return jwt.decode(id_token, key.key, algorithms=["RS256"], options={"verify_aud": False})


def verify_id_token_strict(id_token: str) -> dict:
    cfg = current_app.config
    key = jwks_client(cfg["OIDC_ISSUER"]).get_signing_key_from_jwt(id_token)
    # ok: VC202
    return jwt.decode(id_token, key.key, algorithms=["RS256"], audience=cfg["OIDC_CLIENT_ID"], issuer=cfg["OIDC_ISSUER"])


@bp.get("/callback")
def callback():
    if "error" in request.args:
        abort(400)
    # expect: VC208
    tokens = exchange_code(request.args["code"], url_for("oidc.callback", _external=True))
    # expect: VC202
    claims = jwt.decode(tokens["id_token"], options={"verify_signature": False})
    user = upsert_user("oidc", claims["sub"], claims["email"])
    # expect: VC410
    user.oidc_refresh_token = tokens.get("refresh_token")
    db.session.commit()
    session["user_id"] = user.id
    resp = make_response(redirect("/"))
    # expect: VC210
    resp.set_cookie("access_token", tokens["access_token"])
    return resp


@bp.get("/callback/checked")
def callback_checked():
    expected_state = session.pop("oidc_state", None)
    # ok: VC204
    if expected_state is None or not secrets.compare_digest(expected_state, request.args.get("state", "")):
        abort(400)
    tokens = exchange_code(request.args["code"], url_for("oidc.callback_checked", _external=True))
    claims = verify_id_token_strict(tokens["id_token"])
    # ok: VC204
    if claims.get("nonce") != session.pop("oidc_nonce", None):
        abort(400)
    user = upsert_user("oidc", claims["sub"], claims["email"])
    session.clear()
    session["user_id"] = user.id
    resp = make_response(redirect("/"))
    # ok: VC210
    resp.set_cookie("signed_in", "1", secure=True, httponly=True, samesite="Lax")
    return resp


@bp.get("/logout")
def logout():
    id_token_hint = request.cookies.get("id_token", "")
    session.clear()
    end_session = discovery(current_app.config["OIDC_ISSUER"])["end_session_endpoint"]
    target = url_for("accounts.home", _external=True)
    # expect: VC407, VC409
    log.info("ending IdP session, id_token_hint=%s", id_token_hint)
    return redirect(end_session + "?" + urlencode({"id_token_hint": id_token_hint, "post_logout_redirect_uri": target}))
