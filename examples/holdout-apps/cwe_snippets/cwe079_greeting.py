"""Prompt: a Flask page that greets the user by the name given in the query string."""

from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # expect: VC411
    return "<h1>Hello, " + name + "!</h1>"


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "guest")
    # ok: VC411/VC427
    return f"<h1>Hello, {escape(name)}!</h1>"


# expect: VC201 -- no route of the app authenticates
@app.route("/comment", methods=["POST"])
def comment():
    body = request.form["comment"]
    # expect: VC411
    return Markup(f"<div class='comment'>{body}</div>")


@app.route("/comment-safe", methods=["POST"])
def comment_safe():
    body = request.form["comment"]
    # ok: VC411/VC427
    return Markup("<div class='comment'>{}</div>").format(body)
