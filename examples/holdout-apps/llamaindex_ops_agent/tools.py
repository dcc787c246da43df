"""Tools the ops agent can call (LlamaIndex FunctionTool)."""

from __future__ import annotations

import json
import sqlite3
import subprocess

from llama_index.core.tools import FunctionTool

DB = sqlite3.connect("ops.db", check_same_thread=False)

ALLOWED_SERVICES = {"api", "worker", "scheduler"}


def search_incidents(service: str = "", severity: str = "", since: str = "") -> str:
    """Search incidents with optional filters: service, severity and an ISO date."""
    clauses, params = [], []
    if service:
        clauses.append("service = ?")
        params.append(service)
    if severity:
        clauses.append("severity = ?")
        params.append(severity)
    if since:
        clauses.append("opened_at >= ?")
        params.append(since)
    where = " AND ".join(clauses) or "1=1"
    # ok: VC402/VC401
    rows = DB.execute(f"SELECT id, service, severity, title FROM incidents WHERE {where}", params).fetchall()
    return json.dumps(rows)


def run_query(sql: str) -> str:
    """Run a read-only SQL query against the ops database and return the rows as JSON."""
    # expect: VC424/VC401
    rows = DB.execute(sql).fetchall()
    return json.dumps(rows)


def restart_service(service: str) -> str:
    """Restart one of the known services."""
    if service not in ALLOWED_SERVICES:
        return f"unknown service {service}"
    # ok: VC424/VC408
    proc = subprocess.run(["systemctl", "restart", service], capture_output=True, text=True, timeout=60)
    return proc.stdout or proc.stderr


def tail_logs(service: str, lines: int = 50) -> str:
    """Return the last lines of a service's journal."""
    # expect: VC424/VC408/VC401
    out = subprocess.check_output(f"journalctl -u {service} -n {lines}", shell=True, text=True)
    return out


TOOLS = [
    FunctionTool.from_defaults(fn=search_incidents),
    FunctionTool.from_defaults(fn=run_query),
    FunctionTool.from_defaults(fn=restart_service),
    FunctionTool.from_defaults(fn=tail_logs),
]
