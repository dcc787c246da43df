"""A Claude tool-use loop: bash, a text editor and a calculator for the research assistant."""

import logging
import shlex
import subprocess
from pathlib import Path

import anthropic

logger = logging.getLogger(__name__)
client = anthropic.Anthropic()
SANDBOX = Path("/srv/research/sandbox").resolve()

TOOLS = [
    {"name": "bash", "description": "Run a bash command.",
     "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]}},
    {"name": "write_file", "description": "Write a file.",
     "input_schema": {"type": "object", "properties": {"path": {"type": "string"}, "content": {"type": "string"}}}},
    {"name": "calculate", "description": "Evaluate arithmetic.",
     "input_schema": {"type": "object", "properties": {"expression": {"type": "string"}}}},
    {"name": "word_count", "description": "Count words in a sandbox file.",
     "input_schema": {"type": "object", "properties": {"path": {"type": "string"}}}},
]


def handle_tool(block) -> str:
    if block.name == "bash":
        # expect: VC401/VC417
        proc = subprocess.run(block.input["command"], shell=True, capture_output=True, text=True)
        return proc.stdout + proc.stderr
    if block.name == "write_file":
        # expect: VC401/VC417
        Path(block.input["path"]).write_text(block.input["content"])
        return "written"
    if block.name == "calculate":
        expression = block.input.get("expression", "")
        # expect: VC401/VC417
        return str(eval(expression, {"__builtins__": {}}))
    if block.name == "word_count":
        target = (SANDBOX / block.input["path"]).resolve()
        if not target.is_relative_to(SANDBOX):
            return "refused"
        # ok: VC401
        # expect: VC108
        return subprocess.run(["wc", "-w", str(target)], capture_output=True, text=True).stdout
    return f"unknown tool {block.name}"


def run(task: str) -> str:
    messages = [{"role": "user", "content": task}]
    while True:
        response = client.messages.create(model="claude-sonnet-4-5", max_tokens=4096, tools=TOOLS,
                                          messages=messages)
        messages.append({"role": "assistant", "content": response.content})
        if response.stop_reason != "tool_use":
            return "".join(b.text for b in response.content if b.type == "text")
        results = []
        for block in response.content:
            if block.type == "tool_use":
                logger.info("tool call %s %s", block.name, block.input)
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": handle_tool(block)})
        messages.append({"role": "user", "content": results})


def quick_shell(goal: str) -> str:
    response = client.messages.create(model="claude-haiku-4-5", max_tokens=200, tools=TOOLS,
                                      messages=[{"role": "user", "content": goal}])
    for block in response.content:
        if block.type == "tool_use" and block.name == "bash":
            cmd = block.input["command"]
            # ok: VC401
            argv = ["git", "log", "--oneline", "--grep", cmd]
            # expect: VC108
            return subprocess.run(argv, capture_output=True, text=True).stdout
    return ""


def explain_command(goal: str) -> str:
    response = client.messages.create(model="claude-haiku-4-5", max_tokens=200,
                                      messages=[{"role": "user", "content": f"Shell command for: {goal}"}])
    suggestion = response.content[0].text
    # ok: VC401
    return f"Suggested (not run): {shlex.quote(suggestion)}"
