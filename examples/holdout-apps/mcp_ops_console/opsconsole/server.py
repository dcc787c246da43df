"""FastMCP server: tools an assistant can call to inspect and operate services."""

import os
import sqlite3
import subprocess
from pathlib import Path

import httpx
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops-console")
LOG_ROOT = Path(os.environ.get("OPS_LOG_ROOT", "/var/log/services")).resolve()
METRICS_DB = os.environ.get("OPS_METRICS_DB", "/srv/ops/metrics.sqlite3")
ALLOWED_UNITS = {"api", "worker", "scheduler", "nginx"}
STATUS_COMMANDS = {"uptime": ["uptime"], "disk": ["df", "-h"], "memory": ["free", "-m"]}


@mcp.tool()
def run_command(command: str) -> str:
    """Run a shell command on the ops host and return its output."""
    # expect: VC424/VC401/VC421
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


@mcp.tool()
def host_status(check: str) -> str:
    """Return one of the predefined host status reports: uptime, disk or memory."""
    argv = STATUS_COMMANDS.get(check)
    if argv is None:
        return f"unknown check {check!r}; choose from {sorted(STATUS_COMMANDS)}"
    # ok: VC424/VC401/VC108
    result = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=True)
    return result.stdout


@mcp.tool()
def restart_service(unit: str) -> str:
    """Restart a systemd unit (api, worker, scheduler or nginx)."""
    if unit not in ALLOWED_UNITS:
        return f"refusing to restart {unit!r}"
    # ok: VC401/VC424
    subprocess.run(["systemctl", "restart", f"{unit}.service"], check=True, timeout=60)
    return f"restarted {unit}"


@mcp.tool()
def read_log(path: str, lines: int = 200) -> str:
    """Return the last lines of a service log file."""
    # expect: VC401/VC405
    with open(path, encoding="utf-8", errors="replace") as fh:
        return "".join(fh.readlines()[-lines:])


@mcp.tool()
def read_service_log(unit: str, lines: int = 200) -> str:
    """Return the last lines of a service's log under the log root."""
    target = (LOG_ROOT / f"{unit}.log").resolve()
    if not target.is_relative_to(LOG_ROOT):
        return "path outside the log root"
    # ok: VC401/VC405
    return "".join(target.read_text(errors="replace").splitlines(keepends=True)[-lines:])


@mcp.tool()
def query_metrics(sql: str) -> list[tuple]:
    """Run a read-only SQL query against the metrics database."""
    conn = sqlite3.connect(METRICS_DB)
    try:
        # expect: VC401/VC424/VC422
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@mcp.tool()
def error_rate(service: str, minutes: int = 15) -> float:
    """Error rate of a service over the last minutes."""
    conn = sqlite3.connect(METRICS_DB)
    try:
        row = conn.execute(
            # ok: VC401/VC402
            "SELECT avg(is_error) FROM requests WHERE service = ? AND ts > strftime('%s','now') - ?",
            (service, minutes * 60),
        ).fetchone()
    finally:
        conn.close()
    return float(row[0] or 0.0)


@mcp.tool()
async def probe_url(url: str) -> dict:
    """Fetch a URL from inside the network and report status and latency."""
    # expect: VC404
    async with httpx.AsyncClient(verify=False, timeout=10) as client:
        # expect: VC401/VC405
        resp = await client.get(url)
    return {"status": resp.status_code, "elapsed_ms": resp.elapsed.total_seconds() * 1000}


if __name__ == "__main__":
    mcp.run()
