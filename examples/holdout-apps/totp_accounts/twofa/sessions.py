"""Server-side sessions in Redis, keyed by the `sid` cookie."""

import json
import os
import secrets

import redis
from fastapi import Request, Response

COOKIE = "sid"
TTL = 60 * 60 * 8
store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def load(request: Request) -> dict | None:
    sid = request.cookies.get(COOKIE)
    if not sid:
        return None
    raw = store.get(f"session:{sid}")
    return json.loads(raw) if raw else None


def save(sid: str, data: dict) -> None:
    store.setex(f"session:{sid}", TTL, json.dumps(data))


def start(response: Response, data: dict) -> str:
    sid = secrets.token_urlsafe(32)
    save(sid, data)
    # ok: VC210
    response.set_cookie(COOKIE, sid, max_age=TTL, secure=True, httponly=True, samesite="lax")
    return sid


def rotate(request: Request, response: Response, data: dict) -> str:
    old = request.cookies.get(COOKIE)
    if old:
        store.delete(f"session:{old}")
    return start(response, data)


def end(request: Request, response: Response) -> None:
    sid = request.cookies.get(COOKIE)
    if sid:
        store.delete(f"session:{sid}")
    response.delete_cookie(COOKIE)
