"""Room assistant: a LangChain tool-calling model with a few tools over the chat log."""

import sqlite3
import subprocess

from langchain_core.messages import HumanMessage, ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

LOG_DB = "chatlog.db"
ALLOWED_REPORTS = {"daily": "SELECT count(*) FROM messages WHERE ts > date('now', '-1 day')",
                   "top": "SELECT author, count(*) FROM messages GROUP BY author ORDER BY 2 DESC LIMIT 5"}


@tool
def query_log(sql: str) -> str:
    """Run a SQL query against the chat log and return the rows."""
    with sqlite3.connect(LOG_DB) as conn:
        # expect: VC401
        return str(conn.execute(sql).fetchall())


@tool
def run_report(name: str) -> str:
    """Run one of the named reports: daily or top."""
    with sqlite3.connect(LOG_DB) as conn:
        # ok: VC401
        return str(conn.execute(ALLOWED_REPORTS[name]).fetchall())


@tool
def system_status(command: str) -> str:
    """Check the server, e.g. `uptime` or `df -h`."""
    # expect: VC401
    return subprocess.run(command, shell=True, capture_output=True, text=True, check=False).stdout


TOOLS = {t.name: t for t in (query_log, run_report, system_status)}
model = ChatOpenAI(model="gpt-4o-mini").bind_tools(list(TOOLS.values()))


async def answer(room_id: str, question: str) -> str:
    messages = [HumanMessage(f"Room {room_id}: {question}")]
    reply = await model.ainvoke(messages)
    for call in reply.tool_calls:
        result = TOOLS[call["name"]].invoke(call["args"])
        messages += [reply, ToolMessage(result, tool_call_id=call["id"])]
        reply = await model.ainvoke(messages)
    if reply.content.startswith("CALC:"):
        # expect: VC401
        return str(eval(reply.content[5:]))
    return reply.content
