"""OpenAI helpers: chat answers and a small tool-calling agent for server admins."""
from __future__ import annotations

import json
import subprocess

from openai import AsyncOpenAI

from .config import OPENAI_API_KEY

client = AsyncOpenAI(api_key=OPENAI_API_KEY)
MODEL = "gpt-4o-mini"

SYSTEM = "You are GuildBot, a friendly assistant in a Discord server. Keep answers under 1500 characters."

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "run_command",
            "description": "Run a shell command on the bot host (diagnostics).",
            "parameters": {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "server_status",
            "description": "Report uptime and load of the bot host.",
            "parameters": {"type": "object", "properties": {}},
        },
    },
]


async def ask(question: str, history: list[dict] | None = None) -> str:
    messages = [{"role": "system", "content": SYSTEM}, *(history or []), {"role": "user", "content": question}]
    resp = await client.chat.completions.create(model=MODEL, messages=messages)
    return resp.choices[0].message.content or ""


def _server_status() -> str:
    # ok: VC401/VC408
    return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout


async def agent(request: str) -> str:
    """Let the model pick a diagnostic tool and run it."""
    messages = [{"role": "system", "content": "You help admins diagnose the bot host."}, {"role": "user", "content": request}]
    resp = await client.chat.completions.create(model=MODEL, messages=messages, tools=TOOLS)
    msg = resp.choices[0].message
    outputs = []
    for call in msg.tool_calls or []:
        args = json.loads(call.function.arguments or "{}")
        if call.function.name == "run_command":
            # expect: VC401, VC108, VC110 -- the model's command runs in a shell, blocking, unchecked
            proc = subprocess.run(args["command"], shell=True, capture_output=True, text=True, timeout=30)
            outputs.append(proc.stdout[-1500:])
        elif call.function.name == "server_status":
            # expect: VC110
            outputs.append(_server_status())
    return "\n".join(outputs) or (msg.content or "")
