"""A plain OpenAI tool-calling loop for the copilot's Python sandbox and ticket search."""

import contextlib
import io
import json
import logging
import os
import sqlite3

from openai import OpenAI

logger = logging.getLogger(__name__)
# expect: VC403
client = OpenAI(api_key="sk-proj-Xq7Lm2Vb9Tz4Rk1Wc8Yp3Nd6Hg5Js0Fa")
MODEL = os.environ.get("COPILOT_MODEL", "gpt-4o")
MAX_STEPS = 8

TOOL_SCHEMAS = [
    {"type": "function", "function": {"name": "run_python", "parameters": {"type": "object", "properties": {
        "code": {"type": "string"}}, "required": ["code"]}}},
    {"type": "function", "function": {"name": "search_tickets", "parameters": {"type": "object", "properties": {
        "where": {"type": "string"}}, "required": ["where"]}}},
]


def run_python(code: str) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        # expect: VC401/VC417
        exec(code, {})
    return buffer.getvalue()


def search_tickets(where: str) -> list:
    with sqlite3.connect("tickets.db") as conn:
        # expect: VC401/VC417
        return conn.execute(f"SELECT id, title FROM tickets WHERE {where}").fetchall()


def dispatch(name: str, arguments: str) -> str:
    try:
        args = json.loads(arguments)
    # ok: VC101
    except json.JSONDecodeError:
        return "error: arguments were not valid JSON; send a JSON object"
    if name == "run_python":
        return run_python(args["code"])
    if name == "search_tickets":
        return json.dumps(search_tickets(args["where"]))
    return f"error: unknown tool {name}"


def run_agent(question: str) -> str:
    messages = [{"role": "system", "content": "You are a helpful DevOps copilot."},
                {"role": "user", "content": question}]
    for _ in range(MAX_STEPS):
        response = client.chat.completions.create(model=MODEL, messages=messages, tools=TOOL_SCHEMAS)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content or ""
        messages.append(message)
        for call in message.tool_calls:
            output = dispatch(call.function.name, call.function.arguments)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": output})
    return "stopped after too many steps"


def suggest_cleanup(disk_report: str) -> None:
    response = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"Give one shell command to free disk space:\n{disk_report}"}],
    )
    command = response.choices[0].message.content.strip()
    logger.info("running suggested cleanup: %s", command)
    # expect: VC401, VC108
    os.system(command)


def classify_ticket(text: str) -> str:
    response = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"Answer with one word, bug or feature:\n{text}"}],
    )
    label = response.choices[0].message.content.strip().lower()
    # ok: VC401
    return label if label in {"bug", "feature"} else "unknown"
