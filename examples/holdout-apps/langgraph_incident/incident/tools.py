"""Tools the responder agents may call: shell, SQL, log files and HTTP."""

from __future__ import annotations

import logging
import os
import subprocess

import httpx
import psycopg2
import requests
from langchain_core.tools import tool

from .config import ALLOWED_ACTIONS, ALLOWED_SERVICES, DATABASE_URL, GRAFANA_TOKEN, LOG_ROOT

log = logging.getLogger(__name__)


def _conn():
    return psycopg2.connect(DATABASE_URL)


@tool
def run_diagnostic(command: str) -> str:
    """Run a diagnostic shell command on the ops host (e.g. `df -h`, `kubectl get pods -n prod`)."""
    # expect: VC401/VC424, VC417
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return result.stdout[-4000:] + result.stderr[-1000:]


@tool
def service_action(service: str, action: str) -> str:
    """Restart or inspect one of the allowed services."""
    if service not in ALLOWED_SERVICES or action not in ALLOWED_ACTIONS:
        return f"refused: {action} {service} is not allowed"
    # ok: VC401/VC408
    result = subprocess.run([*ALLOWED_ACTIONS[action], service], capture_output=True, text=True, timeout=60, check=False)
    return f"exit {result.returncode}: {result.stdout[-2000:]}"


@tool
def query_incidents(where: str) -> str:
    """Query past incidents. `where` is a SQL condition on columns service, severity, opened_at."""
    with _conn() as conn, conn.cursor() as cur:
        # expect: VC401/VC402
        cur.execute(f"SELECT id, title, severity FROM incidents WHERE {where} ORDER BY opened_at DESC LIMIT 20")
        return "\n".join(str(row) for row in cur.fetchall())


@tool
def incidents_for_service(service: str, limit: int = 10) -> str:
    """The latest incidents of one service."""
    with _conn() as conn, conn.cursor() as cur:
        # ok: VC401/VC402
        cur.execute(
            "SELECT id, title, severity FROM incidents WHERE service = %s ORDER BY opened_at DESC LIMIT %s",
            (service, min(int(limit), 50)),
        )
        return "\n".join(str(row) for row in cur.fetchall())


@tool
def read_log(path: str, lines: int = 200) -> str:
    """Read the tail of a log file under the service log folder."""
    # expect: VC401/VC405
    with open(os.path.join(LOG_ROOT, path)) as fh:
        return "".join(fh.readlines()[-lines:])


@tool
def read_service_log(service: str, lines: int = 200) -> str:
    """Read the tail of one service's log."""
    target = (LOG_ROOT / f"{service}.log").resolve()
    if not target.is_relative_to(LOG_ROOT):
        return "refused: outside the log folder"
    # ok: VC401/VC405
    return "".join(target.read_text().splitlines(keepends=True)[-lines:])


@tool
def fetch_url(url: str) -> str:
    """Fetch a URL (dashboards, health endpoints, vendor status pages)."""
    # expect: VC401/VC405
    resp = httpx.get(url, timeout=10, follow_redirects=True)
    # expect: VC107
    return resp.text[:5000]


@tool
def grafana_panel(dashboard_uid: str) -> str:
    """Read a Grafana dashboard's panels."""
    headers = {"Authorization": f"Bearer {GRAFANA_TOKEN}"}
    # expect: VC407
    log.debug("grafana request headers=%s", headers)
    # expect: VC404, VC401
    resp = requests.get(f"https://grafana.internal/api/dashboards/uid/{dashboard_uid}", headers=headers, verify=False, timeout=10)
    resp.raise_for_status()
    return resp.text[:5000]


ALL_TOOLS = [run_diagnostic, service_action, query_incidents, incidents_for_service, read_log, read_service_log,
             fetch_url, grafana_panel]
