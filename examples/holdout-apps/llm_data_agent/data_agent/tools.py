import subprocess
from pathlib import Path

import requests

from .db import product_by_name, run_query

WORKSPACE = Path("/srv/agent/workspace").resolve()
SAFE_COMMANDS = {"disk": ["df", "-h"], "uptime": ["uptime"], "load": ["cat", "/proc/loadavg"]}


def sql_tool(query: str) -> str:
    # model-written SQL executed as is: reported where `run_query` runs it
    rows = run_query(query)
    return str(rows[:50])


def python_tool(code: str) -> str:
    scope: dict = {}
    # expect: VC401/VC413/VC417 -- model-written code executed
    exec(code, scope)
    return str(scope.get("result"))


def shell_tool(command: str) -> str:
    # expect: VC401/VC408/VC421 -- model-written shell command
    out = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return out.stdout + out.stderr


def system_info_tool(name: str) -> str:
    # ok: VC401/VC408/VC421 -- allowlisted command table, no shell
    out = subprocess.run(SAFE_COMMANDS[name], capture_output=True, text=True, timeout=10, check=True)
    return out.stdout


def read_file_tool(path: str) -> str:
    # expect: VC401/VC405 -- model-chosen path read without containment
    return open(path).read()


def read_workspace_file(path: str) -> str:
    target = (WORKSPACE / path).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("path escapes workspace")
    # ok: VC401/VC405 -- contained path
    return target.read_text()


def fetch_tool(url: str) -> str:
    # expect: VC401/VC405, VC107 -- model-chosen URL fetched (SSRF; status unchecked: forgotten)
    return requests.get(url, timeout=10).text[:5000]


def product_tool(name: str) -> str:
    # ok: VC401/VC402 -- model value as a bound parameter
    return str(product_by_name(name))


TOOLS = {
    "sql": sql_tool,
    "python": python_tool,
    "shell": shell_tool,
    "system_info": system_info_tool,
    "read_file": read_file_tool,
    "read_workspace_file": read_workspace_file,
    "fetch": fetch_tool,
    "product": product_tool,
}

TOOL_SCHEMAS = [
    {
        "type": "function",
        "function": {
            "name": name,
            "description": fn.__name__,
            "parameters": {"type": "object", "properties": {"arg": {"type": "string"}}, "required": ["arg"]},
        },
    }
    for name, fn in TOOLS.items()
]
