"""Tornado handlers sharing helpers through a base class of the same module."""

import json
import os
import subprocess

import tornado.web

BASE = "/srv/files"


class BaseHandler(tornado.web.RequestHandler):
    def json_body(self):
        return json.loads(self.request.body)

    def read_file(self, name: str) -> str:
        # expect: VC417
        with open(os.path.join(BASE, name)) as fh:
            return fh.read()

    def read_listed(self, name: str) -> str:
        if name not in {"a.txt", "b.txt"}:
            raise tornado.web.HTTPError(404)
        # ok: VC417
        with open(os.path.join(BASE, name)) as fh:
            return fh.read()


    def run_tool(self, cmd: str) -> str:
        # expect: VC417 -- its caller lives in `tools.py`
        return subprocess.check_output(cmd, shell=True, text=True)

    def run_fixed(self) -> str:
        # ok: VC417
        return subprocess.check_output("uptime", shell=True, text=True)


class ImportHandler(BaseHandler):
    def post(self):
        data = self.json_body()
        # expect: VC417 -- the body comes back from the base class's helper
        with open(data["path"]) as fh:
            self.write(fh.read())


class ReadHandler(BaseHandler):
    def get(self):
        self.write(self.read_file(self.get_argument("name")))
        self.write(self.read_listed(self.get_argument("name")))


class DefaultHandler(BaseHandler):
    def get(self):
        self.write(self.read_file("default.txt"))
