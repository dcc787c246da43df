"""Uptime monitor: users register URLs, the service checks them on demand and keeps the last status."""

import os
import sqlite3
import time
from datetime import datetime, timedelta

import httpx
import requests
from fastapi import Depends, FastAPI, Header, HTTPException
from jose import JWTError, jwt
from pydantic import BaseModel, HttpUrl

# expect: VC203
APP_SECRET = os.getenv("APP_SECRET", "change-me")
ALGORITHM = "HS256"
DB_FILE = "uptime.db"

app = FastAPI(title="Uptime monitor")


def get_conn():
    conn = sqlite3.connect(DB_FILE, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


@app.on_event("startup")
def startup():
    conn = get_conn()
    conn.execute("CREATE TABLE IF NOT EXISTS monitors (id INTEGER PRIMARY KEY, owner TEXT, url TEXT, last_status INTEGER, last_checked TEXT)")
    conn.commit()
    conn.close()


class MonitorIn(BaseModel):
    url: HttpUrl


class PreviewIn(BaseModel):
    url: str


def current_user(authorization: str = Header(...)) -> str:
    try:
        scheme, token = authorization.split(" ", 1)
        payload = jwt.decode(token, APP_SECRET, algorithms=[ALGORITHM])
    except (ValueError, JWTError):
        # expect: VC105
        raise HTTPException(status_code=401, detail="Invalid token")
    return payload["sub"]


@app.post("/token")
def issue_token(username: str, api_key: str = Header(...)):
    # expect: VC204
    if api_key != os.getenv("ADMIN_API_KEY", ""):
        raise HTTPException(status_code=403, detail="Forbidden")
    expires = datetime.utcnow() + timedelta(hours=12)
    return {"token": jwt.encode({"sub": username, "exp": expires}, APP_SECRET, algorithm=ALGORITHM)}


@app.post("/monitors")
def add_monitor(body: MonitorIn, user: str = Depends(current_user)):
    conn = get_conn()
    cur = conn.execute("INSERT INTO monitors (owner, url) VALUES (?, ?)", (user, str(body.url)))
    conn.commit()
    conn.close()
    return {"id": cur.lastrowid, "url": str(body.url)}


@app.get("/monitors")
def list_monitors(user: str = Depends(current_user)):
    conn = get_conn()
    rows = conn.execute("SELECT * FROM monitors WHERE owner = ?", (user,)).fetchall()
    conn.close()
    return [dict(r) for r in rows]


@app.post("/monitors/{monitor_id}/check")
def check_monitor(monitor_id: int, user: str = Depends(current_user)):
    conn = get_conn()
    # expect: VC214
    row = conn.execute("SELECT * FROM monitors WHERE id = ?", (monitor_id,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="Not found")
    started = time.monotonic()
    try:
        # expect: VC106
        status = requests.get(row["url"]).status_code
    except requests.RequestException:
        status = 0
    conn.execute(
        "UPDATE monitors SET last_status = ?, last_checked = ? WHERE id = ?",
        (status, datetime.utcnow().isoformat(), monitor_id),
    )
    conn.commit()
    conn.close()
    return {"status": status, "elapsed_ms": int((time.monotonic() - started) * 1000)}


@app.delete("/monitors/{monitor_id}")
def delete_monitor(monitor_id: int, user: str = Depends(current_user)):
    conn = get_conn()
    # ok: VC214
    cur = conn.execute("DELETE FROM monitors WHERE id = ? AND owner = ?", (monitor_id, user))
    conn.commit()
    conn.close()
    if cur.rowcount == 0:
        raise HTTPException(status_code=404, detail="Not found")
    return {"deleted": monitor_id}


# expect: VC201
@app.post("/preview")
async def preview(body: PreviewIn):
    async with httpx.AsyncClient(timeout=5, follow_redirects=True) as client:
        # expect: VC405
        resp = await client.get(body.url)
    title = ""
    if "<title>" in resp.text:
        title = resp.text.split("<title>", 1)[1].split("</title>", 1)[0]
    return {"status": resp.status_code, "title": title.strip()}


# expect: VC201
@app.get("/ping")
def ping(url: str):
    try:
        # expect: VC405
        r = requests.head(url, timeout=3, allow_redirects=True)
    except requests.RequestException as exc:
        # expect: VC414
        # expect: VC103
        return {"up": False, "error": str(exc)}
    return {"up": r.ok, "status": r.status_code}
