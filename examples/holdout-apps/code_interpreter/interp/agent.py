"""The Claude tool-use loop: the model writes Python, we run it and show it the output."""

from __future__ import annotations

import logging
import os
import re
import time

import anthropic

from .sandbox import install_any, install_package, run_in_container, run_inline

log = logging.getLogger(__name__)
# expect: VC403
client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY", "sk-ant-api03-Qx7vR2mN9kL4pT8wZ1yB5cD3fG6hJ0sA-xYz"))
MODEL = "claude-3-5-sonnet-latest"
FENCE = re.compile(r"```(?:python)?\n(.*?)```", re.S)

TOOLS = [
    {"name": "run_python", "description": "Run Python code and return stdout/stderr.",
     "input_schema": {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]}},
    {"name": "pip_install", "description": "Install a Python package.",
     "input_schema": {"type": "object", "properties": {"package": {"type": "string"}}, "required": ["package"]}},
]


def create_message(messages: list[dict]) -> anthropic.types.Message:
    # ok: VC109
    for attempt in range(4):
        try:
            return client.messages.create(model=MODEL, max_tokens=4096, tools=TOOLS, messages=messages)
        except anthropic.RateLimitError:
            time.sleep(5 * (attempt + 1))
    raise RuntimeError("still rate limited")


def handle_tool(name: str, tool_input: dict, trusted: bool) -> str:
    if name == "run_python":
        result = run_in_container(tool_input["code"]) if not trusted else run_inline(tool_input["code"])
        return f"exit={result.exit_code}\n{result.stdout}\n{result.stderr}"
    if name == "pip_install":
        # ok: VC401/VC417
        return install_package(tool_input["package"])
    return f"unknown tool {name}"


def solve(task: str, trusted: bool = False, max_turns: int = 12) -> str:
    messages: list[dict] = [{"role": "user", "content": task}]
    for _ in range(max_turns):
        reply = create_message(messages)
        messages.append({"role": "assistant", "content": reply.content})
        if reply.stop_reason != "tool_use":
            return "".join(block.text for block in reply.content if block.type == "text")
        results = []
        for block in reply.content:
            if block.type == "tool_use":
                output = handle_tool(block.name, block.input, trusted)
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": output[-8000:]})
        messages.append({"role": "user", "content": results})
    return "stopped after too many turns"


def quick_answer(question: str) -> str:
    """One shot: ask for a snippet in a fence and run it in process."""
    reply = client.messages.create(model=MODEL, max_tokens=1024,
                                   messages=[{"role": "user", "content": f"Write Python that prints: {question}"}])
    match = FENCE.search(reply.content[0].text)
    if not match:
        return reply.content[0].text
    return run_inline(match.group(1)).stdout


def ensure_requirements(task: str) -> None:
    reply = client.messages.create(model=MODEL, max_tokens=200, messages=[
        {"role": "user", "content": f"List the pip packages needed for this task, space separated: {task}"}])
    install_any(reply.content[0].text.strip())


def plot_title(task: str) -> str:
    try:
        reply = client.messages.create(model=MODEL, max_tokens=30,
                                       messages=[{"role": "user", "content": f"A chart title for: {task}"}])
        return reply.content[0].text.strip()
    except Exception as exc:
        log.warning("title failed: %s", exc)
        # expect: VC103
        return "Chart"
