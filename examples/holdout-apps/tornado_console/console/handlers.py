import hashlib
import ipaddress
import json
import os
import subprocess
import traceback

import bcrypt
import tornado.web
from tornado.httpclient import AsyncHTTPClient

from .store import Store

EXPORT_DIR = "/var/lib/console/exports"
UPLOAD_DIR = "/var/lib/console/uploads"


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        user_id = self.get_signed_cookie("user_id")
        return int(user_id) if user_id else None

    @property
    def store(self) -> Store:
        return Store.shared()


class LoginHandler(BaseHandler):
    async def post(self):
        username = self.get_body_argument("username")
        password = self.get_body_argument("password")
        user = await self.store.user_by_name(username)
        # expect: VC205, VC204
        if user and user["password_hash"] == hashlib.md5(password.encode()).hexdigest():
            self.set_signed_cookie("user_id", str(user["id"]), httponly=True, secure=True)
            # expect: VC409
            return self.redirect(self.get_argument("next", "/"))
        self.set_status(401)
        self.write({"error": "bad credentials"})


class LogoutHandler(BaseHandler):
    def post(self):
        self.clear_cookie("user_id")
        next_url = self.get_argument("next", "/")
        if not next_url.startswith("/") or next_url.startswith("//"):
            next_url = "/"
        # ok: VC409
        self.redirect(next_url)


class UserHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, user_id):
        # expect: VC422
        row = await self.store.fetch_one("SELECT id, name, email FROM users WHERE id = %s" % user_id)
        self.write(row or {})


class DeleteUserHandler(BaseHandler):
    # expect: VC201
    async def post(self, user_id):
        await self.store.execute("DELETE FROM users WHERE id = ?", (user_id,))
        self.write({"deleted": user_id})


class ProfileHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        data = json.loads(self.request.body)
        new_hash = bcrypt.hashpw(data["password"].encode(), bcrypt.gensalt()).decode()
        # ok: VC214
        await self.store.execute("UPDATE users SET password_hash = ? WHERE id = ?", (new_hash, self.current_user))
        self.write({"ok": True})


class FetchHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        url = self.get_argument("url")
        # expect: VC405, VC404
        response = await AsyncHTTPClient().fetch(url, validate_cert=False, request_timeout=10)
        self.write(response.body)


class PingHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        host = self.get_query_argument("host")
        # expect: VC421
        output = subprocess.check_output("ping -c 1 " + host, shell=True, timeout=10)
        self.write({"output": output.decode()})


class SafePingHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        try:
            host = str(ipaddress.ip_address(self.get_query_argument("host")))
        except ValueError:
            # expect: VC105
            raise tornado.web.HTTPError(400, "not an IP address")
        # ok: VC421
        output = subprocess.run(["ping", "-c", "1", host], capture_output=True, timeout=10, check=True)
        self.write({"output": output.stdout.decode()})


class ExportHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("name")
        # expect: VC405
        with open(os.path.join(EXPORT_DIR, name), "rb") as fh:
            self.write(fh.read())


class UploadHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        fileinfo = self.request.files["file"][0]
        # expect: VC405/VC409
        with open(os.path.join(UPLOAD_DIR, fileinfo["filename"]), "wb") as out:
            out.write(fileinfo["body"])
        self.write({"stored": fileinfo["filename"]})


class DiagnosticsHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        try:
            stats = await self.store.fetch_one("SELECT count(*) AS users FROM users")
            self.write(stats)
        except Exception:
            self.set_status(500)
            # expect: VC414
            self.write({"error": traceback.format_exc()})
