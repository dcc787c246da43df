"""Tools the model can call."""

from __future__ import annotations

import ast
import operator
import subprocess
from pathlib import Path

import httpx

from .config import NOTES_DIR, WEATHER_URL

_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
}


def _safe_eval(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _safe_eval(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_safe_eval(node.left), _safe_eval(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_safe_eval(node.operand))
    raise ValueError("unsupported expression")


def calculator(expression: str) -> str:
    # ok: VC401/VC413
    return str(_safe_eval(ast.parse(expression, mode="eval")))


def python_eval(code: str) -> str:
    """Quick python evaluation for unit conversions and date math."""
    # expect: VC401/VC424
    return str(eval(code))


def run_shell(command: str) -> str:
    # expect: VC401/VC424
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return proc.stdout + proc.stderr


def system_status() -> str:
    # ok: VC401/VC408
    proc = subprocess.run(["uptime"], capture_output=True, text=True, timeout=5, check=True)
    return proc.stdout


def read_note(name: str) -> str:
    path = (NOTES_DIR / name).resolve()
    # ok: VC401/VC405
    if not path.is_relative_to(NOTES_DIR):
        return "error: outside the notes folder"
    return path.read_text()


def write_note(name: str, content: str) -> str:
    # expect: VC401/VC405
    Path(NOTES_DIR, name).write_text(content)
    return "saved"


async def weather(latitude: float, longitude: float) -> str:
    async with httpx.AsyncClient(timeout=10) as http:
        # ok: VC405/VC401
        resp = await http.get(WEATHER_URL, params={"latitude": latitude, "longitude": longitude, "current_weather": True})
        resp.raise_for_status()
        return resp.text


async def fetch_url(url: str) -> str:
    async with httpx.AsyncClient(timeout=10) as http:
        # expect: VC401/VC405
        resp = await http.get(url)
        # expect: VC107
        return resp.text[:5000]


TOOLS = {
    "calculator": calculator,
    "python_eval": python_eval,
    "run_shell": run_shell,
    "system_status": system_status,
    "read_note": read_note,
    "write_note": write_note,
    "weather": weather,
    "fetch_url": fetch_url,
}


def _schema(name: str, description: str, props: dict) -> dict:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {"type": "object", "properties": props, "required": list(props)},
        },
    }


TOOL_SCHEMAS = [
    _schema("calculator", "Evaluate arithmetic", {"expression": {"type": "string"}}),
    _schema("python_eval", "Evaluate a Python expression", {"code": {"type": "string"}}),
    _schema("run_shell", "Run a shell command on the home server", {"command": {"type": "string"}}),
    _schema("system_status", "Uptime and load", {}),
    _schema("read_note", "Read a note by file name", {"name": {"type": "string"}}),
    _schema("write_note", "Write a note", {"name": {"type": "string"}, "content": {"type": "string"}}),
    _schema("weather", "Current weather", {"latitude": {"type": "number"}, "longitude": {"type": "number"}}),
    _schema("fetch_url", "Fetch a web page", {"url": {"type": "string"}}),
]


async def dispatch(name: str, args: dict):
    func = TOOLS.get(name)
    if func is None:
        return f"unknown tool {name}"
    try:
        result = func(**args)
        if hasattr(result, "__await__"):
            result = await result
        return result
    # ok: VC101/VC103
    # expect: VC102 -- the model gets the message, but no log keeps the traceback
    except Exception as exc:
        return f"tool error: {exc}"
