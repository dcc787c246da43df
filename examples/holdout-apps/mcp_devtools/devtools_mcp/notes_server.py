"""A second MCP server, on the standalone FastMCP package, for the team's notes and saved snippets."""

import base64
import pickle
import sqlite3
from pathlib import Path

import yaml
from fastmcp import FastMCP as MCPServer

NOTES_DIR = Path("/srv/notes")
# expect: VC403
NOTION_TOKEN = "secret_8fKq2LmZx7Vb3Tn9Rw4Yc6Hp1Jd5Gs0A"
server = MCPServer(name="team-notes")
db = sqlite3.connect("/srv/notes/index.db", check_same_thread=False)


@server.tool
def note_search(term: str) -> list:
    """Full-text search over note titles."""
    cursor = db.cursor()
    # expect: VC401/VC422
    cursor.execute("SELECT title FROM notes WHERE title LIKE '%" + term + "%'")
    return cursor.fetchall()


@server.tool
def note_search_safe(term: str) -> list:
    """Full-text search over note titles, with the term bound as a parameter."""
    cursor = db.cursor()
    # ok: VC401/VC422
    cursor.execute("SELECT title FROM notes WHERE title LIKE ?", (f"%{term}%",))
    return cursor.fetchall()


@server.resource("notes://{name}")
def note(name: str) -> str:
    """The text of one note."""
    # expect: VC401/VC405
    return (NOTES_DIR / name).read_text()


@server.tool
def load_snippet_config(config_text: str) -> dict:
    """Parse a snippet's YAML front matter."""
    # expect: VC401/VC406
    return yaml.load(config_text, Loader=yaml.Loader)


@server.tool
def load_snippet_config_safe(config_text: str) -> dict:
    """Parse a snippet's YAML front matter with the safe loader."""
    # ok: VC401/VC406
    return yaml.safe_load(config_text)


@server.tool
def restore_session(blob: str) -> dict:
    """Restore a saved editor session from its base64 form."""
    # expect: VC401/VC406
    return pickle.loads(base64.b64decode(blob))


@server.tool
def calculate(expression: str) -> str:
    """Evaluate an arithmetic expression for the user."""
    # expect: VC401/VC413
    return str(eval(expression, {"__builtins__": {}}))
