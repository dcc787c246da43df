"""VC405 corpus: a session the module makes at its top level, which the routes then call."""
import requests
from flask import Flask, request

app = Flask(__name__)
session = requests.Session()
session.headers.update({"User-Agent": "audit-bot/1.0"})
limits = dict(timeout=10)


@app.get("/fetch")
def fetch():
    # expect: VC405
    return session.get(request.args["url"], timeout=10).text


@app.get("/home")
def home():
    # ok: VC405 -- a fixed host
    return session.get("https://audit.example.com/" + request.args["page"], timeout=10).text


@app.get("/limits")
def read_limit():
    # ok: VC405 -- a dict's `get`, not the session's
    return str(limits.get(request.args["key"]))


fetch_page = session.get  # the module's alias of the session's method


@app.get("/alias")
def fetch_through_the_modules_alias():
    # expect: VC405 -- `fetch_page` is the session's `get`
    return fetch_page(request.args["url"], timeout=10).text


@app.get("/local-alias")
def fetch_through_a_local_alias():
    send = requests.Session().post
    # expect: VC405 -- `send` is a new session's `post`
    return send(request.args["hook"], json={"ok": True}, timeout=10).text


@app.get("/alias-pinned")
def fetch_a_fixed_host_through_an_alias():
    # ok: VC405 -- a fixed host
    return fetch_page("https://audit.example.com/" + request.args["page"], timeout=10).text


@app.get("/alias-of-a-dict")
def read_limit_through_an_alias():
    lookup = limits.get
    # ok: VC405 -- a dict's `get`, not the session's
    return str(lookup(request.args["key"]))
