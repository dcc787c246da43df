"""Prompt: show a user's status message; build a search results script block; format a Django link."""

from django.http import HttpResponse
from django.utils.html import format_html
from flask import Flask, make_response, request
from jinja2 import Template
from markupsafe import Markup

app = Flask(__name__)


@app.route("/status")
def status():
    message = request.args.get("msg", "")
    # expect: VC411
    return make_response(f"<p class='status'>{message}</p>")


@app.route("/banner")
def banner():
    text = request.args.get("text", "")
    # expect: VC411
    return Markup(text)


@app.route("/card")
def card():
    title = request.args.get("title", "")
    # expect: VC412
    return Template("<div>" + title + "</div>").render()


@app.route("/card-safe")
def card_safe():
    title = request.args.get("title", "")
    # ok: VC412/VC411
    return Template("<div>{{ title }}</div>", autoescape=True).render(title=title)


def profile_link(request):
    name = request.GET["name"]
    # expect: VC411/VC427
    return HttpResponse(format_html(f"<a href='/u/{name}'>{name}</a>"))


def profile_link_safe(request):
    name = request.GET["name"]
    # ok: VC411/VC427
    return HttpResponse(format_html("<a href='/u/{}'>{}</a>", name, name))
