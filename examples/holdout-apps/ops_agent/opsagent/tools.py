import subprocess

import psycopg
import requests
from langchain_core.tools import StructuredTool, Tool
from llama_index.core.tools import FunctionTool

from .settings import settings

SAVED_QUERIES = {
    "error_rate": "SELECT service, avg(error_rate) FROM metrics WHERE ts > now() - interval '1 hour' GROUP BY 1",
    "slow_endpoints": "SELECT path, p99 FROM latency WHERE p99 > %s ORDER BY p99 DESC LIMIT 20",
}


def run_sql(query: str) -> list[tuple]:
    """Run a SQL query against the metrics warehouse and return the rows."""
    with psycopg.connect(settings.warehouse_dsn) as conn:
        # expect: VC401
        return conn.execute(query).fetchall()


def saved_query(name: str, threshold_ms: int = 500) -> list[tuple]:
    """Run one of the saved warehouse queries by name."""
    if name not in SAVED_QUERIES:
        return []
    with psycopg.connect(settings.warehouse_dsn) as conn:
        # ok: VC401
        return conn.execute(SAVED_QUERIES[name], (threshold_ms,)).fetchall()


def fetch_runbook(url: str) -> str:
    """Download a runbook page."""
    # expect: VC401, VC107
    return requests.get(url, timeout=15).text


def restart_service(service: str) -> str:
    """Restart a systemd service on the ops host."""
    # expect: VC401
    out = subprocess.run(f"sudo systemctl restart {service}", shell=True, capture_output=True, text=True)
    return out.stdout or out.stderr


def python_repl(code: str) -> str:
    """Evaluate Python for quick calculations."""
    # expect: VC401
    return str(eval(code))


def service_status(service: str) -> str:
    """Show the status of one of the known services."""
    if service not in {"api", "worker", "scheduler"}:
        return "unknown service"
    # ok: VC401
    out = subprocess.run(["systemctl", "status", f"ops-{service}"], capture_output=True, text=True, check=False)
    return out.stdout


sql_tool = FunctionTool.from_defaults(fn=run_sql, name="run_sql")
saved_tool = FunctionTool.from_defaults(fn=saved_query)
runbook_tool = StructuredTool.from_function(func=fetch_runbook, name="fetch_runbook",
                                            description="Fetch a runbook by URL")
restart_tool = StructuredTool.from_function(restart_service)
repl_tool = Tool(name="python", func=python_repl, description="A Python calculator")
status_tool = Tool.from_function(func=service_status, name="status", description="Service status")

TOOLS = [sql_tool, saved_tool, runbook_tool, restart_tool, repl_tool, status_tool]
