"""Function tools the ops agent can call: warehouse SQL, host diagnostics, HTTP checks."""

import os
import subprocess
from typing import Literal

import psycopg2
import requests
from agents import function_tool

WAREHOUSE_DSN = os.environ.get("WAREHOUSE_DSN", "dbname=analytics")
STATUS_PAGES = {
    "api": "https://status.acme.io/api/health",
    "billing": "https://status.acme.io/billing/health",
}
DIAGNOSTICS = {
    "disk": ["df", "-h"],
    "uptime": ["uptime"],
    "memory": ["free", "-m"],
}


@function_tool
def run_sql(query: str) -> list[list]:
    """Run a SQL query against the analytics warehouse and return the rows."""
    with psycopg2.connect(WAREHOUSE_DSN) as conn, conn.cursor() as cur:
        # expect: VC401/VC424
        cur.execute(query)
        return [list(r) for r in cur.fetchmany(200)]


@function_tool
def customer_by_email(email: str) -> list[list]:
    """Look up a customer record by email address."""
    with psycopg2.connect(WAREHOUSE_DSN) as conn, conn.cursor() as cur:
        # ok: VC401/VC402
        cur.execute("SELECT id, name, plan FROM customers WHERE email = %s", (email,))
        return [list(r) for r in cur.fetchall()]


@function_tool
def run_shell(command: str) -> str:
    """Run a shell command on the ops host to investigate an incident."""
    # expect: VC401/VC424/VC408
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return proc.stdout + proc.stderr


@function_tool
def run_diagnostic(name: Literal["disk", "uptime", "memory"]) -> str:
    """Run one of the fixed host diagnostics."""
    # ok: VC401/VC408/VC424
    proc = subprocess.run(DIAGNOSTICS[name], capture_output=True, text=True, timeout=30, check=True)
    return proc.stdout


@function_tool
async def http_get(url: str) -> str:
    """Fetch a URL and return the first 2000 characters of the body."""
    # expect: VC110, VC404, VC401
    resp = requests.get(url, timeout=15, verify=False)
    # expect: VC107
    return resp.text[:2000]


@function_tool
def status_page(service: Literal["api", "billing"]) -> dict:
    """Fetch the health endpoint of one of our services."""
    resp = requests.get(STATUS_PAGES[service], timeout=10)
    resp.raise_for_status()
    return resp.json()
