"""CrewAI tools for the research crew: a shell, a database, a file reader and a web fetcher."""

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Type

import requests
from crewai.tools import BaseTool, tool
from pydantic import BaseModel, Field

REPORTS_DIR = Path("/srv/research/reports").resolve()
DB = "/srv/research/findings.db"
SAFE_COMMANDS = {"disk": ["df", "-h"], "uptime": ["uptime"], "who": ["who"]}


class ShellInput(BaseModel):
    command: str = Field(..., description="The shell command to run.")


class ShellTool(BaseTool):
    name: str = "shell"
    description: str = "Run a shell command on the research box."
    args_schema: Type[BaseModel] = ShellInput

    def _run(self, command: str) -> str:
        # expect: VC401, VC108
        completed = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
        return completed.stdout


class SafeCommandTool(BaseTool):
    name: str = "system_info"
    description: str = "Run one of: disk, uptime, who."

    def _run(self, which: str) -> str:
        argv = SAFE_COMMANDS.get(which)
        if argv is None:
            return f"unknown command {which!r}"
        # ok: VC401
        # expect: VC108
        return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout


class FindingsQueryTool(BaseTool):
    name: str = "findings_query"
    description: str = "Run an SQL query over the findings table."

    def _run(self, query: str) -> str:
        conn = sqlite3.connect(DB)
        cursor = conn.cursor()
        # expect: VC401
        cursor.execute(query)
        return str(cursor.fetchall())


class FindingsByTopicTool(BaseTool):
    name: str = "findings_by_topic"
    description: str = "List findings for a topic."

    def _run(self, topic: str) -> str:
        conn = sqlite3.connect(DB)
        # ok: VC401
        rows = conn.execute("SELECT title, summary FROM findings WHERE topic = ?", (topic,)).fetchall()
        return "\n".join(f"{t}: {s}" for t, s in rows)


@tool("Read report")
def read_report(filename: str) -> str:
    """Read a saved report by file name."""
    # expect: VC401
    with open(os.path.join(REPORTS_DIR, filename)) as fh:
        return fh.read()


@tool("Read report safely")
def read_report_safely(filename: str) -> str:
    """Read a saved report, only from the reports folder."""
    target = (REPORTS_DIR / filename).resolve()
    if not target.is_relative_to(REPORTS_DIR):
        return "refused: outside the reports folder"
    # ok: VC401
    return target.read_text()


@tool("Fetch page")
def fetch_page(url: str) -> str:
    """Download a web page for the researcher."""
    # expect: VC401, VC107
    return requests.get(url, timeout=15).text[:5000]
