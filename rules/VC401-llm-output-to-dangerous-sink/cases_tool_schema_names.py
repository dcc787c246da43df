"""VC401 corpus: a module of tools with no model client of its own, declaring the tools' schemas by hand (Anthropic's
`input_schema`, OpenAI's nested `"function": {"name": ..., "parameters": ...}`) and a dispatch table of any name
that a loop in another module calls with the model's input: each function a schema names takes the model's arguments."""
import sqlite3
import subprocess
from pathlib import Path

DRAFTS = Path("/srv/drafts")

SCHEMAS = [
    {"name": "calculate", "description": "Evaluate arithmetic",
     "input_schema": {"type": "object", "properties": {"expression": {"type": "string"}}}},
    {"name": "write_draft", "input_schema": {"type": "object"}},
    {"type": "function", "function": {"name": "run_query", "parameters": {"type": "object"}}},
]
# A menu entry, no tool schema: it names `export_rows` but offers it to no model.
MENU = [{"name": "export_rows", "description": "Export the rows as CSV"}]


def calculate(expression: str) -> str:
    # expect: VC401 -- the model writes the expression
    return str(eval(expression))


def write_draft(filename: str, content: str) -> str:
    # expect: VC401 -- the model names the file
    (DRAFTS / filename).write_text(content)
    return "saved"


def run_query(sql: str) -> list:
    with sqlite3.connect("app.db") as conn:
        # expect: VC401 -- the model writes the SQL
        return conn.execute(sql).fetchall()


def export_rows(command: str) -> str:
    # ok: VC401 -- named by a menu, not by a tool schema
    return subprocess.run(command, shell=True, capture_output=True, text=True, check=True).stdout


def write_draft_safely(filename: str, content: str) -> str:
    # ok: VC401 -- no schema names it
    (DRAFTS / Path(filename).name).write_text(content)
    return "saved"


REGISTRY = {"calculate": calculate, "write_draft": write_draft, "run_query": run_query}
