"""The same tools on the low-level MCP server API, for clients that need the raw protocol."""

import json
import os
import sqlite3

import mcp.types as types
from mcp.server import Server

server = Server("devtools-lowlevel")
REPORTS = sqlite3.connect(os.environ.get("REPORTS_DB", "/srv/devtools/reports.db"), check_same_thread=False)


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name="run_sql", description="Run a read-only query", inputSchema={
            "type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}),
        types.Tool(name="count_rows", description="Count the rows of a table", inputSchema={
            "type": "object", "properties": {"table": {"type": "string"}}, "required": ["table"]}),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "run_sql":
        # expect: VC401/VC422
        rows = REPORTS.execute(arguments["query"]).fetchall()
        return [types.TextContent(type="text", text=json.dumps(rows))]
    if name == "count_rows":
        if arguments["table"] not in {"builds", "deploys", "incidents"}:
            raise ValueError("unknown table")
        # ok: VC401/VC422
        rows = REPORTS.execute(f"SELECT COUNT(*) FROM {arguments['table']}").fetchall()
        return [types.TextContent(type="text", text=str(rows[0][0]))]
    raise ValueError(f"unknown tool {name}")
