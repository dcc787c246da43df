"""Tools the assistant can call. Each tool takes the arguments the model chose and returns text."""

import ast
import io
import json
import operator
import os
import subprocess
from contextlib import redirect_stdout
from urllib.parse import urlparse

import httpx

from .config import settings
from .db import get_conn


def run_sql(where: str, table: str = "orders", limit: int = 20) -> str:
    """Query the orders database with a WHERE clause."""
    with get_conn() as conn:
        # expect: VC401/VC402/VC422
        rows = conn.execute(f"SELECT * FROM {table} WHERE {where} LIMIT {limit}").fetchall()
    return json.dumps([dict(r) for r in rows], default=str)


def order_status(order_id: int) -> str:
    """Look up one order by its id."""
    with get_conn() as conn:
        # ok: VC401/VC402/VC422
        row = conn.execute("SELECT id, status, total FROM orders WHERE id = ?", (order_id,)).fetchone()
    return json.dumps(dict(row) if row else {"error": "not found"})


def orders_for_customer(customer: str, status: str | None = None) -> str:
    """List a customer's orders, optionally by status."""
    sql = "SELECT id, status, total FROM orders WHERE customer = ?"
    params: list = [customer]
    if status:
        sql += " AND status = ?"
        params.append(status)
    with get_conn() as conn:
        # ok: VC401/VC402/VC422
        rows = conn.execute(sql, params).fetchall()
    return json.dumps([dict(r) for r in rows])


def read_file(path: str) -> str:
    """Read a file from the documentation folder."""
    # expect: VC401/VC405
    with open(os.path.join(settings.docs_root, path), encoding="utf-8") as fh:
        return fh.read()[:20_000]


def read_doc(path: str) -> str:
    """Read a documentation page, confined to the docs folder."""
    root = settings.docs_root.resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root):
        return "error: path outside the documentation folder"
    # ok: VC401/VC405
    return target.read_text(encoding="utf-8")[:20_000]


def fetch_url(url: str) -> str:
    """Fetch a web page so the model can cite it."""
    # expect: VC401/VC405
    resp = httpx.get(url, timeout=15, follow_redirects=True)
    resp.raise_for_status()
    return resp.text[:20_000]


def fetch_reference(url: str) -> str:
    """Fetch a page from one of the reference sites."""
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in settings.allowed_fetch_hosts:
        return f"error: {parsed.hostname} is not an allowed host"
    # ok: VC401/VC405
    resp = httpx.get(url, timeout=15, follow_redirects=False)
    resp.raise_for_status()
    return resp.text[:20_000]


def python(code: str) -> str:
    """Run Python code and return what it prints."""
    buf = io.StringIO()
    scope: dict = {}
    with redirect_stdout(buf):
        # expect: VC401/VC424/VC413
        exec(code, scope)
    return buf.getvalue()[-4000:]


_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
}


def _eval_node(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval_node(node.left), _eval_node(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval_node(node.operand))
    raise ValueError("unsupported expression")


def calculator(expression: str) -> str:
    """Evaluate an arithmetic expression."""
    # ok: VC401/VC424/VC413
    return str(_eval_node(ast.parse(expression, mode="eval").body))


def git_log(repo: str, count: int = 10) -> str:
    """Show recent commits of one of the checked-out repositories."""
    # expect: VC401/VC421/VC408
    out = subprocess.run(f"git -C /srv/repos/{repo} log --oneline -n {count}", shell=True,
                         capture_output=True, text=True, check=True, timeout=30)
    return out.stdout


def git_log_safe(repo: str, count: int = 10) -> str:
    """Show recent commits, with the repository name checked against the checked-out ones."""
    if repo not in os.listdir("/srv/repos"):
        return "error: unknown repository"
    # ok: VC401/VC421/VC408
    out = subprocess.run(["git", "-C", f"/srv/repos/{repo}", "log", "--oneline", "-n", str(int(count))],
                         capture_output=True, text=True, check=True, timeout=30)
    return out.stdout


TOOLS = {
    "run_sql": run_sql,
    "order_status": order_status,
    "orders_for_customer": orders_for_customer,
    "read_file": read_file,
    "read_doc": read_doc,
    "fetch_url": fetch_url,
    "fetch_reference": fetch_reference,
    "python": python,
    "calculator": calculator,
    "git_log": git_log,
    "git_log_safe": git_log_safe,
}


def _schema(name: str, description: str, properties: dict, required: list[str]) -> dict:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {"type": "object", "properties": properties, "required": required},
        },
    }


TOOL_SCHEMAS = [
    _schema("run_sql", "Query orders with a SQL WHERE clause", {"where": {"type": "string"}, "table": {"type": "string"}}, ["where"]),
    _schema("order_status", "Status of one order", {"order_id": {"type": "integer"}}, ["order_id"]),
    _schema("orders_for_customer", "Orders of a customer", {"customer": {"type": "string"}, "status": {"type": "string"}}, ["customer"]),
    _schema("read_file", "Read a documentation file", {"path": {"type": "string"}}, ["path"]),
    _schema("read_doc", "Read a documentation page", {"path": {"type": "string"}}, ["path"]),
    _schema("fetch_url", "Fetch a URL", {"url": {"type": "string"}}, ["url"]),
    _schema("fetch_reference", "Fetch a reference page", {"url": {"type": "string"}}, ["url"]),
    _schema("python", "Run Python code", {"code": {"type": "string"}}, ["code"]),
    _schema("calculator", "Arithmetic", {"expression": {"type": "string"}}, ["expression"]),
    _schema("git_log", "Recent commits", {"repo": {"type": "string"}, "count": {"type": "integer"}}, ["repo"]),
]
