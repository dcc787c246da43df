"""VC411 corpus, Tornado: a handler's input written into the page it sends, and the escaped or JSON look-alikes."""
import html

import tornado.escape
from tornado.web import RequestHandler


class GreetingHandler(RequestHandler):
    def get(self):
        name = self.get_argument("name", "")
        # expect: VC411
        self.write("<h1>Hello " + name + "</h1>")


class FarewellHandler(RequestHandler):
    def get(self, who):
        # expect: VC411 -- a path argument of the route
        self.finish(f"<p>Goodbye, {who}</p>")


class EscapedHandler(RequestHandler):
    def get(self):
        name = self.get_argument("name", "")
        # ok: VC411
        self.write("<h1>Hello " + html.escape(name) + "</h1>")
        # ok: VC411 -- Tornado's own escaping
        self.write("<h2>" + tornado.escape.xhtml_escape(name) + "</h2>")


class JsonHandler(RequestHandler):
    def get(self):
        # ok: VC411 -- a dict goes out as JSON
        self.write({"name": self.get_argument("name", "")})


class ReportFile:
    def __init__(self, handle):
        self.handle = handle

    def add(self, line):
        # ok: VC411 -- a file's own `write`, not a handler's
        self.write("<li>" + line + "</li>")

    def write(self, text):
        self.handle.write(text)
