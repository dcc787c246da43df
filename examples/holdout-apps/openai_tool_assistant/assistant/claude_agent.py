"""The same assistant on Claude, for the admin console (raw SQL and shell for power users)."""

import sqlite3
import subprocess

import anthropic

from .config import ANTHROPIC_API_KEY, settings

claude = anthropic.Anthropic(api_key=ANTHROPIC_API_KEY)

ADMIN_TOOLS = [
    {
        "name": "query",
        "description": "Run a read-only SQL query against the orders database",
        "input_schema": {"type": "object", "properties": {"sql": {"type": "string"}}, "required": ["sql"]},
    },
    {
        "name": "shell",
        "description": "Run a shell command on the support server",
        "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]},
    },
    {
        "name": "disk_usage",
        "description": "Disk usage of one of the data folders",
        "input_schema": {"type": "object", "properties": {"folder": {"type": "string", "enum": ["uploads", "docs"]}}},
    },
]

DATA_FOLDERS = {"uploads": str(settings.upload_dir), "docs": str(settings.docs_root)}


def handle_tool(block) -> str:
    if block.name == "query":
        conn = sqlite3.connect(settings.database_path)
        try:
            # expect: VC401/VC402/VC417
            rows = conn.execute(block.input["sql"]).fetchall()
        finally:
            conn.close()
        return repr(rows[:50])
    if block.name == "shell":
        # expect: VC401/VC424/VC408/VC417
        proc = subprocess.run(block.input["command"], shell=True, capture_output=True, text=True, timeout=60)
        return proc.stdout + proc.stderr
    if block.name == "disk_usage":
        folder = DATA_FOLDERS.get(block.input.get("folder", ""), DATA_FOLDERS["docs"])
        # ok: VC401/VC408/VC421
        proc = subprocess.run(["du", "-sh", folder], capture_output=True, text=True, timeout=60, check=True)
        return proc.stdout
    return f"unknown tool {block.name}"


def admin_chat(prompt: str) -> str:
    messages = [{"role": "user", "content": prompt}]
    while True:
        reply = claude.messages.create(
            model=settings.claude_model, max_tokens=2048, tools=ADMIN_TOOLS, messages=messages
        )
        if reply.stop_reason != "tool_use":
            return "".join(b.text for b in reply.content if b.type == "text")
        messages.append({"role": "assistant", "content": reply.content})
        results = []
        for block in reply.content:
            if block.type == "tool_use":
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": handle_tool(block)})
        messages.append({"role": "user", "content": results})
