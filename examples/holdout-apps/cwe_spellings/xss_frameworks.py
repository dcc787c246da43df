"""Prompt: echo the visitor's name in an HTML greeting (Flask Response, Tornado, Bottle, Starlette, Django template)."""

import html

import bottle
import tornado.web
from django.http import HttpResponse
from django.template import Context, Template
from flask import Flask, Response, request
from jinja2 import Environment
from starlette.requests import Request
from starlette.responses import HTMLResponse

app = Flask(__name__)
plain_env = Environment(autoescape=False)


@app.route("/hi")
def hi():
    name = request.args.get("name", "")
    # expect: VC411
    return Response("<html><body>Hi %s</body></html>" % name, mimetype="text/html")


@app.route("/hi-format")
def hi_format():
    name = request.args.get("name", "")
    # expect: VC411
    return "<p>Welcome back, {}!</p>".format(name)


@app.route("/hi-jinja")
def hi_jinja():
    # expect: VC411/VC412
    return plain_env.from_string("<p>Hi {{ name }}</p>").render(name=request.args.get("name", ""))


class HelloHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name", "")
        # expect: VC411
        self.write("<h1>Hello " + name + "</h1>")


class HelloSafeHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name", "")
        # ok: VC411/VC427
        self.write("<h1>Hello " + html.escape(name) + "</h1>")


@bottle.route("/hello")
def bottle_hello():
    # expect: VC411
    return "<b>Hello " + bottle.request.query.name + "</b>"


async def starlette_hello(request: Request):
    name = request.query_params.get("name", "")
    # expect: VC411
    return HTMLResponse("<h2>" + name + "</h2>")


def django_template(request):
    # expect: VC412
    template = Template("<p>" + request.GET.get("greeting", "Hi") + " {{ user }}</p>")
    return HttpResponse(template.render(Context({"user": request.user.username})))


def django_template_safe(request):
    template = Template("<p>{{ greeting }} {{ user }}</p>")
    # ok: VC412/VC411
    return HttpResponse(template.render(Context({"greeting": request.GET.get("greeting", "Hi"), "user": "x"})))
