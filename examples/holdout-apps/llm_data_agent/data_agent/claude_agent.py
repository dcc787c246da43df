import subprocess

import anthropic

from .tools import read_workspace_file

claude = anthropic.Anthropic()

TOOLS = [
    {
        "name": "run_command",
        "description": "Run a shell command on the analytics box",
        "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]},
    },
    {
        "name": "read_file",
        "description": "Read a workspace file",
        "input_schema": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]},
    },
]


def execute_command(command: str) -> str:
    # expect: VC408/VC421/VC417, VC108 -- shell=True on the model's tool input, from handle_tool (unchecked: forgotten)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True)
    return proc.stdout


def handle_tool(block) -> str:
    if block.name == "run_command":
        cmd = block.input["command"]
        # model tool input passed through a helper into shell=True: reported where it runs
        return execute_command(cmd)
    if block.name == "read_file":
        # ok: VC401/VC405 -- contained read
        return read_workspace_file(block.input["path"])
    return "unknown tool"


def ask(question: str) -> str:
    messages = [{"role": "user", "content": question}]
    while True:
        resp = claude.messages.create(model="claude-3-5-sonnet-latest", max_tokens=2048, tools=TOOLS,
                                      messages=messages)
        if resp.stop_reason != "tool_use":
            return "".join(b.text for b in resp.content if b.type == "text")
        messages.append({"role": "assistant", "content": resp.content})
        results = []
        for block in resp.content:
            if block.type == "tool_use":
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": handle_tool(block)})
        messages.append({"role": "user", "content": results})
