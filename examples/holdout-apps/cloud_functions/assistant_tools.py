"""An OpenAI tool-calling support assistant: the model picks tools, we run them."""
import json
import os
import subprocess
from pathlib import Path

import pyodbc
import requests
from openai import OpenAI

client = OpenAI()
SQL_CONN = os.environ.get("SQL_CONN", "")
NOTES_DIR = Path("/tmp/notes")


def query_orders(where: str) -> str:
    with pyodbc.connect(SQL_CONN) as conn:
        # expect: VC401/VC417 -- the model writes the WHERE clause
        rows = conn.cursor().execute(f"SELECT TOP 20 id, status, total FROM orders WHERE {where}").fetchall()
    return json.dumps([list(r) for r in rows], default=str)


def order_status(order_id: int) -> str:
    with pyodbc.connect(SQL_CONN) as conn:
        # ok: VC401/VC402 -- parameter marker
        row = conn.cursor().execute("SELECT status FROM orders WHERE id = ?", int(order_id)).fetchone()
    return row[0] if row else "unknown"


def fetch_tracking(url: str) -> str:
    # expect: VC401/VC405, VC107 -- the model picks the URL; an error page is the answer
    return requests.get(url, timeout=10).text[:2000]


def save_note(filename: str, content: str) -> str:
    # expect: VC401 -- the model names the file written
    (NOTES_DIR / filename).write_text(content)
    return "saved"


def diagnose(command: str) -> str:
    # expect: VC401/VC424, VC108 -- the model's shell command runs, its exit status unread
    out = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return out.stdout[-2000:]


TOOL_SPECS = [
    {"type": "function", "function": {"name": name, "parameters": {"type": "object"}}}
    for name in ("query_orders", "order_status", "fetch_tracking", "save_note", "diagnose")
]


def run_agent(question: str) -> str:
    messages = [{"role": "system", "content": "You are a support assistant."},
                {"role": "user", "content": question}]
    for _ in range(5):
        resp = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOL_SPECS)
        msg = resp.choices[0].message
        if not msg.tool_calls:
            return msg.content or ""
        messages.append(msg)
        for call in msg.tool_calls:
            args = json.loads(call.function.arguments)
            # expect: VC401 -- the model picks any function of the module by name
            result = globals()[call.function.name](**args)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": str(result)})
    return "I could not finish."
