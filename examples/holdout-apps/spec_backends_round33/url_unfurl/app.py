"""URL unfurl service (aiohttp): POST /unfurl with {"url": ...} fetches the page and answers its OpenGraph title,
description and image; GET /card?url=... answers a small HTML preview card; previews are cached in SQLite for an hour.
Partners may unfurl links of their own domains through POST /partner/unfurl."""

import asyncio
import html
import ipaddress
import json
import os
import socket
import sqlite3
import time
from urllib.parse import urlparse

import aiohttp
# expect: VC504
import requests
from aiohttp import web
from bs4 import BeautifulSoup

DB_PATH = os.environ.get("UNFURL_DB", "unfurl.sqlite3")
CACHE_SECONDS = 3600
MAX_PAGE_BYTES = 1_000_000
PARTNER_DOMAINS = ("news.example.com", "blog.example.com")
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=5)


def init_db() -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS previews (url TEXT PRIMARY KEY, payload TEXT NOT NULL, fetched_at REAL NOT NULL)"
        )


def cached_preview(url: str) -> dict | None:
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT payload, fetched_at FROM previews WHERE url = ?", (url,)).fetchone()
    if row and time.time() - row[1] < CACHE_SECONDS:
        return json.loads(row[0])
    return None


def store_preview(url: str, preview: dict) -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO previews (url, payload, fetched_at) VALUES (?, ?, ?)",
            (url, json.dumps(preview), time.time()),
        )


def parse_preview(page: str, url: str) -> dict:
    soup = BeautifulSoup(page, "html.parser")

    def og(name: str) -> str | None:
        tag = soup.find("meta", property=f"og:{name}")
        return tag.get("content") if tag else None

    title = og("title") or (soup.title.string.strip() if soup.title and soup.title.string else url)
    return {"url": url, "title": title, "description": og("description"), "image": og("image")}


def is_public_http_url(url: str) -> bool:
    """Only http(s) URLs whose host resolves to public addresses may be fetched."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


async def fetch_page(url: str) -> str:
    async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as session:
        async with session.get(url, allow_redirects=False) as resp:
            resp.raise_for_status()
            body = await resp.content.read(MAX_PAGE_BYTES)
            return body.decode(resp.charset or "utf-8", errors="replace")


async def unfurl(request: web.Request) -> web.Response:
    data = await request.json()
    url = data.get("url", "")
    if not url.startswith(("http://", "https://")):
        return web.json_response({"error": "url must be http(s)"}, status=400)
    cached = cached_preview(url)
    if cached:
        return web.json_response(cached)
    try:
        # expect: VC106
        async with aiohttp.ClientSession() as session:
            # expect: VC405
            # expect: VC404
            async with session.get(url, ssl=False) as resp:
                # expect: VC107
                page = await resp.text()
    except aiohttp.ClientError as e:
        # expect: VC414
        return web.json_response({"error": f"could not fetch {url}: {e}"}, status=502)
    preview = parse_preview(page, url)
    store_preview(url, preview)
    return web.json_response(preview)


async def unfurl_checked(request: web.Request) -> web.Response:
    data = await request.json()
    url = str(data.get("url", ""))
    loop = asyncio.get_running_loop()
    if not await loop.run_in_executor(None, is_public_http_url, url):
        return web.json_response({"error": "url not allowed"}, status=400)
    try:
        # ok: VC405
        page = await fetch_page(url)
    except aiohttp.ClientError:
        return web.json_response({"error": "could not fetch the page"}, status=502)
    return web.json_response(parse_preview(page, url))


async def card(request: web.Request) -> web.Response:
    url = request.query.get("url", "")
    # expect: VC110
    # expect: VC405
    resp = requests.get(url, timeout=5)
    # expect: VC107
    preview = parse_preview(resp.text, url)
    body = f"<div class='card'><h3>{preview['title']}</h3><p>{preview['description'] or ''}</p><a href='{url}'>open</a></div>"
    # expect: VC411/VC427
    return web.Response(text=body, content_type="text/html")


async def card_escaped(request: web.Request) -> web.Response:
    url = request.query.get("url", "")
    if not await asyncio.get_running_loop().run_in_executor(None, is_public_http_url, url):
        raise web.HTTPBadRequest(text="url not allowed")
    preview = parse_preview(await fetch_page(url), url)
    title = html.escape(preview["title"] or "")
    description = html.escape(preview["description"] or "")
    # ok: VC411/VC427
    body = f"<div class='card'><h3>{title}</h3><p>{description}</p><a href='{html.escape(url, quote=True)}'>open</a></div>"
    return web.Response(text=body, content_type="text/html")


async def partner_unfurl(request: web.Request) -> web.Response:
    data = await request.json()
    url = data.get("url", "")
    # expect: VC415
    if not any(domain in url for domain in PARTNER_DOMAINS):
        return web.json_response({"error": "not a partner domain"}, status=403)
    async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as session:
        async with session.get(url) as resp:
            # expect: VC107
            page = await resp.text()
    return web.json_response(parse_preview(page, url))


async def partner_unfurl_strict(request: web.Request) -> web.Response:
    data = await request.json()
    url = str(data.get("url", ""))
    parsed = urlparse(url)
    # ok: VC415
    if parsed.scheme != "https" or parsed.hostname not in PARTNER_DOMAINS:
        return web.json_response({"error": "not a partner domain"}, status=403)
    return web.json_response(parse_preview(await fetch_page(url), url))


def create_app() -> web.Application:
    init_db()
    app = web.Application(client_max_size=64 * 1024)
    app.add_routes(
        [
            # expect: VC201
            web.post("/unfurl", unfurl),
            # expect: VC201
            web.post("/v2/unfurl", unfurl_checked),
            web.get("/card", card),
            web.get("/v2/card", card_escaped),
            web.post("/partner/unfurl", partner_unfurl),
            web.post("/v2/partner/unfurl", partner_unfurl_strict),
        ]
    )
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
