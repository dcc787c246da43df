"""Newsletter (aiohttp): subscribe, unsubscribe by a link in every mail, and decide whether a raw reply asks to
unsubscribe."""

import email
import hashlib
import hmac
import html
import os
import random
import re
import sqlite3
from email import policy

from aiohttp import web

DB_PATH = os.environ.get("DB_PATH", "newsletter.db")
# expect: VC203
UNSUBSCRIBE_SECRET = os.environ.get("UNSUBSCRIBE_SECRET", "newsletter-secret")
ADMIN_KEY = os.environ["NEWSLETTER_ADMIN_KEY"]
UNSUBSCRIBE_WORDS = re.compile(r"\b(unsubscribe|remove me|deregister me|stop sending me|delete me)\b", re.IGNORECASE)


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def init_db() -> None:
    with db() as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS subscribers (email TEXT PRIMARY KEY, token TEXT NOT NULL, active INTEGER DEFAULT 1)"
        )


def sign_email(address: str) -> str:
    return hmac.new(UNSUBSCRIBE_SECRET.encode(), address.lower().encode(), hashlib.sha256).hexdigest()


async def decide_unsubscribe(request: web.Request) -> web.Response:
    raw = await request.text()
    message = email.message_from_string(raw, policy=policy.default)
    sender = email.utils.parseaddr(message.get("From", ""))[1]
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    wants_out = bool(UNSUBSCRIBE_WORDS.search(text) or UNSUBSCRIBE_WORDS.search(message.get("Subject", "")))
    return web.json_response({"email": sender, "unsubscribe": wants_out})


async def subscribe(request: web.Request) -> web.Response:
    data = await request.json()
    address = data.get("email", "").strip().lower()
    if "@" not in address:
        return web.json_response({"error": "invalid email"}, status=400)
    # expect: VC206
    token = str(random.randint(100000, 999999))
    with db() as conn:
        conn.execute("INSERT OR REPLACE INTO subscribers (email, token, active) VALUES (?, ?, 1)", (address, token))
    return web.json_response({"email": address, "subscribed": True}, status=201)


async def unsubscribe(request: web.Request) -> web.Response:
    address = request.query.get("email", "")
    token = request.query.get("token", "")
    with db() as conn:
        row = conn.execute("SELECT token FROM subscribers WHERE email = ?", (address,)).fetchone()
        # expect: VC204
        if row is None or row["token"] != token:
            return web.Response(text="Invalid unsubscribe link", status=400)
        # expect: VC402/VC422
        conn.execute(f"UPDATE subscribers SET active = 0 WHERE email = '{address}'")
    # expect: VC411
    return web.Response(text=f"<p>{address} has been unsubscribed.</p>", content_type="text/html")


async def unsubscribe_signed(request: web.Request) -> web.Response:
    address = request.query.get("email", "")
    signature = request.query.get("sig", "")
    # ok: VC204
    if not hmac.compare_digest(sign_email(address), signature):
        return web.Response(text="Invalid unsubscribe link", status=400)
    with db() as conn:
        # ok: VC402/VC422
        conn.execute("UPDATE subscribers SET active = 0 WHERE email = ?", (address.lower(),))
    # ok: VC411
    return web.Response(text=f"<p>{html.escape(address)} has been unsubscribed.</p>", content_type="text/html")


async def list_subscribers(request: web.Request) -> web.Response:
    with db() as conn:
        rows = conn.execute("SELECT email, active FROM subscribers").fetchall()
    return web.json_response([dict(r) for r in rows])


async def export_subscribers(request: web.Request) -> web.Response:
    # ok: VC204
    if not hmac.compare_digest(request.headers.get("X-Admin-Key", ""), ADMIN_KEY):
        raise web.HTTPForbidden()
    with db() as conn:
        rows = conn.execute("SELECT email FROM subscribers WHERE active = 1").fetchall()
    return web.Response(text="\n".join(r["email"] for r in rows))


def create_app() -> web.Application:
    init_db()
    app = web.Application()
    app.add_routes(
        [
            web.post("/decideUnsubscribe", decide_unsubscribe),
            web.post("/subscribe", subscribe),
            web.get("/unsubscribe", unsubscribe),
            web.get("/v2/unsubscribe", unsubscribe_signed),
            # expect: VC201/VC219
            web.get("/subscribers", list_subscribers),
            web.get("/subscribers/export", export_subscribers),
        ]
    )
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="0.0.0.0", port=5000)
