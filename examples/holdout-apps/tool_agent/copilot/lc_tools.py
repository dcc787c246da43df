"""LangChain tools the DevOps copilot can call."""

import sqlite3
import subprocess
from pathlib import Path

import httpx
from langchain_core.tools import tool

WORKSPACE = Path("/srv/copilot/workspace").resolve()
DB_PATH = "/srv/copilot/analytics.db"


@tool
def run_shell(command: str) -> str:
    """Run a shell command on the build server and return its output."""
    # expect: VC401
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


@tool
def query_analytics(sql: str) -> list:
    """Run a read-only SQL query against the analytics database."""
    with sqlite3.connect(DB_PATH) as conn:
        # expect: VC401
        return conn.execute(sql).fetchall()


@tool
def order_status(order_id: int) -> list:
    """Look up the status of one order."""
    with sqlite3.connect(DB_PATH) as conn:
        # ok: VC401
        return conn.execute("SELECT id, status FROM orders WHERE id = ?", (order_id,)).fetchall()


@tool
def read_file(path: str) -> str:
    """Read a file from the workspace."""
    # expect: VC401
    return Path(path).read_text()


@tool
def read_workspace_file(relative_path: str) -> str:
    """Read a file inside the workspace folder only."""
    target = (WORKSPACE / relative_path).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("path escapes the workspace")
    # ok: VC401
    return target.read_text()


@tool
def fetch_url(url: str) -> str:
    """Fetch a web page and return its text."""
    # expect: VC401, VC107
    return httpx.get(url, follow_redirects=True, timeout=20).text


@tool
def calculator(expression: str) -> str:
    """Evaluate an arithmetic expression."""
    # expect: VC401
    return str(eval(expression))


TOOLS = [run_shell, query_analytics, order_status, read_file, read_workspace_file, fetch_url, calculator]
