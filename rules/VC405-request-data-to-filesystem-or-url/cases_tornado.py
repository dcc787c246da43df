"""VC405 corpus, Tornado: a handler's arguments, path captures, body and URI as client input."""
import json
import os

import requests
import tornado.escape
import tornado.web
from tornado.web import RequestHandler

BASE = "/srv/files"
API = "https://api.example.com"


class FileHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name")
        # expect: VC405
        with open(os.path.join(BASE, name)) as fh:
            self.write(fh.read())


class ProxyHandler(RequestHandler):
    def get(self):
        url = self.get_query_argument("url")
        # expect: VC405
        self.write(requests.get(url, timeout=5).text)


class ImportHandler(RequestHandler):
    def post(self):
        data = tornado.escape.json_decode(self.request.body)
        # expect: VC405
        with open(data["path"]) as fh:
            self.write(fh.read())


class JsonBodyHandler(RequestHandler):
    def post(self):
        data = json.loads(self.request.body)
        # expect: VC405
        self.write(requests.post(data["callback"], json={}, timeout=5).text)


class DownloadHandler(RequestHandler):
    def get(self, filename):
        # expect: VC405 -- the group the URL pattern captured
        with open(os.path.join(BASE, filename), "rb") as fh:
            self.write(fh.read())


class ForwardHandler(RequestHandler):
    def get(self):
        # expect: VC405
        self.write(requests.get("http://" + self.request.uri.lstrip("/"), timeout=5).text)


class AvatarHandler(RequestHandler):
    def post(self):
        info = self.request.files["avatar"][0]
        # expect: VC405
        with open(os.path.join(BASE, info["filename"]), "wb") as fh:
            fh.write(info["body"])


class BodyArgumentHandler(RequestHandler):
    def post(self):
        target = self.get_body_argument("target")
        # expect: VC405
        os.remove(os.path.join(BASE, target))


class SafeFileHandler(RequestHandler):
    def get(self):
        name = os.path.basename(self.get_argument("name"))
        # ok: VC405
        with open(os.path.join(BASE, name)) as fh:
            self.write(fh.read())


class SafeProxyHandler(RequestHandler):
    def get(self, item_id):
        # ok: VC405 -- the capture is a query parameter of a fixed URL
        self.write(requests.get(f"{API}/items", params={"id": item_id}, timeout=5).text)


class DefaultAvatarHandler(RequestHandler):
    def get(self):
        # ok: VC405
        with open(os.path.join(BASE, "default.png"), "rb") as fh:
            self.write(fh.read())


class CheckedHandler(RequestHandler):
    ALLOWED = {"report.csv", "summary.csv"}

    def get(self):
        name = self.get_argument("name")
        if name not in self.ALLOWED:
            raise tornado.web.HTTPError(404)
        # ok: VC405
        with open(os.path.join(BASE, name)) as fh:
            self.write(fh.read())


class Formatter:
    def get(self, path):
        # ok: VC405 -- not a handler's method: its parameter is the caller's
        with open(path) as fh:
            return fh.read()


def render(path: str) -> str:
    # ok: VC405
    with open(path) as fh:
        return fh.read()


class SecureCookieHandler(RequestHandler):
    def get(self):
        theme = self.get_secure_cookie("theme") or b"light"
        # ok: VC405 -- a signed cookie: the server wrote it
        with open(os.path.join(BASE, theme.decode() + ".css")) as fh:
            self.write(fh.read())


class TemplateHandler(RequestHandler):
    def get(self):
        # ok: VC405
        self.write(requests.get(API, timeout=5).text)


class TornadoClientHandler(RequestHandler):
    async def get(self):
        from tornado.httpclient import AsyncHTTPClient, HTTPRequest
        url = self.get_argument("url")
        client = AsyncHTTPClient()
        # expect: VC405
        first = await AsyncHTTPClient().fetch(url)
        # expect: VC405
        second = await client.fetch(url, request_timeout=5)
        # expect: VC405
        third = HTTPRequest(url, method="GET")
        # ok: VC405
        fixed = await client.fetch(API + "/status")
        self.write(first.body + second.body + fixed.body)
        return third


class RowsHandler(RequestHandler):
    async def get(self):
        # ok: VC405 -- an asyncpg-style `fetch` of a database, not an HTTP client
        rows = await self.application.db.fetch("SELECT * FROM files WHERE name = $1", self.get_argument("name"))
        self.write({"rows": len(rows)})


class ApiClient:
    """A project's own client, whose `fetch` takes a path under its base URL."""

    def fetch(self, path):
        return path


class ProjectClientHandler(RequestHandler):
    def get(self):
        client = ApiClient()
        # ok: VC405 -- a project class's `fetch`, not Tornado's: its body is followed instead
        self.write(client.fetch(self.get_argument("path")))
