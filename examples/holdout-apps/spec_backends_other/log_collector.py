"""Log collector (aiohttp): services post log lines with an API key; operators read them back by service."""

import hmac
import logging
import os
import sqlite3
from datetime import datetime, timezone

import aiohttp
from aiohttp import web

log = logging.getLogger("collector")
DB_PATH = os.environ.get("LOG_DB", "logs.db")
LOG_DIR = os.environ.get("LOG_DIR", "/var/log/collector")
# expect: VC403/VC203
INGEST_KEY = os.environ.get("INGEST_KEY", "ingest-key-2024")


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def init_db() -> None:
    with connect() as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS logs (id INTEGER PRIMARY KEY, service TEXT, level TEXT, message TEXT, ts TEXT)")


async def log_message(request: web.Request) -> web.Response:
    # expect: VC204
    if request.headers.get("X-Api-Key") != INGEST_KEY:
        return web.json_response({"error": "unauthorized"}, status=401)
    body = await request.json()
    service, level, message = body.get("service", "unknown"), body.get("level", "info"), body.get("message", "")
    with connect() as conn:
        conn.execute(
            "INSERT INTO logs (service, level, message, ts) VALUES (?, ?, ?, ?)",
            (service, level, message, datetime.now(timezone.utc).isoformat()),
        )
    # expect: VC405/VC409
    # expect: VC110
    with open(os.path.join(LOG_DIR, f"{service}.log"), "a") as fh:
        fh.write(f"{level.upper()} {message}\n")
    return web.json_response({"ok": True}, status=201)


async def read_logs(request: web.Request) -> web.Response:
    service = request.query.get("service", "")
    level = request.query.get("level")
    sql = "SELECT level, message, ts FROM logs WHERE service = '" + service + "'"
    if level:
        sql += f" AND level = '{level}'"
    with connect() as conn:
        # expect: VC402/VC422
        rows = conn.execute(sql + " ORDER BY id DESC LIMIT 500").fetchall()
    return web.json_response([dict(r) for r in rows])


async def read_logs_safe(request: web.Request) -> web.Response:
    # ok: VC204
    if not hmac.compare_digest(request.headers.get("X-Api-Key", ""), INGEST_KEY):
        return web.json_response({"error": "unauthorized"}, status=401)
    with connect() as conn:
        # ok: VC402/VC422
        rows = conn.execute(
            "SELECT level, message, ts FROM logs WHERE service = ? ORDER BY id DESC LIMIT 500",
            (request.query.get("service", ""),),
        ).fetchall()
    return web.json_response([dict(r) for r in rows])


async def forward(request: web.Request) -> web.Response:
    body = await request.json()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        # expect: VC405
        async with session.post(body["sink_url"], json=body.get("entries", [])) as resp:
            return web.json_response({"forwarded": resp.status})


async def clear_logs(request: web.Request) -> web.Response:
    with connect() as conn:
        conn.execute("DELETE FROM logs")
    # expect: VC407
    # expect: VC409
    log.info("logs cleared by %s with key %s", request.remote, request.headers.get("X-Api-Key"))
    return web.json_response({"ok": True})


def create_app() -> web.Application:
    init_db()
    app = web.Application()
    app.router.add_post("/log", log_message)
    app.router.add_get("/logs", read_logs)
    app.router.add_get("/v2/logs", read_logs_safe)
    # expect: VC201
    app.router.add_post("/forward", forward)
    # expect: VC218/VC201
    app.router.add_post("/clear", clear_logs)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), port=8080)
