"""Semantic Kernel plugins the assistant may call while it triages an incident."""
import sqlite3
import subprocess
from typing import Annotated
from urllib.parse import urlparse

import requests
from semantic_kernel.functions import kernel_function

from .settings import METRICS_DB, RUNBOOK_HOST, SERVICES


class DiagnosticsPlugin:
    """Shell diagnostics on the incident host."""

    @kernel_function(name="run_diagnostic", description="Run a diagnostic shell command and return its output")
    def run_diagnostic(self, command: Annotated[str, "the shell command to run"]) -> str:
        # expect: VC424/VC401/VC421, VC108
        result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
        return result.stdout[-4000:]

    @kernel_function(name="restart_service", description="Restart one of the known services")
    def restart_service(self, service: Annotated[str, "api, worker or nginx"]) -> str:
        unit = SERVICES.get(service)
        if unit is None:
            return f"unknown service {service}"
        # ok: VC421/VC401/VC424/VC408
        subprocess.run(["systemctl", "restart", unit], check=True)
        return f"restarted {unit}"


class MetricsPlugin:
    @kernel_function(name="query_metrics", description="Run a SQL query against the metrics database")
    def query_metrics(self, sql: Annotated[str, "a SQLite SELECT statement"]) -> str:
        conn = sqlite3.connect(METRICS_DB)
        try:
            # expect: VC401/VC422
            rows = conn.execute(sql).fetchall()
        finally:
            conn.close()
        return repr(rows[:50])

    @kernel_function(name="error_rate", description="Error rate of a service over the last hour")
    def error_rate(self, service: Annotated[str, "service name"]) -> str:
        conn = sqlite3.connect(METRICS_DB)
        # ok: VC401/VC422/VC402
        row = conn.execute("SELECT avg(errors) FROM samples WHERE service = ? AND ts > strftime('%s','now') - 3600",
                           (service,)).fetchone()
        conn.close()
        return str(row[0])


class RunbookPlugin:
    @kernel_function(name="fetch_page", description="Fetch a web page that may help")
    def fetch_page(self, url: Annotated[str, "the page URL"]) -> str:
        # expect: VC401/VC405, VC107
        return requests.get(url, timeout=10).text[:8000]

    @kernel_function(name="fetch_runbook", description="Fetch a runbook by its slug")
    def fetch_runbook(self, slug: Annotated[str, "runbook slug"]) -> str:
        url = f"https://{RUNBOOK_HOST}/runbooks/{slug}"
        if urlparse(url).hostname != RUNBOOK_HOST:
            return "bad slug"
        response = requests.get(url, timeout=10)
        response.raise_for_status()
        return response.text[:8000]
