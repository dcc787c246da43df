"""Prompt: set a remember-me cookie after login (Flask) and configure the session cookie."""
import secrets

from flask import Flask, make_response, request

app = Flask(__name__)
# expect: VC210
app.config.update(SESSION_COOKIE_SECURE=False, SESSION_COOKIE_HTTPONLY=False)
COOKIE_FLAGS = {"max_age": 30 * 24 * 3600, "samesite": "Lax"}


@app.post("/login")
def login():
    token = secrets.token_urlsafe(32)
    response = make_response({"ok": True})
    # expect: VC210
    response.set_cookie("remember_token", token, **COOKIE_FLAGS)
    return response


@app.post("/login-safe")
def login_safe():
    token = secrets.token_urlsafe(32)
    response = make_response({"ok": True})
    # ok: VC210
    response.set_cookie("remember_token", token, secure=True, httponly=True, **COOKIE_FLAGS)
    return response


# ok: VC201 -- sets a preference cookie on the caller's own response; no server state changes
@app.post("/theme")
def theme():
    response = make_response({"ok": True})
    # ok: VC210
    response.set_cookie("theme", request.form.get("theme", "light"), samesite="Lax")
    return response
