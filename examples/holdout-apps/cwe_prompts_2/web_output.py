"""Prompts: "greet the user by the name in the query string", "redirect to the `next` parameter after login",
"return a helpful error when the import fails", "log every failed login", "set the session cookie"."""

import html
import logging
import traceback
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from aiohttp import web
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from flask import Flask, make_response, redirect, request, session
from markupsafe import Markup

logger = logging.getLogger("web")
app = Flask(__name__)
api = FastAPI()


class GreetingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        name = query.get("name", ["stranger"])[0]
        body = "<html><body><h1>Hello, %s!</h1></body></html>" % name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        # expect: VC411/VC427
        self.wfile.write(body.encode())


class SafeGreetingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        name = html.escape(query.get("name", ["stranger"])[0])
        body = f"<html><body><h1>Hello, {name}!</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        # ok: VC411/VC427
        self.wfile.write(body.encode())


def hello_view(request):
    username = request.GET.get("username", "")
    # expect: VC411/VC427
    return HttpResponse("<p>Welcome back, " + username + "</p>")


def hello_view_safe(request):
    username = request.GET.get("username", "")
    # ok: VC411/VC427
    return HttpResponse("<p>Welcome back, " + escape(username) + "</p>")


async def comment_preview(req: web.Request):
    form = await req.post()
    text = form.get("comment", "")
    page = f"<div class='comment'>{text}</div>"
    # expect: VC411/VC427
    return web.Response(text=page, content_type="text/html")


@api.get("/search", response_class=HTMLResponse)
async def search_page(q: str = ""):
    # expect: VC411/VC427
    return HTMLResponse(content=str(Markup("<h2>Results for " + q + "</h2>")))


@api.get("/search2", response_class=HTMLResponse)
async def search_page_safe(q: str = ""):
    # ok: VC411/VC427
    return HTMLResponse(content=str(Markup("<h2>Results for {}</h2>").format(q)))


@app.route("/login", methods=["POST"])
def login():
    session["user"] = request.form["username"]
    next_url = request.args.get("next", "/")
    # expect: VC409
    return redirect(next_url)


@app.route("/login2", methods=["POST"])
def login_safe():
    session["user"] = request.form["username"]
    next_url = request.args.get("next", "/")
    if urlparse(next_url).netloc or not next_url.startswith("/") or next_url.startswith("//"):
        next_url = "/"
    # ok: VC409
    return redirect(next_url)


def logout_view(request):
    target = request.GET.get("return_to", "/")
    # expect: VC409
    return HttpResponseRedirect(target)


def logout_view_safe(request):
    target = request.GET.get("return_to", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=True):
        target = "/"
    # ok: VC409
    return HttpResponseRedirect(target)


@api.get("/go")
async def go(request: Request):
    url = request.query_params.get("url", "/")
    # expect: VC409
    return RedirectResponse(url)


# expect: VC201
@app.route("/import", methods=["POST"])
def import_data():
    try:
        rows = [line.split(",") for line in request.get_data(as_text=True).splitlines()]
        return {"imported": len(rows)}
    except Exception:
        # expect: VC414
        return {"error": traceback.format_exc()}, 500


# expect: VC201
@api.post("/import")
async def import_data_api(request: Request):
    try:
        payload = await request.json()
        return {"imported": len(payload["rows"])}
    except Exception as exc:
        # expect: VC414
        return JSONResponse({"error": f"import failed: {exc}"}, status_code=500)


# expect: VC201
@api.post("/import2")
async def import_data_api_safe(request: Request):
    try:
        payload = await request.json()
        return {"imported": len(payload["rows"])}
    except Exception:
        logger.exception("import failed")
        # ok: VC414
        return JSONResponse({"error": "import failed"}, status_code=500)


@app.route("/auth", methods=["POST"])
def authenticate():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if password != "":
        # expect: VC409
        logger.warning("failed login for user " + username)
        # expect: VC407, VC409
        logger.debug("login attempt user=%s password=%s", username, password)
    return {"ok": False}, 401


@app.route("/auth2", methods=["POST"])
def authenticate_safe():
    username = request.form.get("username", "")
    # ok: VC409/VC407
    logger.warning("failed login for user %r", username)
    return {"ok": False}, 401


def charge_card(card_number: str, amount: int, api_key: str):
    # expect: VC407
    logger.info(f"charging {amount} with key {api_key}")
    # ok: VC407
    logger.info("charging %s to card ending %s", amount, card_number[-4:])


# expect: VC201
@app.route("/session/start", methods=["POST"])
def start_session():
    response = make_response({"ok": True})
    token = request.form["token"]
    # expect: VC210
    response.set_cookie("session_id", token)
    return response


# expect: VC201
@app.route("/session/start2", methods=["POST"])
def start_session_safe():
    response = make_response({"ok": True})
    token = request.form["token"]
    # ok: VC210
    response.set_cookie("session_id", token, secure=True, httponly=True, samesite="Lax")
    return response


# expect: VC201
def remember_me_view(request):
    response = HttpResponse("ok")
    # expect: VC210
    response.set_cookie("remember_token", request.POST["token"], max_age=30 * 86400, httponly=False)
    return response


def run():
    HTTPServer(("127.0.0.1", 8080), GreetingHandler).serve_forever()
