"""Tools the ADK support agent may call: order lookup, logs, diagnostics, knowledge-base fetches."""

import os
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import httpx
from google.adk.tools import ToolContext

from support_agent.config import KB_HOSTS, LOG_DIR, ORDERS_DB


def lookup_order(order_id: str) -> dict:
    """Return the status of an order by its id."""
    conn = sqlite3.connect(ORDERS_DB)
    # expect: VC401/VC422/VC417
    row = conn.execute(f"SELECT id, status, total FROM orders WHERE id = '{order_id}'").fetchone()
    return {"id": row[0], "status": row[1], "total": row[2]} if row else {"error": "not found"}


def lookup_my_order(order_id: str, tool_context: ToolContext) -> dict:
    """Return one of the signed-in customer's orders."""
    conn = sqlite3.connect(ORDERS_DB)
    # ok: VC401/VC422/VC402
    row = conn.execute(
        "SELECT id, status, total FROM orders WHERE id = ? AND customer_id = ?",
        (order_id, tool_context.state["customer_id"]),
    ).fetchone()
    return {"id": row[0], "status": row[1], "total": row[2]} if row else {"error": "not found"}


def read_service_log(filename: str, lines: int = 50) -> str:
    """Read the last lines of a service log file."""
    # expect: VC401/VC405/VC417
    with open(os.path.join(LOG_DIR, filename)) as fh:
        return "".join(fh.readlines()[-lines:])


def read_service_log_safe(filename: str, lines: int = 50) -> str:
    """Read the last lines of a log file inside the log folder."""
    root = Path(LOG_DIR).resolve()
    path = (root / filename).resolve()
    if not path.is_relative_to(root):
        return "not allowed"
    # ok: VC401/VC405
    return "".join(path.read_text().splitlines(keepends=True)[-lines:])


def run_diagnostic(command: str) -> str:
    """Run a diagnostic shell command on the support host (df, uptime, systemctl status ...)."""
    # expect: VC401/VC421/VC417
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return result.stdout + result.stderr


def check_service(service: str) -> str:
    """Report whether a known service is running."""
    if service not in {"web", "worker", "scheduler"}:
        return "unknown service"
    # ok: VC401/VC421/VC408
    # expect: VC108
    result = subprocess.run(["systemctl", "is-active", f"shop-{service}"], capture_output=True, text=True)
    return result.stdout.strip()


def fetch_article(url: str) -> str:
    """Fetch a knowledge-base article or status page."""
    # expect: VC401/VC405/VC417
    # expect: VC107
    return httpx.get(url, timeout=10).text


def fetch_kb_article(url: str) -> str:
    """Fetch an article from the shop's own knowledge base."""
    if urlparse(url).hostname not in KB_HOSTS:
        return "host not allowed"
    # ok: VC401/VC405
    # expect: VC107
    return httpx.get(url, timeout=10, follow_redirects=False).text


def calculate_refund(expression: str) -> float:
    """Evaluate a refund formula such as '49.99 * 0.5'."""
    # expect: VC401/VC413/VC417
    return float(eval(expression))
