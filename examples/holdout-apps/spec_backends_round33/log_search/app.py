"""Log search (FastAPI, sqlite3): services POST log records with their ingest key; operators search the records by
level, service, time range and a text query, page through them, and grep the raw rotated log files on disk."""

import os
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from pydantic import BaseModel

DB_PATH = os.environ.get("LOGS_DB", "logs.db")
LOG_DIR = Path(os.environ.get("LOG_DIR", "/var/log/services")).resolve()
OPERATOR_KEYS = set(filter(None, os.environ.get("OPERATOR_KEYS", "").split(",")))
INGEST_KEYS = set(filter(None, os.environ.get("INGEST_KEYS", "").split(",")))
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
SORT_COLUMNS = {"time": "ts", "level": "level", "service": "service"}

app = FastAPI(title="Log search")


class LogRecord(BaseModel):
    service: str
    level: str
    message: str
    ts: datetime | None = None


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.on_event("startup")
def init_db() -> None:
    with connect() as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS logs (id INTEGER PRIMARY KEY, ts TEXT, service TEXT, level TEXT, message TEXT)"
        )


def operator(x_api_key: str = Header("")) -> str:
    if x_api_key not in OPERATOR_KEYS:
        raise HTTPException(status_code=401, detail="invalid API key")
    return x_api_key


def ingest_client(x_ingest_key: str = Header("")) -> str:
    if x_ingest_key not in INGEST_KEYS:
        raise HTTPException(status_code=401, detail="invalid ingest key")
    return x_ingest_key


@app.post("/logs", status_code=201)
def ingest(record: LogRecord, _: str = Depends(ingest_client)):
    if record.level.upper() not in LEVELS:
        raise HTTPException(status_code=400, detail="unknown level")
    with connect() as conn:
        conn.execute(
            "INSERT INTO logs (ts, service, level, message) VALUES (?, ?, ?, ?)",
            ((record.ts or datetime.utcnow()).isoformat(), record.service, record.level.upper(), record.message),
        )
    return {"status": "stored"}


@app.get("/logs/search")
def search(
    level: str | None = None,
    service: str | None = None,
    q: str | None = None,
    since: str | None = None,
    sort: str = "ts",
    limit: int = 100,
    _: str = Depends(operator),
):
    sql = "SELECT * FROM logs WHERE 1=1"
    if level:
        sql += f" AND level = '{level.upper()}'"
    if service:
        sql += f" AND service = '{service}'"
    if q:
        sql += f" AND message LIKE '%{q}%'"
    if since:
        sql += f" AND ts >= '{since}'"
    sql += f" ORDER BY {sort} DESC LIMIT {limit}"
    with connect() as conn:
        # expect: VC402/VC422
        rows = conn.execute(sql).fetchall()
    return [dict(row) for row in rows]


@app.get("/v2/logs/search")
def search_v2(
    level: str | None = None,
    service: str | None = None,
    q: str | None = None,
    since: datetime | None = None,
    sort: str = "time",
    limit: int = Query(100, ge=1, le=1000),
    _: str = Depends(operator),
):
    clauses, params = [], []
    if level:
        clauses.append("level = ?")
        params.append(level.upper())
    if service:
        clauses.append("service = ?")
        params.append(service)
    if q:
        clauses.append("message LIKE ?")
        params.append(f"%{q}%")
    if since:
        clauses.append("ts >= ?")
        params.append(since.isoformat())
    order = SORT_COLUMNS.get(sort, "ts")
    where = " AND ".join(clauses) or "1=1"
    with connect() as conn:
        # ok: VC402/VC422
        rows = conn.execute(f"SELECT * FROM logs WHERE {where} ORDER BY {order} DESC LIMIT ?", (*params, limit)).fetchall()
    return [dict(row) for row in rows]


@app.get("/files/grep")
def grep_files(pattern: str, file: str = "*.log", _: str = Depends(operator)):
    # expect: VC421/VC408
    # expect: VC108
    output = subprocess.run(f"grep -n '{pattern}' {LOG_DIR}/{file}", shell=True, capture_output=True, text=True)
    return {"matches": output.stdout.splitlines()[:500]}


@app.get("/v2/files/grep")
def grep_files_v2(pattern: str, file: str, _: str = Depends(operator)):
    path = (LOG_DIR / file).resolve()
    if not path.is_relative_to(LOG_DIR) or not path.is_file():
        raise HTTPException(status_code=404, detail="no such log file")
    # ok: VC421/VC408
    # expect: VC108
    output = subprocess.run(["grep", "-n", "-F", "--", pattern, str(path)], capture_output=True, text=True, timeout=10)
    return {"matches": output.stdout.splitlines()[:500]}


@app.get("/files/{name}")
def read_log_file(name: str, tail: int = 200, _: str = Depends(operator)):
    # expect: VC405
    with open(os.path.join(LOG_DIR, name)) as fh:
        lines = fh.readlines()
    return {"lines": lines[-tail:]}


@app.get("/v2/files/{name}")
def read_log_file_v2(name: str, tail: int = Query(200, ge=1, le=5000), _: str = Depends(operator)):
    path = (LOG_DIR / name).resolve()
    if not path.is_relative_to(LOG_DIR) or not path.is_file():
        raise HTTPException(status_code=404, detail="no such log file")
    # ok: VC405
    with path.open() as fh:
        lines = fh.readlines()
    return {"lines": lines[-tail:]}


# ok: VC201/VC219
@app.get("/stats")
def stats():
    with connect() as conn:
        rows = conn.execute("SELECT service, level, COUNT(*) AS n FROM logs GROUP BY service, level").fetchall()
    return [dict(row) for row in rows]
