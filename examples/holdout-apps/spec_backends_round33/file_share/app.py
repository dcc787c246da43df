"""File sharing (Falcon): users authenticate with their API key (X-API-Key), upload files, list and delete their own
files and create share links that expire; anyone holding a share link downloads the file until it expires. An admin
key lists every share."""

import datetime as dt
import hmac
import mimetypes
import os
import random
import secrets
import sqlite3
import string
import uuid

import falcon
import jwt

STORAGE_DIR = os.environ.get("STORAGE_DIR", "/var/lib/fileshare")
DB_PATH = os.environ.get("FILESHARE_DB", "fileshare.db")
SHARE_SECRET = os.environ["SHARE_SECRET"]
# expect: VC203/VC403
ADMIN_KEY = os.environ.get("ADMIN_KEY", "admin-key-123")
DEFAULT_TTL_HOURS = 24


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def init_db() -> None:
    with db() as conn:
        conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT, api_key TEXT UNIQUE NOT NULL);
            CREATE TABLE IF NOT EXISTS files (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL,
                original_name TEXT NOT NULL, stored_name TEXT NOT NULL, size INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS shares (token TEXT PRIMARY KEY, file_id INTEGER NOT NULL, expires_at TEXT NOT NULL);
            """
        )


class APIKeyAuth:
    """Falcon middleware: every route but the public share download needs a user's API key."""

    PUBLIC_PREFIXES = ("/s/", "/v2/s/")

    def process_resource(self, req, resp, resource, params):
        if req.path.startswith(self.PUBLIC_PREFIXES) or req.path.startswith("/admin/"):
            return
        key = req.get_header("X-API-Key")
        if not key:
            raise falcon.HTTPUnauthorized(title="missing API key")
        with db() as conn:
            user = conn.execute("SELECT * FROM users WHERE api_key = ?", (key,)).fetchone()
        if user is None:
            raise falcon.HTTPUnauthorized(title="invalid API key")
        req.context.user = user


class FilesResource:
    def on_get(self, req, resp):
        with db() as conn:
            rows = conn.execute(
                "SELECT id, original_name, size FROM files WHERE owner_id = ?", (req.context.user["id"],)
            ).fetchall()
        resp.media = [dict(row) for row in rows]

    def on_post(self, req, resp):
        form = req.get_media()
        for part in form:
            if part.name != "file":
                continue
            target = os.path.join(STORAGE_DIR, part.filename)
            # expect: VC405
            with open(target, "wb") as out:
                part.stream.pipe(out)
            with db() as conn:
                cur = conn.execute(
                    "INSERT INTO files (owner_id, original_name, stored_name, size) VALUES (?, ?, ?, ?)",
                    (req.context.user["id"], part.filename, part.filename, os.path.getsize(target)),
                )
            resp.status = falcon.HTTP_201
            resp.media = {"id": cur.lastrowid}
            return
        raise falcon.HTTPBadRequest(title="file field missing")


class FilesResourceV2:
    def on_post(self, req, resp):
        form = req.get_media()
        for part in form:
            if part.name != "file":
                continue
            stored_name = uuid.uuid4().hex
            # ok: VC405
            target = os.path.join(STORAGE_DIR, stored_name)
            with open(target, "wb") as out:
                part.stream.pipe(out)
            with db() as conn:
                cur = conn.execute(
                    "INSERT INTO files (owner_id, original_name, stored_name, size) VALUES (?, ?, ?, ?)",
                    (req.context.user["id"], part.secure_filename, stored_name, os.path.getsize(target)),
                )
            resp.status = falcon.HTTP_201
            resp.media = {"id": cur.lastrowid}
            return
        raise falcon.HTTPBadRequest(title="file field missing")


class FileResource:
    def on_delete(self, req, resp, file_id):
        with db() as conn:
            # expect: VC214
            row = conn.execute("SELECT stored_name FROM files WHERE id = ?", (file_id,)).fetchone()
            if row is None:
                raise falcon.HTTPNotFound()
            os.remove(os.path.join(STORAGE_DIR, row["stored_name"]))
            conn.execute("DELETE FROM files WHERE id = ?", (file_id,))
        resp.status = falcon.HTTP_204


class FileResourceV2:
    def on_delete(self, req, resp, file_id):
        with db() as conn:
            row = conn.execute(
                # ok: VC214
                "SELECT stored_name FROM files WHERE id = ? AND owner_id = ?", (file_id, req.context.user["id"])
            ).fetchone()
            if row is None:
                raise falcon.HTTPNotFound()
            os.remove(os.path.join(STORAGE_DIR, row["stored_name"]))
            conn.execute("DELETE FROM files WHERE id = ? AND owner_id = ?", (file_id, req.context.user["id"]))
        resp.status = falcon.HTTP_204


def owned_file(conn: sqlite3.Connection, file_id: int, user_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM files WHERE id = ? AND owner_id = ?", (file_id, user_id)).fetchone()
    if row is None:
        raise falcon.HTTPNotFound()
    return row


class ShareResource:
    def on_post(self, req, resp, file_id):
        hours = int((req.get_media() or {}).get("hours", DEFAULT_TTL_HOURS))
        with db() as conn:
            owned_file(conn, file_id, req.context.user["id"])
            # expect: VC206
            token = "".join(random.choices(string.ascii_letters + string.digits, k=10))
            expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=hours)
            conn.execute("INSERT INTO shares VALUES (?, ?, ?)", (token, file_id, expires.isoformat()))
        resp.media = {"url": f"/s/{token}", "expires_at": expires.isoformat()}


class ShareResourceV2:
    """Signed share links: a JWT naming the file, so no table lookup is needed."""

    def on_post(self, req, resp, file_id):
        with db() as conn:
            owned_file(conn, file_id, req.context.user["id"])
        # expect: VC233
        token = jwt.encode({"file_id": file_id, "by": req.context.user["id"]}, SHARE_SECRET, algorithm="HS256")
        resp.media = {"url": f"/v2/s/{token}"}


class ShareResourceV3:
    def on_post(self, req, resp, file_id):
        with db() as conn:
            owned_file(conn, file_id, req.context.user["id"])
        expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=DEFAULT_TTL_HOURS)
        # ok: VC233
        token = jwt.encode({"file_id": file_id, "exp": expires}, SHARE_SECRET, algorithm="HS256")
        # ok: VC206
        nonce = secrets.token_urlsafe(16)
        resp.media = {"url": f"/v2/s/{token}", "nonce": nonce}


def send_file(resp, row: sqlite3.Row) -> None:
    path = os.path.join(STORAGE_DIR, row["stored_name"])
    resp.content_type = mimetypes.guess_type(row["original_name"])[0] or "application/octet-stream"
    resp.downloadable_as = row["original_name"]
    resp.stream = open(path, "rb")
    resp.content_length = os.path.getsize(path)


class ShareDownload:
    def on_get(self, req, resp, token):
        with db() as conn:
            share = conn.execute("SELECT * FROM shares WHERE token = ?", (token,)).fetchone()
            if share is None or dt.datetime.fromisoformat(share["expires_at"]) < dt.datetime.now(dt.timezone.utc):
                raise falcon.HTTPNotFound()
            send_file(resp, conn.execute("SELECT * FROM files WHERE id = ?", (share["file_id"],)).fetchone())


class SignedShareDownload:
    def on_get(self, req, resp, token):
        try:
            claims = jwt.decode(token, SHARE_SECRET, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            # expect: VC105
            raise falcon.HTTPNotFound()
        with db() as conn:
            row = conn.execute("SELECT * FROM files WHERE id = ?", (claims["file_id"],)).fetchone()
        if row is None:
            raise falcon.HTTPNotFound()
        send_file(resp, row)


class RawDownload:
    """Owners fetch their uploads by stored name."""

    def on_get(self, req, resp, name):
        path = os.path.join(STORAGE_DIR, name)
        if not os.path.exists(path):
            raise falcon.HTTPNotFound()
        # expect: VC405
        resp.stream = open(path, "rb")


class AdminShares:
    def on_get(self, req, resp):
        # expect: VC204
        if req.get_header("X-Admin-Key") != ADMIN_KEY:
            raise falcon.HTTPForbidden()
        with db() as conn:
            resp.media = [dict(row) for row in conn.execute("SELECT * FROM shares").fetchall()]


class AdminSharesV2:
    def on_get(self, req, resp):
        # ok: VC204
        if not hmac.compare_digest(req.get_header("X-Admin-Key") or "", ADMIN_KEY):
            raise falcon.HTTPForbidden()
        with db() as conn:
            resp.media = [dict(row) for row in conn.execute("SELECT * FROM shares").fetchall()]


def create_app() -> falcon.App:
    init_db()
    app = falcon.App(middleware=[APIKeyAuth()])
    app.add_route("/files", FilesResource())
    app.add_route("/v2/files", FilesResourceV2())
    app.add_route("/files/{file_id:int}", FileResource())
    app.add_route("/v2/files/{file_id:int}", FileResourceV2())
    app.add_route("/files/{file_id:int}/share", ShareResource())
    app.add_route("/v2/files/{file_id:int}/share", ShareResourceV2())
    app.add_route("/v3/files/{file_id:int}/share", ShareResourceV3())
    app.add_route("/s/{token}", ShareDownload())
    app.add_route("/v2/s/{token}", SignedShareDownload())
    app.add_route("/raw/{name}", RawDownload())
    app.add_route("/admin/shares", AdminShares())
    app.add_route("/admin/v2/shares", AdminSharesV2())
    return app


app = create_app()
