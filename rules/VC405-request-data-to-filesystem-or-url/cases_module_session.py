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
