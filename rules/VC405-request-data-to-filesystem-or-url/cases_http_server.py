"""VC405 corpus, the standard library's `http.server`: the request path, its query and the body are the client's;
the handler's own `translate_path` and a fixed file are not."""
import os
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

ROOT = "/srv/files"


class FileHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        # expect: VC405
        with open(ROOT + self.path, "rb") as handle:
            self.wfile.write(handle.read())

    def do_DELETE(self):
        parsed = urlparse(self.path)
        name = parse_qs(parsed.query).get("name", [""])[0]
        # expect: VC405
        os.remove(os.path.join(ROOT, name))

    def do_PUT(self):
        length = int(self.headers["Content-Length"])
        target = self.rfile.readline().decode().strip()
        # expect: VC405
        with open(os.path.join(ROOT, target), "wb") as out:
            out.write(self.rfile.read(length))

    def do_HEAD(self):
        route = urlparse(self.path).path
        # ok: VC405 -- the path only chooses among fixed files
        with open(os.path.join(ROOT, "index.html" if route == "/" else "404.html"), "rb") as handle:
            self.wfile.write(handle.read())


class StaticHandler(SimpleHTTPRequestHandler):
    def do_GET(self):
        # ok: VC405 -- the handler's own method maps the URL under its directory
        local = self.translate_path(self.path)
        with open(local, "rb") as handle:
            self.wfile.write(handle.read())


class Downloader:
    def __init__(self, path):
        self.path = path

    def fetch(self):
        # ok: VC405 -- no request handler: the path is the caller's
        with open(self.path, "rb") as handle:
            return handle.read()
