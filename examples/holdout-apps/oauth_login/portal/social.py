import logging
import os

from flask import Blueprint, redirect, request, session, url_for
from requests_oauthlib import OAuth2Session

from .models import db, upsert_user
from .providers import oauth
from .redirects import safe_next

log = logging.getLogger(__name__)
bp = Blueprint("social", __name__)

GITLAB_CLIENT_ID = os.environ.get("GITLAB_CLIENT_ID", "")
GITLAB_CLIENT_SECRET = os.environ.get("GITLAB_CLIENT_SECRET", "")
GITLAB_AUTHORIZE = "https://gitlab.com/oauth/authorize"
GITLAB_TOKEN = "https://gitlab.com/oauth/token"


@bp.get("/login/google")
def login_google():
    session["next"] = safe_next(request.args.get("next"))
    # ok: VC409
    return oauth.google.authorize_redirect(url_for("social.google_callback", _external=True))


@bp.get("/auth/google/callback")
def google_callback():
    # ok: VC208
    token = oauth.google.authorize_access_token()
    userinfo = token["userinfo"]
    # expect: VC407
    log.info("google sign-in for %s with token %s", userinfo["email"], token)
    user = upsert_user("google", userinfo["sub"], userinfo["email"])
    next_url = session.pop("next", "/")
    session.clear()
    session["user_id"] = user.id
    # ok: VC409
    return redirect(next_url)


@bp.get("/login/github")
def login_github():
    return oauth.github.authorize_redirect(url_for("social.github_callback", _external=True))


@bp.get("/auth/github/callback")
def github_callback():
    token = oauth.github.authorize_access_token()
    profile = oauth.github.get("user", token=token).json()
    user = upsert_user("github", str(profile["id"]), profile.get("email") or f"{profile['login']}@users.noreply.github.com")
    # expect: VC410
    user.github_token = token["access_token"]
    db.session.commit()
    # ok: VC407
    log.info("github sign-in for user %s (%s)", user.id, profile["login"])
    session.clear()
    session["user_id"] = user.id
    return redirect("/")


@bp.get("/login/gitlab")
def login_gitlab():
    gitlab = OAuth2Session(GITLAB_CLIENT_ID, redirect_uri=url_for("social.gitlab_callback", _external=True),
                           scope=["read_user"])
    authorization_url, state = gitlab.authorization_url(GITLAB_AUTHORIZE)
    session["gitlab_state"] = state
    return redirect(authorization_url)


@bp.get("/auth/gitlab/callback")
def gitlab_callback():
    gitlab = OAuth2Session(GITLAB_CLIENT_ID, redirect_uri=url_for("social.gitlab_callback", _external=True))
    # expect: VC208
    token = gitlab.fetch_token(GITLAB_TOKEN, client_secret=GITLAB_CLIENT_SECRET, code=request.args["code"])
    profile = gitlab.get("https://gitlab.com/api/v4/user").json()
    user = upsert_user("gitlab", str(profile["id"]), profile["email"])
    # expect: VC407
    log.debug("gitlab token for %s: %s", profile["email"], token["access_token"])
    session.clear()
    session["user_id"] = user.id
    return redirect("/")


@bp.get("/auth/gitlab/callback/checked")
def gitlab_callback_checked():
    gitlab = OAuth2Session(GITLAB_CLIENT_ID, state=session.pop("gitlab_state", None),
                           redirect_uri=url_for("social.gitlab_callback_checked", _external=True))
    # ok: VC208
    gitlab.fetch_token(GITLAB_TOKEN, client_secret=GITLAB_CLIENT_SECRET, authorization_response=request.url)
    profile = gitlab.get("https://gitlab.com/api/v4/user").json()
    user = upsert_user("gitlab", str(profile["id"]), profile["email"])
    session.clear()
    session["user_id"] = user.id
    return redirect("/")
