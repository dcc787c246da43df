"""VC411 corpus, the standard library's `http.server`, aiohttp and Sanic: client input written into an HTML body, and
the escaped, JSON and plain-text look-alikes."""
import html
import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

from aiohttp import web
from sanic import Sanic
from sanic import response as sanic_response


class GreetingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        name = parse_qs(urlparse(self.path).query).get("name", [""])[0]
        page = "<h1>Hello %s</h1>" % name
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        # expect: VC411
        self.wfile.write(page.encode())

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        comment = self.rfile.read(length).decode()
        self.send_response(200)
        self.end_headers()
        # expect: VC411 -- no content type: the browser sniffs the markup
        self.wfile.write(f"<p>{comment}</p>".encode("utf-8"))


class SafeHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        parts = urlparse(self.path)
        name = parse_qs(parts.query).get("name", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        # ok: VC411
        self.wfile.write(f"<h1>Hello {html.escape(name)}</h1>".encode())

    def do_PUT(self):
        name = parse_qs(urlparse(self.path).query).get("name", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        # ok: VC411 -- sent as JSON
        self.wfile.write(json.dumps({"hello": name}).encode())

    def do_PATCH(self):
        self.send_response(200)
        self.send_header("Content-type", "text/plain")
        self.end_headers()
        # ok: VC411 -- sent as plain text
        self.wfile.write(("echo: " + self.path).encode())


async def comment(request: web.Request) -> web.Response:
    form = await request.post()
    body = f"<div>{form.get('comment', '')}</div>"
    # expect: VC411
    return web.Response(text=body, content_type="text/html")


async def comment_text(request: web.Request) -> web.Response:
    form = await request.post()
    # ok: VC411 -- aiohttp sends `text=` as text/plain unless told otherwise
    return web.Response(text=f"<div>{form.get('comment', '')}</div>")


async def comment_escaped(request: web.Request) -> web.Response:
    form = await request.post()
    # ok: VC411
    return web.Response(text=f"<div>{html.escape(str(form.get('comment', '')))}</div>", content_type="text/html")


sanic_app = Sanic("pages")


@sanic_app.get("/hello")
async def sanic_hello(request):
    name = request.args.get("name", "world")
    # expect: VC411
    return sanic_response.html(f"<h1>Hello {name}</h1>")


@sanic_app.get("/hello-escaped")
async def sanic_hello_escaped(request):
    name = request.args.get("name", "world")
    # ok: VC411
    return sanic_response.html(f"<h1>Hello {html.escape(name)}</h1>")


@sanic_app.get("/hello-text")
async def sanic_hello_text(request):
    # ok: VC411 -- sent as text/plain
    return sanic_response.text(f"Hello {request.args.get('name', 'world')}")
