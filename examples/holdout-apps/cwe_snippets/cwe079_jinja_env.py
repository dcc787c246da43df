"""Prompt: render an email preview from a Jinja2 template with the subject the user typed."""

from flask import Flask, request
from jinja2 import Environment, FileSystemLoader, select_autoescape

app = Flask(__name__)
raw_env = Environment(loader=FileSystemLoader("templates"))
safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))


@app.route("/preview")
def preview():
    subject = request.args.get("subject", "")
    # expect: VC412/VC426
    return raw_env.from_string("<h1>" + subject + "</h1><p>{{ body }}</p>").render(body="...")


@app.route("/preview-safe")
def preview_safe():
    subject = request.args.get("subject", "")
    # ok: VC412/VC426
    return safe_env.get_template("preview.html").render(subject=subject)
