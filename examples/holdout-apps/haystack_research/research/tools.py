"""Tools the research agent may call; Haystack builds their JSON schema from the signatures."""

import os
import subprocess
from pathlib import Path

import duckdb
import httpx
from haystack.tools import Tool, tool

NOTES_DIR = Path(os.environ.get("NOTES_DIR", "/srv/research/notes")).resolve()
DB_PATH = os.environ.get("WAREHOUSE", "/srv/research/warehouse.duckdb")
KNOWN_TABLES = {"papers", "citations", "authors"}


@tool
def read_note(path: str) -> str:
    """Read a research note."""
    # expect: VC401/VC417/VC405
    return open(os.path.join(NOTES_DIR, path), encoding="utf-8").read()


@tool
def read_note_safe(name: str) -> str:
    """Read a research note by its name."""
    target = (NOTES_DIR / name).resolve()
    if not target.is_relative_to(NOTES_DIR):
        raise ValueError("outside the notes folder")
    # ok: VC401/VC417/VC405
    return target.read_text(encoding="utf-8")


def fetch_page(url: str) -> str:
    """Download a web page for the agent to read."""
    # expect: VC401/VC417/VC405, VC107
    return httpx.get(url, timeout=15, follow_redirects=True).text


def run_query(sql: str) -> list:
    """Run a read-only query on the warehouse."""
    with duckdb.connect(DB_PATH, read_only=True) as con:
        # expect: VC417/VC401
        return con.execute(sql).fetchall()


def count_rows(table: str) -> int:
    """Count the rows of one known table."""
    if table not in KNOWN_TABLES:
        raise ValueError(f"unknown table {table}")
    with duckdb.connect(DB_PATH, read_only=True) as con:
        # ok: VC401/VC417/VC402
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def grep_corpus(pattern: str) -> str:
    """Search the corpus with ripgrep."""
    # expect: VC417/VC401, VC108
    return subprocess.run(f"rg -n '{pattern}' /srv/research/corpus", shell=True, capture_output=True, text=True).stdout


def _schema(**props: str) -> dict:
    return {"type": "object", "properties": {k: {"type": v} for k, v in props.items()}, "required": list(props)}


TOOLS = [
    read_note,
    read_note_safe,
    Tool(name="fetch_page", description="Fetch a URL", parameters=_schema(url="string"), function=fetch_page),
    Tool(name="run_query", description="SQL on the warehouse", parameters=_schema(sql="string"), function=run_query),
    Tool(name="count_rows", description="Rows of a table", parameters=_schema(table="string"), function=count_rows),
    Tool(name="grep_corpus", description="Search the corpus", parameters=_schema(pattern="string"), function=grep_corpus),
]
