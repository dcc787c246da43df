"""Prompt: a Flask page that greets the visitor by the name in the query string."""
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)
PAGE = "<html><body><h1>Hello, {name}!</h1><p>{message}</p></body></html>"


@app.route("/hello")
def hello():
    fields = {"name": request.args.get("name", "guest"), "message": "Welcome back."}
    # expect: VC411/VC427
    return PAGE.format_map(fields)


@app.route("/hello-safe")
def hello_safe():
    fields = {"name": escape(request.args.get("name", "guest")), "message": "Welcome back."}
    # ok: VC411/VC427
    return PAGE.format_map(fields)
